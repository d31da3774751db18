// Adding an article by URL through the Worker itself, inside workerd over D1 (its fetch pointed at a
// stub page): the request reads the page and answers 202 with a one-item import; the FEEDS message it
// sends stores the article. The queue delivers at least once, so a store message delivered again stores
// nothing twice: delivered twice, the article is stored once and the import says "stored"; delivered
// after an invocation that stored the article but stopped before recording it, the item says
// "duplicate" with that article. The same for a feed item's store message. A store message lost for good
// (every retry failed) leaves the item running until the cron finds it stale: sent again once (the page
// read again, then stored), and failed with the reason when lost a second time.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { claimNewItems, feedItemsOf } from '../../db/queries/feeds';
import { articles, importItems, importJobs } from '../../db/schema';
import { addFeed } from '../../src/services/feeds';
import { STALE_ITEM_MS } from '../../src/services/imports';
import { storeArticleToAdd } from '../../src/services/web-articles';
import worker, { databaseFor } from '../../src/worker';
import { FEEDS_QUEUE } from '../../src/worker-feeds';
import { type SignedIn, signedIn } from '../helpers/auth';
import { message } from './fake-message';

const ORIGIN = 'http://crosscheck.test';
const page = (n: number) => `<!doctype html><html><head><title>Quay ${n} | Harbour Times</title>
  <meta property="og:title" content="Quay ${n} reopens"><meta property="og:site_name" content="Harbour Times">
  <meta name="author" content="Ida Berg">${n === 9 ? `<link rel="canonical" href="${url(1)}">` : ''}</head><body><nav><a href="/">Home</a></nav><article>
  <h1>Quay ${n} reopens</h1><p>Quay ${n} reopened on Tuesday after ${n + 5} weeks of repairs that cost 2.${n}
  million euros, the port authority said. About ${n}00 dockers returned to work on the first shift.</p>
  <p>Twelve cranes are back in service and ${n + 30} ships are expected this week, the harbour master
  said, adding that a 40-tonne weight limit stays in place on the access road until March.</p></article>
  <footer>Harbour Times</footer></body></html>`;
const url = (n: number) => `https://quay.example/news/quay-${n}`;
const REPRINT = 'https://dockdaily.example/quay-1';

const recordingQueue = () => {
  const sent: Record<string, unknown>[] = [];
  return {
    sent,
    async sendBatch(messages: { body: object }[]) {
      sent.push(...messages.map((m) => m.body as Record<string, unknown>));
    },
  };
};

const feeds = recordingQueue();
const crossref = recordingQueue();
// One env object: the Worker keeps one app per env, as a deployed isolate does.
const testEnv = { DB: env.DB, FEEDS: feeds, CROSSREF: crossref };
const db = databaseFor({ DB: env.DB });
let reviewer: SignedIn;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  reviewer = await signedIn(db, 'reviewer');
  // The Worker's page reads go to the runtime's fetch: the stub's pages here, nothing else reached.
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input: string | URL | Request, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const n = /^https:\/\/quay\.example\/news\/quay-(\d+)$/.exec(href)?.[1];
    if (n) return new Response(page(Number(n)), { headers: { 'content-type': 'text/html; charset=utf-8' } });
    // Another outlet's verbatim reprint of quay 1: the same article text under its own name and URL.
    if (href === REPRINT)
      return new Response(page(1).replaceAll('Harbour Times', 'Dock Daily'), {
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    if (href.startsWith('https://quay.example/')) return new Response('not here', { status: 404 });
    return realFetch(input, init);
  });
});
afterAll(() => {
  vi.restoreAllMocks();
});

async function send(path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`${ORIGIN}${path}`, {
      ...init,
      headers: { origin: ORIGIN, ...reviewer.bearer, ...(init.headers as Record<string, string>) },
    }),
    testEnv,
    ctx as never,
  );
  await waitOnExecutionContext(ctx);
  return res;
}
const addUrl = (n: number) =>
  send('/api/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: url(n) }),
  });
async function deliver(bodies: unknown[]) {
  const messages = bodies.map((b, k) => message(b, `m${k}`));
  await worker.queue({ queue: FEEDS_QUEUE, messages }, testEnv);
  return messages;
}
type Progress = {
  finished: boolean;
  counts: Record<string, number>;
  items: { status: string; articleId: number | null; reason: string | null }[];
};
const progress = async (importId: number) =>
  (await (await send(`/api/imports/${importId}`)).json()) as Progress;
const storedUnder = (u: string) => db.select({ id: articles.id }).from(articles).where(eq(articles.url, u));

