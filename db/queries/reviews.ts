// Review writes with optimistic locking, and the append-only audit log they feed.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { type ClaimStatus, claims, type LinkStatus, links, reviews } from '../schema';
import { runBatch } from './batch';

export interface ReviewInput {
  id: number;
  /** The version the reviewer saw; the write happens only if the row is still at it. */
  version: number;
  reviewer: string;
  note?: string | null;
  /** Evidence URLs, http/https only (validated at the edge). */
  evidence?: string[];
}

export type ReviewOutcome<S> =
  | { ok: true; status: S; version: number }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'stale'; status: S; version: number };

/** The audit row for a target, copied from the target row only while it is still at the expected version. */
function logIfCurrent(
  db: Db,
  table: typeof claims | typeof links,
  targetType: 'claim' | 'link',
  input: ReviewInput,
  action: string,
  toStatus: string,
) {
  // insert … select through the query builder: drizzle's D1 batch cannot bind a raw db.run(sql) (drizzle-orm#2277).
  return db.insert(reviews).select(
    db
      .select({
        id: sql`null`.as('id'),
        targetType: sql`${targetType}`.as('target_type'),
        targetId: table.id,
        reviewer: sql`${input.reviewer}`.as('reviewer'),
        action: sql`${action}`.as('action'),
        fromStatus: table.status,
        toStatus: sql`${toStatus}`.as('to_status'),
        note: sql`${input.note ?? null}`.as('note'),
        evidence: sql`${JSON.stringify(input.evidence ?? [])}`.as('evidence'),
        createdAt: sql`(unixepoch('subsec') * 1000)`.as('created_at'),
      })
      .from(table)
      .where(and(eq(table.id, input.id), eq(table.version, input.version))),
  );
}

/**
 * The audit row and the status update go in one batch, guarded by the SAME condition
 * (id = ? AND version = ?). The INSERT comes first as INSERT ... SELECT from the target row, so it
 * also records the true previous status; inside the batch's transaction nothing can run between
 * the two statements, so either both see the expected version (the action happened and is logged)
 * or neither does (a stale write changes nothing and logs nothing). The UPDATE's RETURNING tells
 * us which, on libSQL and D1 alike, without relying on driver-specific "rows affected".
 */
export async function setClaimStatus(
  db: Db,
  input: ReviewInput & { status: ClaimStatus },
): Promise<ReviewOutcome<ClaimStatus>> {
  const guard = and(eq(claims.id, input.id), eq(claims.version, input.version));
  const results = await runBatch(db, [
    logIfCurrent(db, claims, 'claim', input, `mark_${input.status}`, input.status),
    db
      .update(claims)
      .set({ status: input.status, version: sql`${claims.version} + 1` })
      .where(guard)
      .returning({ status: claims.status, version: claims.version }),
  ]);
  const updated = (results[1] as { status: ClaimStatus; version: number }[])[0];
  if (updated) return { ok: true, ...updated };
  const current = await db
    .select({ status: claims.status, version: claims.version })
    .from(claims)
    .where(eq(claims.id, input.id))
    .get();
  return current ? { ok: false, reason: 'stale', ...current } : { ok: false, reason: 'not_found' };
}

/** Same pattern as setClaimStatus, for a link's resolution. */
export async function resolveLink(
  db: Db,
  input: ReviewInput & { status: LinkStatus },
): Promise<ReviewOutcome<LinkStatus>> {
  const guard = and(eq(links.id, input.id), eq(links.version, input.version));
  const action = input.status === 'open' ? 'reopen' : `resolve_${input.status}`;
  const results = await runBatch(db, [
    logIfCurrent(db, links, 'link', input, action, input.status),
    db
      .update(links)
      .set({ status: input.status, version: sql`${links.version} + 1` })
      .where(guard)
      .returning({ status: links.status, version: links.version }),
  ]);
  const updated = (results[1] as { status: LinkStatus; version: number }[])[0];
  if (updated) return { ok: true, ...updated };
  const current = await db
    .select({ status: links.status, version: links.version })
    .from(links)
    .where(eq(links.id, input.id))
    .get();
  return current ? { ok: false, reason: 'stale', ...current } : { ok: false, reason: 'not_found' };
}

export type ReviewRecord = typeof reviews.$inferSelect;

export async function listReviews(
  db: Db,
  target: { type: 'claim' | 'link'; id: number },
  limit = 100,
): Promise<ReviewRecord[]> {
  return db
    .select()
    .from(reviews)
    .where(and(eq(reviews.targetType, target.type), eq(reviews.targetId, target.id)))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(limit);
}
