// Use case: the deferred half of an ingest. On Workers an article is stored first and compared with
// the archive in a Queue consumer of its own (src/worker.ts), so that neither invocation outgrows the
// Free plan's 10 ms of CPU; see README "Budgets, measured". The comparison sees the archive as it was
// when the article came in (claims stored before its first claim), so the links are the ones an
// immediate ingest would have found, whenever the consumer runs.
import type { Db } from '../../db/client';
import { readAll } from '../../db/queries/batch';
import {
  articleCandidatesQuery,
  articleClaimsQuery,
  articleTermDfQuery,
  termStatsOf,
} from '../../db/queries/candidates';
import {
  finishCrossReference,
  finishUpkeep,
  pendingArticleIds,
  pendingArticleQuery,
  upkeepPendingIds,
} from '../../db/queries/crossref-pending';
import { crossReference } from '../core';
import { decodeSignature } from '../core/wire-copies';
import { refreshFacts } from './fact-upkeep';
import { refreshStories } from './story-upkeep';
import { announceConflicts, isHighDisagreement } from './webhooks';
import { copyGroupsOf } from './wire-copies';

/**
 * The two stages of a deferred cross-reference, each a queue message (and a Worker invocation) of its
 * own so that each fits the Free plan's 10 ms of CPU: `links` compares the article with the archive
 * and stores its links; `upkeep` then brings the facts and stories its links touch up to date.
 */
export type CrossReferenceStage = 'links' | 'upkeep';

/** Sends articles to a stage (default `links`) of the cross-reference, later (the Worker's Queue producer). */
export type CrossReferenceLater = (articleIds: number[], stage?: CrossReferenceStage) => Promise<void>;

export type CrossReferenceResult =
  | { status: 'done'; conflicts: number; corroborations: number; links: number }
  /** Nothing to do: already cross-referenced (a repeated delivery) or deleted meanwhile. */
  | { status: 'skipped' };

/** A `links` stage's result; `upkeep`: the article's facts and stories still need the upkeep stage. */
export type LinksStageResult = CrossReferenceResult & { upkeep: boolean };

/**
 * Cross-references stored article `articleId` with what was stored before it, and marks it done; then
 * its facts and stories are brought up to date. Both stages in one call: Node's sweeper, the CLI and
 * tests. The Worker runs them as two queue messages (crossReferenceLinks, then upkeepStored).
 */
export async function crossReferenceStored(db: Db, articleId: number): Promise<CrossReferenceResult> {
  const { upkeep, ...result } = await crossReferenceLinks(db, articleId);
  if (upkeep) await upkeepStored(db, articleId);
  return result;
}

/**
 * The `links` stage: two round trips — one read (the article, its claims, their terms' frequencies,
 * the candidates with theirs and their articles' wire-copy marks) and one write (the links, the copy
 * mark and the article marked done, with its upkeep pending when it gained links). A repeated
 * delivery, or an article deleted meanwhile, stores nothing; it still reports an upkeep left pending,
 * so that a lost upkeep message is sent again.
 */
export async function crossReferenceLinks(db: Db, articleId: number): Promise<LinksStageResult> {
  const [article, incoming, terms, candidates] = await readAll(db, [
    pendingArticleQuery(articleId),
    articleClaimsQuery(articleId),
    articleTermDfQuery(articleId),
    articleCandidatesQuery(articleId),
  ]);
  if (!article?.crossrefPending) return { status: 'skipped', upkeep: article?.upkeepPending ?? false };
  const links = [];
  let copyOf: number | null = null;
  if (article.firstClaimId !== null) {
    // term_stats already counts this article's claims: they were stored with it.
    const stats = termStatsOf(terms, candidates.df);
    // Wire copies of it among the articles it is compared with: never linked to it (ingest.ts too).
    const signature = decodeSignature(article.copySignature);
    const key = String(articleId);
    const groups = signature ? copyGroupsOf(candidates.copyPeers ?? [], [{ key, signature }]) : null;
    const original = groups?.originalOf[0];
    if (original && original !== key) copyOf = Number(original);
    const articleOf = new Map([...incoming, ...candidates.claims].map((c) => [c.ref, c.article]));
    // The article's claims with each other too, as an immediate ingest compares them.
    const own = new Set(incoming.map((c) => c.ref));
    for (const d of crossReference(incoming, candidates.claims, stats, article.names)) {
      // Links between two earlier claims were stored when the later of them was cross-referenced.
      if (!own.has(d.a) && !own.has(d.b)) continue;
      if (groups?.sameGroup(articleOf.get(d.a) ?? '', articleOf.get(d.b) ?? '')) continue;
      links.push({ ...d, a: Number(d.a), b: Number(d.b) });
    }
  }
  const upkeep = links.length > 0;
  if (!(await finishCrossReference(db, articleId, links, { copyOf, upkeep })))
    return { status: 'skipped', upkeep: false };
  // Webhooks subscribed to new high-severity disagreements hear of them (no read unless there is one).
  if (links.some(isHighDisagreement)) await announceConflicts(db, [articleId]);
  const conflicts = links.filter((l) => l.relation !== 'corroboration').length;
  return {
    status: 'done',
    conflicts,
    corroborations: links.length - conflicts,
    links: links.length,
    upkeep,
  };
}

/**
 * The `upkeep` stage: the facts and stories of article `articleId`'s links brought up to date (each a
 * read and, if something changes, a write: recomputed from the links, so a repeated delivery changes
 * nothing), then its upkeep marked done.
 */
export async function upkeepStored(db: Db, articleId: number): Promise<void> {
  await refreshFacts(db, [articleId]);
  await refreshStories(db, [articleId]);
  await finishUpkeep(db, articleId);
}

/** How long an article may stay pending before the sweeper sends it again (a lost or dead message). */
export const PENDING_GRACE_MS = 5 * 60 * 1000;
const SWEEP_LIMIT = 50;

/**
 * Articles still pending after PENDING_GRACE_MS (either stage): sent to `later` again, or, with no
 * queue (Node, or a queue that refuses), done here one after another. Returns how many were found.
 */
export async function sweepPending(
  db: Db,
  later: CrossReferenceLater | undefined,
  now = Date.now(),
): Promise<number> {
  const before = now - PENDING_GRACE_MS;
  const ids = await pendingArticleIds(db, before, SWEEP_LIMIT);
  const upkeep = await upkeepPendingIds(db, before, SWEEP_LIMIT);
  if (ids.length === 0 && upkeep.length === 0) return 0;
  if (later) {
    try {
      if (ids.length > 0) await later(ids, 'links');
      if (upkeep.length > 0) await later(upkeep, 'upkeep');
      return ids.length + upkeep.length;
    } catch (err) {
      console.error('crosscheck: could not queue pending articles; cross-referencing them here', err);
    }
  }
  for (const id of upkeep) await upkeepStored(db, id);
  for (const id of ids) await crossReferenceStored(db, id);
  return ids.length + upkeep.length;
}