describe('add by URL through the Worker', () => {
  it('answers 202 with the import; the store message, delivered twice, stores the article once', async () => {
    const res = await addUrl(1);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { status: string; importId: number; title: string; outlet: string };
    expect(body).toMatchObject({ status: 'queued', title: 'Quay 1 reopens', outlet: 'Harbour Times' });
    expect(res.headers.get('Location')).toBe(`/api/imports/${body.importId}`);
    const [store] = feeds.sent.splice(0);
    expect(store).toMatchObject({ kind: 'import-page', jobId: body.importId, position: 1, target: url(1) });
    expect(await progress(body.importId)).toMatchObject({ finished: false, items: [{ status: 'running' }] });

    const messages = await deliver([store, store]);
    expect(messages.map((m) => [m.acked, m.retried])).toEqual([
      [true, false],
      [true, false],
    ]);
    const p = await progress(body.importId);
    expect(p).toMatchObject({ finished: true, counts: { stored: 1, duplicate: 0, failed: 0 } });
    const stored = await storedUnder(url(1));
    expect(stored).toEqual([{ id: p.items[0]!.articleId }]);
    // Compared with the archive once: one CROSSREF message, for the article stored.
    expect(crossref.sent.splice(0)).toEqual([{ articleId: p.items[0]!.articleId }]);
  });

  it('a store delivered again after an invocation that stored but did not record: "duplicate", stored once', async () => {
    const res = await addUrl(2);
    const { importId } = (await res.json()) as { importId: number };
    const [store] = feeds.sent.splice(0) as [{ page: Parameters<typeof storeArticleToAdd>[1] }];
    // The first delivery's invocation stored the article and stopped before recording the outcome.
    const first = await storeArticleToAdd(db, store.page, { crossReferenceLater: async () => {} });
    expect(first.status).toBe('created');

    const [again] = await deliver([store]);
    expect([again!.acked, again!.retried]).toEqual([true, false]);
    const p = await progress(importId);
    expect(p).toMatchObject({
      finished: true,
      counts: { stored: 0, duplicate: 1, failed: 0 },
      items: [
        { status: 'duplicate', articleId: first.articleId, reason: expect.stringMatching(/article \d+/) },
      ],
    });
    expect(await storedUnder(url(2))).toEqual([{ id: first.articleId }]);
    expect(crossref.sent.splice(0)).toEqual([]);
  });

  it('a feed item’s store delivered again after a stopped invocation: the item says "duplicate"', async () => {
    const feed = await addFeed(db, {}, { url: 'https://quay.example/rss', outlet: 'Harbour Times' });
    await claimNewItems(db, feed.id, [{ url: url(3) }]);
    await deliver([{ kind: 'item', feedId: feed.id, url: url(3) }]);
    const [store] = feeds.sent.splice(0) as [{ kind: string; page: Parameters<typeof storeArticleToAdd>[1] }];
    expect(store.kind).toBe('item-page');
    const first = await storeArticleToAdd(db, store.page, { crossReferenceLater: async () => {} });

    const messages = await deliver([store, store]);
    expect(messages.every((m) => m.acked && !m.retried)).toBe(true);
    expect(await feedItemsOf(db, feed.id)).toMatchObject([
      { url: url(3), status: 'duplicate', articleId: first.articleId },
    ]);
    expect(await storedUnder(url(3))).toEqual([{ id: first.articleId }]);
  });

  it('a refused or failing URL is answered at once: no import, nothing sent', async () => {
    const jobs = (await db.select().from(importJobs)).length;
    const stored = await addUrl(1);
    expect(stored.status).toBe(409);
    // Known only once read: its canonical URL is stored (refused in the batch that would record the add).
    const canonical = await addUrl(9);
    expect(canonical.status).toBe(409);
    expect(((await canonical.json()) as { error: { message: string } }).error.message).toMatch(
      /already stored as article \d+ \("Quay 1 reopens"\)/,
    );
    const missing = await send('/api/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://quay.example/gone' }),
    });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/HTTP 404/);
    expect(feeds.sent).toEqual([]);
    expect(await db.select().from(importJobs)).toHaveLength(jobs);
  });
});

