// The term statistics the cross-referencer weighs shared terms by: stored document frequencies (the
// term_stats table), read for an incoming article's terms or a stored article's, or with its candidates
// (candidates.ts).
import type { TermStats } from '../../src/core';
import { prefixOf } from '../../src/core/terms';
import type { Db } from '../client';
import { type Read, readOne } from './batch';

/** Stored document frequencies, by term (TOTAL_CLAIMS_TERM: the number of stored claims). */
export type DfMap = Map<string, number>;

/** The term_stats row whose df is the number of stored claims (no real term is empty). */
export const TOTAL_CLAIMS_TERM = '';

/** The stored (term, df) pairs of a query's `u(term)` rows joined with `t` (term_stats), flat. */
export const DF_PAIRS = "'[' || coalesce(group_concat(json_quote(t.term) || ',' || t.df), '') || ']'";

/** Stored document frequencies of some terms: one read for the caller's batch. */
export type DfQuery = Read<DfMap>;

/** Reads a DF_PAIRS answer's column, [term, df, term, df…] (null when the query found no row). */
export function readTermPairs(dfPairs: unknown, into: DfMap) {
  const pairs = JSON.parse(String(dfPairs ?? '[]')) as (string | number)[];
  for (let k = 0; k < pairs.length; k += 2) into.set(pairs[k] as string, pairs[k + 1] as number);
}

/**
 * Stored document frequencies of `terms` and the number of stored claims (the empty term). It answers
 * one flat JSON array, index, df, index, df…, for the terms that are stored: no term string travels
 * back or is parsed again (a term's index in the list sent names it), which makes the answer for a
 * few thousand terms several times cheaper to read than one keyed by term; and a flat array of
 * integers parses without an array per term (df is an INTEGER column: printed as JSON reads it).
 */
export function termDfQuery(terms: Iterable<string>): DfQuery {
  const list = [TOTAL_CLAIMS_TERM, ...new Set(terms)];
  return {
    statement: {
      sql: "select '[' || coalesce(group_concat(j.key || ',' || t.df), '') || ']' as df from json_each(?) j join term_stats t on t.term = j.value",
      args: [JSON.stringify(list)],
    },
    decode([row]) {
      const into: DfMap = new Map();
      const pairs = JSON.parse(String(row?.df ?? '[]')) as number[];
      for (let k = 0; k < pairs.length; k += 2) into.set(list[pairs[k]!]!, pairs[k + 1]!);
      return into;
    },
  };
}

/**
 * termDfQuery for every term stored article `articleId`'s claims could weigh: their terms and context
 * terms, the names their maybe-names may stand for (maybe-name x → entity x), and the claim count. A superset
 * of weightedTerms' answer for them, which gives the cross-referencer the same frequencies.
 */
export function articleTermDfQuery(articleId: number): DfQuery {
  return {
    statement: {
      sql: `select ${DF_PAIRS} as df from (
  select j.value as term from claims c, json_each(c.terms) j where c.article_id = ?1
  union select j.value from claims c, json_each(c.context_terms) j where c.article_id = ?1
  union select '${prefixOf('entity')}' || substr(j.value, 3) from claims c, json_each(c.terms) j where c.article_id = ?1 and substr(j.value, 1, 2) = '${prefixOf('maybe-name')}'
  union select '${TOTAL_CLAIMS_TERM}') u cross join term_stats t on t.term = u.term`,
      args: [articleId],
    },
    decode([row]) {
      const into: DfMap = new Map();
      readTermPairs(row?.df, into);
      return into;
    },
  };
}

/**
 * TermStats over stored frequencies (several answers of one snapshot, which agree where they meet): a
 * term not among them was never stored.
 */
export function termStatsOf(...answers: DfMap[]): TermStats {
  const df: DfMap = answers.length === 1 ? answers[0]! : new Map(answers.flatMap((a) => [...a]));
  return { total: df.get(TOTAL_CLAIMS_TERM) ?? 0, df: (term) => df.get(term) ?? 0 };
}

/** Stored document frequencies of `terms` and the number of stored claims, in one statement. */
export async function termStats(db: Db, terms: string[]): Promise<TermStats> {
  return termStatsOf(await readOne(db, termDfQuery(terms)));
}
