// Use case: stories — groups of articles about one event — read as a page: its outlets, a page of its
// facts with every outlet's figures, a page of its articles, and an outlet × outlet agreement matrix;
// and the list of stories.
import type { Db } from '../../db/client';
import { storyOfArticle } from '../../db/queries/stories';
import { listStories, readStoryPage, type StorySummaryRow } from '../../db/queries/story-page';
import { NotFoundError } from './errors';
import {
  type OutletMatrix,
  type OutletPair,
  outletMatrix,
  outletPairs,
  type StoryArticle,
  type StoryFact,
  storyFacts,
} from './story-model';

export type { OutletMatrix, OutletPair, StoryArticle, StoryFact } from './story-model';
export type StorySummary = StorySummaryRow;

/** Facts and articles per page of a story, and the most outlets the heat map draws one by one. */
export const STORY_FACTS_PER_PAGE = 10;
export const STORY_ARTICLES_PER_PAGE = 50;
export const MATRIX_OUTLETS = 12;

/** Which page of a list this is: its number (from 1), items per page, and how many pages there are. */
export interface PageOf {
  number: number;
  size: number;
  pages: number;
}

export interface StoryView {
  id: number;
  /** The founding article's title (the one whose id the story has), else the first report's. */
  title: string;
  /** This page of its articles, oldest report first. */
  articles: StoryArticle[];
  /** Every outlet, in order of its first report. */
  outlets: string[];
  /** This page of its facts: those the outlets disagree on first, then the most widely reported. */
  facts: StoryFact[];
  /** Per pair of outlets, over the whole story, how many figures agree and disagree. */
  pairs: OutletPair[];
  /** The heat map as drawn: at most MATRIX_OUTLETS outlets, the others folded into one row and column. */
  matrix: OutletMatrix;
  totals: { articles: number; outlets: number; facts: number; disputed: number };
  page: { facts: PageOf; articles: PageOf };
}

const pages = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/**
 * One page of a story: two round trips (its totals, outlets, a page of its articles, a page of its
 * facts and the outlet counts; then the links of that page's facts), each bounded by the page.
 */
export async function storyDetail(
  db: Db,
  id: number,
  page: { facts: number; articles: number } = { facts: 1, articles: 1 },
): Promise<StoryView | { movedTo: number }> {
  const read = await readStoryPage(db, {
    storyId: id,
    facts: { offset: (page.facts - 1) * STORY_FACTS_PER_PAGE, limit: STORY_FACTS_PER_PAGE },
    articles: { offset: (page.articles - 1) * STORY_ARTICLES_PER_PAGE, limit: STORY_ARTICLES_PER_PAGE },
  });
  if (read.totals.articles === 0) {
    // A story merged into another keeps its founding article, which leads there.
    const now = await storyOfArticle(db, id);
    if (now !== null && now !== id) return { movedTo: now };
    throw new NotFoundError(`There is no story ${id}.`);
  }
  const articlePages = pages(read.totals.articles, STORY_ARTICLES_PER_PAGE);
  if (page.articles > articlePages) {
    throw new NotFoundError(
      `Story ${id} has ${articlePages} ${articlePages === 1 ? 'page' : 'pages'} of articles; there is no page ${page.articles}.`,
    );
  }
  // The facts are counted beside a page of them: a page past the last reads none, and no count.
  if (page.facts > 1 && read.facts.length === 0) {
    throw new NotFoundError(`Story ${id} has no page ${page.facts} of facts.`);
  }
  const factPages = pages(read.totals.facts, STORY_FACTS_PER_PAGE);
  const facts = storyFacts(read.facts, read.drawn);
  const pairs = outletPairs(read.pairs);
  return {
    id,
    title: read.title,
    articles: read.articles,
    outlets: read.outlets,
    facts,
    pairs,
    matrix: outletMatrix(read.outlets, pairs, MATRIX_OUTLETS),
    totals: read.totals,
    page: {
      facts: { number: page.facts, size: STORY_FACTS_PER_PAGE, pages: factPages },
      articles: { number: page.articles, size: STORY_ARTICLES_PER_PAGE, pages: articlePages },
    },
  };
}

export async function storyList(db: Db): Promise<StorySummary[]> {
  return listStories(db, 100);
}
