// Use case: stories — groups of articles about one event — read as a page: its outlets, each fact with
// every outlet's figures, and an outlet × outlet agreement matrix; and the list of stories.
import type { Db } from '../../db/client';
import { listStories, readStory, type StorySummaryRow, storyOfArticle } from '../../db/queries/stories';
import { NotFoundError } from './errors';
import { type OutletPair, outletPairs, type StoryArticle, type StoryFact, storyFacts } from './story-model';

export type { OutletPair, StoryArticle, StoryFact } from './story-model';
export type StorySummary = StorySummaryRow;

export interface StoryView {
  id: number;
  /** The founding article's title (the one whose id the story has), else the first report's. */
  title: string;
  articles: StoryArticle[];
  /** Outlets in order of their first report. */
  outlets: string[];
  facts: StoryFact[];
  pairs: OutletPair[];
}

/** The story page: one round trip (its articles, and the fact links between their claims). */
export async function storyDetail(db: Db, id: number): Promise<StoryView | { movedTo: number }> {
  const { articles, links } = await readStory(db, id);
  if (articles.length === 0) {
    // A story merged into another keeps its founding article, which leads there.
    const now = await storyOfArticle(db, id);
    if (now !== null && now !== id) return { movedTo: now };
    throw new NotFoundError(`There is no story ${id}.`);
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  return {
    id,
    title: (byId.get(id) ?? articles[0])?.title ?? '',
    articles,
    outlets: [...new Set(articles.map((a) => a.outlet))],
    facts: storyFacts(links, byId),
    pairs: outletPairs(links, byId),
  };
}

export async function storyList(db: Db): Promise<StorySummary[]> {
  return listStories(db, 100);
}
