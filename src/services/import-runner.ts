// Node's runner of a whole import (the CLI, the server's background runner: import-scheduler.ts): the
// items in order, the articles given with their text in batches through the bulk path (issue 20). Not
// in the Worker, which does one item per queue message (worker-imports.ts), nor in the routes, whose
// fallback without a runner is runImport (imports.ts), item by item.
import {
  claimImportItem,
  type ImportItemRow,
  type ImportJobRow,
  importJobById,
  pendingPositions,
  recordImportItem,
} from '../../db/queries/imports';
import { NotFoundError } from './errors';
import {
  type ImportRunner,
  type ItemDone,
  outcomeOf,
  payloadOf,
  storeImportPage,
  textInput,
  work,
} from './imports';
import type { IngestInput } from './ingest';
import { BULK_BATCH, ingestInBatches } from './ingest-batches';

/** A taken item done (both halves) and its outcome recorded. */
async function finishItem(run: ImportRunner, kind: string, item: ImportItemRow): Promise<ItemDone> {
  const r = await work(run, kind, item);
  if ('page' in r) return storeImportPage(run, item, r.page);
  await recordImportItem(run.db, item.jobId, item.position, r.outcome, Date.now());
  return { ...r.outcome, position: item.position, target: item.target };
}

/**
 * Does every pending item of a job in order, as runImport does; `onEach` hears each outcome (the CLI's
 * progress bar). Articles given with their text go in batches through the bulk path (ingest-batches.ts: each batch
 * read, in worker threads where the runner's Compute has them, while the one before is stored); an
 * item of another kind (a URL, a feed) waits for the batch before it to be stored, then is done alone.
 */
export async function runImportInBatches(
  run: ImportRunner,
  jobId: number,
  onEach?: (done: ItemDone, job: ImportJobRow) => void,
  /** Asked before each item: true stops here, the rest left pending (a server shutting down). */
  stopped?: () => boolean,
): Promise<void> {
  const job = await importJobById(run.db, jobId);
  if (!job) throw new NotFoundError(`There is no import ${jobId}.`);
  const positions = await pendingPositions(run.db, jobId);
  let at = 0;
  // An item of another kind that ended a batch: done once the batches before it are stored (`stored`:
  // the last batch handed out; the next one may be handed out before the one before it is stored).
  let held: ImportItemRow | null = null;
  let stored = Promise.resolve();
  const batches: { items: ImportItemRow[]; done: () => void }[] = [];
  const next = async (): Promise<IngestInput[] | null> => {
    const batch: { item: ImportItemRow; input: IngestInput }[] = [];
    for (;;) {
      if (held) {
        await stored;
        const done = await finishItem(run, job.kind, held);
        held = null;
        onEach?.(done, job);
      }
      if (batch.length === BULK_BATCH || at === positions.length || stopped?.()) break;
      const taken = await claimImportItem(run.db, jobId, positions[at++]!, Date.now());
      if (!taken) continue;
      const input = textInput(job.kind, payloadOf(taken.item));
      if (input) batch.push({ item: taken.item, input });
      else {
        held = taken.item;
        if (batch.length > 0) break;
      }
    }
    if (batch.length === 0) return null;
    stored = new Promise((done) => batches.push({ items: batch.map((b) => b.item), done }));
    return batch.map((b) => b.input);
  };
  await ingestInBatches(run.db, next, run.ingest ?? {}, async (_, results) => {
    const batch = batches.shift()!;
    for (const [k, item] of batch.items.entries()) {
      const outcome = outcomeOf(results[k]!);
      await recordImportItem(run.db, jobId, item.position, outcome, Date.now());
      onEach?.({ ...outcome, position: item.position, target: item.target }, job);
    }
    batch.done();
  });
}
