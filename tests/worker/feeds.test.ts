// Feeds on Workers, inside workerd: the cron sends one FEEDS message per due feed, the consumer polls
// it (the fetch pointed at a stub) and sends one message per new item, an item's message reads the page
// and sends it on, and that message stores the article over D1. The queue here is a recording
// stand-in; the consumer code is the Worker's own.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { feedById, feedItemsOf } from '../../db/queries/feeds';
import { addFeed } from '../../src/services/feeds';
import type { Hop, Transport } from '../../src/web/fetch-page';
import { webReader } from '../../src/web/reader';
import { rewriterExtract } from '../../src/web/rewriter-extract';
import worker, { databaseFor } from '../../src/worker';
import { consumeFeedMessages, FEEDS_QUEUE, type FeedMessage } from '../../src/worker-feeds';
import harbour from '../fixtures/web/harbour-jsonld.html?raw';
import wire from '../fixtures/web/wire-graph.html?raw';
import { message } from './fake-message';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Stub news</title>
<item><title>Storm</title><link>https://news.example/storm</link></item>
<item><title>Strike</title><link>https://news.example/strike</link></item></channel></rss>`;

const pages: Record<string, { type: string; body: string }> = {
  'https://news.example/rss': { type: 'application/rss+xml', body: RSS },
  'https://news.example/storm': { type: 'text/html', body: harbour },
  'https://news.example/strike': { type: 'text/html', body: wire },
};

const fetched: string[] = [];
const stub: Transport = async (url) => {
  fetched.push(url.href);
  const page = pages[url.href];
  const bytes = new TextEncoder().encode(page?.body ?? 'not here');
  return {
    status: page ? 200 : 404,
    headers: new Headers({ 'content-type': page?.type ?? 'text/plain', etag: '"v1"' }),
    body: (async function* () {
      yield bytes;
    })(),
    cancel() {},
  } satisfies Hop;
};

function recordingQueue() {
  const sent: FeedMessage[] = [];
  return {
    sent,
    async sendBatch(messages: { body: FeedMessage }[]) {
      sent.push(...messages.map((m) => m.body));
    },
  };
}

describe('feeds on Workers', () => {
  it('cron → one message per due feed → poll → one message per item → articles in D1', async () => {
    const db = databaseFor({ DB: env.DB });
    const feed = await addFeed(db, {}, { url: 'https://news.example/rss', outlet: 'Stub News' });
    const queue = recordingQueue();

    const ctx = createExecutionContext();
    await worker.scheduled({}, { DB: env.DB, FEEDS: queue }, ctx as never);
    await waitOnExecutionContext(ctx);
    expect(queue.sent).toEqual([{ kind: 'poll', feedId: feed.id }]);
    // Taken: a second cron right after sends nothing.
    const ctx2 = createExecutionContext();
    await worker.scheduled({}, { DB: env.DB, FEEDS: queue }, ctx2 as never);
    await waitOnExecutionContext(ctx2);
    expect(queue.sent).toHaveLength(1);

    const reader = webReader({ transport: stub, extract: rewriterExtract });
    const poll = message(queue.sent[0]);
    await consumeFeedMessages([poll], db, reader, queue, {});
    expect(poll.acked).toBe(true);
    expect(queue.sent.slice(1)).toEqual([
      { kind: 'item', feedId: feed.id, url: 'https://news.example/storm' },
      { kind: 'item', feedId: feed.id, url: 'https://news.example/strike' },
    ]);
    expect(await feedById(db, feed.id)).toMatchObject({
      lastStatus: 'ok',
      lastNewItems: 2,
      title: 'Stub news',
      etag: '"v1"',
    });

    const items = queue.sent.slice(1).map((b) => message(b));
    await consumeFeedMessages(items, db, reader, queue, {});
    expect(items.every((m) => m.acked)).toBe(true);
    // Each page read and sent on, nothing stored yet.
    expect(queue.sent.slice(3)).toEqual(
      ['storm', 'strike'].map((p) => ({
        kind: 'item-page',
        feedId: feed.id,
        url: `https://news.example/${p}`,
        page: expect.objectContaining({ outlet: 'Stub News', text: expect.any(String) }),
      })),
    );
    expect((await feedItemsOf(db, feed.id)).map((r) => r.status)).toEqual(['queued', 'queued']);
    // Stored from those messages, each delivered twice: once each.
    const stores = [...queue.sent.slice(3), ...queue.sent.slice(3)].map((b) => message(b));
    await consumeFeedMessages(stores, db, reader, queue, {});
    expect(stores.every((m) => m.acked)).toBe(true);
    const rows = await feedItemsOf(db, feed.id);
    expect(rows.map((r) => r.status).sort()).toEqual(['stored', 'stored']);
    expect(new Set(rows.map((r) => r.articleId)).size).toBe(2);
    queue.sent.splice(3);
    expect(fetched).toEqual([
      'https://news.example/rss',
      'https://news.example/storm',
      'https://news.example/strike',
    ]);

    // Polled again: nothing new, nothing fetched but the feed.
    await consumeFeedMessages([message({ kind: 'poll', feedId: feed.id })], db, reader, queue, {});
    expect(fetched.slice(3)).toEqual(['https://news.example/rss']);
    expect(queue.sent).toHaveLength(3);
  });

  it('the Worker routes FEEDS batches to the feed consumer, which drops a message naming no feed', async () => {
    const m = message({ kind: 'nonsense' });
    await worker.queue({ queue: FEEDS_QUEUE, messages: [m] }, { DB: env.DB });
    expect([m.acked, m.retried]).toEqual([true, false]);
  });
});
