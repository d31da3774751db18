// Reading claims for display: summaries with article, outlet and quantities, their sentence context, and the
// claim-level filters (outlet, entity, full-text) the queue and the exports share.
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ClaimStatus } from '../../src/shared/statuses';
import type { Db } from '../client';
import { articles, claims, entities, mentions, sources } from '../schema';
import { readRows } from './batch';
import { type QuantityJson, quantityFromJson, quantityJsonSql, type StoredQuantity } from './quantities';

export interface ClaimSummary {
  id: number;
  articleId: number;
  position: number;
  start: number;
  end: number;
  text: string;
  kind: 'quantity' | 'quote' | 'statement';
  checkworthiness: number;
  status: ClaimStatus;
  proposedStatus: ClaimStatus | null;
  proposedBy: string | null;
  version: number;
  articleTitle: string;
  articleUrl: string | null;
  publishedAt: string | null;
  outlet: string;
  quantities: StoredQuantity[];
}

// One JSON array per claim, its quantities folded in (as the candidate lookup reads claims): the driver
// turns a one-column row into an object much faster than a sixteen-column one, and there is one
// statement, one JSON parameter, however many ids (no chunks for D1's parameter limit). REALs go as
// %!.17g strings, which read back exactly (SQLite's own JSON writes 15 digits).
const exact = (col: string) => `printf('%!.17g', ${col})`;
const SUMMARIES_SQL = `select json_array(c.id, c.article_id, c.position, c.start, c."end", c.text, c.kind,
  ${exact('c.checkworthiness')}, c.status, c.proposed_status, c.proposed_by, c.version, a.title, a.url, a.published_at, s.name,
  (select json_group_array(${quantityJsonSql('q')}) from quantities q where q.claim_id = c.id)) as c
from json_each(?) j join claims c on c.id = j.value join articles a on a.id = c.article_id join sources s on s.id = a.source_id`;

type SummaryRow = [
  number,
  number,
  number,
  number,
  number,
  string,
  ClaimSummary['kind'],
  string,
  ClaimStatus,
  ClaimStatus | null,
  string | null,
  number,
  string,
  string | null,
  string | null,
  string,
  QuantityJson[],
];

/** Claims by id with their article, outlet and quantities (in reading order), in one statement. */
export async function claimSummaries(db: Db, ids: number[]): Promise<Map<number, ClaimSummary>> {
  const out = new Map<number, ClaimSummary>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const rows = await readRows(db, { sql: SUMMARIES_SQL, args: [JSON.stringify(unique)] });
  for (const row of rows) {
    const [
      id,
      articleId,
      position,
      start,
      end,
      text,
      kind,
      checkworthiness,
      status,
      proposedStatus,
      proposedBy,
      version,
      articleTitle,
      articleUrl,
      publishedAt,
      outlet,
      qs,
    ] = JSON.parse(String(row.c)) as SummaryRow;
    const quantities: StoredQuantity[] = qs.map((q) => ({ claimId: id, ...quantityFromJson(q) }));
    quantities.sort((x, y) => x.start - y.start);
    out.set(id, {
      id,
      articleId,
      position,
      start,
      end,
      text,
      kind,
      checkworthiness: Number(checkworthiness),
      status,
      proposedStatus,
      proposedBy,
      version,
      articleTitle,
      articleUrl,
      publishedAt,
      outlet,
      quantities,
    });
  }
  return out;
}

/**
 * The sentence before each claim, sliced in JS from the stored body: offsets are UTF-16 indexes
 * (JavaScript strings), which SQLite's substr (code points) would get wrong after an emoji.
 */
export async function previousSentences(db: Db, ids: number[]): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  if (ids.length === 0) return out;
  // Hand-written (one JSON parameter, no drizzle query building): the side-by-side page asks on every request.
  const rows = await readRows(db, {
    sql: 'select c.id, c.prev_start, c.prev_end, a.body from json_each(?) j join claims c on c.id = j.value join articles a on a.id = c.article_id',
    args: [JSON.stringify([...new Set(ids)])],
  });
  for (const r of rows) {
    const start = r.prev_start === null ? null : Number(r.prev_start);
    const end = r.prev_end === null ? null : Number(r.prev_end);
    const has = start !== null && end !== null && end > start;
    out.set(Number(r.id), has ? String(r.body).slice(start, end).trim() : null);
  }
  return out;
}

