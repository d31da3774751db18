// Review writes with optimistic locking, and the append-only audit log they feed.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { HistoryEntry, TargetType } from '../../src/shared/history';
import type { Db } from '../client';
import { claims, counters, links, reviews, users } from '../schema';
import { chunk, MAX_PARAMS, readRows, runBatch } from './batch';

/** What a reviewer sees of a claim or link before acting: enough to check the rules against. */
export interface TargetState {
  status: string;
  version: number;
  proposedStatus: string | null;
  proposedBy: string | null;
  /** Links only; always null for claims. */
  assignee: string | null;
}

/** The columns an action may change on the row (version is bumped by every action). */
export interface TargetChange {
  status?: string;
  proposedStatus?: string | null;
  proposedBy?: string | null;
  assignee?: string | null;
}

export interface GuardedAction {
  target: TargetType;
  id: number;
  /** The version the reviewer saw; the write happens only if the row is still at it. */
  version: number;
  reviewer: string;
  /** e.g. mark_verified, resolve_a_holds, propose_false, approve_false, reject_false, reopen, assign, unassign. */
  action: string;
  /** The status the log records as "to" (for a proposal: the proposed one). */
  toStatus: string;
  note?: string | null;
  /** Evidence URLs, http/https only (validated at the edge). */
  evidence?: string[];
  change: TargetChange;
}

const tableOf = (target: TargetType) => (target === 'claim' ? claims : links);

/** The audit row for a target, copied from the target row only while it is still at the expected version. */
function logIfCurrent(db: Db, a: GuardedAction) {
  const table = tableOf(a.target);
  // insert … select through the query builder: drizzle's D1 batch cannot bind a raw db.run(sql) (drizzle-orm#2277).
  return db.insert(reviews).select(
    db
      .select({
        id: sql`null`.as('id'),
        targetType: sql`${a.target}`.as('target_type'),
        targetId: table.id,
        reviewer: sql`${a.reviewer}`.as('reviewer'),
        action: sql`${a.action}`.as('action'),
        fromStatus: table.status,
        toStatus: sql`${a.toStatus}`.as('to_status'),
        note: sql`${a.note ?? null}`.as('note'),
        evidence: sql`${JSON.stringify(a.evidence ?? [])}`.as('evidence'),
        createdAt: sql`(unixepoch('subsec') * 1000)`.as('created_at'),
      })
      .from(table)
      .where(and(eq(table.id, a.id), eq(table.version, a.version))),
  );
}

function guardedUpdate(db: Db, a: GuardedAction) {
  const { status, proposedStatus, proposedBy, assignee } = a.change;
  if (a.target === 'claim') {
    return db
      .update(claims)
      .set({
        ...(status !== undefined ? { status: status as typeof claims.$inferSelect.status } : {}),
        ...(proposedStatus !== undefined
          ? { proposedStatus: proposedStatus as typeof claims.$inferSelect.proposedStatus }
          : {}),
        ...(proposedBy !== undefined ? { proposedBy } : {}),
        version: sql`${claims.version} + 1`,
      })
      .where(and(eq(claims.id, a.id), eq(claims.version, a.version)))
      .returning({ version: claims.version });
  }
  return db
    .update(links)
    .set({
      ...(status !== undefined ? { status: status as typeof links.$inferSelect.status } : {}),
      ...(proposedStatus !== undefined
        ? { proposedStatus: proposedStatus as typeof links.$inferSelect.proposedStatus }
        : {}),
      ...(proposedBy !== undefined ? { proposedBy } : {}),
      ...(assignee !== undefined ? { assignee } : {}),
      version: sql`${links.version} + 1`,
    })
    .where(and(eq(links.id, a.id), eq(links.version, a.version)))
    .returning({ version: links.version });
}

