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
  pendingArticleIds,
  pendingArticleQuery,
} from '../../db/queries/crossref-pending';
import { copyInfoOf, setCopyOf } from '../../db/queries/wire-copies';
import { crossReference } from '../core';
import { decodeSignature } from '../core/wire-copies';
import { refreshFacts } from './fact-upkeep';
import { refreshStories } from './story-upkeep';
import { announceConflicts, isHighDisagreement } from './webhooks';
import { wireCopyGroups } from './wire-copies';

/** Sends articles to be cross-referenced later (the Worker's Queue producer). */
export type CrossReferenceLater = (articleIds: number[]) => Promise<void>;

export type CrossReferenceResult =
  | { status: 'done'; conflicts: number; corroborations: number; links: number }
  /** Nothing to do: already cross-referenced (a repeated delivery) or deleted meanwhile. */
  | { status: 'skipped' };

/**
 * Cross-references stored article `articleId` with what was stored before it, and marks it done: two
 * round trips (one read of the article, its claims, their terms' frequencies and the candidates with
 * theirs; one write), which are a good part of a Worker's CPU for it over Turso (README, "Budgets,
 * measured").
 */
export async function crossReferenceStored(db: Db, articleId: number): Promise<CrossReferenceResult> {
  const [article, incoming, terms, candidates] = await readAll(db, [
    pendingArticleQuery(articleId),
    articleClaimsQuery(articleId),
    articleTermDfQuery(articleId),
    articleCandidatesQuery(articleId),
  ]);
  if (!article) return { status: 'skipped' };
  const links = [];
  if (article.firstClaimId !== null) {
    // term_stats already counts this article's claims: they were stored with it.
    const stats = termStatsOf(terms, candidates.df);
    // Wire copies of it among the articles it is compared with: never linked to it (ingest.ts too).
    const [self] = await copyInfoOf(db, [articleId]);
    const signature = decodeSignature(self?.copySignature);
    const key = String(articleId);
    const groups = signature
      ? await wireCopyGroups(
          db,
          [{ key, signature }],
          candidates.claims.map((c) => Number(c.article)),
        )
      : null;
    const original = groups?.originalOf[0];
    if (original && original !== key) await setCopyOf(db, articleId, Number(original));
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
  if (!(await finishCrossReference(db, articleId, links))) return { status: 'skipped' };
  if (links.length > 0) {
    await refreshFacts(db, [articleId]);
    await refreshStories(db, [articleId]);
    if (links.some(isHighDisagreement)) await announceConflicts(db, [articleId]);
  }
  const conflicts = links.filter((l) => l.relation !== 'corroboration').length;
  return { status: 'done', conflicts, corroborations: links.length - conflicts, links: links.length };
}

/** How long an article may stay pending before the sweeper sends it again (a lost or dead message). */
export const PENDING_GRACE_MS = 5 * 60 * 1000;
const SWEEP_LIMIT = 50;

/**
 * Articles still pending after PENDING_GRACE_MS: sent to `later` again, or, with no queue (Node, or a
 * queue that refuses), cross-referenced here one after another. Returns how many were found.
 */
export async function sweepPending(
  db: Db,
  later: CrossReferenceLater | undefined,
  now = Date.now(),
): Promise<number> {
  const ids = await pendingArticleIds(db, now - PENDING_GRACE_MS, SWEEP_LIMIT);
  if (ids.length === 0) return 0;
  if (later) {
    try {
      await later(ids);
      return ids.length;
    } catch (err) {
      console.error('crosscheck: could not queue pending articles; cross-referencing them here', err);
    }
  }
  for (const id of ids) await crossReferenceStored(db, id);
  return ids.length;
}
