// Facts: the links of claims stating one measurable fact (src/services/facts.ts keeps links.fact_id).

import type { LinkStatus } from '../../src/shared/statuses';
import type { Db } from '../client';
import { readRows, runStatements, type SqlRow, type Statement } from './batch';

/** The relations that tie claims into one fact: they agree on it, or disagree on it. */
export const FACT_RELATIONS = ['conflict', 'corroboration'] as const;
const RELATIONS_SQL = `('conflict', 'corroboration')`;
const UNIT = `json_extract(l.explanation, '$.unitClass')`;

export interface FactEdge {
  id: number;
  claimA: number;
  claimB: number;
  unit: string;
  factId: number | null;
}

/**
 * Every fact link reachable from the claims of the given articles, over links of the same unit
 * family (a claim with two figures belongs to one fact per unit family): one recursive statement.
 * `+l.relation` keeps the planner off the queue's relation index, which walked every conflict in the
 * archive at each step, and `cross join` makes the last step start from the nodes, not from every
 * link; the claim indexes find a node's links directly.
 */
export function reachableFactLinks(articleIds: number[]): Statement {
  const arts = JSON.stringify(articleIds);
  return {
    sql: `with recursive node(claim, unit) as (
        select l.claim_a, ${UNIT} from links l join claims c on c.id = l.claim_a
          where c.article_id in (select value from json_each(?1)) and +l.relation in ${RELATIONS_SQL}
        union select l.claim_b, ${UNIT} from links l join claims c on c.id = l.claim_b
          where c.article_id in (select value from json_each(?1)) and +l.relation in ${RELATIONS_SQL}
        union select l.claim_b, n.unit from node n join links l on l.claim_a = n.claim
          where +l.relation in ${RELATIONS_SQL} and ${UNIT} = n.unit
        union select l.claim_a, n.unit from node n join links l on l.claim_b = n.claim
          where +l.relation in ${RELATIONS_SQL} and ${UNIT} = n.unit
      )
      select distinct l.id, l.claim_a, l.claim_b, ${UNIT} as unit, l.fact_id from node n
        cross join links l on l.claim_a = n.claim
        where +l.relation in ${RELATIONS_SQL} and ${UNIT} = n.unit and n.unit is not null`,
    args: [arts],
  };
}

export async function factEdgesOf(db: Db, articleIds: number[]): Promise<FactEdge[]> {
  if (articleIds.length === 0) return [];
  return (await readRows(db, reachableFactLinks(articleIds))).map(toEdge);
}

function toEdge(r: SqlRow): FactEdge {
  return {
    id: Number(r.id),
    claimA: Number(r.claim_a),
    claimB: Number(r.claim_b),
    unit: String(r.unit),
    factId: r.fact_id === null ? null : Number(r.fact_id),
  };
}

/** The facts an article's claims take part in (read before the article is deleted). */
export async function factIdsOfArticle(db: Db, articleId: number): Promise<number[]> {
  const rows = await readRows(db, {
    sql: `select fact_id from links where fact_id is not null
        and claim_a in (select id from claims where article_id = ?1)
      union select fact_id from links where fact_id is not null
        and claim_b in (select id from claims where article_id = ?1)`,
    args: [articleId],
  });
  return rows.map((r) => Number(r.fact_id));
}

/** The links now in the given facts: after a deletion, what is left of them, to split if need be. */
export async function factEdgesOfFacts(db: Db, factIds: number[]): Promise<FactEdge[]> {
  if (factIds.length === 0) return [];
  const rows = await readRows(db, {
    sql: `select id, claim_a, claim_b, ${UNIT} as unit, fact_id from links l
      where fact_id in (select value from json_each(?))`,
    args: [JSON.stringify(factIds)],
  });
  return rows.map(toEdge);
}

/** Fact links (conflicts and corroborations with a unit family) after link `afterId`, by id: the rebuild's pages. */
export async function factEdgesPage(db: Db, afterId: number, limit: number): Promise<FactEdge[]> {
  const rows = await readRows(db, {
    sql: `select id, claim_a, claim_b, ${UNIT} as unit, fact_id from links l
      where id > ? and relation in ${RELATIONS_SQL} and ${UNIT} is not null order by id limit ?`,
    args: [afterId, limit],
  });
  return rows.map(toEdge);
}

/** Links set per statement: a rebuild's whole archive stays under D1's bound-string size (~20 bytes a link). */
const FACT_IDS_PER_STATEMENT = 20_000;

/**
 * Sets links' fact ids in one atomic batch: one statement for every link that moves (a rebuild: one per
 * FACT_IDS_PER_STATEMENT of them), its pairs [link id, fact id] as one JSON parameter. One statement per
 * fact made an ingest batch prepare and run ~16 of them (bulk ingest, session 17).
 */
