// The blocking-index lookup: the stored claims an incoming article's claims are compared with, bounded
// per key, with the stored frequencies of their terms (term-stats.ts) in the same read.
import type { ClaimForMatching, ClaimKind, Quote } from '../../src/core';
import { SIGNATURE_SIZE } from '../../src/core/wire-copies';
import type { Db } from '../client';
import { type Read, readOne, type SqlRow } from './batch';
import { candidateFigures } from './candidate-figures';
import type { StoredPart } from './crossref-parts';
import { type QuantityJson, quantityJsonSql } from './quantities';
import { DF_PAIRS, type DfMap, readTermPairs } from './term-stats';
import type { StoredCopyInfo } from './wire-copies';

/** Stored claims as the cross-referencer sees them, and the stored frequencies of their terms. */
export interface Candidates {
  claims: ClaimForMatching[];
  df: DfMap;
  /**
   * Only from articleCandidatesQuery: the candidates' articles with their copy marks, and the
   * signature of those that could be a wire copy of the article (see COPY_PEERS); null otherwise.
   */
  copyPeers?: StoredCopyInfo[];
  /** Only for a chunk (CandidateChunk): how many candidates there are in all, over every chunk. */
  total?: number;
  /** Only for the chunk past the last (the join): the parts the chunks before it stored, by chunk. */
  parts?: StoredPart[];
}

/**
 * A chunk of an article's candidates, by id: chunk 0 is all of them when they fit in one chunk, else
 * none (chunk 0 is then for the article's claims among themselves, and reads no candidate), chunk
 * i ≥ 1 the `size` of them from place (i − 1) × `size` on.
 */
export interface CandidateChunk {
  index: number;
  size: number;
}

/** Where chunk `c` starts among the candidates (see CandidateChunk). */
export const chunkOffset = (c: CandidateChunk) => (c.index === 0 ? 0 : (c.index - 1) * c.size);

/**
 * At most this many claims per key, newest first: a key shared by a huge number of claims
 * (a common term) costs a bounded index range scan instead of blowing up the candidate set.
 */
export const CANDIDATES_PER_KEY = 200;

/**
 * At most about this many candidates per ingest, however large the archive. Without it the cost grew
 * with keys × CANDIDATES_PER_KEY: a 1,000-word article has ~200 keys, many of them common (a unit
 * class with a frequent word), and at 100,000 stored claims it drew ~2,000 candidates, ~100× the cost
 * of the same ingest into a small archive, for one link.
 */
export const MAX_CANDIDATES = 300;

// The stored claims sharing a key with the incoming ones, chosen so that no key's index range is read
// further than the budget needs. Per key, at most its newest CANDIDATES_PER_KEY; then the
// MAX_CANDIDATES budget: rare keys (at most an equal share, `share`, of the budget) keep all their
// claims, and the common keys split what is left (`alloc` each), newest first. `counts` counts each
// key's claims only up to share + 1, which is all it takes to tell a rare key (and its exact count)
// from a common one; `ids` takes each key's newest `share` or `alloc` claims: a key's cut-off is its
// n-th newest claim id (one LIMITed walk down the (key, claim_id) primary key), then a range scan
// above it. The budget is worked out in SQL too, so the choice and the claims are ONE statement (one
// round trip, about 0.6 ms of a Worker's CPU over Turso). The previous single statement ranked up to
// CANDIDATES_PER_KEY claims of every key with window functions (~45,000 index entries for a
// 1,000-word article against a large archive) to keep a few hundred; the choice is the same.

/** How many candidates an ingest reads at most, in all and per key (tools measure others' recall). */
export interface CandidateBudget {
  total: number;
  perKey: number;
}
const BUDGET: CandidateBudget = { total: MAX_CANDIDATES, perKey: CANDIDATES_PER_KEY };

/** `and <col> < <before>`: only claims stored before the claim id `before`, an SQL expression. */
const storedBefore = (col: string, before: string | undefined) =>
  before === undefined ? '' : ` and ${col} < ${before}`;

/** Each of `keys`' (a CTE of `value`s) newest `limit` (`share` or `alloc` of `plan`) claims. */
const newestOfKeys = (keys: string, limit: 'share' | 'alloc', before: string | undefined) =>
  `select y.claim_id as id from ${keys} r cross join claim_keys y on y.key = r.value${storedBefore('y.claim_id', before)}
  and y.claim_id >= coalesce((select x.claim_id from claim_keys x where x.key = r.value${storedBefore('x.claim_id', before)} order by x.claim_id desc limit 1 offset (select ${limit} from plan) - 1), 0)`;

