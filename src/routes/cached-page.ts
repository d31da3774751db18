// The pages of one fact, one story and one conflict for readers who are not signed in, cached like the
// queue: rendered once per data version and key (src/services/versioned-cache.ts says why an entry
// is never stale), served with this response's own nonce (cached-html.ts). Signed-in readers and htmx
// requests are rendered each time (their pages carry forms, names and no-store headers).
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Db } from '../../db/client';
import { dataVersion } from '../../db/queries/counters';
import type { LayoutProps } from '../../views/layout';
import { isHtmx } from '../responses/htmx';
import { page, pageHtml } from '../responses/render';
import { sharedVersionRead, VersionedCache } from '../services/versioned-cache';
import { type CachedHtml, cachedHtmlResponse, cacheHtml, noncePlaceholder } from './cached-html';

/** What a page handler renders: a page, or an answer of its own (a redirect to a merged fact). */
export type Rendered = { title: string; body: Child; nav?: LayoutProps['nav'] } | Response;

/**
 * A cache of one kind of page; `key` names the page (its id, and the origin its permalink uses). Requests
 * that miss while the same page of the same version is being built wait for that build instead of
 * starting their own: after a write, 16 readers of a large story page cost one build, not 16 at once.
 */
export function anonymousPages(db: Db, size = 256) {
  const pages = new VersionedCache<CachedHtml>(size);
  /** Builds under way, by version and key: the page, or null when it answered otherwise (a redirect). */
  const building = new Map<string, Promise<CachedHtml | null>>();
  return async (c: Context, key: string, render: () => Promise<Rendered>): Promise<Response> => {
    if (c.get('user') || isHtmx(c)) {
      const r = await render();
      return r instanceof Response ? r : page(c, r.title, r.body, { nav: r.nav });
    }
    // Read before the page's data: what is rendered is at least this new, so storing it under this
    // version never serves an older page to a request that read a newer version.
    const version = await sharedVersionRead(db, () => dataVersion(db));
    const hit = pages.get(version, key);
    if (hit) return cachedHtmlResponse(c, hit);
    const flight = `${version}\n${key}`;
    const underWay = building.get(flight);
    if (underWay) {
      const html = await underWay;
      if (html) return cachedHtmlResponse(c, html);
    }
    const build = (async (): Promise<CachedHtml | Response> => {
      const r = await render();
      if (r instanceof Response) return r;
      const html = cacheHtml(
        pageHtml(r.title, r.body, { nonce: noncePlaceholder(), nav: r.nav, user: null }),
      );
      pages.set(version, key, html);
      return html;
    })();
    // A redirect is this request's own answer: a waiter that gets null renders its own (above, then here).
    if (!underWay) {
      const shared = build.then((out) => (out instanceof Response ? null : out));
      building.set(flight, shared);
      shared.then(
        () => building.delete(flight),
        () => building.delete(flight),
      );
    }
    const out = await build;
    return out instanceof Response ? out : cachedHtmlResponse(c, out);
  };
}
