// Stories: articles joined by shared facts and entities (src/services/story-upkeep.ts keeps
// articles.story_id; src/services/stories.ts reads a story's page and the list).
import type { Db } from '../client';
import { readRows, runStatements, type SqlRow, type Statement } from './batch';

/**
 * What a page of a story draws of its facts, read without the links themselves (a fact of a story copied
 * round after round has thousands): each claim once, with its figure as the last link to it words it and
 * its outlet; the agreeing pairs (what groups the figures); and each fact's unit family.
 */
export interface StoryFactsRead {
  claims: { factId: number; claimId: number; text: string; outlet: string }[];
  agreements: { factId: number; claimA: number; claimB: number }[];
  units: Map<number, string>;
}

/** An article of a story, with its outlet. */
export interface StoryArticle {
  id: number;
  title: string;
  outlet: string;
  publishedAt: string | null;
}

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

/**
 * The fact links between a story's claims, with both articles' outlets: everything the story page
 * aggregates and draws reads this one pass over them (materialised once per statement).
 */
const STORY_LINKS = `story_links as materialized (select l.id, l.fact_id, l.relation, l.status, l.claim_a, l.claim_b,
      a.source_id as sa, b.source_id as sb
    from articles a join claims ca on ca.article_id = a.id join links l on l.claim_a = ca.id
      join claims cb on cb.id = l.claim_b join articles b on b.id = cb.article_id
    where a.story_id = ?1 and b.story_id = ?1 and l.fact_id is not null)`;

/** What one page of a story asks for: which page of its facts, and which of its articles. */
export interface StoryPageRequest {
  storyId: number;
  facts: { offset: number; limit: number };
  articles: { offset: number; limit: number };
}

/** A fact of a story as its list orders it: open conflicts first, then the most outlets. */
export interface StoryFactHead {
  factId: number;
  conflicts: number;
  openConflicts: number;
  outlets: number;
}

/** Per pair of outlets (as stored: either order), how many of their linked figures agree and disagree. */
export interface OutletPairCount {
  a: string;
  b: string;
  agree: number;
  disagree: number;
}

export interface StoryPageRead {
  /** The founding article's title (the one whose id the story has), else the first report's. */
  title: string;
  /** The story's size: articles, outlets, facts, and facts with conflicting figures. */
  totals: { articles: number; outlets: number; facts: number; disputed: number };
  /** Outlets in order of their first report. */
  outlets: string[];
  articles: StoryArticle[];
  facts: StoryFactHead[];
  pairs: OutletPairCount[];
  /** What the page's facts draw: their claims, agreeing pairs and units. */
  drawn: StoryFactsRead;
}

/**
 * One page of a story in one round trip: its totals, outlets, a page of its articles (oldest report
 * first), a page of its facts (aggregated over the story's fact links in SQL), and the outlet × outlet
 * counts. What leaves the database is bounded by the pages and the number of outlets, not the story.
 */
export function storyPageStatements(r: StoryPageRequest): Statement[] {
  return [
    {
      sql: `select (select count(*) from articles where story_id = ?1) as articles,
          (select count(distinct source_id) from articles where story_id = ?1) as outlets,
          coalesce((select title from articles where id = ?1 and story_id = ?1),
            (select title from articles where story_id = ?1 order by coalesce(published_at, '9999'), id limit 1)) as title`,
      args: [r.storyId],
    },
    {
      sql: `select s.name from articles a join sources s on s.id = a.source_id where a.story_id = ?1
        group by s.id order by min(coalesce(a.published_at, '9999') || printf('%015d', a.id))`,
      args: [r.storyId],
    },
    {
      sql: `select a.id, a.title, a.published_at, s.name as outlet from articles a join sources s on s.id = a.source_id
        where a.story_id = ?1 order by coalesce(a.published_at, '9999'), a.id limit ?2 offset ?3`,
      args: [r.storyId, r.articles.limit, r.articles.offset],
    },
    storyLinksPageStatement(r),
  ];
}

/**
 * Everything the story page reads of the story's fact links, in one statement over one pass of them
 * (STORY_LINKS: a large story has tens of thousands, each a wide row to read; three statements read
 * them three times). Rows by `kind`:
 * - `fact`: a page of the facts (open conflicts first, then the most outlets), `n1`–`n3` its
 *   conflicts, open conflicts and outlets, `n4`/`n5` the story's facts and disputed facts, `n6` its place;
 * - `pair`: per pair of outlets (`a`, `b`), `n1` agreeing and `n2` disagreeing links;
 * - `claim`: a claim (`n2`) of a page fact (`n1`) with its outlet (`a`) and its figure's words (`b`),
 *   as the last link to it (by id) words them;
 * - `agree`: a corroboration of a page fact (`n1`) between claims `n2` and `n3`;
 * - `unit`: a page fact's (`n1`) unit family (`b`), as its first link gives it.
 */