/**
 * After a CTE `k(value)` of the incoming keys: the CTEs that choose the candidates, ending in `ids(id)`;
 * for a chunk, `all_ids(id)` are the candidates and `ids(id)` the chunk's.
 */
const CANDIDATE_IDS = (
  before: string | undefined,
  chunk?: CandidateChunk,
  { total, perKey }: CandidateBudget = BUDGET,
) => `s(share) as materialized (select max(1, ${total} / max(1, count(*))) from k),
counts(key, n) as materialized (select k.value, (select count(*) from (select 1 from claim_keys x where x.key = k.value${storedBefore('x.claim_id', before)}
  limit (select min(share + 1, ${perKey}) from s))) from k),
rare(value) as (select key from counts, s where n > 0 and n <= share),
common(value) as (select key from counts, s where n > share),
plan(share, alloc) as materialized (select min(s.share, ${perKey}), min(${perKey}, max(1,
  (${total} - (select coalesce(sum(n), 0) from counts where n > 0 and n <= s.share)) / max(1, (select count(*) from common)))) from s),
${chunk ? 'all_ids' : 'ids'}(id) as materialized (select distinct id from (${newestOfKeys('rare', 'share', before)} union all ${newestOfKeys('common', 'alloc', before)}))${
  chunk
    ? `,
ids(id) as materialized (select id from all_ids${chunk.index === 0 ? ` where (select count(*) from all_ids) <= ${chunk.size}` : ''} order by id limit ${chunk.size} offset ${chunkOffset(chunk)})`
    : ''
}`;

const CANDIDATES_PER_ROW = 16;
/**
 * The claims of the `ids(id)` CTE among `ctes`, in rows of CANDIDATES_PER_ROW (columns c and x; df is
 * null). With `keys` (an SQL list), a claim's keys are only those among them; without, all of them.
 */
const MATCHABLE_SQL = (ctes: string, keys?: string) => `with ${ctes}
select '[' || group_concat('[' || c.id || ',' || c.article_id || ',' || json_quote(c.kind) || ',' || json_quote(c.text) || ',' ||
  c.quotes || ',' || c.entities || ',' || c.terms || ',' ||
  (select json_group_array(x.key) from claim_keys x where x.claim_id = c.id${keys ? ` and +x.key in ${keys}` : ''}) || ',' ||
  (select json_group_array(${quantityJsonSql('q')}) from quantities q where q.claim_id = c.id) || ']', ',') || ']' as c,
  group_concat(c.id || ':' || c.context_terms, char(30)) as x, null as df, null as w
from (select id, (row_number() over (order by id) - 1) / ${CANDIDATES_PER_ROW} as g from ids) r
cross join claims c on c.id = r.id group by r.g`;

let contextTermReads = 0;
/** How many stored claims' context terms were parsed so far (tests and measurements). */
export const contextTermsParsed = () => contextTermReads;

type CandidateRow = [
  number,
  number,
  ClaimKind,
  string,
  Quote[],
  string[],
  string[],
  string[],
  QuantityJson[],
];

export interface CandidateOptions {
  /** Leave out this article's claims. */
  excludeArticle?: number;
  /**
   * Only claims with an id below this one: what was stored before a claim of that id. A deferred
   * cross-reference (src/services/crossref-later.ts) uses its article's first claim id, so that it
   * sees the archive as it was when the article came in, whatever was stored since.
   */
  before?: number;
  /** Another budget than MAX_CANDIDATES / CANDIDATES_PER_KEY (measurements of its recall). */
  budget?: CandidateBudget;
}

/** The candidates of some incoming claims (by id) with their terms' stored frequencies: one read for the caller's batch. */
export type CandidateQuery = Read<Candidates>;

/**
 * The candidates, then one more row with the stored frequencies of their terms (which the
 * cross-referencer weighs), for the keys of the CTE `k`.
 */
const CANDIDATES_SQL = (
  k: string,
  before: string | undefined,
  copies = '',
  chunk?: CandidateChunk,
  budget?: CandidateBudget,
) =>
  `${MATCHABLE_SQL(`${k}, ${CANDIDATE_IDS(before, chunk, budget)}`, '(select value from k)')}
union all select null, null, ${DF_PAIRS}, null from (select distinct j.value as term from ids join claims c on c.id = ids.id, json_each(c.terms) j) u
cross join term_stats t on t.term = u.term${copies}`;

