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

// The stored claims sharing a key with the incoming ones, chosen in two steps so that no key's index
// range is read further than the budget needs. Per key, at most its newest CANDIDATES_PER_KEY; then
// the MAX_CANDIDATES budget: rare keys (at most an equal share, `share`, of the budget) keep all
// their claims, and the common keys split what is left (`alloc` each), newest first.
// Step 1 (KEY_COUNTS) counts each key's claims only up to share + 1, which is all it takes to tell a
// rare key (and its exact count) from a common one; step 2 (CANDIDATE_IDS) takes each key's newest
// `share` or `alloc` claims: a key's cut-off is its n-th newest claim id (one LIMITed walk down the
// (key, claim_id) primary key), then a range scan above it. The previous single statement ranked up to
// CANDIDATES_PER_KEY claims of every key with window functions (~45,000 index entries for a
// 1,000-word article against a large archive) to keep a few hundred; the choice is the same.
/** `and <col> < before`: only claims stored before the claim id `before` (see CandidateOptions). */
const storedBefore = (col: string, before: number | undefined) =>
  before === undefined ? '' : ` and ${col} < ${before}`;

const KEY_COUNTS = (share: number, before?: number) =>
  `select json_group_array(json_array(j.key, (select count(*) from (select 1 from claim_keys x where x.key = j.value${storedBefore('x.claim_id', before)} limit ${Math.min(share + 1, CANDIDATES_PER_KEY)})))) as n from json_each(?) j`;

const newestOfKeys = (limit: number, before?: number) =>
  `select y.claim_id as id from json_each(?) r join claim_keys y on y.key = r.value${storedBefore('y.claim_id', before)}
  and y.claim_id >= coalesce((select x.claim_id from claim_keys x where x.key = r.value${storedBefore('x.claim_id', before)} order by x.claim_id desc limit 1 offset ${limit - 1}), 0)`;

const CANDIDATE_IDS = (share: number, alloc: number, before?: number) =>
  `ids(id) as (select distinct id from (${newestOfKeys(Math.min(share, CANDIDATES_PER_KEY), before)} union all ${newestOfKeys(alloc, before)}))`;

const CANDIDATES_PER_ROW = 16;
const real = (col: string) => `printf('%!.17g', ${col})`;
/**
 * The claims of the `ids(id)` CTE `ids`, in rows of CANDIDATES_PER_ROW. With `keyFilter`, a claim's
 * keys are only those in the JSON array of the last parameter; without, all of them.
 */
const MATCHABLE_SQL = (ids: string, keyFilter: boolean) => `with ${ids}
select '[' || group_concat('[' || c.id || ',' || c.article_id || ',' || json_quote(c.kind) || ',' || json_quote(c.text) || ',' ||
  c.quotes || ',' || c.entities || ',' || c.terms || ',' ||
  (select json_group_array(x.key) from claim_keys x where x.claim_id = c.id${keyFilter ? ' and +x.key in (select value from json_each(?))' : ''}) || ',' ||
  (select json_group_array(json_array(q.start, q."end", q.raw, ${real('q.value')}, ${real('q.low')},
      case when q.high is null then null else ${real('q.high')} end, q.low_inclusive, q.high_inclusive,
      q.unit, q.unit_class, json(q.modifiers), q.rate, q.hedge))
    from quantities q where q.claim_id = c.id) || ']', ',') || ']' as c,
  group_concat(c.id || ':' || c.context_terms, char(30)) as x
from (select id, (row_number() over (order by id) - 1) / ${CANDIDATES_PER_ROW} as g from ids) r
join claims c on c.id = r.id group by r.g`;

let contextTermReads = 0;
/** How many stored claims' context terms were parsed so far (tests and measurements). */
export const contextTermsParsed = () => contextTermReads;

/**
 * On candidateClaims' claims: their context terms as the JSON text they came in, while they are not
 * parsed yet (then undefined). A function in a symbol-keyed property rather than a WeakMap entry per
 * claim (WeakMap.set showed in profiles of the ingest): a copy (`{ ...claim }`) parses them as it
 * copies, so a copy never reads the text either, whatever is later assigned to its context terms.
 */
const UNPARSED = Symbol('unparsed context terms');
type LazyClaim = ClaimForMatching & { [UNPARSED]?: () => string | undefined };

/**
 * The context terms of `claim` that start with `prefix`, read from its row's JSON text when they were
 * not parsed yet (they stay unparsed). In that text (no whitespace; a quote inside a string is always
 * escaped) a string element begins with a quote right after `[` or `,`.
 */
export function contextTermsWith(claim: ClaimForMatching, prefix: string): string[] {
  const raw = (claim as LazyClaim)[UNPARSED]?.();
  if (!raw || prefix.includes('"') || prefix.includes('\\')) {
    return claim.contextTerms.filter((t) => t.startsWith(prefix));
  }
  const needle = `"${prefix}`;
  const out: string[] = [];
  for (let at = raw.indexOf(needle); at >= 0; at = raw.indexOf(needle, at + 1)) {
    const before = raw[at - 1];
    if (before !== '[' && before !== ',') continue;
    const end = raw.indexOf('"', at + 1);
    const term = raw.slice(at + 1, end);
    // An escape inside the term: let JSON.parse read it.
    if (term.includes('\\')) return claim.contextTerms.filter((t) => t.startsWith(prefix));
    out.push(term);
  }
  return out;
}

