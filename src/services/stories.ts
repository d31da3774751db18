// Use case: stories — groups of articles about one event — read as a page: its outlets, each fact with
// every outlet's figures, and an outlet × outlet agreement matrix; and the list of stories.
import type { Db } from '../../db/client';
import { listStories, readStory, type StorySummaryRow, storyOfArticle } from '../../db/queries/stories';
import { NotFoundError } from './errors';
import {
  type OutletPair,
  outletPairs,
  type StoryArticle,
  type StoryFact,
  type StoryLink,
  storyFacts,
} from './story-model';

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
  const [articleRows = [], linkRows = []] = await readStory(db, id);
  if (articleRows.length === 0) {
    // A story merged into another keeps its founding article, which leads there.
    const now = await storyOfArticle(db, id);
    if (now !== null && now !== id) return { movedTo: now };
    throw new NotFoundError(`There is no story ${id}.`);
  }
  const articles = articleRows.map(
    (r): StoryArticle => ({
      id: Number(r.id),
      title: String(r.title),
      outlet: String(r.outlet),
      publishedAt: r.published_at === null ? null : String(r.published_at),
    }),
  );
  const byId = new Map(articles.map((a) => [a.id, a]));
  const links = linkRows.map(
    (r): StoryLink => ({
      factId: Number(r.fact_id),
      unit: String(r.unit ?? ''),
      relation: r.relation as StoryLink['relation'],
      status: String(r.status),
      claimA: Number(r.claim_a),
      claimB: Number(r.claim_b),
      articleA: Number(r.article_a),
      articleB: Number(r.article_b),
      textA: String(r.text_a ?? ''),
      textB: String(r.text_b ?? ''),
    }),
  );
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
