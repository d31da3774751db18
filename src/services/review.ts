// Use case: a reviewer marks a claim or resolves a conflict; every action lands in the audit log.
import type { Db } from '../../db/client';
import { claimSummaries } from '../../db/queries/claims';
import { getLink } from '../../db/queries/links';
import { type ReviewOutcome, resolveLink, setClaimStatus } from '../../db/queries/reviews';
import type { ClaimStatus, LinkStatus } from '../../db/schema';
import { NotFoundError, StaleVersionError } from './errors';

export interface ReviewRequest<S> {
  id: number;
  version: number;
  status: S;
  reviewer: string;
  note?: string | null;
  evidence?: string[];
}

function settle<S extends string>(what: string, id: number, outcome: ReviewOutcome<S>) {
  if (outcome.ok) return { id, status: outcome.status, version: outcome.version };
  if (outcome.reason === 'not_found') throw new NotFoundError(`There is no ${what} ${id}.`);
  throw new StaleVersionError(
    `Someone else reviewed this ${what} meanwhile; it is now "${outcome.status.replace('_', ' ')}". Nothing was changed — look again and retry.`,
    { status: outcome.status, version: outcome.version },
  );
}

export async function markClaim(db: Db, req: ReviewRequest<ClaimStatus>) {
  return settle('claim', req.id, await setClaimStatus(db, { ...req, note: req.note || null }));
}

export async function resolveConflict(db: Db, req: ReviewRequest<LinkStatus>) {
  return settle('conflict', req.id, await resolveLink(db, { ...req, note: req.note || null }));
}

/** Current status and version, for re-rendering a review form after a failed attempt. */
export async function claimState(db: Db, id: number) {
  const c = (await claimSummaries(db, [id])).get(id);
  if (!c) throw new NotFoundError(`There is no claim ${id}.`);
  return { id, status: c.status, version: c.version };
}

export async function linkState(db: Db, id: number) {
  const l = await getLink(db, id);
  if (!l) throw new NotFoundError(`There is no conflict ${id}.`);
  return { id, status: l.status, version: l.version };
}