type CandidateRow = [
  number,
  number,
  ClaimKind,
  string,
  Quote[],
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

export interface CandidateOptions {
  /** Leave out this article's claims. */
  excludeArticle?: number;
  /**
   * Only claims with an id below this one: what was stored before a claim of that id. A deferred
   * cross-reference (src/services/crossref-later.ts) passes its article's first claim id, so that it
   * sees the archive as it was when the article came in, whatever was stored since.
   */
  before?: number;
}

/**
 * Stored claims sharing at least one blocking key with `keys`, as the cross-referencer sees them:
 * one statement however many keys there are, at most about MAX_CANDIDATES claims, by id. A
 * candidate's `keys` are only those among `keys`: the cross-referencer looks up blocks by the
 * incoming claims' keys alone, so a stored claim's other keys (~95 % of them, a third of the
 * answer's bytes) could never pair it with anything.
 */
export async function candidateClaims(
  db: Db,
  keys: string[],
  { excludeArticle, before }: CandidateOptions = {},
): Promise<ClaimForMatching[]> {
  const distinct = [...new Set(keys)];
  if (distinct.length === 0) return [];
  if (before !== undefined && !Number.isSafeInteger(before)) throw new Error(`Bad claim id bound ${before}`);
  const share = Math.max(1, Math.floor(MAX_CANDIDATES / distinct.length));
  // Sent twice (the counts, then the candidates' own keys): written once.
  const distinctJson = JSON.stringify(distinct);
  const [counted] = await readRows(db, { sql: KEY_COUNTS(share, before), args: [distinctJson] });
  const rare: string[] = [];
  const common: string[] = [];
  let rareClaims = 0;
  for (const [i, n] of JSON.parse(String(counted?.n ?? '[]')) as [number, number][]) {
    if (n === 0) continue;
    if (n <= share) {
      rare.push(distinct[i]!);
      rareClaims += n;
    } else common.push(distinct[i]!);
  }
  if (rare.length === 0 && common.length === 0) return [];
  const alloc = Math.min(
    CANDIDATES_PER_KEY,
    Math.max(1, Math.floor((MAX_CANDIDATES - rareClaims) / Math.max(1, common.length))),
  );
  const rows = await readRows(db, {
    sql: MATCHABLE_SQL(CANDIDATE_IDS(share, alloc, before), true),
    args: [JSON.stringify(rare), JSON.stringify(common), distinctJson],
  });
  return matchableFromRows(rows, excludeArticle);
}

/**
 * The claims of article `articleId` as the cross-referencer sees an incoming article's (all their
 * keys), by position, with their context terms parsed. One statement.
 */
export async function articleClaimsForMatching(db: Db, articleId: number): Promise<ClaimForMatching[]> {
  const rows = await readRows(db, {
    sql: MATCHABLE_SQL('ids(id) as (select id from claims where article_id = ?)', false),
    args: [articleId],
  });
  return matchableFromRows(rows).map((c) => ({ ...c }));
}

/** MATCHABLE_SQL's rows as claims for matching, by id; the context terms parsed when first read. */
function matchableFromRows(rows: Record<string, unknown>[], excludeArticle?: number): ClaimForMatching[] {
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
      // A stored claim's context terms are ~60 % of its bytes, and the cross-referencer reads them only
      // for the few pairs whose figures it compares; the ingest's term list does not read them (see
      // ingestTerms in src/services/ingest.ts). So they are parsed the first time they are read.
      let contextTerms: string[] | undefined;
      const claim: LazyClaim = {
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
        [UNPARSED]() {
          return contextTerms === undefined ? raw : undefined;
        },
        keys: claimKeys,
      };
      found.push(claim);
    }
  }
  return found.sort((x, y) => Number(x.ref) - Number(y.ref));
}

/**
 * Stored document frequencies of `terms` and the number of stored claims, in one statement that
 * answers one flat JSON array, index, df, index, df…, for the terms that are stored: no term string
 * travels back or is parsed again (a term's index in the list sent names it), which makes the answer
 * for a few thousand terms several times cheaper to read than a JSON object keyed by term; and a flat
 * array of integers parses without an array per term (df is an INTEGER column: printed as JSON reads it).
 */
export async function termStats(db: Db, terms: string[]): Promise<TermStats> {
  const list = [TOTAL_CLAIMS_TERM, ...new Set(terms)];
  const [row] = await readRows(db, {
    sql: "select '[' || coalesce(group_concat(j.key || ',' || t.df), '') || ']' as df from json_each(?) j join term_stats t on t.term = j.value",
    args: [JSON.stringify(list)],
  });
  const df = new Map<string, number>();
  const pairs = JSON.parse(String(row?.df ?? '[]')) as number[];
  for (let k = 0; k < pairs.length; k += 2) df.set(list[pairs[k]!]!, pairs[k + 1]!);
  return { total: df.get(TOTAL_CLAIMS_TERM) ?? 0, df: (term) => df.get(term) ?? 0 };
}
