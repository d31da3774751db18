// Use case: keeping facts (links.fact_id) equal to the connected components of their links — after an
// ingest stores links, after a deletion takes some away, and for a whole database at once
// (`npm run facts:rebuild`). The components themselves are worked out in fact-model.ts (pure).
import type { Db } from '../../db/client';
import {
  type FactEdge,
  factEdgesOf,
  factEdgesOfFacts,
  factEdgesPage,
  hasFactlessLinks,
  setFactIds,
} from '../../db/queries/facts';
import { factAssignments } from './fact-model';
import { needsStoryBackfill, rebuildStories } from './story-upkeep';

/**
 * Brings the facts of the given articles' claims up to date with their links: one read (every fact
 * link reachable from them, same unit family) and one write (only links whose fact changes). Called
 * after an ingest stores links, on Node and in the Worker's queue consumer.
 */
export async function refreshFacts(db: Db, articleIds: number[]): Promise<void> {
  await write(db, factAssignments(await factEdgesOf(db, articleIds)));
}

/**
 * Splits what is left of the given facts into their connected components, after a deletion took
 * links away: the part holding a fact's founding link keeps its id, every other part becomes a fact
 * of its own. One read and (only if something moves) one write.
 */
export async function refreshFactsOf(db: Db, factIds: number[]): Promise<void> {
  await write(db, factAssignments(await factEdgesOfFacts(db, factIds)));
}

export interface RebuildResult {
  /** Fact links read. */
  links: number;
  /** Facts they form. */
  facts: number;
  /** Links whose fact changed (0 when the database was consistent). */
  moved: number;
}

/**
 * Recomputes every fact from the links: puts the links of a database from before facts into facts
 * (migration 0006 left them null) and splits facts a deletion left disconnected before deletions
 * kept them. Reads the fact links 5,000 at a time, writes only the links that move, in one batch.
 */
export async function rebuildFacts(db: Db): Promise<RebuildResult> {
  return recompute(db, true);
}

/** What rebuildFacts would change, changing nothing. */
export async function checkFacts(db: Db): Promise<RebuildResult> {
  return recompute(db, false);
}

async function recompute(db: Db, apply: boolean): Promise<RebuildResult> {
  const edges: FactEdge[] = [];
  for (let after = 0; ; ) {
    const page = await factEdgesPage(db, after, 5000);
    edges.push(...page);
    if (page.length < 5000) break;
    after = page.at(-1)?.id ?? after;
  }
  const assign = factAssignments(edges);
  if (apply) await write(db, assign);
  const moved = new Map(edges.map((e) => [e.id, e.factId]));
  for (const [fact, ids] of assign) for (const id of ids) moved.set(id, fact);
  return {
    links: edges.length,
    facts: new Set(moved.values()).size,
    moved: [...assign.values()].reduce((n, ids) => n + ids.length, 0),
  };
}

/**
 * The Node server's start: a database from before facts (0006) or stories (0007) gets them; a cheap
 * check and nothing more afterwards.
 */
export async function backfillFactsIfNeeded(db: Db): Promise<RebuildResult | null> {
  const facts = (await hasFactlessLinks(db)) ? await rebuildFacts(db) : null;
  if (facts || (await needsStoryBackfill(db))) await rebuildStories(db);
  return facts;
}

async function write(db: Db, assign: Map<number, number[]>): Promise<void> {
  if (assign.size) await setFactIds(db, assign);
}
