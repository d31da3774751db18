// The second half of adding a page (the Worker's store invocation, Node's runners alike): a new article
// and its item's outcome — a feed item's or an import item's — are written in one atomic batch, so the
// store makes one round trip for both and an article is never stored with its item still open. A
// duplicate (the message delivered again) is recorded after, as before. Stored as the Worker stores (its
// cross-reference queued), where the batch is the store's one round trip.
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { feedItemsOf } from '../../db/queries/feeds';
import * as schema from '../../db/schema';
import { addFeed, pollFeed, readFeedItem, storeFeedItem } from '../../src/services/feeds';
import { urlList } from '../../src/services/import-sources';
import { createImport, importProgress, startImportItem, storeImportPage } from '../../src/services/imports';
import { nodeWebReader } from '../../src/web/node-reader';
import { createTestDb, type TestDb } from '../helpers/db';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';

let t: TestDb;
let web: FixtureServer;
const policy = { allowLoopbackForTests: true };
const reader = nodeWebReader({ policy });

beforeAll(async () => {
  t = await createTestDb();
  web = await startFixtureServer();
});
afterAll(async () => {
  await web.close();
  t.cleanup();
});

/** As the Worker stores: cross-referenced later (its CROSSREF queue), so storing is the insert batch alone. */
const workerLike = { crossReferenceLater: async () => {} };

/** The test database through a client that counts the round trips sent to it. */
function counting(): { db: Db; calls: string[] } {
  const calls: string[] = [];
  const client = new Proxy(t.client, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (['execute', 'batch', 'executeMultiple', 'transaction'].includes(String(key)))
          calls.push(String(key));
        return value.apply(target, args);
      };
    },
  });
  return { db: drizzle(client, { schema }) as unknown as Db, calls };
}

describe('storing a page read for a feed item or an import item', () => {
  it('writes a feed item’s new article and its outcome in one round trip; a duplicate is recorded after', async () => {
    const feed = await addFeed(t.db, policy, { url: web.url('/feeds/rss.xml') });
    const polled = await pollFeed(t.db, reader, feed.id);
    if (polled.status !== 'ok') throw new Error('the poll failed');
    const url = web.url('/news/harbour-jsonld');
    const read = await readFeedItem(t.db, reader, feed.id, url);
    if (!('page' in read)) throw new Error('the page was not read');

    const { db, calls } = counting();
    const stored = await storeFeedItem(db, url, read.page, workerLike);
    expect(stored).toEqual({ status: 'stored', articleId: expect.any(Number) });
    expect(calls).toEqual(['batch']);
    const item = (await feedItemsOf(t.db, feed.id)).find((i) => i.url === url);
    expect(item).toMatchObject({ status: 'stored', articleId: (stored as { articleId: number }).articleId });

    // Delivered again: the same text is found stored; the outcome is left as it was.
    const again = counting();
    expect(await storeFeedItem(again.db, url, read.page)).toEqual({
      status: 'duplicate',
      articleId: (stored as { articleId: number }).articleId,
    });
    expect((await feedItemsOf(t.db, feed.id)).find((i) => i.url === url)?.status).toBe('stored');
  });

  it('writes an import item’s new article, its outcome and the job’s end in one round trip', async () => {
    const job = await createImport(t.db, urlList(web.url('/news/wire-graph')));
    const started = await startImportItem({ db: t.db, reader }, job.id, 1);
    if (!started || !('page' in started)) throw new Error('the page was not read');

    const { db, calls } = counting();
    const done = await storeImportPage({ db, reader, ingest: workerLike }, started.item, started.page);
    expect(done).toMatchObject({ status: 'stored', position: 1, articleId: expect.any(Number) });
    expect(calls).toEqual(['batch']);
    const progress = await importProgress(t.db, job.id);
    expect(progress.items[0]).toMatchObject({ status: 'stored', articleId: done.articleId, payload: null });
    expect(progress.finished).toBe(true);
    expect(progress.done).toBe(1);

    // Delivered again: the text is stored already, and the recorded outcome stays "stored".
    const again = await storeImportPage({ db: t.db, reader }, started.item, started.page);
    expect(again.status).toBe('duplicate');
    expect((await importProgress(t.db, job.id)).items[0]).toMatchObject({
      status: 'stored',
      articleId: done.articleId,
    });
  });
});
