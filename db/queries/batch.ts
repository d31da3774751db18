// Atomic multi-statement writes and bounded statement sizes, for libSQL and D1 alike.
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../client';

type Batchable = {
  batch(items: readonly [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]): Promise<unknown[]>;
};

/**
 * Runs statements in one `db.batch()`: atomic on libSQL and on D1 (which has no interactive
 * transactions). `Db` is the base drizzle type, which does not declare `batch`; both real drivers
 * (drizzle-orm/libsql and drizzle-orm/d1) do, so a driver without it is a programming error.
 */
export async function runBatch(db: Db, items: BatchItem<'sqlite'>[]): Promise<unknown[]> {
  const batchable = db as unknown as Partial<Batchable>;
  if (typeof batchable.batch !== 'function') throw new Error('This database driver has no batch()');
  const [first, ...rest] = items;
  if (!first) return [];
  return batchable.batch([first, ...rest]);
}

/**
 * D1 allows at most 100 bound parameters per statement, so multi-row inserts and `IN` lists are
 * split into chunks that stay under it; libSQL is happy either way.
 */
export const MAX_PARAMS = 99;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const n = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

/** Splits rows so that rows × params-per-row stays within MAX_PARAMS. */
export function chunkRows<T>(rows: readonly T[], paramsPerRow: number): T[][] {
  return chunk(rows, MAX_PARAMS / Math.max(1, paramsPerRow));
}
