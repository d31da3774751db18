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
