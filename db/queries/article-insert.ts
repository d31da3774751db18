// The one-batch insert of articles with everything extracted from them: claims, their terms and keys,
// entities, mentions and links (articles.ts keeps the reads).
import type { Claim, Entity, EntityMention, Explanation, Relation, Severity } from '../../src/core';
import type { Db } from '../client';
import { chunk, maxParamsOf, runStatements, type Statement } from './batch';
import { jsonArg } from './json-arg';
import { quantityToRow } from './quantities';
import { TOTAL_CLAIMS_TERM } from './term-stats';

/**
 * A link end: a claim of one of the articles being inserted (`article` indexes the list given to
 * insertArticles, 0 when omitted; `position` is the claim's position in it) or a stored claim (by id).
 */
export type ClaimRef = { article?: number; position: number } | { id: number };

export interface NewLink {
  a: ClaimRef;
  b: ClaimRef;
  relation: Relation;
  score: number;
  severity: Severity;
  explanation: Explanation;
}

export interface NewArticle {
  /** The outlet's name: its sources row is created in the same batch when new. */
  outlet: string;
  title: string;
  url: string | null;
  publishedAt: string | null;
  /** The byline of a page added from the web. */
  author?: string | null;
  body: string;
  contentHash: string;
  claims: Claim[];
  entities: Entity[];
  mentions: EntityMention[];
  /** Links whose new ends belong to this article (or to an earlier one of the same call). */
  links: NewLink[];
  /**
   * Present when the article is compared with the archive later (crossReferenceStored), with no links
   * yet: the display names it gives its entities, which that comparison's explanations use.
   */
  pendingNames?: [string, string][];
  /** The body's wire-copy signature (src/core/wire-copies.ts encodeSignature). */
  copySignature?: string | null;
  /**
   * A stored article this one is a wire copy of (its group's first). When null, the insert takes the
   * group of the first stored article with the very same text, if any (COPY_OF_VALUE).
   */
  copyOf?: number | null;
  /**
   * An earlier article of the same insertArticles list (its index) this one is a wire copy of: set by
   * an update in the same batch, once both are stored (one commit per batch instead of one per copy).
   */
  copyOfEarlier?: number;
}

/**
 * REALs travel inside JSON, and SQLite's decimal→double conversion is off by one unit in the last
 * place for some 17-digit numbers. So a non-integer goes as [m, a, b] with value = m / 2^a / 2^b
 * (m a safe integer): every step is exact, and a stored quantity compares exactly as extracted.
 */
export function exactReal(x: number): number | [number, number, number] {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  let m = x;
  let k = 0;
  while (!Number.isInteger(m) && k < 124) {
    m *= 2;
    k++;
  }
  if (!Number.isSafeInteger(m)) return x;
  const a = Math.min(k, 62);
  return [m, a, k - a];
}

/** The SQL that decodes exactReal() at JSON path `path` of `json`. */
export const realAt = (json: string, path: string) =>
  `case json_type(${json}, '${path}') when 'array' then json_extract(${json}, '${path}[0]') * 1.0 / (1 << json_extract(${json}, '${path}[1]')) / (1 << json_extract(${json}, '${path}[2]')) else json_extract(${json}, '${path}') end`;
const at = (i: number) => `json_extract(r.value, '$[${i}]')`;

/**
 * Article index → id of the articles inserted in this batch, from the JSON array of their keys
 * ([content hash, outlet]: the same text is stored once per outlet). Materialized, and joined with CROSS JOIN after the JSON rows `r`, which forces the rows to be the
 * outer loop: left to itself SQLite put `h` outside and re-scanned all of `r` (re-parsing each
 * row's JSON) for every article and claim, which made a 25-article batch's claim_keys insert cost
 * over a second.
 */
const HASHES = `h(k, id) as materialized (select j.key, a.id from json_each(?) j join articles a
  on a.content_hash = json_extract(j.value, '$[0]') and a.source_id = (select id from sources where name = json_extract(j.value, '$[1]')))`;
const claimOf = (k: string, position: string) =>
  `(select c.id from h join claims c on c.article_id = h.id where h.k = ${k} and c.position = ${position})`;

/**
 * Bound strings stay well under D1's 2 MB string limit: JSON payloads are split at this many
 * characters (UTF-8 can triple a character's size).
 */
const JSON_CHUNK_CHARS = 500_000;

function jsonChunks(rows: unknown[]): string[] {
  if (rows.length === 0) return [];
  // The usual case, one native stringify; only a huge article is split row by row.
  const whole = jsonArg(rows);
  if (whole.length <= JSON_CHUNK_CHARS) return [whole];
  const out: string[] = [];
  let part: string[] = [];
  let size = 0;
  for (const row of rows) {
    const json = jsonArg(row);
    if (size + json.length > JSON_CHUNK_CHARS && part.length > 0) {
      out.push(`[${part.join(',')}]`);
      part = [];
      size = 0;
    }
    part.push(json);
    size += json.length + 1;
  }
  if (part.length > 0) out.push(`[${part.join(',')}]`);
  return out;
}

