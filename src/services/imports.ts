// Use case: bulk imports with progress. An import (import-sources.ts) is stored as a job with its items
// (db/queries/imports.ts); each item is then done on its own — an article added by URL or from its
// text, a feed subscribed — and its outcome recorded, so the page shows done / total, the current item
// and every failure with its reason, and one item's failure never stops or undoes the others.
// Who runs the items is the entry's: Node in the background, the Worker one queue message each.
import type { Db } from '../../db/client';
import {
  claimImportItem,
  type ImportItemRow,
  type ImportJobRow,
  type ImportOutcome,
  importItemsOf,
  importJobById,
  importOutcomeStatements,
  importStatusCounts,
  insertImport,
  pendingPositions,
  recentImportJobs,
  recordImportItem,
  resendImportItem,
  staleImportItems,
  unfinishedImportJobs,
} from '../../db/queries/imports';
import type { WebReader } from '../web/reader';
import { InputError, NotFoundError } from './errors';
import { addFeed } from './feeds';
import type { ImportSource, ManifestItem } from './import-sources';
import { type IngestInput, type IngestOptions, ingestArticle } from './ingest';
import type { BulkIngestResult } from './ingest-batches';
import { type PageToAdd, readArticleToAdd, storeArticleToAdd, UrlAlreadyStoredError } from './web-articles';

/** Runs a stored job's items after the request (Node: in the background; Workers: a queue message each). */
export type ImportLater = (jobId: number, positions: number[]) => Promise<void>;

export interface ImportRunner {
  db: Db;
  reader?: WebReader;
  ingest?: IngestOptions;
  /** Who started the import (feeds record who added them). */
  actor?: string | null;
}

