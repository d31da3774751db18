// Use case: the conflict queue and one conflict side by side, with the word diff of the two claims.
import type { Db } from '../../db/client';
import { type ConflictFilter, counts, getLink, listConflicts } from '../../db/queries/links';
import { listReviewers, listReviews } from '../../db/queries/reviews';
import { listSources } from '../../db/queries/sources';
import type { User } from '../auth/user';
import { wordDiff } from '../core';
import { NotFoundError } from './errors';
import type { QueueQuery } from './queries';

/** The queue's assignee parameter for the query layer: "me" is the signed-in login, "none" unassigned. */
export function assigneeFilter(query: QueueQuery, user: User | null): ConflictFilter['assignee'] | false {
  if (!query.assignee) return undefined;
  if (query.assignee === 'none') return null;
  if (query.assignee === 'me') return user ? user.login : false;
  return query.assignee;
}

export async function conflictQueue(db: Db, query: QueueQuery, user: User | null = null) {
  const assignee = assigneeFilter(query, user);
  const [list, totals, outlets, reviewers] = await Promise.all([
    // "my queue" without a signed-in user matches nothing rather than everything.
    assignee === false ? { items: [], total: 0 } : listConflicts(db, { ...query, assignee }),
    counts(db),
    listSources(db),
    user ? listReviewers(db) : [],
  ]);
  return { ...list, counts: totals, outlets: outlets.map((o) => o.name), reviewers, query, user };
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
