// The conflict queue by fact: one entry per fact in disagreement (or per pair outside any fact),
// grouped and paged in SQL over the whole result, most severe first; then each entry's pairs.
import { and, asc, desc, type SQL, sql } from 'drizzle-orm';
import { alias, SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { links } from '../schema';
import { readRows, type Statement } from './batch';
import {
  attachClaims,
  type ConflictFilter,
  conflictWhere,
  type LinksTable,
  type LinkWithClaims,
  linksByIds,
  type QueueSort,
} from './links';

/** One row of the queue: a fact with the pairs of it that match the filters, or a lone pair. */
export interface QueueEntry {
  /** The fact, or null for a pair in no fact (a quote that differs, a figure without a unit family). */
  factId: number | null;
  /** The entry's pairs matching the filters, in the queue's order (at most PAIRS_PER_FACT). */
  pairs: LinkWithClaims[];
  /** How many of its pairs match the filters (pairs may hold fewer). */
  matching: number;
}

/** Pairs read per fact for its row and drill-down; the fact page has them all. */
export const PAIRS_PER_FACT = 3;

/** The queue's order over the links table or an alias of it; ties broken by id. */
function orderOf(sort: QueueSort, t: LinksTable): SQL[] {
  if (sort === 'newest') return [desc(t.id)];
  if (sort === 'score') return [desc(t.score), asc(t.id)];
  return [asc(t.severityRank), desc(t.score), asc(t.id)];
}

/**
 * Each entry's place in the queue's order, as one number: the most severe first, then the highest
 * score (a score is in [0, 1], so rank × 10 − score orders by rank, then score); the newest; the
 * highest score. An aggregate of it picks each fact's head link, the one that places it (SQLite takes
 * a bare column of a min() or max() query from that row).
 */
const KEY: Record<QueueSort, { row: string; agg: string; dir: 'asc' | 'desc' }> = {
  severity: { row: 'severity_rank * 10 - score', agg: 'min(severity_rank * 10 - score)', dir: 'asc' },
  newest: { row: 'id', agg: 'max(id)', dir: 'desc' },
  score: { row: 'score', agg: 'max(score)', dir: 'desc' },
};

/**
 * The page of entries and their number, in one statement: the facts with matching pairs grouped by
 * fact_id (in the default view a walk of links_fact_queue alone, which is in fact order, so the
 * grouping needs no sort), and the matching pairs in no fact, each its own entry; ordered by their
 * key, ties by head link id. The grouping costs a walk of the matching pairs' index entries, not of
 * their rows; the queue caches its result per data version (src/services/conflicts.ts).
 */
export function entryPageQuery(db: Db, filter: ConflictFilter): SQL {
  const where = conflictWhere(db, filter);
  const key = KEY[filter.sort ?? 'severity'];
  return sql`select head, fact,
      n, count(*) over () as total from (
        select ${links.id} as head, ${links.factId} as fact, ${sql.raw(key.agg)} as k, count(*) as n from ${links}
          where ${where} and ${links.factId} is not null group by ${links.factId}
        union all
        select ${links.id}, null, ${sql.raw(key.row)}, 1 from ${links} where ${where} and ${links.factId} is null
      ) order by k ${sql.raw(key.dir)}, head limit ${filter.limit ?? 50} offset ${filter.offset ?? 0}`;
}

async function entryPage(
  db: Db,
  filter: ConflictFilter,
): Promise<{ heads: { id: number; factId: number | null; matching: number }[]; total: number | null }> {
  const rows = await readRows(db, statementOf(entryPageQuery(db, filter)));
  return {
    heads: rows.map((r) => ({
      id: Number(r.head),
      factId: r.fact === null ? null : Number(r.fact),
      matching: Number(r.n),
    })),
    total: rows.length > 0 ? Number(rows[0]!.total) : null,
  };
}

/**
 * Each fact's first `perFact` (PAIRS_PER_FACT) matching pairs in the queue's order: per fact one seek into
 * links_fact_queue and a short walk (the correlated LIMIT), however many pairs the fact has.
 */
export function factPairsQuery(
  db: Db,
  filter: ConflictFilter,
  facts: number[],
  perFact = PAIRS_PER_FACT,
): SQL {
  const o = alias(links, 'o');
  const firstPairs = db
    .select({ id: o.id })
    .from(o)
    .where(and(sql`${o.factId} = "j"."value"`, conflictWhere(db, filter, o)))
    .orderBy(...orderOf(filter.sort ?? 'severity', o))
    .limit(perFact);
  return sql`select "j"."value" as fact, ${links.id} as id
    from json_each(${JSON.stringify(facts)}) "j" join ${links} on ${links.id} in ${firstPairs}`;
}

const dialect = new SQLiteAsyncDialect();

/** A drizzle SQL object as a plain statement, read with readRows like the other hand-written reads. */
export function statementOf(q: SQL): Statement {
  const { sql: text, params } = dialect.sqlToQuery(q);
  return { sql: text, args: params as Statement['args'] };
}

/** The queue's entries: one page of them, then up to PAIRS_PER_FACT matching pairs of each fact. */
export async function listQueueEntries(
  db: Db,
  filter: ConflictFilter,
): Promise<{ entries: QueueEntry[]; total: number }> {
  const page = await entryPage(db, filter);
  const heads = page.heads;
  // Past the last page the window has no row to count on: count alone.
  const total =
    page.total ??
    (filter.offset ? ((await entryPage(db, { ...filter, offset: 0, limit: 1 })).total ?? 0) : 0);
  const facts = heads.flatMap((h) => (h.factId === null ? [] : [h.factId]));
  const pairIds = new Map<number, number[]>();
  if (facts.length > 0) {
    const rows = await readRows(db, statementOf(factPairsQuery(db, filter, facts)));
    for (const r of rows) pairIds.set(Number(r.fact), [...(pairIds.get(Number(r.fact)) ?? []), Number(r.id)]);
  }
  const order = heads.flatMap((h) => (h.factId === null ? [h.id] : (pairIds.get(h.factId) ?? [h.id])));
  const withClaims = await attachClaims(db, await linksByIds(db, order));
  const byId = new Map(withClaims.map((l) => [l.id, l]));
  const entries = heads.flatMap((h): QueueEntry[] => {
    const ids = h.factId === null ? [h.id] : (pairIds.get(h.factId) ?? [h.id]);
    const pairs = ids.flatMap((id) => byId.get(id) ?? []);
    if (pairs.length === 0) return [];
    return [{ factId: h.factId, pairs, matching: h.matching }];
  });
  return { entries, total };
}

/**
 * One fact's first `limit` pairs matching the queue's filters, in its order, with both claims: what a
 * queue row shows when it is unfolded. One seek into links_fact_queue and a walk of `limit` entries.
 */
export async function pairsOfFact(
  db: Db,
  filter: ConflictFilter,
  factId: number,
  limit: number,
): Promise<LinkWithClaims[]> {
  const rows = await readRows(db, statementOf(factPairsQuery(db, filter, [factId], limit)));
  const ids = rows.map((r) => Number(r.id));
  const byId = new Map((await attachClaims(db, await linksByIds(db, ids))).map((l) => [l.id, l]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