/** The positions of a signature's hashes (src/core/wire-copies.ts: SIGNATURE_SIZE of 8 hex digits each). */
const HASH_SLOTS = JSON.stringify(Array.from({ length: SIGNATURE_SIZE }, (_, i) => i));

/**
 * One more row for articleCandidatesQuery (article `?1`): the candidates' articles as JSON
 * [[id, copy_of, signature]…], where the signature is left out (null) unless the article shares at
 * least one of its signature's hashes with article ?1's. Two texts that share none are never wire
 * copies (isWireCopy needs half of the sampled hashes in common), so the consumer decides exactly as
 * if it had read them all, without reading and decoding about 1 KB per candidate article. The hashes
 * are matched as 8-digit substrings: a match across two hashes only lets an article through that the
 * exact test then rejects.
 */
const COPY_PEERS = (ids = 'ids', when = '') => `
union all select null, null, null, (select json_group_array(json_array(a.id, a.copy_of, case when exists (
    select 1 from json_each('${HASH_SLOTS}') j, articles me where me.id = ?1
      and length(substr(me.copy_signature, instr(me.copy_signature, ':') + 1 + 8 * j.value, 8)) = 8
      and instr(a.copy_signature, substr(me.copy_signature, instr(me.copy_signature, ':') + 1 + 8 * j.value, 8)) > 0)
    then a.copy_signature end))
  from articles a where a.id in (select distinct c.article_id from ${ids} cross join claims c on c.id = ${ids}.id))${when}`;

/**
 * The rows a chunk adds (article `?1`): the number of candidates in all; the copy peers of all of them
 * for a chunk that finishes the comparison (chunk 0 when they fit in it, or the chunk past the last,
 * which joins the parts); and for the latter the parts the chunks before it stored (tagged in x).
 */
const CHUNK_ROWS = (chunk: CandidateChunk) => {
  const count = '(select count(*) from all_ids)';
  const finishes = ` where ${chunk.index === 0 ? chunk.size : chunkOffset(chunk)} >= ${count}`;
  const parts =
    chunk.index === 0
      ? ''
      : `
union all select null, 'parts', null, (select json_group_array(json_array(p.chunk, p.total, json(p.body)))
  from crossref_parts p where p.article_id = ?1 and p.chunk < ${chunk.index})${finishes}`;
  return `
union all select null, 'total', null, ${count}${parts}${COPY_PEERS('all_ids', finishes)}`;
};

function candidateRows(rows: SqlRow[], excludeArticle?: number): Candidates {
  const df: DfMap = new Map();
  const claims: SqlRow[] = [];
  let copyPeers: StoredCopyInfo[] | undefined;
  let total: number | undefined;
  let parts: StoredPart[] | undefined;
  for (const row of rows) {
    if (row.c === null && row.x === 'total') total = Number(row.w);
    else if (row.c === null && row.x === 'parts')
      parts = (JSON.parse(String(row.w)) as [number, number, StoredPart['body']][]).map(
        ([chunk, total, body]) => ({ chunk, total, body }),
      );
    else if (typeof row.w === 'string')
      copyPeers = (JSON.parse(row.w) as [number, number | null, string | null][]).map(
        ([id, copyOf, copySignature]) => ({ id, copyOf, copySignature }),
      );
    else if (row.c === null || row.c === undefined) readTermPairs(row.df, df);
    else claims.push(row);
  }
  const out: Candidates = { claims: matchableFromRows(claims, excludeArticle), df };
  if (copyPeers) out.copyPeers = copyPeers;
  if (total !== undefined) out.total = total;
  if (parts) out.parts = parts;
  return out;
}

/**
 * Stored claims sharing at least one blocking key with `keys`, as the cross-referencer sees them: at
 * most about MAX_CANDIDATES claims, by id. A candidate's `keys` are only those among `keys`: the
 * cross-referencer looks up blocks by the incoming claims' keys alone, so a stored claim's other keys
 * (~95 % of them, a third of the answer's bytes) could never pair it with anything.
 */