export async function claimExists(db: Db, id: number): Promise<boolean> {
  const row = await db.select({ id: claims.id }).from(claims).where(eq(claims.id, id)).get();
  return row !== undefined;
}

/**
 * User words → a safe FTS5 MATCH expression: every term double-quoted (so AND, OR, NEAR, column
 * filters and stray quotes are plain words), all terms required; a trailing * keeps prefix search.
 * Null when nothing searchable is left. Control characters split words (FTS5 reads a quoted string
 * as C text: a NUL inside ends it, "unterminated string"), format characters (zero-width, bidi) go,
 * and a lone UTF-16 surrogate becomes U+FFFD, so no query string can make the MATCH fail.
 */
export function ftsQuery(input: string): string | null {
  const terms = searchableText(input)
    .split(/\s+/)
    .map((raw) => {
      const prefix = raw.length > 1 && raw.endsWith('*');
      const word = raw.replace(/["*]/g, '');
      return word ? `"${word}"${prefix ? '*' : ''}` : '';
    })
    .filter(Boolean)
    .slice(0, 20);
  return terms.length > 0 ? terms.join(' ') : null;
}

const CONTROLS = /[\p{Cc}\u2028\u2029]/gu;
const FORMAT = /\p{Cf}/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Search input as FTS5 can take it: controls become spaces, format characters go, lone surrogates U+FFFD. */
export function searchableText(input: string): string {
  return input.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROLS, ' ').replace(FORMAT, '');
}

/** Ids of claims whose sentence matches an ftsQuery() expression, straight from the FTS index. */
export function claimsMatching(match: string): SQL {
  return sql`(select rowid from claims_fts where claims_fts match ${match})`;
}

/** Ids of claims published by an outlet (sources.name is unique, then articles_source, claims_article). */
export function claimsOfOutlet(db: Db, outlet: string) {
  return db
    .select({ id: claims.id })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .innerJoin(sources, eq(sources.id, articles.sourceId))
    .where(eq(sources.name, outlet));
}

/**
 * Ids of claims naming an entity, given its key or part of its name: articles mentioning it come
 * from mentions_entity, and of their claims only those whose own entity list holds the key.
 */
export function claimsOfEntity(db: Db, entity: string) {
  const pattern = `%${entity.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const keys = db
    .select({ key: entities.key })
    .from(entities)
    .where(or(eq(entities.key, entity), sql`${entities.name} like ${pattern} escape '\\'`));
  return db
    .select({ id: claims.id })
    .from(mentions)
    .innerJoin(claims, eq(claims.articleId, mentions.articleId))
    .where(
      and(
        inArray(mentions.entityKey, keys),
        sql`exists (select 1 from json_each(${claims.entities}) where value in ${keys})`,
      ),
    );
}

export interface ClaimFilter {
  /** A claim status, "reviewed" (anything but unreviewed) or "all". */
  status: ClaimStatus | 'reviewed' | 'all';
  outlet?: string;
  entity?: string;
  q?: string;
  limit: number;
  offset: number;
}

const REVIEWED = ['verified', 'disputed', 'false', 'unverifiable'] as const satisfies ClaimStatus[];

/** Claim ids matching the queue's claim-level filters, oldest first (exports page through them by offset). */
export async function listClaimIds(db: Db, filter: ClaimFilter): Promise<number[]> {
  const where: SQL[] = [];
  // IN over the reviewed statuses (not <> 'unreviewed') so claims_status serves it.
  if (filter.status === 'reviewed') where.push(inArray(claims.status, [...REVIEWED]));
  else if (filter.status !== 'all') where.push(eq(claims.status, filter.status));
  if (filter.outlet) where.push(inArray(claims.id, claimsOfOutlet(db, filter.outlet)));
  if (filter.entity) where.push(inArray(claims.id, claimsOfEntity(db, filter.entity)));
  const match = filter.q ? ftsQuery(filter.q) : null;
  if (match) where.push(sql`${claims.id} in ${claimsMatching(match)}`);
  const rows = await db
    .select({ id: claims.id })
    .from(claims)
    .where(and(...where))
    .orderBy(claims.id)
    .limit(filter.limit)
    .offset(filter.offset);
  return rows.map((r) => r.id);
}
