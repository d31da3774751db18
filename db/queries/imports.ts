// Bulk imports: the job, its items and their outcomes (src/services/imports.ts does the work).
import { and, asc, desc, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { importItems, importJobs } from '../schema';
import { type ArticleKey, articleIdOf, runBatch, runStatements, type Statement } from './batch';
import { jsonArg } from './json-arg';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportItemRow = typeof importItems.$inferSelect;
export type ImportItemStatus = 'pending' | 'running' | 'stored' | 'duplicate' | 'subscribed' | 'failed';

/** Rows per insert statement: 4 values each, and D1 binds at most 100 parameters. */
const ROWS = 20;

/** Stores a job and all its items, pending; the items in one batch (all or none), the job removed if they fail. */
export async function insertImport(
  db: Db,
  job: { kind: string; label: string; createdBy?: string | null },
  items: { target: string; payload?: string | null }[],
): Promise<ImportJobRow> {
  const [row] = await db
    .insert(importJobs)
    .values({ ...job, total: items.length })
    .returning();
  const inserts = [];
  for (let i = 0; i < items.length; i += ROWS)
    inserts.push(
      db.insert(importItems).values(
        items.slice(i, i + ROWS).map((it, k) => ({
          jobId: row!.id,
          position: i + k + 1,
          target: it.target,
          payload: it.payload ?? null,
        })),
      ),
    );
  try {
    await runBatch(db, inserts);
  } catch (err) {
    await db.delete(importJobs).where(eq(importJobs.id, row!.id));
    throw err;
  }
  return row!;
}

/**
 * Stores a job of one item already taken (running): an article by URL whose page the request read and
 * sends on to be stored (src/services/url-add.ts), or an article given with its text, kept in `payload`
 * until the queue extracts and stores it (src/services/text-add.ts); its item is position 1. Unless an
 * article is stored under one of `refuseUrls` (the page's final and canonical URLs): then nothing is
 * stored and that article is returned. One round trip: the check and the inserts in one batch.
 */
export async function insertStartedImport(
  db: Db,
  job: { kind: string; label: string; createdBy?: string | null },
  target: string,
  now: number,
  refuseUrls: string[] = [],
  payload: string | null = null,
): Promise<{ item: { jobId: number; position: number; target: string } } | { stored: StoredUnder }> {
  const urls = jsonArg([...new Set(refuseUrls)]);
  const none = 'not exists (select 1 from articles where url in (select value from json_each(?)))';
  const [found = [], jobs = []] = await runStatements(db, [
    {
      sql: 'select id, title, url from articles where url in (select value from json_each(?)) order by id limit 1',
      args: [urls],
    },
    {
      sql: `insert into import_jobs (kind, label, total, created_by) select ?, ?, 1, ? where ${none} returning id`,
      args: [job.kind, job.label, job.createdBy ?? null, urls],
    },
    {
      // The guard is the same as the job's, in the same batch: both inserted or neither.
      sql: `insert into import_items (job_id, position, target, payload, status, started_at) select last_insert_rowid(), 1, ?, ?, 'running', ? where ${none}`,
      args: [target, payload, now, urls],
    },
  ]);
  const [stored] = found;
  if (stored)
    return { stored: { id: Number(stored.id), title: String(stored.title), url: String(stored.url) } };
  return { item: { jobId: Number(jobs[0]?.id), position: 1, target } };
}

/** An article stored under a URL (what refuses adding it again). */
export interface StoredUnder {
  id: number;
  title: string;
  url: string;
}

/** An item's status and payload (hand-written: one small read where every ms of CPU counts). */
export async function importItemPayload(
  db: Db,
  jobId: number,
  position: number,
): Promise<{ status: string; payload: string | null } | null> {
  const [rows = []] = await runStatements(
    db,
    [
      {
        sql: 'select status, payload from import_items where job_id = ? and position = ?',
        args: [jobId, position],
      },
    ],
    'read',
  );
  const [row] = rows;
  return row
    ? { status: String(row.status), payload: row.payload == null ? null : String(row.payload) }
    : null;
}

export async function importJobById(db: Db, id: number): Promise<ImportJobRow | null> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
  return row ?? null;
}

export async function importItemsOf(db: Db, jobId: number): Promise<ImportItemRow[]> {
  return db.select().from(importItems).where(eq(importItems.jobId, jobId)).orderBy(asc(importItems.position));
}

/** The latest jobs, newest first. */
export async function recentImportJobs(db: Db, limit = 20): Promise<ImportJobRow[]> {
  return db.select().from(importJobs).orderBy(desc(importJobs.id)).limit(limit);
}

/** Per job: how many items are in each status. */
export async function importStatusCounts(
  db: Db,
  jobIds: number[],
): Promise<Map<number, Partial<Record<ImportItemStatus, number>>>> {
  const out = new Map<number, Partial<Record<ImportItemStatus, number>>>();
  if (jobIds.length === 0) return out;
  const rows = await db
    .select({ jobId: importItems.jobId, status: importItems.status, n: sql<number>`count(*)` })
    .from(importItems)
    .where(inArray(importItems.jobId, jobIds))
    .groupBy(importItems.jobId, importItems.status);
  for (const r of rows) {
    const m = out.get(r.jobId) ?? {};
    m[r.status as ImportItemStatus] = Number(r.n);
    out.set(r.jobId, m);
  }
  return out;
}

/** Positions of a job's items still pending, in order. */
export async function pendingPositions(db: Db, jobId: number): Promise<number[]> {
  const rows = await db
    .select({ position: importItems.position })
    .from(importItems)
    .where(and(eq(importItems.jobId, jobId), eq(importItems.status, 'pending')))
    .orderBy(asc(importItems.position));
  return rows.map((r) => r.position);
}