const CLAIMS_SQL = `with ${HASHES} insert into claims (article_id, position, start, "end", text, kind, checkworthiness, terms, context_terms, entities, quotes, prev_start, prev_end)
select h.id, ${at(1)}, ${at(2)}, ${at(3)}, ${at(4)}, ${at(5)}, ${realAt('r.value', '$[6]')}, ${at(7)}, ${at(8)}, ${at(9)}, ${at(10)}, ${at(11)}, ${at(12)}
from json_each(?) r cross join h on h.k = ${at(0)} order by r.key`;

const QUANTITIES_SQL = `with ${HASHES} insert into quantities (claim_id, start, "end", raw, value, low, high, low_inclusive, high_inclusive, unit, unit_class, modifiers, rate, hedge)
select c.id, ${at(2)}, ${at(3)}, ${at(4)}, ${realAt('r.value', '$[5]')}, ${realAt('r.value', '$[6]')}, ${realAt('r.value', '$[7]')}, ${at(8)}, ${at(9)}, ${at(10)}, ${at(11)}, ${at(12)}, ${at(13)}, ${at(14)}
from json_each(?) r cross join h on h.k = ${at(0)} join claims c on c.article_id = h.id and c.position = ${at(1)} order by r.key`;

const KEYS_SQL = `with ${HASHES} insert into claim_keys (key, claim_id)
select ${at(2)}, c.id from json_each(?) r cross join h on h.k = ${at(0)} join claims c on c.article_id = h.id and c.position = ${at(1)}
where true on conflict do nothing`;

// Keep the fullest name seen across articles.
const ENTITIES_SQL = `insert into entities (key, name, type) select ${at(0)}, ${at(1)}, ${at(2)} from json_each(?) r where true
on conflict (key) do update set name = case when length(excluded.name) > length(entities.name) then excluded.name else entities.name end`;

const MENTIONS_SQL = `with ${HASHES} insert into mentions (article_id, entity_key, start, "end", surface)
select h.id, ${at(1)}, ${at(2)}, ${at(3)}, ${at(4)} from json_each(?) r cross join h on h.k = ${at(0)} order by r.key`;

const LINKS_SQL = `with ${HASHES} insert into links (claim_a, claim_b, relation, score, severity, explanation)
select coalesce(${at(0)}, ${claimOf(at(1), at(2))}), coalesce(${at(3)}, ${claimOf(at(4), at(5))}), ${at(6)}, ${realAt('r.value', '$[7]')}, ${at(8)}, ${at(9)}
from json_each(?) r where true order by r.key on conflict do nothing`;

// [copy's index, original's index] pairs of this batch (indexes into the keys, ?1, as the h CTE reads
// them): set inside the batch (it was an update of its own after it), to the original's group.
const COPY_OF_SQL = `with ${HASHES.replace('json_each(?)', 'json_each(?1)')}
update articles set copy_of = (select coalesce(o.copy_of, o.id) from json_each(?2) j join h c on c.k = json_extract(j.value, '$[0]')
  join h oh on oh.k = json_extract(j.value, '$[1]') join articles o on o.id = oh.id where c.id = articles.id)
where id in (select c.id from json_each(?2) j join h c on c.k = json_extract(j.value, '$[0]'))`;

/**
 * An article's copy_of when the ingest named none: the group of the first stored article with the very
 * same text (another outlet's reprint; the same outlet's is refused by the unique index). The deferred
 * ingest reads nothing before it inserts, so this is where its verbatim reprints are marked.
 */
const COPY_OF_VALUE =
  'coalesce(?, (select coalesce(o.copy_of, o.id) from articles o where o.content_hash = ? order by o.id limit 1))';

const TERM_STATS_SQL = `insert into term_stats (term, df) select ${at(0)}, ${at(1)} from json_each(?) r where true
on conflict (term) do update set df = term_stats.df + excluded.df`;

/**
 * Stores articles and everything extracted from them in ONE batch (atomic on libSQL and D1), with
 * a fixed handful of statements however many articles and claims there are: each table's rows go
 * as one JSON parameter expanded by `json_each` (split only past JSON_CHUNK_CHARS), the articles
 * as multi-row VALUES sized to the driver's parameter limit. Returns the new ids in input order.
 *
 * Id allocation: nothing is read or reserved beforehand. Rows that point at a new article or claim
 * find its id inside the batch by the article's key (content_hash and outlet, unique together) and the
 * claim's position (the `h` CTE, then the claims_article index), so two concurrent ingests never
 * collide on ids and there is no retry path. A concurrent insert of the same text from the same outlet
 * fails the whole batch on that unique index. The hand-written SQL runs on the driver's own batch (see runStatements): drizzle
 * building ~40 multi-row statements per article used to cost more CPU than extracting the article.
 */
