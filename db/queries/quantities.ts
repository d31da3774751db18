// Quantity rows ↔ the core's Quantity: an unbounded interval (high = Infinity) is stored as NULL.
import { inArray } from 'drizzle-orm';
import type { Quantity } from '../../src/core';
import type { Db } from '../client';
import { quantities } from '../schema';
import { chunk, MAX_PARAMS } from './batch';

export type QuantityRow = typeof quantities.$inferSelect;
export type StoredQuantity = Quantity & { claimId: number };

export function quantityToRow(q: Quantity): Omit<typeof quantities.$inferInsert, 'claimId'> {
  return {
    start: q.start,
    end: q.end,
    raw: q.text,
    value: q.value,
    low: q.low,
    high: Number.isFinite(q.high) ? q.high : null,
    lowInclusive: q.lowInclusive,
    highInclusive: q.highInclusive,
    unit: q.unit,
    unitClass: q.unitClass,
    modifiers: q.modifiers,
    rate: q.rate,
    hedge: q.hedge,
  };
}

/** REALs as %!.17g strings, which read back exactly (SQLite's own JSON writes 15 digits). */
const exact = (col: string) => `printf('%!.17g', ${col})`;

/**
 * A quantity row `q` as one JSON array (a QuantityJson), for statements that fold a claim's quantities
 * into its row: the claim summaries and the candidate lookup. quantityFromJson reads it back.
 */
export const quantityJsonSql = (
  q: string,
) => `json_array(${q}.start, ${q}."end", ${q}.raw, ${exact(`${q}.value`)}, ${exact(`${q}.low`)},
      case when ${q}.high is null then null else ${exact(`${q}.high`)} end, ${q}.low_inclusive, ${q}.high_inclusive,
      ${q}.unit, ${q}.unit_class, json(${q}.modifiers), ${q}.rate, ${q}.hedge)`;

/** What quantityJsonSql writes: start, end, raw, value, low, high (null: unbounded), the two inclusive flags, unit, unit class, modifiers, rate, hedge. */
export type QuantityJson = [
  number,
  number,
  string,
  string,
  string,
  string | null,
  number,
  number,
  string,
  Quantity['unitClass'],
  string[],
  string | null,
  string | null,
];

/** The one decoder of quantityJsonSql's arrays. */
export function quantityFromJson(q: QuantityJson): Quantity {
  return {
    start: q[0],
    end: q[1],
    text: q[2],
    value: Number(q[3]),
    low: Number(q[4]),
    high: q[5] === null ? Number.POSITIVE_INFINITY : Number(q[5]),
    lowInclusive: q[6] === 1,
    highInclusive: q[7] === 1,
    unit: q[8],
    unitClass: q[9],
    modifiers: q[10],
    rate: q[11],
    hedge: q[12],
  };
}

export function rowToQuantity(r: QuantityRow): StoredQuantity {
  return {
    claimId: r.claimId,
    start: r.start,
    end: r.end,
    text: r.raw,
    value: r.value,
    low: r.low,
    high: r.high ?? Number.POSITIVE_INFINITY,
    lowInclusive: r.lowInclusive,
    highInclusive: r.highInclusive,
    unit: r.unit,
    unitClass: r.unitClass,
    modifiers: r.modifiers,
    rate: r.rate,
    hedge: r.hedge,
  };
}

/** Quantities of the given claims, grouped by claim id, in reading order. */
export async function quantitiesOf(db: Db, claimIds: number[]): Promise<Map<number, StoredQuantity[]>> {
  const out = new Map<number, StoredQuantity[]>();
  for (const ids of chunk([...new Set(claimIds)], MAX_PARAMS)) {
    const rows = await db.select().from(quantities).where(inArray(quantities.claimId, ids));
    for (const r of rows) {
      const list = out.get(r.claimId) ?? [];
      list.push(rowToQuantity(r));
      out.set(r.claimId, list);
    }
  }
  for (const list of out.values()) list.sort((x, y) => x.start - y.start);
  return out;
}
