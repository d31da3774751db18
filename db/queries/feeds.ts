// Feed subscriptions, their polls' outcomes and the item URLs they listed.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { feedItems, feeds } from '../schema';
import { type ArticleKey, articleIdOf, runBatch, runStatements, type Statement } from './batch';
import { jsonArg } from './json-arg';

export type FeedRow = typeof feeds.$inferSelect;
export type FeedItemRow = typeof feedItems.$inferSelect;

export async function insertFeed(
  db: Db,
  feed: {
    url: string;
    intervalMinutes: number;
    outlet?: string | null;
    title?: string | null;
    createdBy?: string | null;
  },
): Promise<FeedRow> {
  const [row] = await db.insert(feeds).values(feed).returning();
  return row!;
}

export async function feedByUrl(db: Db, url: string): Promise<FeedRow | null> {
  const [row] = await db.select().from(feeds).where(eq(feeds.url, url)).limit(1);
  return row ?? null;
}

export async function feedById(db: Db, id: number): Promise<FeedRow | null> {
  const [row] = await db.select().from(feeds).where(eq(feeds.id, id)).limit(1);
  return row ?? null;
}

export async function listFeeds(db: Db): Promise<FeedRow[]> {
  return db.select().from(feeds).orderBy(asc(feeds.id));
}

export async function deleteFeed(db: Db, id: number): Promise<boolean> {
  const rows = await db.delete(feeds).where(eq(feeds.id, id)).returning({ id: feeds.id });
  return rows.length > 0;
}

/** Feeds whose next poll is due at `now`, the longest-waiting first. */
export async function dueFeeds(db: Db, now: number, limit: number): Promise<FeedRow[]> {
  return db
    .select()
    .from(feeds)
    .where(lte(feeds.nextPollAt, now))
    .orderBy(asc(feeds.nextPollAt))
    .limit(limit);
}

/**
 * Takes a due feed for polling: moves its next poll to `until` only if it is still due at `dueBy`, so
 * two schedulers (a cron and a manual poll, two Node processes) never poll it twice. One round trip:
 * the row as it was before (null: no such feed) and whether this call took it.
 */
export async function takeFeed(
  db: Db,
  id: number,
  dueBy: number,
  until: number,
): Promise<{ feed: FeedRow; taken: boolean } | null> {
  const [rows, taken] = (await runBatch(db, [
    db.select().from(feeds).where(eq(feeds.id, id)).limit(1),
    db
      .update(feeds)
      .set({ nextPollAt: until })
      .where(and(eq(feeds.id, id), lte(feeds.nextPollAt, dueBy)))
      .returning({ id: feeds.id }),
  ])) as [FeedRow[], { id: number }[]];
  const [feed] = rows;
  return feed ? { feed, taken: taken.length > 0 } : null;
}

export interface PollOutcome {
  status: 'ok' | 'not-modified' | 'error';
  at: number;
  nextPollAt: number;
  newItems?: number;
  error?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  title?: string | null;
}

export async function recordPoll(db: Db, id: number, o: PollOutcome): Promise<void> {
  await db
    .update(feeds)
    .set({
      lastPolledAt: o.at,
      lastStatus: o.status,
      nextPollAt: o.nextPollAt,
      lastError: o.status === 'error' ? (o.error ?? 'unknown error') : null,
      lastNewItems: o.status === 'error' ? null : (o.newItems ?? 0),
      consecutiveErrors: o.status === 'error' ? sql`${feeds.consecutiveErrors} + 1` : 0,
      ...(o.etag !== undefined ? { etag: o.etag } : {}),
      ...(o.lastModified !== undefined ? { lastModified: o.lastModified } : {}),
      ...(o.title ? { title: sql`coalesce(${feeds.title}, ${o.title})` } : {}),
    })
    .where(eq(feeds.id, id));
}

/**
 * Of `items`, those no feed listed before and no article was added from: the items to fetch. Each is
 * recorded as queued by the same statement (insert or ignore, skipping URLs an article has), so an
 * item is never fetched twice: one round trip, the URLs as one JSON parameter.
 */
export async function claimNewItems(
  db: Db,
  feedId: number,
  items: { url: string; title?: string }[],
): Promise<{ url: string; title?: string }[]> {
  const unique = [...new Map(items.map((i) => [i.url, i])).values()];
  if (unique.length === 0) return [];
  const [rows = []] = await runStatements(db, [
    {
      sql: `insert or ignore into feed_items (url, feed_id, title, status)
      select json_extract(j.value, '$[0]'), ?, json_extract(j.value, '$[1]'), 'queued' from json_each(?) j
      where not exists (select 1 from articles a where a.url = json_extract(j.value, '$[0]'))
      returning url`,
      args: [feedId, jsonArg(unique.map((i) => [i.url, i.title ?? null]))],
    },
  ]);
  const inserted = new Set(rows.map((r) => String(r.url)));
  return unique.filter((i) => inserted.has(i.url));
}

export async function recordItem(
  db: Db,
  url: string,
  o: { status: 'stored' | 'duplicate' | 'failed'; articleId?: number | null; error?: string | null },
): Promise<void> {
  await runStatements(db, feedItemOutcomeStatements(url, o));
}

/**
 * An item's outcome as statements, so that they can join another batch: `storedAs` names an article
 * stored in that same batch, by its text and outlet, as the item's article. Once: a queue message delivered
 * twice finds the item's outcome recorded and leaves it.
 */
export function feedItemOutcomeStatements(
  url: string,
  o: { status: 'stored' | 'duplicate' | 'failed'; articleId?: number | null; error?: string | null },
  storedAs?: ArticleKey,
): Statement[] {
  const article = articleIdOf(o.articleId, storedAs);
  return [
    {
      sql: `update feed_items set status = ?, article_id = ${article.sql}, error = ? where url = ? and status = 'queued'`,
      args: [o.status, ...article.args, o.error ?? null, url],
    },
  ];
}

/** The latest items of a feed, for its page. */
export async function feedItemsOf(db: Db, feedId: number, limit = 50): Promise<FeedItemRow[]> {
  return db
    .select()
    .from(feedItems)
    .where(eq(feedItems.feedId, feedId))
    .orderBy(sql`${feedItems.seenAt} desc`)
    .limit(limit);
}

/** Per feed: items stored, duplicates, failed and still queued. */
export async function itemCounts(db: Db): Promise<Map<number, Record<string, number>>> {
  const rows = await db
    .select({ feedId: feedItems.feedId, status: feedItems.status, n: sql<number>`count(*)` })
    .from(feedItems)
    .groupBy(feedItems.feedId, feedItems.status);
  const out = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const m = out.get(r.feedId) ?? {};
    m[r.status] = Number(r.n);
    out.set(r.feedId, m);
  }
  return out;
}

/** claimFeed for several at once (the cron's one write): the ids it took. */
export async function claimFeeds(db: Db, ids: number[], now: number, until: number): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(feeds)
    .set({ nextPollAt: until })
    .where(and(inArray(feeds.id, ids), lte(feeds.nextPollAt, now)))
    .returning({ id: feeds.id });
  return rows.map((r) => r.id);
}