export async function insertArticles(
  db: Db,
  list: NewArticle[],
  /** Statements committed with the articles, in the same atomic batch, after them (ingest's `alongside`). */
  alongside: Statement[] = [],
): Promise<number[]> {
  if (list.length === 0) return [];
  const keys = jsonArg(list.map((a) => [a.contentHash, a.outlet]));
  const statements: Statement[] = [
    {
      sql: 'insert into sources (name) select value from json_each(?) where true on conflict (name) do nothing',
      args: [jsonArg([...new Set(list.map((a) => a.outlet))])],
    },
  ];
  const perStatement = Math.max(1, Math.floor(maxParamsOf(db) / 12));
  for (const part of chunk(list, perStatement)) {
    statements.push({
      sql: `insert into articles (source_id, title, url, published_at, author, body, content_hash, crossref_pending, pending_names, copy_signature, copy_of) values ${part
        .map(() => `((select id from sources where name = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ${COPY_OF_VALUE})`)
        .join(
          ', ',
        )} returning id, content_hash, (select s.name from sources s where s.id = articles.source_id) as outlet`,
      args: part.flatMap((a) => [
        a.outlet,
        a.title,
        a.url,
        a.publishedAt,
        a.author ?? null,
        a.body,
        a.contentHash,
        a.pendingNames ? 1 : 0,
        a.pendingNames ? jsonArg(a.pendingNames) : null,
        a.copySignature ?? null,
        a.copyOf ?? null,
        a.contentHash,
      ]),
    });
  }
  const articleStatements = statements.length;

  const claimRows: unknown[] = [];
  const quantityRows: unknown[] = [];
  const keyRows: unknown[] = [];
  const mentionRows: unknown[] = [];
  const linkRows: unknown[] = [];
  // Every mentioned key needs an entity row (foreign key), even if the core listed it only as a mention.
  const entityRows = new Map<string, [string, string, string]>();
  // Document frequency: the number of claims whose terms include the term. The empty term counts
  // all claims: reading one row beats count(*) over a million claims.
  const df = new Map<string, number>([[TOTAL_CLAIMS_TERM, 0]]);
  for (const [k, a] of list.entries()) {
    for (const c of a.claims) {
      claimRows.push([
        k,
        c.position,
        c.start,
        c.end,
        c.text,
        c.kind,
        exactReal(c.checkworthiness),
        c.terms,
        c.contextTerms,
        c.entities,
        c.quotes,
        c.previous?.start ?? null,
        c.previous?.end ?? null,
      ]);
      for (const q of c.quantities) {
        const r = quantityToRow(q);
        quantityRows.push([
          k,
          c.position,
          r.start,
          r.end,
          r.raw,
          exactReal(r.value),
          exactReal(r.low),
          r.high === null || r.high === undefined ? null : exactReal(r.high),
          r.lowInclusive ? 1 : 0,
          r.highInclusive ? 1 : 0,
          r.unit,
          r.unitClass,
          r.modifiers,
          r.rate ?? null,
          r.hedge ?? null,
        ]);
      }
      for (const key of new Set(c.keys)) keyRows.push([k, c.position, key]);
      for (const t of new Set(c.terms)) df.set(t, (df.get(t) ?? 0) + 1);
    }
    df.set(TOTAL_CLAIMS_TERM, (df.get(TOTAL_CLAIMS_TERM) ?? 0) + a.claims.length);
    for (const e of a.entities) {
      const seen = entityRows.get(e.key);
      if (!seen || seen[1].length < e.name.length) entityRows.set(e.key, [e.key, e.name, e.type]);
    }
    for (const m of a.mentions) {
      if (!entityRows.has(m.key)) entityRows.set(m.key, [m.key, m.surface, 'other']);
      mentionRows.push([k, m.key, m.start, m.end, m.surface]);
    }
    const end = (ref: ClaimRef) =>
      'id' in ref ? [ref.id, null, null] : [null, ref.article ?? k, ref.position];
    for (const l of a.links) {
      linkRows.push([...end(l.a), ...end(l.b), l.relation, exactReal(l.score), l.severity, l.explanation]);
    }
  }

  const add = (sql: string, rows: unknown[], withHashes = true) => {
    for (const json of jsonChunks(rows)) statements.push({ sql, args: withHashes ? [keys, json] : [json] });
  };
  add(CLAIMS_SQL, claimRows);
  add(QUANTITIES_SQL, quantityRows);
  add(KEYS_SQL, keyRows);
  add(ENTITIES_SQL, [...entityRows.values()], false);
  add(MENTIONS_SQL, mentionRows);
  add(LINKS_SQL, linkRows);
  add(TERM_STATS_SQL, [...df], false);
  const copies = list.flatMap((a, k) => (a.copyOfEarlier === undefined ? [] : [[k, a.copyOfEarlier]]));
  if (copies.length > 0) statements.push({ sql: COPY_OF_SQL, args: [keys, jsonArg(copies)] });
  statements.push(...alongside);

  const results = await runStatements(db, statements);
  const ids = new Map<string, number>();
  const keyOf = (hash: unknown, outlet: unknown) => `${String(hash)}\n${String(outlet)}`;
  for (const rows of results.slice(1, articleStatements))
    for (const r of rows) ids.set(keyOf(r.content_hash, r.outlet), Number(r.id));
  return list.map((a) => {
    const id = ids.get(keyOf(a.contentHash, a.outlet));
    if (id === undefined) throw new Error('The article insert returned no id');
    return id;
  });
}