/** Stores the import, every item pending; an OPML import's feeds are polled every `intervalMinutes`. */
export async function createImport(
  db: Db,
  source: ImportSource,
  opts: { actor?: string | null; intervalMinutes?: number } = {},
): Promise<ImportJobRow> {
  const interval =
    source.kind === 'opml' && opts.intervalMinutes ? { intervalMinutes: opts.intervalMinutes } : {};
  return insertImport(
    db,
    { kind: source.kind, label: source.label, createdBy: opts.actor ?? null },
    source.items.map((i) => {
      const payload = { ...i.payload, ...interval };
      return { target: i.target, payload: Object.keys(payload).length ? JSON.stringify(payload) : null };
    }),
  );
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** An item's failure: an InputError (a refused URL, an empty text, a known feed) is that item's outcome. */
type ItemRef = Pick<ImportItemRow, 'jobId' | 'position' | 'target'>;

function failure(item: ItemRef, err: unknown): ImportOutcome {
  if (err instanceof UrlAlreadyStoredError)
    return {
      status: 'duplicate',
      articleId: err.articleId,
      reason: `already stored as article ${err.articleId}`,
    };
  if (!(err instanceof InputError))
    console.error(`crosscheck: import item ${item.jobId}/${item.position} (${item.target}) failed`, err);
  return { status: 'failed', reason: reasonOf(err) };
}

/** An article given with its text (a manifest's, the CLI's files), as the ingest takes it; else null. */
export function textInput(kind: string, payload: ManifestItem): IngestInput | null {
  if (kind === 'opml' || payload.error || payload.text === undefined) return null;
  return {
    outlet: payload.outlet ?? '',
    title: payload.title ?? '',
    url: payload.url ?? null,
    publishedAt: payload.publishedAt ?? null,
    text: payload.text,
    format: payload.format ?? 'auto',
  };
}

export const payloadOf = (item: ImportItemRow): ManifestItem & { intervalMinutes?: number } =>
  item.payload ? JSON.parse(item.payload) : {};

/** What became of an article given with its text. */
export function outcomeOf(r: BulkIngestResult): ImportOutcome {
  if (r.status === 'duplicate')
    return {
      status: 'duplicate',
      articleId: r.articleId,
      reason: `already stored as article ${r.articleId}`,
    };
  if (r.status === 'invalid' || r.status === 'failed') return { status: 'failed', reason: r.message };
  return { status: 'stored', articleId: r.articleId };
}

/**
 * The first half of one item: a feed subscribed or an article given with its text is done here (its
 * outcome); an article by URL has its page read (`page`), for `storePage` to store.
 */
export async function work(
  run: ImportRunner,
  kind: string,
  item: ImportItemRow,
): Promise<{ outcome: ImportOutcome } | { page: PageToAdd }> {
  const payload = payloadOf(item);
  if (payload.error) return { outcome: { status: 'failed', reason: payload.error } };
  try {
    if (kind === 'opml') {
      const feed = await addFeed(
        run.db,
        run.reader?.policy,
        { url: item.target, intervalMinutes: payload.intervalMinutes, title: payload.title },
        run.actor ?? undefined,
      );
      return { outcome: { status: 'subscribed', feedId: feed.id } };
    }
    const input = textInput(kind, payload);
    if (input) return { outcome: outcomeOf(await ingestArticle(run.db, input, run.ingest ?? {})) };
    const page = await readArticleToAdd(run.db, run.reader, {
      url: payload.url ?? item.target,
      outlet: payload.outlet,
      title: payload.title,
      publishedAt: payload.publishedAt,
    });
    return { page };
  } catch (err) {
    return { outcome: failure(item, err) };
  }
}

/**
 * The second half of an article by URL: its page stored, and the item's outcome with it when the article
 * is new (one atomic batch: `recorded`); a duplicate or a failure is left to the caller to record.
 */
async function storePage(
  run: ImportRunner,
  item: ItemRef,
  page: PageToAdd,
  now: number,
): Promise<ImportOutcome & { recorded?: true }> {
  try {
    const r = await storeArticleToAdd(run.db, page, {
      ...run.ingest,
      alongside: (hash) =>
        importOutcomeStatements(item.jobId, item.position, { status: 'stored' }, now, undefined, hash),
    });
    return r.status === 'duplicate'
      ? { status: 'duplicate', articleId: r.articleId, reason: `the same text is article ${r.articleId}` }
      : { status: 'stored', articleId: r.articleId, recorded: true };
  } catch (err) {
    return failure(item, err);
  }
}

export type ItemDone = ImportOutcome & { position: number; target: string };

/** A taken item's first half done: its outcome recorded, or its page read for `storeImportPage`. */
export type ItemStarted = { done: ItemDone } | { page: PageToAdd; item: ImportItemRow };

/**
 * The first half of one item, if it is still pending (taken first, so never twice): done and recorded,
 * or, for an article by URL, its page read and not yet stored. Null when someone else took it.
 */
export async function startImportItem(
  run: ImportRunner,
  jobId: number,
  position: number,
): Promise<ItemStarted | null> {
  const taken = await claimImportItem(run.db, jobId, position, Date.now());
  if (!taken) return null;
  const { job, item } = taken;
  const r = await work(run, job.kind, item);
  if ('page' in r) return { page: r.page, item };
  await recordImportItem(run.db, jobId, position, r.outcome, Date.now());
  return { done: { ...r.outcome, position, target: item.target } };
}

/**
 * The second half: the page stored and the outcome recorded (once: a repeated call leaves the recorded
 * outcome).
 */
export async function storeImportPage(run: ImportRunner, item: ItemRef, page: PageToAdd): Promise<ItemDone> {
  const { recorded, ...outcome } = await storePage(run, item, page, Date.now());
  if (!recorded) await recordImportItem(run.db, item.jobId, item.position, outcome, Date.now());
  return { ...outcome, position: item.position, target: item.target };
}

/**
 * Does one item of a job if it is still pending (taken first, so never twice) and records what became
 * of it. Null when someone else took it. Never throws for the item's own failure.
 */
export async function runImportItem(
  run: ImportRunner,
  jobId: number,
  position: number,
): Promise<ItemDone | null> {
  const started = await startImportItem(run, jobId, position);
  if (!started) return null;
  return 'done' in started ? started.done : storeImportPage(run, started.item, started.page);
}

/**
 * Does every pending item of a job in order, one by one; `onEach` hears each outcome. Where no runner
 * takes the job (a Worker without its queue, an app without `importLater`); Node's runner stores the
 * articles given with their text in batches (runImportInBatches, import-runner.ts).
 */
export async function runImport(
  run: ImportRunner,
  jobId: number,
  onEach?: (done: ItemDone, job: ImportJobRow) => void,
  /** Asked before each item: true stops here, the rest left pending (a server shutting down). */
  stopped?: () => boolean,
): Promise<void> {
  const job = await importJobById(run.db, jobId);
  if (!job) throw new NotFoundError(`There is no import ${jobId}.`);
  for (const position of await pendingPositions(run.db, jobId)) {
    if (stopped?.()) return;
    const done = await runImportItem(run, jobId, position);
    if (done) onEach?.(done, job);
  }
}

/** Jobs a stopped runner left unfinished (items running for over `staleMs` go back to pending). */
export const unfinishedImports = (db: Db, now = Date.now(), staleMs = 10 * 60_000) =>
  unfinishedImportJobs(db, now - staleMs);

/**
 * How long an item may go without an outcome before the Worker's cron takes it for lost. An item's two
 * queue invocations take seconds; the FEEDS queue retries a failing one 3 times within minutes. A message
 * waiting behind a long bulk import can take longer: sent again, the first to finish records the outcome.
 */
export const STALE_ITEM_MS = 30 * 60_000;

const minutes = (ms: number) => Math.round(ms / 60_000);

/**
 * Items whose queue message was lost (Workers: every retry failed, or the message expired) would stay
 * "running" for ever. Each is sent again once (back to pending with the reason, a new `import` message:
 * its page read again, then stored; an article stored meanwhile makes it "duplicate" with that article),
 * and fails with the reason when it is stale a second time. Returns how many were sent again and failed.
 */
export async function recoverStaleImports(
  db: Db,
  later: ImportLater,
  now = Date.now(),
  staleMs = STALE_ITEM_MS,
): Promise<{ resent: number; failed: number }> {
  const before = now - staleMs;
  let resent = 0;
  let failed = 0;
  for (const item of await staleImportItems(db, before)) {
    if (item.reason === null) {
      const why = `sent again: no outcome ${minutes(staleMs)} minutes after it started (its queue message was lost)`;
      if (!(await resendImportItem(db, item, why, now, before))) continue;
      await later(item.jobId, [item.position]);
      resent++;
    } else {
      const reason = `no outcome ${minutes(staleMs)} minutes after it was sent again (its queue messages were lost); add it again`;
      await recordImportItem(db, item.jobId, item.position, { status: 'failed', reason }, now, before);
      failed++;
    }
  }
  return { resent, failed };
}

export interface ImportProgress {
  job: ImportJobRow;
  total: number;
  /** Items finished, whatever their outcome. */
  done: number;
  counts: { stored: number; duplicate: number; subscribed: number; failed: number; pending: number };
  /** The item being done now (the first running one). */
  current: { position: number; target: string } | null;
  failures: { position: number; target: string; reason: string }[];
  items: ImportItemRow[];
  finished: boolean;
}

/** A job's progress as stored: what a page, its JSON twin and the CLI show. */
export async function importProgress(db: Db, jobId: number): Promise<ImportProgress> {
  const job = await importJobById(db, jobId);
  if (!job) throw new NotFoundError(`There is no import ${jobId}.`);
  const items = await importItemsOf(db, jobId);
  const count = (s: string) => items.filter((i) => i.status === s).length;
  const counts = {
    stored: count('stored'),
    duplicate: count('duplicate'),
    subscribed: count('subscribed'),
    failed: count('failed'),
    pending: count('pending') + count('running'),
  };
  const running = items.find((i) => i.status === 'running');
  return {
    job,
    total: job.total,
    done: job.total - counts.pending,
    counts,
    current: running ? { position: running.position, target: running.target } : null,
    failures: items
      .filter((i) => i.status === 'failed')
      .map((i) => ({ position: i.position, target: i.target, reason: i.reason ?? 'failed' })),
    items,
    finished: job.finishedAt !== null,
  };
}

export interface ImportSummary extends ImportJobRow {
  done: number;
  failed: number;
}

/** The latest imports with how far each got. */
export async function recentImports(db: Db, limit = 20): Promise<ImportSummary[]> {
  const jobs = await recentImportJobs(db, limit);
  const counts = await importStatusCounts(
    db,
    jobs.map((j) => j.id),
  );
  return jobs.map((j) => {
    const c = counts.get(j.id) ?? {};
    return { ...j, done: j.total - (c.pending ?? 0) - (c.running ?? 0), failed: c.failed ?? 0 };
  });
}
