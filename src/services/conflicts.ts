// Use case: the conflict queue and one conflict side by side, with the word diff of the two claims.
import type { Db } from '../../db/client';
import { counts, getLink, listConflicts } from '../../db/queries/links';
import { listReviews } from '../../db/queries/reviews';
import { listSources } from '../../db/queries/sources';
import { wordDiff } from '../core';
import { NotFoundError } from './errors';
import type { QueueQuery } from './queries';

export async function conflictQueue(db: Db, query: QueueQuery) {
  const [list, totals, outlets] = await Promise.all([listConflicts(db, query), counts(db), listSources(db)]);
  return { ...list, counts: totals, outlets: outlets.map((o) => o.name), query };
}

export type ConflictQueue = Awaited<ReturnType<typeof conflictQueue>>;

export async function conflictDetail(db: Db, id: number) {
  const link = await getLink(db, id);
  if (!link) throw new NotFoundError(`There is no conflict ${id}.`);
  const [reviews, reviewsA, reviewsB] = await Promise.all([
    listReviews(db, { type: 'link', id }),
    listReviews(db, { type: 'claim', id: link.claimA }),
    listReviews(db, { type: 'claim', id: link.claimB }),
  ]);
  return { link, diff: wordDiff(link.a.text, link.b.text), reviews, reviewsA, reviewsB };
}

export type ConflictDetail = Awaited<ReturnType<typeof conflictDetail>>;
