// Stories: which articles form one (articles.story_id), and the pairs of articles a fact links with
// what the story rule weighs of them (src/services/story-upkeep.ts keeps the ids; the page of a story
// and the list of stories are read in story-page.ts).
import type { Db } from '../client';
import { readRows, runStatements, type SqlRow, type Statement } from './batch';

/**
 * Whether a fact link is an agreement on a figure that tells one story from another, in SQL over the
 * link's explanation: a corroboration, and not a date or time of day, nor a figure without a class,
 * nor a figure of ten or less other than a sum of money or a percentage (both sides' stated bound, an
 * open one's limit: "at least three people" is three). These are the figures `storyFigureKey`
 * (src/core/story.ts) leaves out of what tells a story: any two incidents have "five people" in them.
 */
const TELLING_AGREEMENT = `u <> '' and u not like 'date:%' and u not like 'time:%' and (u = 'percent'
    or u like 'percent:%' or u like 'money:%'
    or max(coalesce(json_extract(explanation, '$.a.high'), json_extract(explanation, '$.a.low')),
      coalesce(json_extract(explanation, '$.b.high'), json_extract(explanation, '$.b.low'))) > 10)`;

/**
 * Every two articles whose claims a fact link joins, with what the story rule weighs
 * (src/services/story-model.ts, `isStoryEdge`): how many facts join them, on how many of those they
 * agree on a telling figure, how many named entities they share, and how many each names. `linksOf`
 * selects fact links (claim_a, claim_b, fact_id, relation, explanation); every link between two
 * articles must be among them for the pair's counts of facts to be whole.
 */
const PAIRS = (linksOf: string) => `with l0 as (${linksOf}),
  l1 as (select claim_a, claim_b, fact_id, explanation,
      case when relation = 'corroboration' then coalesce(json_extract(explanation, '$.unitClass'), '') end as u
    from l0),
  fl as (select claim_a, claim_b, fact_id, coalesce(${TELLING_AGREEMENT}, 0) as agrees from l1),
  pa as (select min(ca.article_id, cb.article_id) as a, max(ca.article_id, cb.article_id) as b,
      count(distinct fl.fact_id) as facts, count(distinct case when fl.agrees then fl.fact_id end) as agreed
    from fl join claims ca on ca.id = fl.claim_a join claims cb on cb.id = fl.claim_b
    where ca.article_id <> cb.article_id group by 1, 2)
  select a, b, facts, agreed,
    (select count(*) from (select entity_key from mentions where article_id = pa.a
      intersect select entity_key from mentions where article_id = pa.b)) as shared,
    (select count(distinct entity_key) from mentions where article_id = pa.a) as entities_a,
    (select count(distinct entity_key) from mentions where article_id = pa.b) as entities_b
  from pa`;

/** Two articles a fact links, and what the story rule weighs of them. */
export interface PairEvidence {
  a: number;
  b: number;
  /** Distinct facts their claims share. */
  facts: number;
  /** Of those, the facts on which they agree on a figure that tells a story (not "five people"). */
  agreed: number;
  /** Named entities (people, organisations, places) both mention, and how many each mentions. */
  shared: number;
  entitiesA: number;
  entitiesB: number;
}

export type Pair = readonly [number, number];

function toPairs(rows: SqlRow[]): PairEvidence[] {
  return rows.map((r) => ({
    a: Number(r.a),
    b: Number(r.b),
    facts: Number(r.facts),
    agreed: Number(r.agreed),
    shared: Number(r.shared),
    entitiesA: Number(r.entities_a),
    entitiesB: Number(r.entities_b),
  }));
}

/** The story edges touching the given articles, and the articles at their ends with their stories. */
export function storyPairsStatements(articleIds: number[]): [Statement, Statement] {
  const ids = JSON.stringify(articleIds);
  const own = 'select id from claims where article_id in (select value from json_each(?1))';
  const ends = `select l.claim_a as claim_a, l.claim_b as claim_b, l.fact_id as fact_id, l.relation as relation,
      l.explanation as explanation from links l where l.fact_id is not null and l.claim_a in (${own})
    union select l.claim_a, l.claim_b, l.fact_id, l.relation, l.explanation from links l
      where l.fact_id is not null and l.claim_b in (${own})`;
  return [
    { sql: PAIRS(ends), args: [ids] },
    {
      sql: `select a.id, a.story_id from articles a where a.id in (select value from json_each(?1))
        or a.id in (select c.article_id from (${ends}) e join claims c on c.id = e.claim_a or c.id = e.claim_b)`,
      args: [ids],
    },
  ];
}

