// Use case: what a stored claim was compared with, and why each pair was or was not linked — the claim
// page's "Compared with" section. The archive's claims sharing a key with it are compared with it again
// through the core's explained path, against the stored term frequencies of today.

import type { Db } from '../../db/client';
import { candidateClaims } from '../../db/queries/candidates';
import { type ClaimSummary, claimSummaries } from '../../db/queries/claims';
import { entityDisplayNames, matchableClaim, sameKindElsewhere } from '../../db/queries/compared';
import { termStats } from '../../db/queries/term-stats';
import { type ClaimForMatching, crossReferenceExplained, type PairTrail, weightedTerms } from '../core';

/** At most this many claims are shown, the closest first. */
export const MAX_COMPARED_SHOWN = 8;

export interface ComparedEntry {
  other: ClaimSummary;
  trail: PairTrail;
}

export interface ComparedWith {
  entries: ComparedEntry[];
  /** How many claims of other articles state a figure of the same kind (compared or not). */
  sameKind: number;
  /** How many were compared in all (entries shows the closest MAX_COMPARED_SHOWN). */
  compared: number;
}

/** How far a pair got: linked first, then by the number of rules it passed. */
const closeness = (t: PairTrail) =>
  (t.linked ? 1000 : 0) + t.steps.filter((s) => s.outcome === 'pass').length;

export async function comparedWith(db: Db, claim: ClaimSummary): Promise<ComparedWith> {
  const own = await matchableClaim(db, claim.articleId, claim.id);
  if (!own) return { entries: [], sameKind: 0, compared: 0 };
  const kinds = own.quantities.map((q) => q.unitClass).filter((u) => u !== '');
  const [candidates, sameKind] = await Promise.all([
    candidateClaims(db, own.keys, { excludeArticle: claim.articleId }),
    sameKindElsewhere(db, claim.articleId, kinds),
  ]);
  if (candidates.length === 0) return { entries: [], sameKind, compared: 0 };
  const terms = weightedTerms([own], candidates);
  const [stats, names] = await Promise.all([
    termStats(db, terms),
    entityDisplayNames(db, namesOf([own, ...candidates])),
  ]);
  const { trails } = crossReferenceExplained([own], candidates, stats, names, (ref) => ref === own.ref);
  const shown = trails.sort((x, y) => closeness(y) - closeness(x)).slice(0, MAX_COMPARED_SHOWN);
  const summaries = await claimSummaries(
    db,
    shown.map((t) => Number(t.a === own.ref ? t.b : t.a)),
  );
  const entries: ComparedEntry[] = [];
  for (const trail of shown) {
    const other = summaries.get(Number(trail.a === own.ref ? trail.b : trail.a));
    if (other) entries.push({ other, trail });
  }
  return { entries, sameKind, compared: trails.length };
}

/** The entity keys the trails may name: every name in or around the claims. */
function namesOf(claims: ClaimForMatching[]): string[] {
  const out = new Set<string>();
  for (const c of claims) for (const e of c.entities) out.add(e);
  return [...out];
}