export function storyLinksPageStatement(r: StoryPageRequest): Statement {
  return {
    sql: `with ${STORY_LINKS},
      per_fact as (select fact_id, sum(relation = 'conflict') as conflicts,
          sum(relation = 'conflict' and status = 'open') as open_conflicts from story_links group by fact_id),
      fact_outlets as (select fact_id, count(distinct src) as outlets from
          (select fact_id, sa as src from story_links union all select fact_id, sb from story_links) group by fact_id),
      page as materialized (select pf.fact_id, pf.conflicts, pf.open_conflicts, fo.outlets,
          count(*) over () as facts, sum(pf.conflicts > 0) over () as disputed,
          row_number() over (order by pf.open_conflicts desc, fo.outlets desc, pf.fact_id) as place
        from per_fact pf join fact_outlets fo using (fact_id)
        order by pf.open_conflicts desc, fo.outlets desc, pf.fact_id limit ?2 offset ?3),
      fl as (select sl.* from story_links sl where sl.fact_id in (select fact_id from page)),
      ends as (select fact_id, claim_a as claim, id, 0 as side, sa as src from fl
        union all select fact_id, claim_b, id, 1, sb from fl),
      last as (select fact_id, claim, max(id) as id, side, src from ends group by fact_id, claim)
    select 'fact' as kind, fact_id as n1, conflicts as n2, open_conflicts as n3, outlets as n4, facts as n5,
        disputed as n6, place as n7, null as a, null as b from page
    union all
    select 'pair', sum(sl.relation = 'corroboration'), sum(sl.relation <> 'corroboration' and sl.status <> 'dismissed'),
        null, null, null, null, null, sa.name, sb.name
      from story_links sl join sources sa on sa.id = sl.sa join sources sb on sb.id = sl.sb group by sl.sa, sl.sb
    union all
    select 'claim', last.fact_id, last.claim, null, null, null, null, null, s.name,
        json_extract(l.explanation, iif(last.side, '$.b.text', '$.a.text'))
      from last join links l on l.id = last.id join sources s on s.id = last.src
    union all
    select 'agree', fact_id, claim_a, claim_b, null, null, null, null, null, null from fl where relation = 'corroboration'
    union all
    select 'unit', f.fact_id, null, null, null, null, null, null, null, json_extract(l.explanation, '$.unitClass')
      from (select fact_id, min(id) as id from fl group by fact_id) f join links l on l.id = f.id`,
    args: [r.storyId, r.facts.limit, r.facts.offset],
  };
}

export async function readStoryPage(db: Db, r: StoryPageRequest): Promise<StoryPageRead> {
  const [totalRows = [], outletRows = [], articleRows = [], linkRows = []] = await runStatements(
    db,
    storyPageStatements(r),
    'read',
  );
  const t = totalRows[0] ?? {};
  const facts: (StoryFactHead & { place: number; facts: number; disputed: number })[] = [];
  const pairs: OutletPairCount[] = [];
  const drawn: StoryFactsRead = { claims: [], agreements: [], units: new Map() };
  for (const row of linkRows) {
    const n = (k: string) => Number(row[k]);
    if (row.kind === 'fact')
      facts.push({
        factId: n('n1'),
        conflicts: n('n2'),
        openConflicts: n('n3'),
        outlets: n('n4'),
        facts: n('n5'),
        disputed: n('n6'),
        place: n('n7'),
      });
    else if (row.kind === 'pair')
      pairs.push({ a: String(row.a), b: String(row.b), agree: n('n1'), disagree: n('n2') });
    else if (row.kind === 'claim')
      drawn.claims.push({
        factId: n('n1'),
        claimId: n('n2'),
        outlet: String(row.a),
        text: String(row.b ?? ''),
      });
    else if (row.kind === 'agree')
      drawn.agreements.push({ factId: n('n1'), claimA: n('n2'), claimB: n('n3') });
    else if (row.kind === 'unit') drawn.units.set(n('n1'), String(row.b ?? ''));
  }
  facts.sort((x, y) => x.place - y.place);
  return {
    title: String(t.title ?? ''),
    totals: {
      articles: Number(t.articles ?? 0),
      outlets: Number(t.outlets ?? 0),
      // Counted beside the page's facts (a window over them all): past the last page, none are read.
      facts: facts[0]?.facts ?? 0,
      disputed: facts[0]?.disputed ?? 0,
    },
    outlets: outletRows.map((o) => String(o.name)),
    articles: articleRows.map(toStoryArticle),
    facts: facts.map(({ factId, conflicts, openConflicts, outlets }) => ({
      factId,
      conflicts,
      openConflicts,
      outlets,
    })),
    pairs,
    drawn,
  };
}

const toStoryArticle = (r: SqlRow): StoryArticle => ({
  id: Number(r.id),
  title: String(r.title),
  outlet: String(r.outlet),
  publishedAt: r.published_at === null ? null : String(r.published_at),
});

export interface StorySummaryRow {
  id: number;
  articles: number;
  outlets: string[];
  title: string;
  latest: string | null;
}

/** Stories, the most recently added to first: id, size, outlets and the first article's title. */
export async function listStories(db: Db, limit: number): Promise<StorySummaryRow[]> {
  const rows = await readRows(db, {
    sql: `select a.story_id as id, count(*) as n, json_group_array(distinct s.name) as outlets,
        coalesce((select title from articles f where f.id = a.story_id), min(a.title)) as title,
        max(a.published_at) as latest
      from articles a join sources s on s.id = a.source_id where a.story_id is not null
      group by a.story_id order by max(a.id) desc limit ?`,
    args: [limit],
  });
  return rows.map((r) => ({
    id: Number(r.id),
    articles: Number(r.n),
    outlets: JSON.parse(String(r.outlets)) as string[],
    title: String(r.title ?? ''),
    latest: r.latest === null ? null : String(r.latest),
  }));
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
