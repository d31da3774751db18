// Use case: feed subscriptions. Add one (or an OPML list of them), poll a feed with a conditional GET
// and record the outcome, and add each item no feed listed before as an article (web-articles.ts).
// Scheduling is the entry's: src/services/feed-scheduler.ts on Node, a cron + queue on Workers.
import type { Db } from '../../db/client';
import {
  claimNewItems,
  deleteFeed,
  dueFeeds,
  type FeedRow,
  feedById,
  feedByUrl,
  feedItemOutcomeStatements,
  insertFeed,
  recordItem,
  recordPoll,
  takeFeed,
} from '../../db/queries/feeds';
import { feedEntries, opmlEntries } from '../web/feed-entries';
import { checkedUrl } from '../web/fetch-page';
import type { WebReader } from '../web/reader';
import { InputError, NotFoundError } from './errors';
import type { IngestOptions } from './ingest';
import {
  type PageToAdd,
  readArticleToAdd,
  storeArticleToAdd,
  UrlAlreadyStoredError,
  WebIngestUnavailableError,
} from './web-articles';
import { announceFeedFailing } from './webhooks';

export const DEFAULT_INTERVAL_MINUTES = 30;
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;
/** Backoff after errors: the interval doubled per consecutive error, at most a day. */
const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** Items taken from one poll of one feed (D1 binds at most 100 parameters in a statement). */
const MAX_ITEMS_PER_POLL = 90;

export class FeedExistsError extends InputError {
  override name = 'FeedExistsError';
  constructor(readonly feed: FeedRow) {
    super(`${feed.url} is already subscribed as feed ${feed.id}.`);
  }
}

export async function addFeed(
  db: Db,
  policy: WebReader['policy'] | undefined,
  input: { url: string; intervalMinutes?: number; outlet?: string; title?: string },
  actor?: string,
): Promise<FeedRow> {
  const url = checkedUrl(input.url, policy).href;
  const existing = await feedByUrl(db, url);
  if (existing) throw new FeedExistsError(existing);
  return insertFeed(db, {
    url,
    intervalMinutes: input.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
    outlet: input.outlet?.trim() || null,
    title: input.title?.trim() || null,
    createdBy: actor ?? null,
  });
}

export interface OpmlImport {
  added: FeedRow[];
  skipped: { url: string; reason: string }[];
}

/** Subscribes to every feed (`xmlUrl`) of an OPML file; one bad or known entry never stops the others. */
export async function importOpml(
  db: Db,
  policy: WebReader['policy'] | undefined,
  opml: string,
  intervalMinutes: number | undefined,
  actor?: string,
  onEach?: (done: number, total: number, url: string, error?: string) => void,
): Promise<OpmlImport> {
  const entries = opmlEntries(opml);
  if (entries.length === 0) throw new InputError('The OPML file lists no feeds (no outline has an xmlUrl).');
  const result: OpmlImport = { added: [], skipped: [] };
  for (const [k, e] of entries.entries()) {
    try {
      result.added.push(await addFeed(db, policy, { url: e.url, intervalMinutes, title: e.title }, actor));
      onEach?.(k + 1, entries.length, e.url);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      result.skipped.push({ url: e.url, reason: err.message });
      onEach?.(k + 1, entries.length, e.url, err.message);
    }
  }
  return result;
}

export async function removeFeed(db: Db, id: number): Promise<void> {
  if (!(await deleteFeed(db, id))) throw new NotFoundError(`There is no feed ${id}.`);
}

export type PollResult =
  | { status: 'ok'; newItems: { url: string; title?: string }[] }
  | { status: 'not-modified' }
  | { status: 'error'; error: string }
  /** Someone else is polling it (it was no longer due). */
  | { status: 'skipped' };

const nextPoll = (feed: FeedRow, now: number, errors: number) =>
  now +
  Math.min(
    feed.intervalMinutes * 60_000 * 2 ** errors,
    Math.max(MAX_BACKOFF_MS, feed.intervalMinutes * 60_000),
  );

/**
 * Polls one feed: a conditional GET (ETag / Last-Modified), the items no feed listed before claimed
 * as queued, the outcome recorded on the feed. `force` polls a feed that is not due (Poll now). The
 * items are returned for the caller to add (ingestFeedItem), at once on Node, one message each on Workers.
 */
