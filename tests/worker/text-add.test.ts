// An article given with its text, through the Worker itself inside workerd over D1: the request checks
// it, records a one-item import holding the text and answers 202; the CROSSREF queue's first stage
// (`extract`) extracts its claims and stores it, the item's outcome with it, then sends it on to the
// links stage. The stored rows are an ingest's in one request. The queue delivers at least once: a
// repeated `extract` stores nothing twice; a text that turns out empty fails the item with the
// reason; a database that fails sends the message back to the queue; a message lost for good leaves
// the item running until the cron sends it again (FEEDS `import`), and then it is stored.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { importItems } from '../../db/schema';
import cnn from '../../seeds/cnn-austin-kyiv-visit.txt?raw';
import dod from '../../seeds/dod-ukraine-assistance-briefing.txt?raw';
import { STALE_ITEM_MS } from '../../src/services/imports';
import { ingestArticle } from '../../src/services/ingest';
import worker, { consumeCrossReferences, databaseFor } from '../../src/worker';
import { FEEDS_QUEUE } from '../../src/worker-feeds';
import { type SignedIn, signedIn } from '../helpers/auth';
import { message } from './fake-message';

const ORIGIN = 'http://crosscheck.test';
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
type D1 = { prepare(sql: string): { all(): Promise<{ results: Record<string, unknown>[] }> } };
const rows = async (sql: string) => (await (env.DB as D1).prepare(sql).all()).results;
let reviewer: SignedIn;