/**
 * The audit row and the row update go in one batch, guarded by the SAME condition
 * (id = ? AND version = ?). The INSERT comes first as INSERT ... SELECT from the target row, so it
 * also records the true previous status; inside the batch's transaction nothing can run between
 * the two statements, so either both see the expected version (the action happened and is logged)
 * or neither does (a stale write changes nothing and logs nothing). The UPDATE's RETURNING tells
 * us which, on libSQL and D1 alike, without relying on driver-specific "rows affected".
 * Returns the new version, or null when the row was not at `version` (or does not exist).
 */
export async function guardedAct(db: Db, a: GuardedAction): Promise<number | null> {
  const results = await runBatch(db, [logIfCurrent(db, a), guardedUpdate(db, a)]);
  const updated = (results[1] as { version: number }[])[0];
  return updated ? updated.version : null;
}

/** An audit row written beside a multi-row action (an editor's override of a contradiction). */
export interface LogEntry {
  target: TargetType;
  id: number;
  reviewer: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
}

/**
 * Several guarded actions (a resolution and the claim verdicts it implies) as ONE atomic batch. The
 * first statement checks every row is still at the version the reviewer saw and otherwise fails on
 * purpose (json() of a non-JSON string raises "malformed JSON"), which rolls the whole batch back on
 * libSQL and D1 alike: all rows change and are logged, or none. Returns the new versions in the order
 * of `actions`, or null when any row had moved on.
 */
export async function guardedActs(
  db: Db,
  actions: GuardedAction[],
  logs: LogEntry[] = [],
): Promise<number[] | null> {
  const current = actions.map((a) => {
    const t = tableOf(a.target);
    return sql`(select ${t.version} from ${t} where ${t.id} = ${a.id}) = ${a.version}`;
  });
  const check = db
    .select({ ok: sql<string>`json(case when ${sql.join(current, sql` and `)} then '1' else 'stale' end)` })
    .from(counters)
    .where(eq(counters.id, 1));
  const statements = [
    check,
    ...actions.flatMap((a) => [logIfCurrent(db, a), guardedUpdate(db, a)]),
    ...logs.map((l) =>
      db.insert(reviews).values({
        targetType: l.target,
        targetId: l.id,
        reviewer: l.reviewer,
        action: l.action,
        fromStatus: l.fromStatus,
        toStatus: l.toStatus,
        note: l.note,
      }),
    ),
  ];
  let results: unknown[];
  try {
    results = await runBatch(db, statements);
  } catch (err) {
    if (/malformed JSON/i.test(String((err as Error).message))) return null;
    throw err;
  }
  const versions = actions.map((_, i) => (results[2 + 2 * i] as { version: number }[])[0]?.version);
  return versions.every((v) => v !== undefined) ? (versions as number[]) : null;
}

export async function targetState(db: Db, target: TargetType, id: number): Promise<TargetState | null> {
  if (target === 'claim') {
    const row = await db
      .select({
        status: claims.status,
        version: claims.version,
        proposedStatus: claims.proposedStatus,
        proposedBy: claims.proposedBy,
      })
      .from(claims)
      .where(eq(claims.id, id))
      .get();
    return row ? { ...row, assignee: null } : null;
  }
  const row = await db
    .select({
      status: links.status,
      version: links.version,
      proposedStatus: links.proposedStatus,
      proposedBy: links.proposedBy,
      assignee: links.assignee,
    })
    .from(links)
    .where(eq(links.id, id))
    .get();
  return row ?? null;
}

const historyColumns = {
  id: reviews.id,
  targetType: reviews.targetType,
  targetId: reviews.targetId,
  reviewer: reviews.reviewer,
  displayName: users.displayName,
  action: reviews.action,
  fromStatus: reviews.fromStatus,
  toStatus: reviews.toStatus,
  note: reviews.note,
  evidence: reviews.evidence,
  createdAt: reviews.createdAt,
};

const tidy = (r: Omit<HistoryEntry, 'evidence'> & { evidence: unknown }): HistoryEntry => ({
  ...r,
  evidence: Array.isArray(r.evidence) ? r.evidence.filter((e): e is string => typeof e === 'string') : [],
});