export async function pollFeed(
  db: Db,
  reader: WebReader | undefined,
  feedId: number,
  opts: { now?: number; force?: boolean } = {},
): Promise<PollResult> {
  const now = opts.now ?? Date.now();
  // Read and taken for the length of a poll at most in one round trip; the outcome below sets the real
  // next time. A poll with new items makes three round trips in all: this, the items, the outcome.
  const took = await takeFeed(db, feedId, opts.force ? Number.MAX_SAFE_INTEGER : now, now + 10 * 60_000);
  if (!took) throw new NotFoundError(`There is no feed ${feedId}.`);
  if (!took.taken) return { status: 'skipped' };
  const { feed } = took;
  try {
    // Recorded as the poll's failure like any other, so the feed says why it is not polled.
    if (!reader)
      throw new WebIngestUnavailableError('Feeds cannot be polled here: this app has no web reader.');
    const res = await reader.readFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified });
    if (res.status === 304) {
      await recordPoll(db, feedId, {
        status: 'not-modified',
        at: now,
        nextPollAt: nextPoll(feed, now, 0),
        newItems: 0,
      });
      return { status: 'not-modified' };
    }
    const entries = feedEntries(res.body, res.url);
    const fresh = await claimNewItems(db, feedId, entries.items.slice(0, MAX_ITEMS_PER_POLL));
    await recordPoll(db, feedId, {
      status: 'ok',
      at: now,
      nextPollAt: nextPoll(feed, now, 0),
      newItems: fresh.length,
      etag: res.etag ?? null,
      lastModified: res.lastModified ?? null,
      title: entries.title,
    });
    return { status: 'ok', newItems: fresh };
  } catch (err) {
    if (!(err instanceof InputError)) console.error(`crosscheck: polling feed ${feedId} failed`, err);
    const error = err instanceof Error ? err.message : String(err);
    await recordPoll(db, feedId, {
      status: 'error',
      at: now,
      nextPollAt: nextPoll(feed, now, feed.consecutiveErrors + 1),
      error,
    });
    // Its first failure after a good poll (or on its first poll) is news; the failures after it are not.
    if (feed.consecutiveErrors === 0) await announceFeedFailing(db, feed, error, now);
    return { status: 'error', error };
  }
}

export type ItemResult =
  | { status: 'stored'; articleId: number }
  | { status: 'duplicate'; articleId: number }
  | { status: 'failed'; error: string };

/** What became of an item whose adding failed or found it stored; recorded. Anything else is thrown. */
async function itemFailure(db: Db, url: string, err: unknown): Promise<ItemResult> {
  let result: ItemResult;
  if (err instanceof UrlAlreadyStoredError) result = { status: 'duplicate', articleId: err.articleId };
  else if (err instanceof InputError) result = { status: 'failed', error: err.message };
  else throw err;
  await record(db, url, result);
  return result;
}

const record = (db: Db, url: string, result: ItemResult) =>
  recordItem(db, url, {
    status: result.status,
    articleId: 'articleId' in result ? result.articleId : null,
    error: 'error' in result ? result.error : null,
  });

/**
 * The first half of adding a claimed item (the Worker's queue runs the halves in two invocations): its
 * page read (web-articles.ts), or what became of it when that failed, recorded.
 */
export async function readFeedItem(
  db: Db,
  reader: WebReader | undefined,
  feedId: number,
  url: string,
): Promise<{ page: PageToAdd } | ItemResult> {
  const feed = await feedById(db, feedId);
  try {
    return { page: await readArticleToAdd(db, reader, { url, outlet: feed?.outlet ?? undefined }) };
  } catch (err) {
    return itemFailure(db, url, err);
  }
}

/** The second half: the page stored as an article, and the outcome recorded. */
export async function storeFeedItem(
  db: Db,
  url: string,
  page: PageToAdd,
  options: IngestOptions = {},
): Promise<ItemResult> {
  try {
    // A new article and its item's outcome are stored in one batch; a duplicate is recorded after.
    const r = await storeArticleToAdd(db, page, {
      ...options,
      alongside: (hash) => feedItemOutcomeStatements(url, { status: 'stored' }, hash),
    });
    if (r.status !== 'duplicate') return { status: 'stored', articleId: r.articleId };
    const result: ItemResult = { status: 'duplicate', articleId: r.articleId };
    await record(db, url, result);
    return result;
  } catch (err) {
    return itemFailure(db, url, err);
  }
}

/** Adds one claimed item as an article and records what became of it; never throws for the item's own failure. */
export async function ingestFeedItem(
  db: Db,
  reader: WebReader | undefined,
  feedId: number,
  url: string,
  options: IngestOptions = {},
): Promise<ItemResult> {
  const read = await readFeedItem(db, reader, feedId, url);
  return 'page' in read ? storeFeedItem(db, url, read.page, options) : read;
}

/** Feeds due now (the schedulers' question). */
export const feedsDue = (db: Db, now = Date.now(), limit = 50) => dueFeeds(db, now, limit);

/** Adds a feed's new items: handed to `later` (a queue, a background task) when given, else one by one here. */
export type FeedItemsLater = (feedId: number, urls: string[]) => Promise<void>;

/** Poll now: polls the feed even when not due, then adds its new items (or hands them to `later`). */
export async function pollAndAdd(
  db: Db,
  reader: WebReader | undefined,
  feedId: number,
  opts: { later?: FeedItemsLater; ingest?: IngestOptions } = {},
): Promise<PollResult & { added?: ItemResult[] }> {
  const r = await pollFeed(db, reader, feedId, { force: true });
  if (r.status !== 'ok' || r.newItems.length === 0) return r;
  if (opts.later) {
    await opts.later(
      feedId,
      r.newItems.map((i) => i.url),
    );
    return r;
  }
  const added: ItemResult[] = [];
  for (const item of r.newItems) added.push(await ingestFeedItem(db, reader, feedId, item.url, opts.ingest));
  return { ...r, added };
}
