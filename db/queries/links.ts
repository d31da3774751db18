// Links between claims: the conflict queue, one link with both sides, and the links of given claims.
import { and, asc, count, desc, eq, inArray, isNull, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Explanation, QuantitySide, Relation, Severity } from '../../src/core';
import type { Db } from '../client';
import { articles, claims, type LinkStatus, links } from '../schema';
import { chunk, MAX_PARAMS } from './batch';
import {
  type ClaimSummary,
  claimSummaries,
  claimsMatching,
  claimsOfEntity,
  claimsOfOutlet,
  ftsQuery,
  previousSentences,
} from './claims';

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
};

function toRecord(r: Omit<LinkRecord, 'explanation'> & { explanation: unknown }): LinkRecord {
  return { ...r, explanation: reviveExplanation(r.explanation) };
}

async function attachClaims(db: Db, rows: LinkRecord[]): Promise<LinkWithClaims[]> {
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

const severityRank = sql`case ${links.severity} when 'high' then 0 when 'medium' then 1 else 2 end`;

const ORDER: Record<QueueSort, SQL[]> = {
  severity: [severityRank, desc(links.score), asc(links.id)],
  newest: [desc(links.id)],
  score: [desc(links.score), asc(links.id)],
};

/** Either side of the link is one of the claims the sub-select returns. */
const eitherSide = (claimIds: SQLWrapper) =>
  sql`(${links.claimA} in ${claimIds} or ${links.claimB} in ${claimIds})`;

/**
 * The WHERE of the queue. Every claim-level filter is a sub-select of claim ids driven by an index
 * (sources.name, mentions_entity, the FTS index), so neither the list nor the count joins six tables.
 */
function conflictWhere(db: Db, filter: ConflictFilter): SQL | undefined {
  const where: SQL[] = [inArray(links.relation, [...QUEUE_RELATIONS])];
  const status = filter.status ?? 'open';
  if (status === 'resolved') where.push(sql`${links.status} <> 'open'`);
  else if (status !== 'all') where.push(eq(links.status, status));
  if (filter.severity) where.push(eq(links.severity, filter.severity));
  if (filter.assignee === null) where.push(isNull(links.assignee));
  else if (filter.assignee !== undefined) where.push(eq(links.assignee, filter.assignee));
  if (filter.outlet) where.push(eitherSide(claimsOfOutlet(db, filter.outlet)));
  if (filter.entity) where.push(eitherSide(claimsOfEntity(db, filter.entity)));
  const match = filter.q ? ftsQuery(filter.q) : null;
  if (match) where.push(eitherSide(claimsMatching(match)));
  return and(...where);
}

/** The conflict queue (most severe first by default), with both claims: one list query, one count, the summaries. */
export async function listConflicts(
  db: Db,
  filter: ConflictFilter = {},
): Promise<{ items: LinkWithClaims[]; total: number }> {
  const where = conflictWhere(db, filter);
  const rows = await db
    .select(linkColumns)
    .from(links)
    .where(where)
    .orderBy(...ORDER[filter.sort ?? 'severity'])
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0);
  const counted = await db.select({ n: count() }).from(links).where(where).get();
  return { items: await attachClaims(db, rows.map(toRecord)), total: counted?.n ?? 0 };
}

export interface LinkDetail extends LinkWithClaims {
  previousA: string | null;
  previousB: string | null;
}

/** One link with both claims, their articles and the sentence before each claim. */
export async function getLink(db: Db, id: number): Promise<LinkDetail | null> {
  const row = await db.select(linkColumns).from(links).where(eq(links.id, id)).get();
  if (!row) return null;
  const [link] = await attachClaims(db, [toRecord(row)]);
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

export interface Counts {
  articles: number;
  claims: number;
  openConflicts: number;
  verifiedClaims: number;
}

export async function counts(db: Db): Promise<Counts> {
  const [a, c, o, v] = await Promise.all([
    db.select({ n: count() }).from(articles).get(),
    db.select({ n: count() }).from(claims).get(),
    db
      .select({ n: count() })
      .from(links)
      .where(and(inArray(links.relation, [...QUEUE_RELATIONS]), eq(links.status, 'open')))
      .get(),
    db.select({ n: count() }).from(claims).where(eq(claims.status, 'verified')).get(),
  ]);
  return { articles: a?.n ?? 0, claims: c?.n ?? 0, openConflicts: o?.n ?? 0, verifiedClaims: v?.n ?? 0 };
}
