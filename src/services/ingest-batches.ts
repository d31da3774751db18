// The bulk path (issue 20): an import's articles given with their text (`npm run ingest`, a manifest), and
// the bench's archive, stored in batches — one candidate lookup and one atomic insert batch each
// (storePrepared, ingest.ts) — with each batch read (cleaned, extracted, hashed: ingest-prepare.ts)
// while the one before it is stored. Where the Compute prepares elsewhere (`prepareEach`: Node's worker
// threads, src/node-compute/pool.ts), reading and storing use two cores; otherwise, or when the threads
// fail, both run here. Preparing is pure, so the stored rows are the same wherever it ran.
import type { Db } from '../../db/client';
import { inThreadCompute } from './compute';
import { type DeferredBatchResult, type IngestOptions, storePrepared } from './ingest';
import { type IngestInput, type Prepared, type PreparedArticle, prepareEach } from './ingest-prepare';

/** An article of a bulk batch: as ingestArticles says, or failed on its own (the others are stored). */
export type BulkIngestResult = DeferredBatchResult | { status: 'failed'; message: string };

/** Articles per batch: what one candidate lookup and one insert batch take (the seeds' and bench's size). */
export const BULK_BATCH = 25;

/** The next batch of inputs, or null when there are no more. */
export type BatchSource = () => Promise<IngestInput[] | null>;

const isError = (p: Prepared): p is { error: { name: string; message: string } } =>
  p !== null && 'error' in p;

/** `inputs` prepared by the Compute's threads when it has them, else (or if they fail) here. */
async function prepare(inputs: IngestInput[], options: IngestOptions): Promise<Prepared[]> {
  const elsewhere = options.compute?.prepareEach;
  if (elsewhere) {
    try {
      return await elsewhere(inputs);
    } catch (err) {
      console.error('crosscheck: bulk ingest: the extraction threads failed; reading this batch here', err);
    }
  }
  return prepareEach(inputs, options.compute ?? inThreadCompute);
}

/** One batch stored; an article whose storing fails alone is failed, the others stored. */
async function store(
  db: Db,
  inputs: IngestInput[],
  prepared: Prepared[],
  options: IngestOptions,
): Promise<BulkIngestResult[]> {
  const results: BulkIngestResult[] = prepared.map((p) =>
    isError(p)
      ? p.error.name === 'InputError'
        ? { status: 'invalid', message: p.error.message }
        : { status: 'failed', message: p.error.message }
      : { status: 'invalid', message: '' },
  );
  const at = prepared.flatMap((p, i) => (isError(p) ? [] : [i]));
  const put = async (which: number[]) => {
    const done = await storePrepared(
      db,
      which.map((i) => inputs[i]!),
      which.map((i) => prepared[i] as PreparedArticle | null),
      options,
    );
    for (const [k, i] of which.entries()) results[i] = done[k]!;
  };
  try {
    if (at.length > 0) await put(at);
  } catch {
    // Something in the batch broke its store (not a duplicate: storePrepared sorts those out). One by
    // one, so that it fails alone.
    for (const i of at)
      await put([i]).catch((e: unknown) => {
        console.error(`crosscheck: bulk ingest: "${inputs[i]!.title}" could not be stored`, e);
        results[i] = { status: 'failed', message: e instanceof Error ? e.message : String(e) };
      });
  }
  return results;
}

/**
 * Ingests `source` (the inputs, or a function giving batch after batch) in batches, each prepared while
 * the one before it is stored. Results in input order; `onBatch` hears each batch as it is stored.
 */
export async function ingestInBatches(
  db: Db,
  source: IngestInput[] | BatchSource,
  options: IngestOptions & { batchSize?: number } = {},
  onBatch?: (inputs: IngestInput[], results: BulkIngestResult[]) => Promise<void> | void,
): Promise<BulkIngestResult[]> {
  const size = Math.max(1, options.batchSize ?? BULK_BATCH);
  let from = 0;
  const next: BatchSource = Array.isArray(source)
    ? async () => {
        if (from >= source.length) return null;
        from += size;
        return source.slice(from - size, from);
      }
    : source;
  const read = async () => {
    const inputs = await next();
    return inputs && { inputs, prepared: prepare(inputs, options) };
  };
  const all: BulkIngestResult[] = [];
  let ahead = read();
  for (;;) {
    const batch = await ahead;
    if (!batch) return all;
    // The next batch is read (in the threads) while this one is stored (here).
    ahead = read();
    ahead.catch(() => {}); // awaited above on the next turn; not unhandled meanwhile
    const results = await store(db, batch.inputs, await batch.prepared, options);
    all.push(...results);
    await onBatch?.(batch.inputs, results);
  }
}
