// GET / — the conflict queue (filters, search, sort, pages all in the URL); htmx requests get only the list.
// The busiest page, so it is cached: its data per data version and filter set, and the rendered HTML
// per data version, filter set and reader (src/services/versioned-cache.ts says why neither is ever
// stale). The CSP nonce is still this response's own (src/routes/cached-html.ts).

import { ErrorMessage } from '../../views/pages/error';
import { QueuePage } from '../../views/pages/queue';
import { QueueList } from '../../views/partials/queue-list';
import { isHtmx } from '../responses/htmx';
import { fragment, fragmentHtml, pageHtml, renderError } from '../responses/render';
import { conflictQueueAt, queueDataCache, queueReaderState } from '../services/conflicts';
import { VersionedCache } from '../services/versioned-cache';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import { type CachedHtml, cachedHtmlResponse, cacheHtml, noncePlaceholder } from './cached-html';
import { errorSummary, queueQuery, type ValidationError } from './schemas';

/** The queue without parameters, parsed once: the most requested URL skips validation. */
const DEFAULT_QUERY = queueQuery.parse({});

export function queueRoutes(deps: AppDeps) {
  const data = queueDataCache(deps.db);
  const pages = new VersionedCache<CachedHtml>(64);
  return new Hono<AppEnv>().get('/', async (c) => {
    const url = c.req.url;
    const search = url.indexOf('?');
    let query = DEFAULT_QUERY;
    if (search !== -1 && search < url.length - 1) {
      // As zValidator('query') reads it: a repeated parameter is an array (and fails validation).
      const params = Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v]);
      const parsed = queueQuery.safeParse(Object.fromEntries(params));
      if (!parsed.success) {
        const message = errorSummary(parsed.error as ValidationError);
        // htmx swaps the list's place: the answer keeps its id, so the next filter change finds it again.
        if (isHtmx(c))
          return fragment(
            c,
            <div id="queue-list" aria-live="polite">
              <ErrorMessage status={400} message={message} />
            </div>,
            400,
          );
        return renderError(c, 400, message);
      }
      query = parsed.data;
    }
    const user = c.get('user');
    const htmx = isHtmx(c);
    // What the HTML depends on besides the data: the filters, page or fragment, and for a signed-in
    // reader who they are and the reviewers they may pick from.
    const { version, reviewers } = await queueReaderState(deps.db, user);
    const key = JSON.stringify([htmx, query, user, reviewers]);
    const hit = pages.get(version, key);
    if (hit) return cachedHtmlResponse(c, hit);
    const at = await conflictQueueAt(deps.db, query, user, data, reviewers);
    const title = query.assignee === 'me' ? 'My queue' : 'Conflict queue';
    const html = cacheHtml(
      htmx
        ? fragmentHtml(<QueueList queue={at.queue} />)
        : pageHtml(title, <QueuePage queue={at.queue} />, { nonce: noncePlaceholder(), nav: 'queue', user }),
    );
    pages.set(at.version, key, html);
    return cachedHtmlResponse(c, html);
  });
}
