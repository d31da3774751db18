// Links between claims: the conflict queue, one link with both sides, and the links of given claims.
import { and, asc, count, desc, eq, inArray, isNull, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Explanation, QuantitySide, Relation, Severity } from '../../src/core';
import type { LinkStatus } from '../../src/shared/statuses';
import type { Db } from '../client';
import { links } from '../schema';
import { chunk, MAX_PARAMS, readRows } from './batch';
import {
  type ClaimSummary,
  claimSummaries,
  claimsMatching,
  claimsOfEntity,
  claimsOfOutlet,
  ftsQuery,
  previousSentences,
} from './claims';
import { counts } from './counters';

/** Relations a reviewer has to settle; corroborations are shown beside claims, not queued. */
export const QUEUE_RELATIONS = ['conflict', 'quote_differs'] as const satisfies Relation[];

export interface LinkRecord {
  id: number;
  claimA: number;
  claimB: number;
  relation: Relation;
  score: number;
  severity: Severity;
  explanation: Explanation;
  status: LinkStatus;
  proposedStatus: LinkStatus | null;
  proposedBy: string | null;
  assignee: string | null;
  version: number;
  createdAt: number;
  /** The fact the link belongs to (conflicts and corroborations with a unit family), see src/services/facts.ts. */
  factId: number | null;
}

export interface LinkWithClaims extends LinkRecord {
  a: ClaimSummary;
  b: ClaimSummary;
}

/** Explanations are stored as JSON, where an unbounded interval's Infinity became null. */
function reviveSide(side: unknown): QuantitySide | null {
  if (!side || typeof side !== 'object') return null;
  const s = side as QuantitySide & { high: number | null; low: number | null };
  return { ...s, low: s.low ?? 0, high: s.high ?? Number.POSITIVE_INFINITY };
}

export function reviveExplanation(value: unknown): Explanation {
  const e = (value ?? {}) as Partial<Explanation>;
  return {
    summary: e.summary ?? '',
    unitClass: e.unitClass ?? null,
    a: reviveSide(e.a),
    b: reviveSide(e.b),
    sharedTerms: Array.isArray(e.sharedTerms) ? e.sharedTerms : [],
    gap: typeof e.gap === 'number' ? e.gap : null,
  };
}

const linkColumns = {
  id: links.id,
  claimA: links.claimA,
  claimB: links.claimB,
  relation: links.relation,
  score: links.score,
  severity: links.severity,
  explanation: links.explanation,
  status: links.status,
  proposedStatus: links.proposedStatus,
  proposedBy: links.proposedBy,
  assignee: links.assignee,
  version: links.version,
  createdAt: links.createdAt,
  factId: links.factId,
};

function toRecord(r: Omit<LinkRecord, 'explanation'> & { explanation: unknown }): LinkRecord {
  return { ...r, explanation: reviveExplanation(r.explanation) };
}

export async function attachClaims(db: Db, rows: LinkRecord[]): Promise<LinkWithClaims[]> {
  const summaries = await claimSummaries(
    db,
    rows.flatMap((r) => [r.claimA, r.claimB]),
  );
  const out: LinkWithClaims[] = [];
  for (const r of rows) {
    const a = summaries.get(r.claimA);
    const b = summaries.get(r.claimB);
    if (a && b) out.push({ ...r, a, b });
  }
  return out;
}

export type QueueStatus = LinkStatus | 'resolved' | 'all';
export type QueueSort = 'severity' | 'newest' | 'score';

