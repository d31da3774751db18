// Feeds on Workers: the Cron Trigger takes the due feeds and sends one FEEDS message per feed; the
// consumer polls that feed and sends one message per new item; an item's message reads that article's
// page and sends it on (`item-page`), whose message stores it (its cross-reference then goes through
// CROSSREF as usual). One feed, one page read or one article stored per invocation keeps each within
// the Free plan's 10 ms of CPU; max_concurrency = 1 on the queue makes it one request at a time, so
// never two at once to a host.
import type { Db } from '../db/client';
import { claimFeeds, dueFeeds } from '../db/queries/feeds';
import type { FeedItemsLater } from './services/feeds';
import { ingestFeedItem, pollFeed, readFeedItem, storeFeedItem } from './services/feeds';
import type { IngestOptions } from './services/ingest';
import type { PageToAdd } from './services/web-articles';
import type { WebReader } from './web/reader';
import { consumeImportMessage, type ImportMessage, isImportMessage, isPage } from './worker-imports';
import { sendOrDoHere } from './worker-pages';
import { consumeWebhookMessage, isWebhookMessage, type WebhookMessage } from './worker-webhooks';

/**
 * The queue the FEEDS binding sends to (wrangler.toml); any other batch is the cross-reference queue's.
 * Not exported from src/worker.ts: workerd takes every export of the main module for a handler.
 */
export const FEEDS_QUEUE = 'crosscheck-feeds';

export type FeedMessage =
  | { kind: 'poll'; feedId: number }
  | { kind: 'item'; feedId: number; url: string }
  | { kind: 'item-page'; feedId: number; url: string; page: PageToAdd };

export interface FeedQueue {
  sendBatch(messages: { body: FeedMessage | ImportMessage | WebhookMessage }[]): Promise<unknown>;
}

interface MessageLike {
  body: unknown;
  attempts?: number;
  ack(): void;
  retry(): void;
}

const SEND_BATCH = 100;
/** How long a feed the cron sent stays taken before another cron may send it again (a lost message). */
const CLAIM_MS = 15 * 60_000;

async function send(queue: FeedQueue, bodies: FeedMessage[]): Promise<void> {
  for (let i = 0; i < bodies.length; i += SEND_BATCH)
    await queue.sendBatch(bodies.slice(i, i + SEND_BATCH).map((body) => ({ body })));
}

export function feedItemsLaterFor(queue: FeedQueue | undefined): FeedItemsLater | undefined {
  if (!queue) return undefined;
  return (feedId, urls) =>
    send(
      queue,
      urls.map((url) => ({ kind: 'item' as const, feedId, url })),
    );
}

/** The cron's part: the due feeds, taken in one write, one message each. Returns how many were sent. */
export async function enqueueDueFeeds(db: Db, queue: FeedQueue, now = Date.now()): Promise<number> {
  const due = await dueFeeds(db, now, 100);
  const taken = await claimFeeds(
    db,
    due.map((f) => f.id),
    now,
    now + CLAIM_MS,
  );
  await send(
    queue,
    taken.map((feedId) => ({ kind: 'poll' as const, feedId })),
  );
  return taken.length;
}

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** The FEEDS consumer: polls a feed (its items sent on as messages) or adds one item. */
export async function consumeFeedMessages(
  messages: readonly MessageLike[],
  db: Db,
  reader: WebReader,
  queue: FeedQueue | undefined,
  ingest: IngestOptions,
): Promise<void> {
  for (const message of messages) {
    const body = message.body as Partial<FeedMessage> | null;
    try {
      if (body?.kind === 'poll' && isId(body.feedId)) {
        // Taken by the cron already: polled whatever its next_poll_at says now.
        const r = await pollFeed(db, reader, body.feedId, { force: true });
        if (r.status === 'ok' && r.newItems.length > 0) {
          const urls = r.newItems.map((i) => i.url);
          if (queue) await feedItemsLaterFor(queue)!(body.feedId, urls);
          else for (const url of urls) await ingestFeedItem(db, reader, body.feedId, url, ingest);
        }
      } else if (body?.kind === 'item' && isId(body.feedId) && typeof body.url === 'string') {
        const { feedId, url } = body;
        const read = await readFeedItem(db, reader, feedId, url);
        if ('page' in read)
          await sendOrDoHere(queue, { kind: 'item-page', feedId, url, page: read.page }, () =>
            storeFeedItem(db, url, read.page, ingest),
          );
      } else if (
        body?.kind === 'item-page' &&
        isId(body.feedId) &&
        typeof body.url === 'string' &&
        isPage(body.page)
      ) {
        await storeFeedItem(db, body.url, body.page, ingest);
      } else if (isImportMessage(body)) {
        await consumeImportMessage(body, db, reader, ingest, queue);
      } else if (isWebhookMessage(body)) {
        await consumeWebhookMessage(body, db);
      } else {
        console.error('crosscheck: dropped a feed message that names no feed', message.body);
      }
      message.ack();
    } catch (err) {
      console.error(`crosscheck: a feed message failed (attempt ${message.attempts ?? '?'})`, err);
      message.retry();
    }
  }
}
