// The reviewer's journey through the Worker, shared by the D1 and the remote-libSQL tests:
// ingest the seeds over HTTP, find 57 vs "some 50" in the dashboard and the JSON API, review a claim.
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import cnn from '../../seeds/cnn-austin-kyiv-visit.txt?raw';
import dod from '../../seeds/dod-ukraine-assistance-briefing.txt?raw';
import manifest from '../../seeds/manifest.json';
import { type SignedIn, signedIn } from '../helpers/auth';

export const ORIGIN = 'http://crosscheck.test';
const TEXTS: Record<string, string> = {
  'cnn-austin-kyiv-visit.txt': cnn,
  'dod-ukraine-assistance-briefing.txt': dod,
};

export type Fetch = (request: Request) => Promise<Response>;

interface QueueItem {
  id: number;
  relation: string;
  factId: number | null;
  a: { id: number; text: string; outlet: string };
  b: { id: number; text: string; outlet: string };
}

const isTheConflict = (l: QueueItem) => {
  const texts = `${l.a.text} ${l.b.text}`;
  return texts.includes('57 countries') && texts.includes('some 50 partners');
};

/**
 * Registers the journey's tests; `send` is how a request reaches the Worker under test, `db` the
 * database behind it. `crossReference`: 'queued' when the Worker has the CROSSREF queue (the ingest
 * answers at once and the queue consumer adds the links), 'inline' when the request does both.
 */
