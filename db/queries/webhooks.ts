// Outgoing webhooks: subscriptions, their deliveries (the log), and the reads an event's body needs.
import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { articles, claims, links, sources, webhookDeliveries, webhooks } from '../schema';
import { runBatch } from './batch';

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

export async function insertWebhook(
  db: Db,
  w: { url: string; events: string; secret: string; createdBy?: string | null },
): Promise<WebhookRow> {
  const [row] = await db.insert(webhooks).values(w).returning();
  return row!;
}

export async function listWebhooks(db: Db): Promise<WebhookRow[]> {
  return db.select().from(webhooks).orderBy(asc(webhooks.id));
}

export async function webhookById(db: Db, id: number): Promise<WebhookRow | null> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id)).limit(1);
  return row ?? null;
}

export async function deleteWebhook(db: Db, id: number): Promise<boolean> {
  const rows = await db.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
  return rows.length > 0;
}

/** Subscriptions to `event` (events are stored comma-separated). */
export async function webhooksFor(db: Db, event: string): Promise<WebhookRow[]> {
  return db
    .select()
    .from(webhooks)
    .where(sql`(',' || ${webhooks.events} || ',') like ${`%,${event},%`}`)
    .orderBy(asc(webhooks.id));
}

/** One pending delivery per subscription, due now, in one batch; their ids. */
export async function insertDeliveries(
  db: Db,
  rows: { webhookId: number; event: string; body: string; nextAttemptAt: number }[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const out = await runBatch(
    db,
    rows.map((r) => db.insert(webhookDeliveries).values(r).returning({ id: webhookDeliveries.id })),
  );
  return (out as { id: number }[][]).flatMap((r) => r.map((x) => x.id));
}

/**
 * Takes up to `limit` pending deliveries due at `now` for sending: their next attempt moves to `until`
 * first (only if still due), so two senders (two processes, a cron and a retry) never send one twice.
 */
export async function claimDueDeliveries(
  db: Db,
  now: number,
  until: number,
  limit: number,
): Promise<number[]> {
  const due = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(limit);
  if (due.length === 0) return [];
  const taken = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: until })
    .where(
      and(
        inArray(
          webhookDeliveries.id,
          due.map((d) => d.id),
        ),
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return taken.map((t) => t.id);
}

/** A delivery with its subscription's URL and secret (null once either is gone). */
export async function deliveryToSend(
  db: Db,
  id: number,
): Promise<(WebhookDeliveryRow & { url: string; secret: string }) | null> {
  const [row] = await db
    .select({ delivery: webhookDeliveries, url: webhooks.url, secret: webhooks.secret })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, id))
    .limit(1);
  return row ? { ...row.delivery, url: row.url, secret: row.secret } : null;
}

export async function recordAttempt(
  db: Db,
  id: number,
  o: {
    status: 'pending' | 'delivered' | 'failed';
    at: number;
    nextAttemptAt: number;
    httpStatus: number | null;
    error: string | null;
  },
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      status: o.status,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      nextAttemptAt: o.nextAttemptAt,
      lastStatus: o.httpStatus,
      lastError: o.error,
      lastAttemptAt: o.at,
    })
    .where(eq(webhookDeliveries.id, id));
}

/** A subscription's latest deliveries, newest first (the log). */
export async function deliveriesOf(db: Db, webhookId: number, limit = 20): Promise<WebhookDeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}

export interface HighConflict {
  linkId: number;
  factId: number | null;
  relation: string;
  score: number;
  explanation: unknown;
  a: { claimId: number; text: string; articleId: number; title: string; outlet: string; url: string | null };
  b: { claimId: number; text: string; articleId: number; title: string; outlet: string; url: string | null };
}

/** The high-severity disagreements (conflicts, differing quotes) touching claims of `articleIds`. */
export async function highConflictsOf(db: Db, articleIds: number[]): Promise<HighConflict[]> {
  if (articleIds.length === 0) return [];
  const ca = alias(claims, 'ca');
  const cb = alias(claims, 'cb');
  const aa = alias(articles, 'aa');
  const ab = alias(articles, 'ab');
  const sa = alias(sources, 'sa');
  const sb = alias(sources, 'sb');
  const own = db.select({ id: claims.id }).from(claims).where(inArray(claims.articleId, articleIds));
  const rows = await db
    .select({
      linkId: links.id,
      factId: links.factId,
      relation: links.relation,
      score: links.score,
      explanation: links.explanation,
      aClaim: ca.id,
      aText: ca.text,
      aArticle: aa.id,
      aTitle: aa.title,
      aUrl: aa.url,
      aOutlet: sa.name,
      bClaim: cb.id,
      bText: cb.text,
      bArticle: ab.id,
      bTitle: ab.title,
      bUrl: ab.url,
      bOutlet: sb.name,
    })
    .from(links)
    .innerJoin(ca, eq(ca.id, links.claimA))
    .innerJoin(cb, eq(cb.id, links.claimB))
    .innerJoin(aa, eq(aa.id, ca.articleId))
    .innerJoin(ab, eq(ab.id, cb.articleId))
    .innerJoin(sa, eq(sa.id, aa.sourceId))
    .innerJoin(sb, eq(sb.id, ab.sourceId))
    .where(
      and(
        eq(links.severity, 'high'),
        inArray(links.relation, ['conflict', 'quote_differs']),
        // From the articles' claims (claims_article), then their links either way (links_pair, links_b).
        or(inArray(links.claimA, own), inArray(links.claimB, own)),
      ),
    )
    .orderBy(desc(links.score), asc(links.id));
  return rows.map((r) => ({
    linkId: r.linkId,
    factId: r.factId,
    relation: r.relation,
    score: r.score,
    explanation: r.explanation,
    a: {
      claimId: r.aClaim,
      text: r.aText,
      articleId: r.aArticle,
      title: r.aTitle,
      outlet: r.aOutlet,
      url: r.aUrl,
    },
    b: {
      claimId: r.bClaim,
      text: r.bText,
      articleId: r.bArticle,
      title: r.bTitle,
      outlet: r.bOutlet,
      url: r.bUrl,
    },
  }));
}
