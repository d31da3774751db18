// Feed subscriptions, their polls' outcomes and the item URLs they listed.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, feedItems, feeds } from '../schema';

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
 * Takes a due feed for polling: moves its next poll to `until` only if it is still due, so two
 * schedulers (a cron and a manual poll, two Node processes) never poll it twice. True when taken.
 */
export async function claimFeed(db: Db, id: number, now: number, until: number): Promise<boolean> {
  const rows = await db
    .update(feeds)
    .set({ nextPollAt: until })
    .where(and(eq(feeds.id, id), lte(feeds.nextPollAt, now)))
    .returning({ id: feeds.id });
  return rows.length > 0;
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
 * Of `urls`, those no feed listed before and no article was added from: the items to fetch. Each is
 * recorded as queued in the same call (insert or ignore), so an item is never fetched twice.
 */
export async function claimNewItems(
  db: Db,
  feedId: number,
  items: { url: string; title?: string }[],
): Promise<{ url: string; title?: string }[]> {
  if (items.length === 0) return [];
  const urls = items.map((i) => i.url);
  const stored = new Set(
    (await db.select({ url: articles.url }).from(articles).where(inArray(articles.url, urls))).map(
      (r) => r.url,
    ),
  );
  const candidates = items.filter((i) => !stored.has(i.url));
  const inserted = new Set<string>();
  // 20 rows of 4 values a statement: D1 binds at most 100 parameters.
  for (let i = 0; i < candidates.length; i += 20) {
    const rows = await db
      .insert(feedItems)
      .values(
        candidates
          .slice(i, i + 20)
          .map((c) => ({ url: c.url, feedId, title: c.title ?? null, status: 'queued' })),
      )
      .onConflictDoNothing()
      .returning({ url: feedItems.url });
    for (const r of rows) inserted.add(r.url);
  }
  const fresh = candidates.filter((c) => inserted.has(c.url));
  return fresh;
}

export async function recordItem(
  db: Db,
  url: string,
  o: { status: 'stored' | 'duplicate' | 'failed'; articleId?: number | null; error?: string | null },
): Promise<void> {
  await db
    .update(feedItems)
    .set({ status: o.status, articleId: o.articleId ?? null, error: o.error ?? null })
    // Once: a queue message delivered twice finds the item's outcome recorded and leaves it.
    .where(and(eq(feedItems.url, url), eq(feedItems.status, 'queued')));
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
