// Bulk imports on Workers, inside workerd over D1: starting one sends a FEEDS message per item, and the
// Worker's feed consumer does each item (the fetch pointed at a stub); a failing item is recorded with
// its reason while the others are stored, and a message delivered twice does its item once. An article
// by URL takes two invocations (the page read, then stored from the next message), and stores the rows
// one invocation stores.
import { env } from 'cloudflare:test';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { articles, claims, quantities } from '../../db/schema';
import { deleteArticle } from '../../src/services/delete-article';
import { urlList } from '../../src/services/import-sources';
import { createImport, importProgress } from '../../src/services/imports';
import type { Hop, Transport } from '../../src/web/fetch-page';
import { webReader } from '../../src/web/reader';
import { rewriterExtract } from '../../src/web/rewriter-extract';
import { databaseFor } from '../../src/worker';
import { consumeFeedMessages } from '../../src/worker-feeds';
import { type ImportMessage, importLaterFor } from '../../src/worker-imports';
import harbour from '../fixtures/web/harbour-jsonld.html?raw';
import wire from '../fixtures/web/wire-graph.html?raw';
import { message } from './fake-message';

const pages: Record<string, string> = {
  'https://imports.example/storm': harbour,
  'https://imports.example/strike': wire,
};
const stub: Transport = async (url) => {
  const body = pages[url.href];
  const bytes = new TextEncoder().encode(body ?? 'not here');
  return {
    status: body ? 200 : 404,
    headers: new Headers({ 'content-type': body ? 'text/html' : 'text/plain' }),
    body: (async function* () {
      yield bytes;
    })(),
    cancel() {},
  } satisfies Hop;
};

describe('bulk imports on Workers', () => {
  it('one FEEDS message per item; each done once, a failure recorded beside the stored ones', async () => {
    const db = databaseFor({ DB: env.DB });
    const job = await createImport(
      db,
      urlList(['storm', 'gone', 'strike'].map((p) => `https://imports.example/${p}`).join('\n')),
    );
    const sent: ImportMessage[] = [];
    const queue = {
      async sendBatch(messages: { body: ImportMessage }[]) {
        sent.push(...messages.map((m) => m.body));
      },
    };
    await importLaterFor(queue)!(job.id, [1, 2, 3]);
    expect(sent).toEqual([1, 2, 3].map((position) => ({ kind: 'import', jobId: job.id, position })));
    const reader = webReader({ transport: stub, extract: rewriterExtract });
    const messages = [...sent, sent[0]].map((b) => message(b));
    await consumeFeedMessages(messages, db, reader, undefined, {});
    expect(messages.every((m) => m.acked)).toBe(true);
    const p = await importProgress(db, job.id);
    expect(p).toMatchObject({ done: 3, finished: true, counts: { stored: 2, failed: 1, pending: 0 } });
    expect(p.failures).toEqual([
      { position: 2, target: 'https://imports.example/gone', reason: expect.stringMatching(/HTTP 404/) },
    ]);
  });

  it('an article by URL: read in one invocation, stored from the next message; the rows of one invocation', async () => {
    const db = databaseFor({ DB: env.DB });
    const reader = webReader({ transport: stub, extract: rewriterExtract });
    const url = 'https://imports.example/bridge';
    // A page of its own (the test above stored the fixtures): byline, date and outlet from its meta tags.
    pages[url] = `<!doctype html><html><head><title>Bridge reopens | Valley Post</title>
      <meta property="og:site_name" content="Valley Post"><meta name="author" content="Ana Lind">
      <meta property="article:published_time" content="2026-12-05T09:00:00Z"></head><body>
      <nav><a href="/">Home</a> <a href="/local">Local</a></nav><article><h1>Bridge reopens</h1>
      <p>The Kessel river bridge reopened on Friday after 14 months of repairs that cost 38 million euros,
      the regional council said. About 21,000 vehicles a day crossed it before it closed.</p>
      <p>Council engineer Piet Brandt said two of the five spans had been replaced and that a weight limit
      of 40 tonnes would stay in place until March. Buses return to the route on Monday.</p></article>
      <footer>Valley Post</footer></body></html>`;
    const jobOf = async () => {
      const job = await createImport(db, urlList(url));
      return { id: job.id, message: { kind: 'import', jobId: job.id, position: 1 } as ImportMessage };
    };

    // One invocation (no queue to send the page on): the rows to match.
    const one = await jobOf();
    await consumeFeedMessages([message(one.message)], db, reader, undefined, {});
    const inOne = await importProgress(db, one.id);
    expect(inOne).toMatchObject({ done: 1, counts: { stored: 1 } });
    const articleId = inOne.items[0]!.articleId!;
    const expected = await storedRows(db, articleId);
    // Deleted as a reviewer deletes it (deleteArticleCascade: one D1 batch), so the page can be stored again.
    expect(await deleteArticle(db, articleId, 'test')).toBeUndefined();
    expect(await db.select().from(claims).where(eq(claims.articleId, articleId))).toEqual([]);

    // Two: the first sends the page on and leaves the item running; the second stores it.
    const two = await jobOf();
    const sent: ImportMessage[] = [];
    const queue = {
      async sendBatch(messages: { body: ImportMessage }[]) {
        sent.push(...messages.map((m) => m.body));
      },
    };
    await consumeFeedMessages([message(two.message)], db, reader, queue, {});
    expect(sent).toEqual([
      {
        kind: 'import-page',
        jobId: two.id,
        position: 1,
        target: url,
        page: expect.objectContaining({ url, outlet: 'Valley Post', author: 'Ana Lind' }),
      },
    ]);
    expect(await importProgress(db, two.id)).toMatchObject({ done: 0, current: { position: 1 } });
    // Delivered twice: stored once, its outcome recorded once.
    const pageMessages = [sent[0], sent[0]].map((b) => message(b));
    await consumeFeedMessages(pageMessages, db, reader, queue, {});
    expect(pageMessages.every((m) => m.acked)).toBe(true);
    expect(sent).toHaveLength(1);
    const inTwo = await importProgress(db, two.id);
    expect(inTwo).toMatchObject({ done: 1, finished: true, counts: { stored: 1, duplicate: 0 } });
    expect(await storedRows(db, inTwo.items[0]!.articleId!)).toEqual(expected);
  });
});

/** An article's stored rows without their ids and times: what two ways of adding it must agree on. */
async function storedRows(db: Db, articleId: number) {
  const [article] = await db.select().from(articles).where(eq(articles.id, articleId));
  const { id: _id, ingestedAt: _at, ...kept } = article!;
  const claimRows = await db.select().from(claims).where(eq(claims.articleId, articleId)).orderBy(claims.id);
  const quantityRows = await db
    .select()
    .from(quantities)
    .where(
      inArray(
        quantities.claimId,
        claimRows.map((c) => c.id),
      ),
    )
    .orderBy(quantities.id);
  return {
    article: kept,
    claims: claimRows.map(({ id: _c, articleId: _a, ...c }) => c),
    quantities: quantityRows.map(({ id: _q, claimId: _c, ...q }) => q),
  };
}
