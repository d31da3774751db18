// The dashboard's totals and the data version, from the one-row `counters` table that triggers keep
// (db/migrations/0003_queue_order_counters.sql): one primary-key read instead of four count(*)s.
import type { Db } from '../client';
import { readRows } from './batch';

export interface Counts {
  articles: number;
  claims: number;
  openConflicts: number;
  verifiedClaims: number;
}

export interface CountsAndVersion extends Counts {
  /** Goes up with every committed write to articles, claims, quantities, links or outlets. */
  version: number;
}

const COUNTERS_SQL =
  'select articles, claims, open_conflicts, verified_claims, version from counters where id = 1';

export async function countsAndVersion(db: Db): Promise<CountsAndVersion> {
  const [r] = await readRows(db, { sql: COUNTERS_SQL, args: [] });
  return {
    articles: Number(r?.articles ?? 0),
    claims: Number(r?.claims ?? 0),
    openConflicts: Number(r?.open_conflicts ?? 0),
    verifiedClaims: Number(r?.verified_claims ?? 0),
    version: Number(r?.version ?? 0),
  };
}

export async function counts(db: Db): Promise<Counts> {
  const { version: _, ...totals } = await countsAndVersion(db);
  return totals;
}

/** The data version alone: what a cache of the queue checks on every request. */
export async function dataVersion(db: Db): Promise<number> {
  const [r] = await readRows(db, { sql: 'select version from counters where id = 1', args: [] });
  return Number(r?.version ?? 0);
}