export function candidatesQuery(
  keys: string[],
  { excludeArticle, before, budget }: CandidateOptions = {},
): CandidateQuery {
  if (before !== undefined && !Number.isSafeInteger(before)) throw new Error(`Bad claim id bound ${before}`);
  if (budget && !(Number.isSafeInteger(budget.total) && Number.isSafeInteger(budget.perKey)))
    throw new Error(`Bad candidate budget ${JSON.stringify(budget)}`);
  return {
    statement: {
      sql: CANDIDATES_SQL(
        'k(value) as (select distinct value from json_each(?))',
        before === undefined ? undefined : String(before),
        '',
        undefined,
        budget,
      ),
      args: [JSON.stringify([...new Set(keys)])],
    },
    decode: (rows) => candidateRows(rows, excludeArticle),
  };
}

/**
 * candidatesQuery for the keys of stored article `articleId`'s claims, among the claims stored before
 * its first: a deferred cross-reference reads them in the same batch as the article itself. With
 * `chunk`, only that chunk of them, with their number in all, and for the chunk past the last (which
 * joins the parts) the parts stored before it and every candidate's copy peers.
 */
export function articleCandidatesQuery(articleId: number, chunk?: CandidateChunk): CandidateQuery {
  if (
    chunk &&
    !(
      Number.isSafeInteger(chunk.index) &&
      chunk.index >= 0 &&
      Number.isSafeInteger(chunk.size) &&
      chunk.size > 0
    )
  )
    throw new Error(`Bad candidate chunk ${JSON.stringify(chunk)}`);
  return {
    statement: {
      sql: CANDIDATES_SQL(
        'k(value) as (select distinct x.key from claims c join claim_keys x on x.claim_id = c.id where c.article_id = ?1)',
        '(select min(c0.id) from claims c0 where c0.article_id = ?1)',
        chunk ? CHUNK_ROWS(chunk) : COPY_PEERS(),
        chunk,
      ),
      args: [articleId],
    },
    decode: (rows) => candidateRows(rows),
  };
}

/** candidatesQuery run on its own (tests and tools). */
export async function candidateClaims(
  db: Db,
  keys: string[],
  options: CandidateOptions = {},
): Promise<ClaimForMatching[]> {
  if (keys.length === 0) return [];
  return (await readOne(db, candidatesQuery(keys, options))).claims;
}

/**
 * The claims of stored article `articleId` as the cross-referencer sees an incoming article's (all
 * their keys), by id; their context terms are parsed when first read, as candidates' are.
 */
export function articleClaimsQuery(articleId: number): Read<ClaimForMatching[]> {
  return {
    statement: {
      sql: MATCHABLE_SQL('ids(id) as (select id from claims where article_id = ?)'),
      args: [articleId],
    },
    decode: (rows) => matchableFromRows(rows),
  };
}

/** MATCHABLE_SQL's rows as claims for matching, by id; the context terms parsed when first read. */
function matchableFromRows(rows: SqlRow[], excludeArticle?: number): ClaimForMatching[] {
  const found: ClaimForMatching[] = [];
  for (const row of rows) {
    // Each claim's context terms, unparsed: `id:json` segments.
    const contexts = new Map<number, string>();
    for (const part of String(row.x).split('\u001e')) {
      const colon = part.indexOf(':');
      contexts.set(Number(part.slice(0, colon)), part.slice(colon + 1));
    }
    for (const [id, articleId, kind, text, quotes, entities, terms, claimKeys, qs] of JSON.parse(
      String(row.c),
    ) as CandidateRow[]) {
      if (excludeArticle !== undefined && articleId === excludeArticle) continue;
      const raw = contexts.get(id);
      if (raw === undefined) throw new Error(`Candidate ${id} came without its context terms`);
      const quantities = candidateFigures(id, text, qs);
      // A stored claim's context terms are ~60 % of its bytes, and the cross-referencer reads them only
      // for the few pairs whose figures it compares. So they are parsed the first time they are read.
      let contextTerms: string[] | undefined;
      const claim: ClaimForMatching = {
        ref: String(id),
        article: String(articleId),
        kind,
        text,
        quantities,
        quotes,
        entities,
        terms,
        get contextTerms(): string[] {
          if (contextTerms === undefined) {
            contextTermReads++;
            contextTerms = JSON.parse(raw) as string[];
          }
          return contextTerms;
        },
        set contextTerms(value: string[]) {
          contextTerms = value;
        },
        keys: claimKeys,
      };
      found.push(claim);
    }
  }
  return found.sort((x, y) => Number(x.ref) - Number(y.ref));
}