export interface ConflictFilter {
  status?: QueueStatus;
  outlet?: string;
  severity?: Severity;
  /** An entity key ("e:astn") or part of its name ("Austin"). */
  entity?: string;
  /** A login; null = unassigned; undefined = anyone. */
  assignee?: string | null;
  /** Full-text search over claim sentences (user words; quoted safely here). */
  q?: string;
  sort?: QueueSort;
  limit?: number;
  offset?: number;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

const ORDER: Record<QueueSort, SQL[]> = {
  // links.severity_rank is a stored (virtual) column, so this order is the links_queue_order index.
  severity: [asc(links.severityRank), desc(links.score), asc(links.id)],
  newest: [desc(links.id)],
  score: [desc(links.score), asc(links.id)],
};

/**
 * The queue's relations, spelled as literals exactly as links_queue_order's WHERE is: SQLite uses a
 * partial index only when it can see that the query implies the index's condition, which a bound
 * parameter (drizzle's inArray) would hide.
 */
const QUEUED_LIST = sql.raw(`(${QUEUE_RELATIONS.map((r) => `'${r}'`).join(', ')})`);

/** The links table, or an alias of it (the fact-grouped queue compares a link with its fact's others). */
export type LinksTable = Record<
  'id' | 'claimA' | 'claimB' | 'relation' | 'status' | 'severityRank' | 'score' | 'assignee' | 'factId',
  SQLiteColumn
>;

/** Either side of the link is one of the claims the sub-select returns. */
const eitherSide = (t: LinksTable, claimIds: SQLWrapper) =>
  sql`(${t.claimA} in ${claimIds} or ${t.claimB} in ${claimIds})`;

/**
 * The WHERE of the queue. Every claim-level filter is a sub-select of claim ids driven by an index
 * (sources.name, mentions_entity, the FTS index), so neither the list nor the count joins six tables.
 */
export function conflictWhere(db: Db, filter: ConflictFilter, t: LinksTable = links): SQL | undefined {
  const where: SQL[] = [sql`${t.relation} in ${QUEUED_LIST}`];
  const status = filter.status ?? 'open';
  if (status === 'resolved') where.push(sql`${t.status} <> 'open'`);
  else if (status !== 'all') where.push(eq(t.status, status));
  if (filter.severity) where.push(eq(t.severityRank, SEVERITY_RANK[filter.severity]));
  if (filter.assignee === null) where.push(isNull(t.assignee));
  else if (filter.assignee !== undefined) where.push(eq(t.assignee, filter.assignee));
  if (filter.outlet) where.push(eitherSide(t, claimsOfOutlet(db, filter.outlet)));
  if (filter.entity) where.push(eitherSide(t, claimsOfEntity(db, filter.entity)));
  const match = filter.q ? ftsQuery(filter.q) : null;
  if (match) where.push(eitherSide(t, claimsMatching(match)));
  return and(...where);
}

/** The whole open queue, unfiltered: its size is the open_conflicts counter, no count(*) needed. */
function isWholeOpenQueue(filter: ConflictFilter): boolean {
  return (
    (filter.status ?? 'open') === 'open' &&
    !filter.severity &&
    filter.assignee === undefined &&
    !filter.outlet &&
    !filter.entity &&
    !(filter.q && ftsQuery(filter.q))
  );
}

/**
 * One JSON array per link, its stored explanation spliced in as it is: one JSON.parse per row instead
 * of the driver building a 13-column row and drizzle mapping it and parsing the explanation apart
 * (most of the queue's read CPU). The score, a REAL, goes as %!.17g (exact).
 */
const LINKS_BY_IDS_SQL = `select '[' || l.id || ',' || l.claim_a || ',' || l.claim_b || ',' || json_quote(l.relation) || ',' ||
  printf('%!.17g', l.score) || ',' || json_quote(l.severity) || ',' || l.explanation || ',' || json_quote(l.status) || ',' ||
  json_quote(l.proposed_status) || ',' || json_quote(l.proposed_by) || ',' || json_quote(l.assignee) || ',' ||
  l.version || ',' || l.created_at || ',' || coalesce(l.fact_id, 'null') || ']' as l
from json_each(?) j join links l on l.id = j.value`;

type LinkRow = [
  number,
  number,
  number,
  Relation,
  number,
  Severity,
  unknown,
  LinkStatus,
  LinkStatus | null,
  string | null,
  string | null,
  number,
  number,
  number | null,
];

/** Link rows by id, in the order of `ids` (one statement, one JSON parameter however many ids). */
export async function linksByIds(db: Db, ids: number[]): Promise<LinkRecord[]> {
  if (ids.length === 0) return [];
  const rows = await readRows(db, { sql: LINKS_BY_IDS_SQL, args: [JSON.stringify(ids)] });
  const byId = new Map<number, LinkRecord>();
  for (const row of rows) {
    const [
      id,
      claimA,
      claimB,
      relation,
      score,
      severity,
      explanation,
      status,
      proposedStatus,
      proposedBy,
      assignee,
      version,
      createdAt,
      factId,
    ] = JSON.parse(String(row.l)) as LinkRow;
    // The keys in linkColumns' order, as drizzle's rows had them (the JSON twin prints them so).
    byId.set(id, {
      id,
      claimA,
      claimB,
      relation,
      score,
      severity,
      explanation: reviveExplanation(explanation),
      status,
      proposedStatus,
      proposedBy,
      assignee,
      version,
      createdAt,
      factId,
    });
  }
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [r] : [];
  });
}