beforeAll(async () => {
  reviewer = await signedIn(db, 'reviewer');
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
const post = (body: Record<string, unknown>) =>
  send('/api/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
type Progress = {
  finished: boolean;
  items: { status: string; articleId: number | null; reason: string | null }[];
};
const progress = async (importId: number) =>
  (await (await send(`/api/imports/${importId}`)).json()) as Progress;
/** Delivers `body` to the CROSSREF consumer; the message, to see whether it was acked or retried. */
async function deliver(body: unknown, bindings: object = testEnv) {
  const m = message(body);
  await consumeCrossReferences({ messages: [m] }, bindings as never);
  return m;
}
/** Posts an article; its `extract` message, as the request sent it. */
async function received(body: Record<string, unknown>) {
  crossref.sent.splice(0);
  const res = await post(body);
  expect(res.status, await res.clone().text()).toBe(202);
  const answer = (await res.json()) as {
    importId: number;
    status: string;
    progress: string;
    message: string;
  };
  expect(answer.status).toBe('queued');
  expect(answer.message).toMatch(/extracting its claims and storing it/);
  expect(res.headers.get('Location')).toBe(`/api/imports/${answer.importId}`);
  expect(crossref.sent).toEqual([{ stage: 'extract', jobId: answer.importId, position: 1 }]);
  return { importId: answer.importId, extract: crossref.sent.splice(0)[0]! };
}

/** An article's stored rows, ids replaced by what they name (wire-copy and story marks left out). */
async function storedRows(articleId: number) {
  const [article] = await rows(
    `select title, url, published_at, author, body, content_hash, copy_signature, pending_names from articles where id = ${articleId}`,
  );
  const claims = await rows(`select * from claims where article_id = ${articleId} order by position`);
  const ids = claims.map((c) => c.id).join(',') || '0';
  const quantities = await rows(
    `select q.*, c.position from quantities q join claims c on c.id = q.claim_id where q.claim_id in (${ids}) order by c.position, q.rowid`,
  );
  const mentions = await rows(`select * from mentions where article_id = ${articleId} order by start, id`);
  const keys = await rows(
    `select k.key, c.position from claim_keys k join claims c on c.id = k.claim_id where k.claim_id in (${ids}) order by c.position, k.key`,
  );
  const strip = (r: Record<string, unknown>) => {
    const { id: _i, article_id: _a, claim_id: _c, entity_id: _e, created_at: _t, ...rest } = r;
    return rest;
  };
  return {
    article,
    claims: claims.map(strip),
    quantities: quantities.map(strip),
    mentions: mentions.map(strip),
    keys,
  };
}

describe('an article given with its text, through the Worker', () => {
  it('answers 202 with the import; the extract stage stores what an ingest in one request stores', async () => {
    const { importId, extract } = await received({ outlet: 'CNN', title: 'Austin in Kyiv', text: cnn });
    // Received, not read: the import says so, and nothing is stored yet.
    expect(await progress(importId)).toMatchObject({
      finished: false,
      items: [{ status: 'running', articleId: null }],
    });
    expect(await rows("select id from articles where title = 'Austin in Kyiv'")).toEqual([]);
    // Delivered twice: stored once, the item's outcome with it, and sent on to the links stage once.
    for (let k = 0; k < 2; k++) {
      const m = await deliver(extract);
      expect([m.acked, m.retried]).toEqual([true, false]);
    }
    const done = await progress(importId);
    expect(done).toMatchObject({ finished: true, items: [{ status: 'stored' }] });
    const articleId = done.items[0]!.articleId!;
    expect(crossref.sent.splice(0)).toEqual([{ articleId }]);
    expect(await rows(`select crossref_pending as p from articles where id = ${articleId}`)).toEqual([
      { p: 1 },
    ]);
    // The text is dropped from the item once stored.
    expect(await rows(`select payload from import_items where job_id = ${importId}`)).toEqual([
      { payload: null },
    ]);

    // The same text from another outlet, stored as the request stored it before this stage (then
    // cross-referenced from the queue, as here): the same rows but for the outlet, another table's.
    const direct = await ingestArticle(
      db,
      { outlet: 'CNN copy', title: 'Austin in Kyiv', text: cnn },
      { crossReferenceLater: async () => {} },
    );
    if (direct.status !== 'created') throw new Error('not stored');
    const queued = await storedRows(articleId);
    const inline = await storedRows(direct.articleId);
    expect(queued.claims.length).toBeGreaterThan(5);
    expect(queued).toEqual(inline);
  });

  it('a text stored already is a duplicate of its article, said on the import', async () => {
    const { importId, extract } = await received({ outlet: 'CNN', title: 'again', text: cnn });
    expect((await deliver(extract)).acked).toBe(true);
    const [first] = await rows(
      "select a.id from articles a join sources s on s.id = a.source_id where a.title = 'Austin in Kyiv' and s.name = 'CNN'",
    );
    expect(await progress(importId)).toMatchObject({
      finished: true,
      items: [{ status: 'duplicate', articleId: first!.id }],
    });
    expect(crossref.sent.splice(0)).toEqual([]);
  });

  it('a text with nothing left once its markup is removed fails the item, with the reason', async () => {
    const { importId, extract } = await received({
      outlet: 'Empty',
      title: 'Only markup',
      text: '<div><script>var x = 1;</script></div>',
      format: 'html',
    });
    const m = await deliver(extract);
    expect([m.acked, m.retried]).toEqual([true, false]);
    expect(await progress(importId)).toMatchObject({
      finished: true,
      items: [{ status: 'failed', reason: expect.stringMatching(/no text once markup/) }],
    });
  });

  it('refuses at once what needs no extraction to refuse', async () => {
    crossref.sent.splice(0);
    const res = await post({
      outlet: '\u200B',
      title: 'Invisible outlet',
      text: 'About 300 homes lost power.',
    });
    expect(res.status).toBe(422);
    expect(crossref.sent).toEqual([]);
  });

  it('a database that fails sends the message back to the queue; the item stays running', async () => {
    const { importId, extract } = await received({ outlet: 'DOD', title: 'Briefing', text: dod });
    const down = () => Promise.reject(new Error('D1 is unavailable'));
    const failingD1 = { prepare: () => ({ bind: () => ({ all: down, run: down, raw: down }) }), batch: down };
    const m = await deliver(extract, { DB: failingD1, CROSSREF: crossref });
    expect([m.acked, m.retried]).toEqual([false, true]);
    expect(await progress(importId)).toMatchObject({ items: [{ status: 'running' }] });
    // Retried: stored.
    expect((await deliver(extract)).acked).toBe(true);
    expect(await progress(importId)).toMatchObject({ finished: true, items: [{ status: 'stored' }] });
  });

  it('a message lost for good: the cron sends the item again once stale, and it is stored', async () => {
    const { importId } = await received({
      outlet: 'Wire',
      title: 'Port',
      text: 'The port reopened on Tuesday. About 400 ships were waiting, officials said.',
    });
    await db
      .update(importItems)
      .set({ startedAt: Date.now() - STALE_ITEM_MS - 60_000 })
      .where(eq(importItems.jobId, importId));
    feeds.sent.splice(0);
    const ctx = createExecutionContext();
    await worker.scheduled({}, testEnv, ctx as never);
    await waitOnExecutionContext(ctx);
    const resent = feeds.sent.splice(0).filter((b) => b.kind === 'import');
    expect(resent).toEqual([{ kind: 'import', jobId: importId, position: 1 }]);
    expect(await progress(importId)).toMatchObject({
      items: [{ status: 'pending', reason: expect.stringMatching(/^sent again: /) }],
    });
    const m = message(resent[0]);
    await worker.queue({ queue: FEEDS_QUEUE, messages: [m] }, testEnv);
    expect(m.acked).toBe(true);
    expect(await progress(importId)).toMatchObject({ finished: true, items: [{ status: 'stored' }] });
  });
});
