// Use case: keeping stories (articles.story_id) equal to the connected groups of articles joined by
// story edges (two articles a fact links that share two facts or much of the entities they name) —
// after an ingest's facts are refreshed, after a deletion, and for a whole database
// (`npm run facts:rebuild`). The grouping and the edge rule are story-model.ts (pure).
import type { Db } from '../../db/client';
import {
  allStoryPairs,
  factsAndStoriesExist,
  type Pair,
  setStoryIds,
  storyMembers,
  storyPairsOf,
} from '../../db/queries/stories';
import { storyAssignments, storyEdges } from './story-model';

/**
 * After an ingest: the new articles join, form or merge stories. One read (their story edges and the
 * stories of the articles at the other end) and, if something changes, one write that renames whole
 * stories (a merge keeps the older id) and sets the new articles'.
 */
export async function refreshStories(db: Db, articleIds: number[]): Promise<void> {
  const read = await storyPairsOf(db, articleIds);
  const { stories } = read;
  const pairs = storyEdges(read.pairs);
  if (pairs.length === 0) return;
  // Articles already in one story are connected through articles this read does not see.
  const first = new Map<number, number>();
  const together: Pair[] = [];
  for (const [a, s] of stories) {
    if (s === null) continue;
    const f = first.get(s);
    if (f === undefined) first.set(s, a);
    else together.push([f, a]);
  }
  const renames = new Map<number, number>();
  const moves = new Map<number, number | null>();
  for (const [a, s] of storyAssignments(stories, [...pairs, ...together])) {
    if (s === null) continue; // alone in this view, not in the story
    const old = stories.get(a) ?? null;
    if (old !== null) renames.set(old, s);
    else moves.set(a, s);
  }
  if (renames.size || moves.size) await setStoryIds(db, renames, moves);
}

/** After a deletion: what is left of the given stories splits into the parts still connected. */
export async function refreshStoriesOf(db: Db, storyIds: number[]): Promise<void> {
  if (storyIds.length === 0) return;
  const { pairs, stories } = await storyMembers(db, storyIds);
  const moves = storyAssignments(stories, storyEdges(pairs));
  if (moves.size) await setStoryIds(db, new Map(), moves);
}

/** Recomputes every story from the facts; returns how many stories there are and how many articles moved. */
export async function rebuildStories(db: Db, apply = true): Promise<{ stories: number; moved: number }> {
  const { pairs, stories } = await allStoryPairs(db);
  const moves = storyAssignments(stories, storyEdges(pairs));
  if (apply && moves.size) await setStoryIds(db, new Map(), moves);
  const after = new Map(stories);
  for (const [a, s] of moves) after.set(a, s);
  return { stories: new Set([...after.values()].filter((s) => s !== null)).size, moved: moves.size };
}

/** A database from before stories (migration 0007): facts exist, no article is in a story yet. */
export async function needsStoryBackfill(db: Db): Promise<boolean> {
  const { facts, stories } = await factsAndStoriesExist(db);
  return facts && !stories;
}