const historyQuery = (db: Db) =>
  db
    .select(historyColumns)
    .from(reviews)
    .leftJoin(users, eq(users.login, reviews.reviewer))
    .where(and(eq(reviews.targetType, sql.placeholder('type')), eq(reviews.targetId, sql.placeholder('id'))))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(sql.placeholder('limit'))
    .prepare();

// Built once per database: the side-by-side page reads three histories per request, and drizzle
// building the same statement each time was a sixth of the page's CPU.
const historyQueries = new WeakMap<Db, ReturnType<typeof historyQuery>>();

/** The history of one target, newest first. */
export async function listReviews(
  db: Db,
  target: { type: TargetType; id: number },
  limit = 100,
): Promise<HistoryEntry[]> {
  let query = historyQueries.get(db);
  if (!query) {
    query = historyQuery(db);
    historyQueries.set(db, query);
  }
  const rows = await query.all({ type: target.type, id: target.id, limit });
  return rows.map(tidy);
}

/** Articles editors deleted, newest first: the log rows are all that is left of them. */
export async function articleDeletions(db: Db, limit = 20): Promise<HistoryEntry[]> {
  const rows = await db
    .select(historyColumns)
    .from(reviews)
    .leftJoin(users, eq(users.login, reviews.reviewer))
    .where(eq(reviews.targetType, 'article'))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(limit);
  return rows.map(tidy);
}

/** The latest entry of one target: who changed it last (shown with a 409). */
export async function lastReview(db: Db, type: TargetType, id: number): Promise<HistoryEntry | null> {
  return (await listReviews(db, { type, id }, 1))[0] ?? null;
}

/** The histories of many targets (exports), oldest first per target, through the reviews_target index. */
export async function historiesOf(
  db: Db,
  type: TargetType,
  ids: number[],
): Promise<Map<number, HistoryEntry[]>> {
  const out = new Map<number, HistoryEntry[]>();
  for (const part of chunk([...new Set(ids)], MAX_PARAMS - 1)) {
    const rows = await db
      .select(historyColumns)
      .from(reviews)
      .leftJoin(users, eq(users.login, reviews.reviewer))
      .where(and(eq(reviews.targetType, type), inArray(reviews.targetId, part)))
      .orderBy(reviews.targetId, reviews.createdAt, reviews.id);
    for (const r of rows) {
      const list = out.get(r.targetId) ?? [];
      list.push(tidy(r));
      out.set(r.targetId, list);
    }
  }
  return out;
}

/** Accounts that can be assigned conflicts (reviewers and editors, not disabled), for the assignee pickers. */
export async function listReviewers(db: Db): Promise<{ login: string; displayName: string }[]> {
  return db
    .select({ login: users.login, displayName: users.displayName })
    .from(users)
    .where(and(inArray(users.role, ['reviewer', 'editor']), eq(users.disabled, false)))
    .orderBy(users.login)
    .limit(500);
}

/** When each claim got its current verdict: its latest audit row that set that status (ms). */
export async function verdictTimes(db: Db, claimIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (claimIds.length === 0) return out;
  const rows = await readRows(db, {
    sql: `select r.target_id, max(r.created_at) as at from reviews r join claims c on c.id = r.target_id
      where r.target_type = 'claim' and r.target_id in (select value from json_each(?)) and r.to_status = c.status
      group by r.target_id`,
    args: [JSON.stringify(claimIds)],
  });
  for (const r of rows) out.set(Number(r.target_id), Number(r.at));
  return out;
}

/** When each conflict got its current resolution: its latest audit row that set that status (ms). */
export async function resolutionTimes(db: Db, linkIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (linkIds.length === 0) return out;
  const rows = await readRows(db, {
    sql: `select r.target_id, max(r.created_at) as at from reviews r join links l on l.id = r.target_id
      where r.target_type = 'link' and r.target_id in (select value from json_each(?)) and r.to_status = l.status
      group by r.target_id`,
    args: [JSON.stringify(linkIds)],
  });
  for (const r of rows) out.set(Number(r.target_id), Number(r.at));
  return out;
}