describe('an add by URL whose queue message is lost', () => {
  // What the cron sees once the bound has passed: the item started longer ago than STALE_ITEM_MS.
  const age = (importId: number) =>
    db
      .update(importItems)
      .set({ startedAt: Date.now() - STALE_ITEM_MS - 60_000 })
      .where(eq(importItems.jobId, importId));
  async function cron() {
    const ctx = createExecutionContext();
    await worker.scheduled({}, testEnv, ctx as never);
    await waitOnExecutionContext(ctx);
    return feeds.sent.splice(0).filter((m) => m.kind === 'import' || m.kind === 'import-page');
  }
  const queued = async (n: number) => {
    const res = await addUrl(n);
    expect(res.status).toBe(202);
    const { importId } = (await res.json()) as { importId: number };
    feeds.sent.splice(0); // the store message, lost
    return importId;
  };

  it('is sent again by the cron once stale, shows why while it waits, and is then stored', async () => {
    const importId = await queued(4);
    // Not stale yet: the cron leaves it running.
    expect(await cron()).toEqual([]);
    expect(await progress(importId)).toMatchObject({ items: [{ status: 'running', reason: null }] });

    await age(importId);
    const resent = await cron();
    expect(resent).toEqual([{ kind: 'import', jobId: importId, position: 1 }]);
    const waiting = await progress(importId);
    expect(waiting).toMatchObject({
      finished: false,
      items: [{ status: 'pending', reason: expect.stringMatching(/^sent again: .*queue message was lost/) }],
    });
    // The form's status box says so while it waits.
    const box = await (
      await send(`/imports/${importId}/progress?view=add`, { headers: { 'HX-Request': 'true' } })
    ).text();
    expect(box).toContain('data-status="pending"');
    expect(box).toMatch(/sent again: no outcome 30 minutes/);
    expect(await cron()).toEqual([]); // sent once, not at every cron

    const [read] = await deliver(resent);
    expect([read!.acked, read!.retried]).toEqual([true, false]);
    const stores = feeds.sent.splice(0);
    expect(stores).toMatchObject([{ kind: 'import-page', jobId: importId, position: 1, target: url(4) }]);
    await deliver(stores);
    const p = await progress(importId);
    expect(p).toMatchObject({
      finished: true,
      counts: { stored: 1, failed: 0 },
      items: [{ status: 'stored', reason: null }],
    });
    expect(await storedUnder(url(4))).toEqual([{ id: p.items[0]!.articleId }]);
    crossref.sent.splice(0);
  });

  it('the first message, arriving late after the item was sent again, records it; the second finds it done', async () => {
    const res = await addUrl(5);
    const { importId } = (await res.json()) as { importId: number };
    const [late] = feeds.sent.splice(0); // delayed, not lost
    await age(importId);
    const resent = await cron();
    expect(resent).toEqual([{ kind: 'import', jobId: importId, position: 1 }]);
    await deliver([late]);
    const stored = await storedUnder(url(5));
    expect(stored).toHaveLength(1);
    expect(await progress(importId)).toMatchObject({
      finished: true,
      items: [{ status: 'stored', articleId: stored[0]!.id, reason: null }],
    });
    // The message sent again finds the item done: no page read, nothing sent, nothing stored twice.
    const [again] = await deliver(resent);
    expect([again!.acked, again!.retried]).toEqual([true, false]);
    expect(feeds.sent.splice(0)).toEqual([]);
    expect(await storedUnder(url(5))).toHaveLength(1);
    crossref.sent.splice(0);
  });

  it('lost a second time, it fails with the reason and the import finishes', async () => {
    const importId = await queued(7);
    await age(importId);
    expect(await cron()).toEqual([{ kind: 'import', jobId: importId, position: 1 }]);
    // That message is lost too: the item stays pending, then stale again.
    expect(await cron()).toEqual([]);
    await age(importId);
    expect(await cron()).toEqual([]);
    const p = await progress(importId);
    expect(p).toMatchObject({
      finished: true,
      counts: { failed: 1 },
      failures: [{ target: url(7), reason: expect.stringMatching(/sent again .*lost\); add it again$/) }],
    });
    const box = await (
      await send(`/imports/${importId}/progress?view=add`, { headers: { 'HX-Request': 'true' } })
    ).text();
    expect(box).toContain('role="alert"');
    expect(box).toMatch(/Nothing was stored from .*add it again/);
    expect(await storedUnder(url(7))).toEqual([]);
  });
});

describe('a verbatim reprint by another outlet, through the Worker', () => {
  it('is stored by the store message as a wire copy of the first, and the cross-reference never links the two', async () => {
    const [original] = await storedUnder(url(1));
    expect(original).toBeDefined();
    const res = await send('/api/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: REPRINT }),
    });
    expect(res.status).toBe(202);
    const { importId } = (await res.json()) as { importId: number };
    await deliver(feeds.sent.splice(0).filter((m) => m.target === REPRINT));
    const p = await progress(importId);
    expect(p).toMatchObject({ finished: true, counts: { stored: 1, duplicate: 0, failed: 0 } });
    const id = p.items[0]!.articleId!;
    // Marked by the insert itself (the deferred ingest reads nothing first), before any comparison.
    const [row] = await db
      .select({ copyOf: articles.copyOf, pending: articles.crossrefPending, hash: articles.contentHash })
      .from(articles)
      .where(eq(articles.id, id));
    const [first] = await db
      .select({ hash: articles.contentHash })
      .from(articles)
      .where(eq(articles.id, original!.id));
    expect(row).toMatchObject({ copyOf: original!.id, pending: true, hash: first!.hash });
    // The cross-reference messages, each stage delivered until none is left.
    for (let round = 0; round < 5 && crossref.sent.length > 0; round++)
      await worker.queue({ messages: crossref.sent.splice(0).map((b, k) => message(b, `c${k}`)) }, testEnv);
    const detail = (await (await send(`/api/articles/${id}`)).json()) as {
      crossrefPending: boolean;
      alsoPublishedBy: { id: number; outlet: string }[];
      links: { a: { articleId: number }; b: { articleId: number } }[];
    };
    expect(detail.crossrefPending).toBe(false);
    expect(detail.alsoPublishedBy).toContainEqual(
      expect.objectContaining({ id: original!.id, outlet: 'Harbour Times' }),
    );
    expect(detail.links.filter((l) => [l.a.articleId, l.b.articleId].includes(original!.id))).toEqual([]);
    const page = await (await send(`/articles/${id}`)).text();
    expect(page).toMatch(
      /One wire story: also published by\s*<a href="\/articles\/\d+"[^>]*>Harbour Times<\/a>/,
    );
  });
});
