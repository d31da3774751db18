// A story's page and the list of stories, as a reader sees them (src/services/stories.ts reads them;
// which articles form a story is stories.ts).
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