/** The story edges touching the given articles, and the current story of every article in them. */
export async function storyPairsOf(
  db: Db,
  articleIds: number[],
): Promise<{ pairs: PairEvidence[]; stories: Map<number, number | null> }> {
  const [pairRows, storyRows] = await runStatements(db, storyPairsStatements(articleIds), 'read');
  return { pairs: toPairs(pairRows ?? []), stories: storiesOf(storyRows ?? []) };
}

function storiesOf(rows: SqlRow[]): Map<number, number | null> {
  return new Map(rows.map((r) => [Number(r.id), r.story_id === null ? null : Number(r.story_id)]));
}

/** The articles of the given stories and the edges among them (after a deletion, what is left). */
export async function storyMembers(
  db: Db,
  storyIds: number[],
): Promise<{ pairs: PairEvidence[]; stories: Map<number, number | null> }> {
  const arts = 'select id from articles where story_id in (select value from json_each(?1))';
  const claimsOf = `select id from claims where article_id in (${arts})`;
  const [pairRows, storyRows] = await runStatements(
    db,
    [
      {
        sql: PAIRS(`select claim_a, claim_b, fact_id, relation, explanation from links where fact_id is not null and claim_a in (${claimsOf})
          and claim_b in (${claimsOf})`),
        args: [JSON.stringify(storyIds)],
      },
      { sql: `select id, story_id from articles where id in (${arts})`, args: [JSON.stringify(storyIds)] },
    ],
    'read',
  );
  return { pairs: toPairs(pairRows ?? []), stories: storiesOf(storyRows ?? []) };
}

/** Every story edge, and every article in a story or in an edge: the rebuild's input. */
export async function allStoryPairs(
  db: Db,
): Promise<{ pairs: PairEvidence[]; stories: Map<number, number | null> }> {
  const [pairRows, storyRows] = await runStatements(
    db,
    [
      {
        sql: PAIRS(
          'select claim_a, claim_b, fact_id, relation, explanation from links where fact_id is not null',
        ),
        args: [],
      },
      {
        sql: `select id, story_id from articles where story_id is not null or id in
          (select c.article_id from links l join claims c on c.id = l.claim_a or c.id = l.claim_b where l.fact_id is not null)`,
        args: [],
      },
    ],
    'read',
  );
  return { pairs: toPairs(pairRows ?? []), stories: storiesOf(storyRows ?? []) };
}

/** The story an article is in (read before it is deleted). */
export async function storyOfArticle(db: Db, articleId: number): Promise<number | null> {
  const rows = await readRows(db, { sql: 'select story_id from articles where id = ?', args: [articleId] });
  const s = rows[0]?.story_id;
  return s === null || s === undefined ? null : Number(s);
}

/** Moves whole stories (renames: a merge) and single articles, in one atomic batch. */
export async function setStoryIds(
  db: Db,
  renames: Map<number, number>,
  articles: Map<number, number | null>,
): Promise<void> {
  const statements: Statement[] = [...renames].map(([from, to]) => ({
    sql: 'update articles set story_id = ? where story_id = ?',
    args: [to, from],
  }));
  const byStory = new Map<number | null, number[]>();
  for (const [a, s] of articles) byStory.set(s, [...(byStory.get(s) ?? []), a]);
  for (const [s, ids] of byStory)
    statements.push({
      sql: 'update articles set story_id = ? where id in (select value from json_each(?))',
      args: [s, JSON.stringify(ids)],
    });
  await runStatements(db, statements);
}

/** Whether any link belongs to a fact, and whether any article is in a story (one cheap read each). */
export async function factsAndStoriesExist(db: Db): Promise<{ facts: boolean; stories: boolean }> {
  const [row] = await readRows(db, {
    sql: `select (select 1 from links where fact_id is not null limit 1) as facts,
      (select 1 from articles where story_id is not null limit 1) as stories`,
    args: [],
  });
  return { facts: row?.facts != null, stories: row?.stories != null };
}