/**
 * Takes a pending item for doing (pending → running), so that two runners (a queue's redelivery, a
 * resumed job) never do it twice. The item when taken, with its job; else null.
 */
export async function claimImportItem(
  db: Db,
  jobId: number,
  position: number,
  now: number,
): Promise<{ job: ImportJobRow; item: ImportItemRow } | null> {
  // One round trip: the job (what kind of item this is) read with the item's claim.
  const [jobs, items] = (await runBatch(db, [
    db.select().from(importJobs).where(eq(importJobs.id, jobId)).limit(1),
    db
      .update(importItems)
      .set({ status: 'running', startedAt: now })
      .where(
        and(
          eq(importItems.jobId, jobId),
          eq(importItems.position, position),
          eq(importItems.status, 'pending'),
        ),
      )
      .returning(),
  ])) as [ImportJobRow[], ImportItemRow[]];
  const [job] = jobs;
  const [item] = items;
  return job && item ? { job, item } : null;
}

export interface ImportOutcome {
  status: Exclude<ImportItemStatus, 'pending' | 'running'>;
  reason?: string | null;
  articleId?: number | null;
  feedId?: number | null;
}

/**
 * Records what became of an item (its payload is no longer needed), and finishes the job when it was the
 * last. Only an item still open: running, or pending again after `recoverStaleItems` sent it again (a
 * late store of the message thought lost records its outcome, and the message sent again finds the item
 * done). `startedBefore`: only an item that has not been taken since (the stale recovery's failures).
 * One batch of importOutcomeStatements.
 */
export async function recordImportItem(
  db: Db,
  jobId: number,
  position: number,
  o: ImportOutcome,
  now: number,
  startedBefore?: number,
): Promise<void> {
  await runStatements(db, importOutcomeStatements(jobId, position, o, now, startedBefore));
}

/**
 * An item's outcome as statements (hand-written: drizzle's building of the two updates cost the Worker's
 * store invocation more than running them), so that they can join another batch: `storedAs` names
 * an article stored in that same batch, by its text and outlet, as the item's article. Recorded once: a
 * queue message delivered twice finds the outcome recorded and leaves it.
 */
export function importOutcomeStatements(
  jobId: number,
  position: number,
  o: ImportOutcome,
  now: number,
  startedBefore?: number,
  storedAs?: ArticleKey,
): Statement[] {
  const article = articleIdOf(o.articleId, storedAs);
  return [
    {
      sql: `update import_items set status = ?, reason = ?, article_id = ${article.sql}, feed_id = ?, payload = null,
          finished_at = ? where job_id = ? and position = ? and status in ('running', 'pending')${
            startedBefore === undefined ? '' : ' and started_at < ?'
          }`,
      args: [
        o.status,
        o.reason ?? null,
        ...article.args,
        o.feedId ?? null,
        now,
        jobId,
        position,
        ...(startedBefore === undefined ? [] : [startedBefore]),
      ],
    },
    {
      sql: `update import_jobs set finished_at = ? where id = ? and finished_at is null
          and not exists (select 1 from import_items where job_id = ? and status in ('pending', 'running'))`,
      args: [now, jobId, jobId],
    },
  ];
}

/**
 * Items left running since before `before` (their runner stopped: a restarted server) go back to
 * pending; returns the jobs that have pending items now, oldest first.
 */
export async function unfinishedImportJobs(db: Db, before: number): Promise<number[]> {
  await db
    .update(importItems)
    .set({ status: 'pending', startedAt: null })
    .where(and(eq(importItems.status, 'running'), sql`${importItems.startedAt} < ${before}`));
  const rows = await db
    .selectDistinct({ jobId: importItems.jobId })
    .from(importItems)
    .where(eq(importItems.status, 'pending'))
    .orderBy(asc(importItems.jobId));
  return rows.map((r) => r.jobId);
}

/** An item left without an outcome (see `staleImportItems`). */
export interface StaleItem {
  jobId: number;
  position: number;
  target: string;
  /** Set once the item was sent again: a second time stale, it fails. */
  reason: string | null;
}

/**
 * Items without an outcome since before `before` (on Workers, the queue message that was doing them is
 * gone): running ones, and pending ones already sent again (`resendImportItem`), oldest first.
 */
export async function staleImportItems(db: Db, before: number, limit = 50): Promise<StaleItem[]> {
  return db
    .select({
      jobId: importItems.jobId,
      position: importItems.position,
      target: importItems.target,
      reason: importItems.reason,
    })
    .from(importItems)
    .where(
      and(
        or(
          eq(importItems.status, 'running'),
          and(eq(importItems.status, 'pending'), isNotNull(importItems.reason)),
        ),
        lt(importItems.startedAt, before),
      ),
    )
    .orderBy(asc(importItems.startedAt))
    .limit(limit);
}

/**
 * A stale running item back to pending, to be sent again, with why (`reason`, shown while it waits) and
 * when (`startedAt`: the clock of its second chance). False when it moved meanwhile (a late outcome).
 */
export async function resendImportItem(
  db: Db,
  item: { jobId: number; position: number },
  reason: string,
  now: number,
  before: number,
): Promise<boolean> {
  const rows = await db
    .update(importItems)
    .set({ status: 'pending', reason, startedAt: now })
    .where(
      and(
        eq(importItems.jobId, item.jobId),
        eq(importItems.position, item.position),
        eq(importItems.status, 'running'),
        lt(importItems.startedAt, before),
      ),
    )
    .returning({ position: importItems.position });
  return rows.length > 0;
}