export function journey(send: Fetch, db: () => Db, crossReference: 'queued' | 'inline'): void {
  // Writes need a signed-in reviewer: an account with an API token (JSON) and a session (forms).
  let reviewer: SignedIn;
  beforeAll(async () => {
    reviewer = await signedIn(db(), 'reviewer');
  });
  const json = (path: string, body: unknown) =>
    new Request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, ...reviewer.bearer },
      body: JSON.stringify(body),
    });
  const get = (path: string, headers: Record<string, string> = {}) =>
    send(new Request(`${ORIGIN}${path}`, { headers }));
  let conflict: QueueItem;

  /**
   * Queued, the request answers 202 with a one-item import: the consumer's `extract` stage stores the
   * article (its claims extracted there), and the import's item then names it. Its status when done.
   */
  const importItem = async (progress: string) => {
    let item: { status: string; articleId: number | null; reason: string | null } | undefined;
    await expect
      .poll(
        async () => {
          const body = (await (await get(progress, reviewer.bearer)).json()) as { items: (typeof item)[] };
          item = body.items[0];
          return item?.status;
        },
        { timeout: 20_000, interval: 100 },
      )
      .not.toBe('running');
    return item!;
  };

  it('ingests the seed articles through POST /api/articles, once', async () => {
    expect(manifest.map((m) => m.file).sort()).toEqual(Object.keys(TEXTS).sort());
    const ids: number[] = [];
    for (const entry of manifest) {
      const res = await send(
        json('/api/articles', { outlet: entry.outlet, title: entry.title, text: TEXTS[entry.file] }),
      );
      const body = (await res.json()) as {
        status: string;
        claims: number;
        articleId: number;
        progress: string;
      };
      if (crossReference === 'queued') {
        // Received, not yet read: the answer says so, and where to follow it.
        expect(res.status, JSON.stringify(body)).toBe(202);
        expect(body).toMatchObject({ status: 'queued', title: entry.title, outlet: entry.outlet });
        expect(res.headers.get('Location')).toBe(body.progress);
        const item = await importItem(body.progress);
        expect(item, JSON.stringify(item)).toMatchObject({ status: 'stored' });
        const stored = (await (await get(`/api/articles/${item.articleId}`)).json()) as { claims: unknown[] };
        expect(stored.claims.length).toBeGreaterThan(5);
        ids.push(item.articleId!);
        continue;
      }
      expect(res.status, JSON.stringify(body)).toBe(201);
      expect(body).toMatchObject({ status: 'created', crossReference: 'done' });
      expect(body.claims).toBeGreaterThan(5);
      ids.push(body.articleId);
    }
    if (crossReference === 'queued') {
      // The queue consumer compares each article with the archive a moment later.
      for (const id of ids) {
        await expect
          .poll(
            async () =>
              ((await (await get(`/api/articles/${id}`)).json()) as { crossrefPending: boolean })
                .crossrefPending,
            { timeout: 20_000, interval: 100 },
          )
          .toBe(false);
      }
    }
    const again = await send(json('/api/articles', { outlet: 'CNN', title: 'again', text: cnn }));
    if (crossReference === 'queued') {
      expect(again.status).toBe(202);
      const item = await importItem(((await again.json()) as { progress: string }).progress);
      expect(item).toMatchObject({
        status: 'duplicate',
        articleId: ids[manifest.findIndex((m) => m.outlet === 'CNN')],
      });
    } else {
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ status: 'duplicate' });
    }
  });

  it('lists the 57-vs-50 conflict in the JSON API', async () => {
    const res = await get('/api/conflicts?limit=200');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: QueueItem[]; counts: Record<string, number> };
    const found = body.items.find(isTheConflict);
    expect(found, body.items.map((l) => `${l.a.text} | ${l.b.text}`).join('\n')).toBeDefined();
    conflict = found!;
    expect(conflict.relation).toBe('conflict');
    expect([conflict.a.outlet, conflict.b.outlet].sort()).toEqual([
      'CNN',
      'U.S. Department of Defense (DOD News)',
    ]);
  });

  it('shows it on the dashboard and side by side, numbers marked', async () => {
    const queue = await get('/');
    expect(queue.status).toBe(200);
    expect(queue.headers.get('content-security-policy')).toContain("script-src 'nonce-");
    const html = await queue.text();
    // The queue lists the conflict's fact; its pairs are read when the row is unfolded (htmx).
    expect(html).toContain(`href="/facts/${conflict.factId}"`);
    const pairs = await get(`/facts/${conflict.factId}/pairs`, { 'HX-Request': 'true' });
    expect(await pairs.text()).toContain(`href="/conflicts/${conflict.id}"`);
    expect(html).toContain('57 countries');
    expect(html).toContain('some 50 partners');
    expect(html).toContain('src="/static/htmx.min.js"');

    const page = await get(`/conflicts/${conflict.id}`);
    expect(page.status).toBe(200);
    const side = await page.text();
    expect(side).toMatch(/<mark>[^<]*57[^<]*<\/mark>/);
    expect(side).toMatch(/<mark>[^<]*50[^<]*<\/mark>/);

    const api = await get(`/api/conflicts/${conflict.id}`);
    expect(((await api.json()) as { link: { id: number } }).link.id).toBe(conflict.id);
  });

  it('marks a claim verified (JSON and htmx form) and reads it back', async () => {
    const claimId = conflict.a.id;
    const before = (await (await get(`/api/claims/${claimId}`)).json()) as {
      claim: { status: string; version: number };
    };
    expect(before.claim.status).toBe('unreviewed');

    const marked = await send(
      json(`/api/claims/${claimId}/status`, {
        status: 'disputed',
        version: before.claim.version,
        note: 'checked on the Worker',
        evidence: ['https://www.defense.gov/'],
      }),
    );
    expect(marked.status, await marked.clone().text()).toBe(200);

    // The dashboard's own form, as htmx posts it: the answer is the badge fragment.
    const form = await send(
      new Request(`${ORIGIN}/claims/${claimId}/status`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'HX-Request': 'true', 'HX-Request-Type': 'partial', ...reviewer.cookie },
        body: new URLSearchParams({
          status: 'verified',
          version: String(before.claim.version + 1),
        }),
      }),
    );
    expect(form.status).toBe(200);
    expect(await form.text()).toMatch(/id="claim-badge-\d+"[^>]*>Verified<|class="badge status-verified"/);

    const after = (await (await get(`/api/claims/${claimId}`)).json()) as {
      claim: { status: string; version: number };
    };
    expect(after.claim).toMatchObject({ status: 'verified', version: before.claim.version + 2 });
  });

  it('answers a stale version with 409 naming who changed it, and nothing is logged twice', async () => {
    const claimId = conflict.a.id;
    const stale = await send(json(`/api/claims/${claimId}/status`, { status: 'false', version: 1 }));
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as {
      error: { current: { status: string; changedBy: { login: string } } };
    };
    expect(body.error.current).toMatchObject({
      status: 'verified',
      changedBy: { login: reviewer.user.login },
    });
    const page = await (await get(`/claims/${claimId}`)).text();
    expect(page).toContain('checked on the Worker');
    expect(page).toContain('href="https://www.defense.gov/"');
  });

  it('searches the queue with FTS5 and exports ClaimReview JSON-LD', async () => {
    const found = await (
      await get('/?q=partn*', { 'HX-Request': 'true', 'HX-Request-Type': 'partial' })
    ).text();
    expect(found).toContain(`href="/facts/${conflict.factId}"`);
    const unfolded = await (
      await get(`/facts/${conflict.factId}/pairs?q=partn*`, {
        'HX-Request': 'true',
        'HX-Request-Type': 'partial',
      })
    ).text();
    expect(unfolded).toContain(`href="/conflicts/${conflict.id}"`);
    const none = await (
      await get('/?q=%22zzzz%20NEAR', { 'HX-Request': 'true', 'HX-Request-Type': 'partial' })
    ).text();
    expect(none).toContain('No conflicts match.');
    const res = await get('/api/export/claimreview');
    expect(res.status).toBe(200);
    const graph = (
      (await res.json()) as { '@graph': { url: string; reviewRating: { ratingValue: number } }[] }
    )['@graph'];
    const review = graph.find((r) => r.url === `${ORIGIN}/claims/${conflict.a.id}`);
    expect(review?.reviewRating.ratingValue).toBe(5);
    const csv = await get('/api/export/conflicts.csv?status=all');
    expect(await csv.text()).toMatch(/^id,url,relation/);
  });

  it('refuses a cross-site form post', async () => {
    const res = await send(
      new Request(`${ORIGIN}/claims/${conflict.a.id}/status`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', ...reviewer.cookie },
        body: new URLSearchParams({ status: 'false', version: '1' }),
      }),
    );
    expect(res.status).toBe(403);
  });
}