export async function setFactIds(db: Db, assign: Map<number, number[]>): Promise<void> {
  // A link named twice takes its last fact, as the statements per fact in order did.
  const factOf = new Map<number, number>();
  for (const [fact, ids] of assign) for (const id of ids) factOf.set(id, fact);
  const pairs = [...factOf];
  const statements: Statement[] = [];
  for (let i = 0; i < pairs.length; i += FACT_IDS_PER_STATEMENT)
    statements.push({
      sql: `update links set fact_id = m.fact from (select json_extract(value, '$[0]') as id,
          json_extract(value, '$[1]') as fact from json_each(?)) m where links.id = m.id`,
      args: [JSON.stringify(pairs.slice(i, i + FACT_IDS_PER_STATEMENT))],
    });
  await runStatements(db, statements);
}

export interface FactLinkRow {
  id: number;
  claimA: number;
  claimB: number;
  relation: 'conflict' | 'corroboration';
  severity: 'high' | 'medium' | 'low';
  score: number;
  status: LinkStatus;
  explanation: unknown;
}

/** A link of a fact as its outline reads it: no words, only what orders, groups and ranks the claims. */
export interface FactOutlineLink {
  id: number;
  claimA: number;
  claimB: number;
  relation: 'conflict' | 'corroboration';
  severity: 'high' | 'medium' | 'low';
  status: LinkStatus;
  unit: string;
  /** Each side's interval (an open upper bound is Infinity), or null when the link has no figure for it. */
  a: { low: number; high: number } | null;
  b: { low: number; high: number } | null;
}

/** A claim of a fact as its outline reads it: its verdict and when its article was published. */
export interface FactOutlineClaim {
  id: number;
  status: string;
  publishedAt: string | null;
}

const SIDE = (s: 'a' | 'b') =>
  `json_extract(explanation, '$.${s}.low') as ${s}_low, json_extract(explanation, '$.${s}.high') as ${s}_high,
    json_type(explanation, '$.${s}') as ${s}_type`;

/**
 * The outline of one fact, in one round trip: its links (ids, relation, status and the two intervals,
 * no sentences or explanation words) through links_fact, and its claims' verdicts and publication
 * times. The page is ordered, grouped and paged from this; only one page's words are read after it.
 */
export function factOutlineStatements(factId: number): [Statement, Statement] {
  return [
    {
      sql: `select id, claim_a, claim_b, relation, severity, status,
          json_extract(explanation, '$.unitClass') as unit, ${SIDE('a')}, ${SIDE('b')}
        from links where fact_id = ?1 order by id`,
      args: [factId],
    },
    {
      sql: `select c.id, c.status, a.published_at from claims c join articles a on a.id = c.article_id
        where c.id in (select claim_a from links where fact_id = ?1 union select claim_b from links where fact_id = ?1)`,
      args: [factId],
    },
  ];
}

function outlineSide(r: SqlRow, s: 'a' | 'b'): { low: number; high: number } | null {
  if (r[`${s}_type`] !== 'object') return null;
  const low = r[`${s}_low`];
  const high = r[`${s}_high`];
  return {
    low: low === null || low === undefined ? 0 : Number(low),
    high: high === null || high === undefined ? Number.POSITIVE_INFINITY : Number(high),
  };
}

export async function factOutline(
  db: Db,
  factId: number,
): Promise<{ links: FactOutlineLink[]; claims: FactOutlineClaim[] }> {
  const [linkRows = [], claimRows = []] = await runStatements(db, factOutlineStatements(factId), 'read');
  return {
    links: linkRows.map((r) => ({
      id: Number(r.id),
      claimA: Number(r.claim_a),
      claimB: Number(r.claim_b),
      relation: r.relation as FactOutlineLink['relation'],
      severity: r.severity as FactOutlineLink['severity'],
      status: r.status as LinkStatus,
      unit: r.unit === null || r.unit === undefined ? '' : String(r.unit),
      a: outlineSide(r, 'a'),
      b: outlineSide(r, 'b'),
    })),
    claims: claimRows.map((r) => ({
      id: Number(r.id),
      status: String(r.status),
      publishedAt: r.published_at === null || r.published_at === undefined ? null : String(r.published_at),
    })),
  };
}

