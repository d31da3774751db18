// Use case: the deferred half of an ingest. On Workers an article is stored first and compared with
// the archive in a Queue consumer of its own (src/worker.ts), so that neither invocation outgrows the
// Free plan's 10 ms of CPU; see README "Budgets, measured". The comparison sees the archive as it was
// when the article came in (claims stored before its first claim), so the links are the ones an
// immediate ingest would have found, whenever the consumer runs.
import type { Db } from '../../db/client';
import { readAll } from '../../db/queries/batch';
import { articleCandidatesQuery, articleClaimsQuery, chunkOffset } from '../../db/queries/candidates';
import { storePart } from '../../db/queries/crossref-parts';
import {
  finishCrossReference,
  finishUpkeep,
  pendingArticleIds,
  pendingArticleQuery,
  upkeepPendingIds,
} from '../../db/queries/crossref-pending';
import { articleTermDfQuery, termStatsOf } from '../../db/queries/term-stats';
import {
  type CrossReferencePart,
  crossReference,
  crossReferencePart,
  joinParts,
  type LinkDraft,
} from '../core';
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

/**
 * Sends articles to a stage (default `links`) of the cross-reference, later (the Worker's Queue
 * producer); for `links`, from chunk `chunk` of their candidates (default 0).
 */
export type CrossReferenceLater = (
  articleIds: number[],
  stage?: CrossReferenceStage,
  chunk?: number,
) => Promise<void>;

export type CrossReferenceResult =
  | { status: 'done'; conflicts: number; corroborations: number; links: number }
  /** Nothing to do: already cross-referenced (a repeated delivery) or deleted meanwhile. */
  | { status: 'skipped' };

/**
 * A `links` stage's result; `upkeep`: the article's facts and stories still need the upkeep stage;
 * `next`: the chunk of candidates to compare next, in a message of its own (the article stays pending).
 */
export type LinksStageResult =
  | (CrossReferenceResult & { upkeep: boolean; next?: undefined })
  | { status: 'part'; upkeep: false; next: number };

/**
 * Cross-references stored article `articleId` with what was stored before it, and marks it done; then
 * its facts and stories are brought up to date. Both stages in one call: Node's sweeper, the CLI and
 * tests. The Worker runs them as queue messages (crossReferenceLinks, a chunk of candidates each,
 * then upkeepStored).
 */
export async function crossReferenceStored(db: Db, articleId: number): Promise<CrossReferenceResult> {
  const result = await crossReferenceLinks(db, articleId);
  if (result.status === 'part') throw new Error('a links stage without chunks stored a part');
  const { upkeep, next: _, ...done } = result;
  if (upkeep) await upkeepStored(db, articleId);
  return done;
}

/**
 * Candidates per Worker invocation of the links stage: more are compared in chunks of this many, one
 * queue message each, then one more message joins the parts (src/core/crossref/parts.ts); see
 * docs/performance.md, "The links stage in chunks".
 */
export const LINKS_CHUNK = 30;

export interface LinksStageOptions {
  /** Compare the candidates in chunks of this many (default: all at once). */
  chunkSize?: number;
  /** The chunk to compare (default 0, the first; it also compares the article's claims with each other). */
  chunk?: number;
}

/**
 * The `links` stage: two round trips — one read (the article, its claims, their terms' frequencies,
 * the candidates with theirs and their articles' wire-copy marks) and one write (the links, the copy
 * mark and the article marked done, with its upkeep pending when it gained links). A repeated
 * delivery, or an article deleted meanwhile, stores nothing; it still reports an upkeep left pending,
 * so that a lost upkeep message is sent again.
 *
 * With `chunkSize`, and more candidates than that, it runs one chunk (chunk 0: the article's claims
 * among themselves; chunk i: the i-th `chunkSize` candidates), stores its part and names the next
 * chunk (`next`); the chunk after the last (the join) reads the parts, joins them and finishes as above. Parts that do not fit together (one lost, or the archive changed between chunks:
 * their candidate totals differ) start the article over at chunk 0.
 */
export async function crossReferenceLinks(
  db: Db,
  articleId: number,
  { chunkSize, chunk = 0 }: LinksStageOptions = {},
): Promise<LinksStageResult> {
  const slice = chunkSize === undefined ? undefined : { index: chunk, size: chunkSize };
  const [article, incoming, terms, candidates] = await readAll(db, [
    pendingArticleQuery(articleId),
    articleClaimsQuery(articleId),
    articleTermDfQuery(articleId),
    articleCandidatesQuery(articleId, slice),
  ]);
  if (!article?.crossrefPending) return { status: 'skipped', upkeep: article?.upkeepPending ?? false };
  const links = [];
  let copyOf: number | null = null;
  if (article.firstClaimId !== null) {
    // term_stats already counts this article's claims: they were stored with it.
    const stats = termStatsOf(terms, candidates.df);
    const articleOf = new Map([...incoming, ...candidates.claims].map((c) => [c.ref, c.article]));
    let drafts: LinkDraft[];
    const total = candidates.total ?? 0;
    if (slice && (total > slice.size || slice.index > 0)) {
      // A later chunk finding that the candidates fit in one now (the archive changed): start over.
      if (total <= slice.size) return { status: 'part', upkeep: false, next: 0 };
      const offset = chunkOffset(slice);
      if (slice.index === 0 || offset < total) {
        // Chunk 0: the article's claims among themselves; then the candidates, a chunk each.
        const part = crossReferencePart(
          incoming,
          slice.index === 0 ? [] : candidates.claims,
          stats,
          article.names,
          {
            offset,
            ownPairs: slice.index === 0,
          },
        );
        const refs = refsOf(part);
        const body = { part, articleOf: [...articleOf].filter(([ref]) => refs.has(ref)) };
        if (!(await storePart(db, articleId, { chunk: slice.index, total, body })))
          return { status: 'skipped', upkeep: false };
        return { status: 'part', upkeep: false, next: slice.index + 1 };
      }
      // Past the last chunk: the join. Every chunk's part must be there, from one run.
      const parts = candidates.parts ?? [];
      if (parts.length !== slice.index || parts.some((p, i) => p.chunk !== i || p.total !== total))
        return { status: 'part', upkeep: false, next: 0 };
      for (const p of parts) for (const [ref, a] of p.body.articleOf) articleOf.set(ref, a);
      drafts = joinParts(parts.map((p) => p.body.part));
    } else drafts = crossReference(incoming, candidates.claims, stats, article.names);
    // Wire copies of it among the articles it is compared with, and the article whose very text it is
    // (marked when it was stored): never linked to it (ingest.ts too).
    const signature = decodeSignature(article.copySignature);
    const key = String(articleId);
    const copyOfStored = article.copyOf === null ? undefined : String(article.copyOf);
    const groups = signature
      ? copyGroupsOf(candidates.copyPeers ?? [], [{ key, signature, copyOf: copyOfStored }])
      : null;
    const original = groups?.originalOf[0];
    if (original && original !== key) copyOf = Number(original);
    // The article's claims with each other too, as an immediate ingest compares them.
    const own = new Set(incoming.map((c) => c.ref));
    for (const d of drafts) {
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

/** The claims a part's links (and their second readings) name. */
function refsOf(part: CrossReferencePart): Set<string> {
  const refs = new Set<string>();
  for (const l of part.links)
    for (const d of [l.link, ...l.others.map((o) => o.link)]) {
      refs.add(d.a);
      refs.add(d.b);
    }
  return refs;
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
