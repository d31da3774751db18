// The blocking-index lookup and the term statistics the cross-referencer needs, bounded per key.
import { eq, inArray, sql } from 'drizzle-orm';
import type { ClaimForMatching, ClaimKind, Quote, TermStats } from '../../src/core';
import type { Db } from '../client';
import { claimKeys, claims, termStats as termStatsTable } from '../schema';
import { chunk, MAX_PARAMS } from './batch';
import { quantitiesOf } from './quantities';

/**
 * At most this many claims per key, newest first: a key shared by a huge number of claims
 * (a common term) costs a bounded index range scan instead of blowing up the candidate set.
 */
export const CANDIDATES_PER_KEY = 200;
/** The term_stats row whose df is the number of stored claims (no real term is empty). */
export const TOTAL_CLAIMS_TERM = '';

/** Keys per statement: each UNION arm binds one parameter. */
const KEYS_PER_QUERY = 5;

/** Stored claims sharing at least one blocking key with `keys`, as the cross-referencer sees them. */
export async function candidateClaims(
  db: Db,
  keys: string[],
  excludeArticle?: number,
): Promise<ClaimForMatching[]> {
  const ids = new Set<number>();
  for (const part of chunk([...new Set(keys)], KEYS_PER_QUERY)) {
    // One LIMITed arm per key: SQLite walks the (key, claim_id) primary key backwards and stops.
    const arms = part.map(
      (key) =>
        sql`select claim_id from (select ${claimKeys.claimId} as claim_id from ${claimKeys} where ${claimKeys.key} = ${key} order by ${claimKeys.claimId} desc limit ${sql.raw(String(CANDIDATES_PER_KEY))})`,
    );
    const rows = await db.all<{ claim_id: number } | [number]>(sql.join(arms, sql` union `));
    for (const r of rows) ids.add(Number(Array.isArray(r) ? r[0] : r.claim_id));
  }
  if (ids.size === 0) return [];

  const found: ClaimForMatching[] = [];
  const idList = [...ids];
  const keysByClaim = new Map<number, string[]>();
  for (const part of chunk(idList, MAX_PARAMS)) {
    const rows = await db
      .select({ claimId: claimKeys.claimId, key: claimKeys.key })
      .from(claimKeys)
      .where(inArray(claimKeys.claimId, part));
    for (const r of rows) keysByClaim.set(r.claimId, [...(keysByClaim.get(r.claimId) ?? []), r.key]);
  }
  const quantities = await quantitiesOf(db, idList);
  for (const part of chunk(idList, MAX_PARAMS)) {
    const rows = await db
      .select({
        id: claims.id,
        articleId: claims.articleId,
        kind: claims.kind,
        text: claims.text,
        quotes: claims.quotes,
        entities: claims.entities,
        terms: claims.terms,
        contextTerms: claims.contextTerms,
      })
      .from(claims)
      .where(inArray(claims.id, part));
    for (const r of rows) {
      if (excludeArticle !== undefined && r.articleId === excludeArticle) continue;
      found.push({
        ref: String(r.id),
        article: String(r.articleId),
        kind: r.kind as ClaimKind,
        text: r.text,
        quantities: (quantities.get(r.id) ?? []).map(({ claimId: _, ...q }) => q),
        quotes: r.quotes as Quote[],
        entities: r.entities,
        terms: r.terms,
        contextTerms: r.contextTerms,
        keys: keysByClaim.get(r.id) ?? [],
      });
    }
  }
  return found;
}

/** Stored document frequencies of `terms` and the number of stored claims. */
export async function termStats(db: Db, terms: string[]): Promise<TermStats> {
  const df = new Map<string, number>();
  for (const part of chunk([...new Set(terms)], MAX_PARAMS)) {
    const rows = await db
      .select({ term: termStatsTable.term, df: termStatsTable.df })
      .from(termStatsTable)
      .where(inArray(termStatsTable.term, part));
    for (const r of rows) df.set(r.term, r.df);
  }
  const totalRow = await db
    .select({ df: termStatsTable.df })
    .from(termStatsTable)
    .where(eq(termStatsTable.term, TOTAL_CLAIMS_TERM))
    .get();
  return { total: totalRow?.df ?? 0, df: (term) => df.get(term) ?? 0 };
}