/** Given links with their explanations (a fact page's figures and its listed pairs). */
export async function factLinksByIds(db: Db, ids: number[]): Promise<Map<number, FactLinkRow>> {
  const out = new Map<number, FactLinkRow>();
  if (ids.length === 0) return out;
  const rows = await readRows(db, {
    sql: `select id, claim_a, claim_b, relation, severity, score, status, explanation from links
      where id in (select value from json_each(?))`,
    args: [JSON.stringify([...new Set(ids)])],
  });
  for (const r of rows) {
    out.set(Number(r.id), {
      id: Number(r.id),
      claimA: Number(r.claim_a),
      claimB: Number(r.claim_b),
      relation: r.relation as FactLinkRow['relation'],
      severity: r.severity as FactLinkRow['severity'],
      score: Number(r.score),
      status: r.status as LinkStatus,
      explanation: typeof r.explanation === 'string' ? JSON.parse(r.explanation) : r.explanation,
    });
  }
  return out;
}

/** The fact a link belongs to now: where /facts/:id of a merged-away fact leads. */
export async function factOfLink(db: Db, linkId: number): Promise<number | null> {
  const rows = await readRows(db, { sql: 'select fact_id from links where id = ?', args: [linkId] });
  const f = rows[0]?.fact_id;
  return f === null || f === undefined ? null : Number(f);
}

/** The facts of given links (the queue groups its rows by them). */
export async function factsOfLinks(db: Db, linkIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (linkIds.length === 0) return out;
  const rows = await readRows(db, {
    sql: 'select id, fact_id from links where id in (select value from json_each(?)) and fact_id is not null',
    args: [JSON.stringify(linkIds)],
  });
  for (const r of rows) out.set(Number(r.id), Number(r.fact_id));
  return out;
}

/** Whether any fact link is in no fact yet (a database from before facts, migration 0006). */
export async function hasFactlessLinks(db: Db): Promise<boolean> {
  const rows = await readRows(db, {
    sql: `select 1 as one from links l
      where l.fact_id is null and l.relation in ${RELATIONS_SQL} and ${UNIT} is not null limit 1`,
    args: [],
  });
  return rows.length > 0;
}

export interface FactTie {
  factId: number;
  linkId: number;
  claimA: number;
  claimB: number;
  relation: string;
  /** The link's status (open, a resolution, dismissed). */
  status: LinkStatus;
  statusA: string;
  statusB: string;
}

/**
 * Of the given facts, those where something was ruled on: a claim given a verdict, or a conflict
 * resolved. Reviewed claims and resolved conflicts are few, and both are found through indexes
 * (claims_status, links_fact_queue), so this stays cheap however many links the facts have.
 */
const RULED_FACTS = `select l.fact_id from links l where l.fact_id in (select value from json_each(?1))
    and l.relation in ('conflict', 'quote_differs') and l.status in ('a_holds', 'b_holds', 'neither')
  union select l.fact_id from claims c join links l on l.claim_a = c.id
    where c.status in ('verified', 'disputed', 'false', 'unverifiable') and l.fact_id in (select value from json_each(?1))
  union select l.fact_id from claims c join links l on l.claim_b = c.id
    where c.status in ('verified', 'disputed', 'false', 'unverifiable') and l.fact_id in (select value from json_each(?1))`;

/** Every link of those of the given facts where something was ruled on, with both claims' verdicts. */
export function tiesOfFactsStatement(factIds: number[]): Statement {
  return {
    sql: `select l.fact_id, l.id, l.claim_a, l.claim_b, l.relation, l.status, ca.status as status_a, cb.status as status_b
      from links l join claims ca on ca.id = l.claim_a join claims cb on cb.id = l.claim_b
      where l.fact_id in (${RULED_FACTS})`,
    args: [JSON.stringify(factIds)],
  };
}

export async function tiesOfFacts(db: Db, factIds: number[]): Promise<FactTie[]> {
  if (factIds.length === 0) return [];
  const rows = await readRows(db, tiesOfFactsStatement(factIds));
  return rows.map((r) => ({
    factId: Number(r.fact_id),
    linkId: Number(r.id),
    claimA: Number(r.claim_a),
    claimB: Number(r.claim_b),
    relation: String(r.relation),
    status: r.status as LinkStatus,
    statusA: String(r.status_a),
    statusB: String(r.status_b),
  }));
}

/** The corroborations of the given facts: which of their claims agree (the ClaimReview export's appearances). */
export async function corroborationsOfFacts(
  db: Db,
  factIds: number[],
): Promise<{ factId: number; claimA: number; claimB: number }[]> {
  if (factIds.length === 0) return [];
  const rows = await readRows(db, {
    sql: `select fact_id, claim_a, claim_b from links
      where fact_id in (select value from json_each(?)) and +relation = 'corroboration'`,
    args: [JSON.stringify(factIds)],
  });
  return rows.map((r) => ({
    factId: Number(r.fact_id),
    claimA: Number(r.claim_a),
    claimB: Number(r.claim_b),
  }));
}
