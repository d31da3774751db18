// The blocking-index lookup and the term statistics the cross-referencer needs, bounded per key.
import type { ClaimForMatching, ClaimKind, Quantity, Quote, TermStats } from '../../src/core';
import type { Db } from '../client';
import { readRows } from './batch';

/**
 * At most this many claims per key, newest first: a key shared by a huge number of claims
 * (a common term) costs a bounded index range scan instead of blowing up the candidate set.
 */
export const CANDIDATES_PER_KEY = 200;
/** The term_stats row whose df is the number of stored claims (no real term is empty). */
export const TOTAL_CLAIMS_TERM = '';

/**
 * At most about this many candidates per ingest, however large the archive. Without it the cost grew
 * with keys × CANDIDATES_PER_KEY: a 1,000-word article has ~200 keys, many of them common (a unit
 * class with a frequent word), and at 100,000 stored claims it drew ~2,000 candidates, ~100× the cost
 * of the same ingest into a small archive, for one link.
 */
export const MAX_CANDIDATES = 300;

// The stored claims sharing a key with the incoming ones. Per key, its newest CANDIDATES_PER_KEY
// (a key's cut-off is its CANDIDATES_PER_KEY-th newest claim id: one correlated, LIMITed walk down
// the (key, claim_id) primary key, then a range scan above it). Then the MAX_CANDIDATES budget:
// rare keys (at most an equal share) keep all their claims, and the common keys split what is left,
// newest first. All keys in one statement.
const CANDIDATE_IDS = `k(key) as (select distinct value from json_each(?)),
per as (select k.key, ck.claim_id,
    row_number() over (partition by k.key order by ck.claim_id desc) as rn,
    count(*) over (partition by k.key) as n
  from k join claim_keys ck on ck.key = k.key
    and ck.claim_id >= coalesce((select x.claim_id from claim_keys x where x.key = k.key order by x.claim_id desc limit 1 offset ${CANDIDATES_PER_KEY - 1}), 0)),
share(l0) as (select max(1, ${MAX_CANDIDATES} / max(1, count(*))) from k),
alloc(l1) as (select max(1, (${MAX_CANDIDATES} - coalesce(sum(case when per.n <= share.l0 then per.n end), 0))
    / max(1, sum(case when per.n > share.l0 then 1 else 0 end))) from per, share where per.rn = 1),
ids(id) as (select distinct per.claim_id from per, share, alloc where per.n <= share.l0 or per.rn <= alloc.l1)`;

// One JSON array per candidate, its quantities and keys folded in: the driver turns a one-column row
// into an object much faster than a ten-column one, and JSON.parse builds the arrays directly.
// SQLite's JSON writes REALs with 15 digits, which is lossy, so they go as %!.17g strings (exact).
const real = (col: string) => `printf('%!.17g', ${col})`;
const CANDIDATES_SQL = `with ${CANDIDATE_IDS}
select json_array(c.id, c.article_id, c.kind, c.text, json(c.quotes), json(c.entities), json(c.terms), json(c.context_terms),
  (select json_group_array(x.key) from claim_keys x where x.claim_id = c.id),
  (select json_group_array(json_array(q.start, q."end", q.raw, ${real('q.value')}, ${real('q.low')},
      case when q.high is null then null else ${real('q.high')} end, q.low_inclusive, q.high_inclusive,
      q.unit, q.unit_class, json(q.modifiers), q.rate, q.hedge))
    from quantities q where q.claim_id = c.id)) as c
from ids join claims c on c.id = ids.id`;

type CandidateRow = [
  number,
  number,
  ClaimKind,
  string,
  Quote[],
  string[],
  string[],
  string[],
  string[],
  [
    number,
    number,
    string,
    string,
    string,
    string | null,
    number,
    number,
    string,
    string,
    string[],
    string | null,
    string | null,
  ][],
];

/**
 * Stored claims sharing at least one blocking key with `keys`, as the cross-referencer sees them:
 * one statement however many keys there are, at most about MAX_CANDIDATES claims, by id.
 */
export async function candidateClaims(
  db: Db,
  keys: string[],
  excludeArticle?: number,
): Promise<ClaimForMatching[]> {
  if (keys.length === 0) return [];
  const rows = await readRows(db, { sql: CANDIDATES_SQL, args: [JSON.stringify([...new Set(keys)])] });
  const found: ClaimForMatching[] = [];
  for (const row of rows) {
    const [id, articleId, kind, text, quotes, entities, terms, contextTerms, claimKeys, qs] = JSON.parse(
      String(row.c),
    ) as CandidateRow;
    if (excludeArticle !== undefined && articleId === excludeArticle) continue;
    const quantities: Quantity[] = qs.map((q) => ({
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
    }));
    quantities.sort((x, y) => x.start - y.start);
    found.push({
      ref: String(id),
      article: String(articleId),
      kind,
      text,
      quantities,
      quotes,
      entities,
      terms,
      contextTerms,
      keys: claimKeys,
    });
  }
  return found.sort((x, y) => Number(x.ref) - Number(y.ref));
}

/**
 * Stored document frequencies of `terms` and the number of stored claims, in one statement that
 * answers one JSON object: hundreds of terms cost one parse instead of hundreds of row objects.
 */
export async function termStats(db: Db, terms: string[]): Promise<TermStats> {
  const [row] = await readRows(db, {
    sql: 'select json_group_object(term, df) as df from term_stats where term in (select value from json_each(?))',
    args: [JSON.stringify([TOTAL_CLAIMS_TERM, ...new Set(terms)])],
  });
  const df = new Map(Object.entries(JSON.parse(String(row?.df ?? '{}')) as Record<string, number>));
  return { total: df.get(TOTAL_CLAIMS_TERM) ?? 0, df: (term) => df.get(term) ?? 0 };
}