/**
 * The conflict queue (most severe first by default), with both claims. The page's ids first, from
 * the index alone (a LIMIT walk of links_queue_order in the default order), then those rows with
 * their explanations and the claims' summaries; the total from the counters row when unfiltered.
 */
export async function listConflicts(
  db: Db,
  filter: ConflictFilter = {},
): Promise<{ items: LinkWithClaims[]; total: number }> {
  const where = conflictWhere(db, filter);
  const [page, total] = await Promise.all([
    db
      .select({ id: links.id })
      .from(links)
      .where(where)
      .orderBy(...ORDER[filter.sort ?? 'severity'])
      .limit(filter.limit ?? 50)
      .offset(filter.offset ?? 0),
    isWholeOpenQueue(filter)
      ? counts(db).then((c) => c.openConflicts)
      : db
          .select({ n: count() })
          .from(links)
          .where(where)
          .get()
          .then((r) => r?.n ?? 0),
  ]);
  const rows = await linksByIds(
    db,
    page.map((r) => r.id),
  );
  return { items: await attachClaims(db, rows), total };
}

export interface LinkDetail extends LinkWithClaims {
  previousA: string | null;
  previousB: string | null;
}

/** One link with both claims, their articles and the sentence before each claim. */
export async function getLink(db: Db, id: number): Promise<LinkDetail | null> {
  const [row] = await linksByIds(db, [id]);
  if (!row) return null;
  const [link] = await attachClaims(db, [row]);
  if (!link) return null;
  const prev = await previousSentences(db, [link.claimA, link.claimB]);
  return { ...link, previousA: prev.get(link.claimA) ?? null, previousB: prev.get(link.claimB) ?? null };
}

/** Every link touching the given claims, strongest first, with both sides. */
export async function linksOfClaims(db: Db, claimIds: number[]): Promise<LinkWithClaims[]> {
  const byId = new Map<number, LinkRecord>();
  for (const part of chunk([...new Set(claimIds)], MAX_PARAMS)) {
    // Two indexed lookups (links_pair starts with claim_a, links_b) instead of one OR that scans.
    for (const col of [links.claimA, links.claimB]) {
      const rows = await db.select(linkColumns).from(links).where(inArray(col, part));
      for (const r of rows) byId.set(r.id, toRecord(r));
    }
  }
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const sorted = [...byId.values()].sort(
    (x, y) => rank[x.severity] - rank[y.severity] || y.score - x.score || x.id - y.id,
  );
  return attachClaims(db, sorted);
}

export async function linkExists(db: Db, id: number): Promise<boolean> {
  return (await db.select({ id: links.id }).from(links).where(eq(links.id, id)).get()) !== undefined;
}

export { type Counts, counts } from './counters';
