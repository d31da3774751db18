// How much two claims' contexts say they are about the same thing: shared terms weighted by rarity,
// and the coverage of the shorter sentence.

import { isArticleTerm, isTerm, retag } from '../terms';
import type { ClaimForMatching, TermStats } from '../types';
import { ClaimView } from './view';

/** Context similarity needed before two claims count as being about the same thing. */
export const MIN_SCORE_ACROSS = 0.2;
/** Inside one article, neighbouring numbers are often different stages of one story: demand more. */
export const MIN_SCORE_WITHIN = 0.6;
/** Shared-term evidence (sum of idf) at which the score reaches 1 − 1/e. */
const EVIDENCE_SCALE = 4;
const ENTITY_BOOST = 1.5;
/** Coverage of the shorter claim's own terms, scaled so full coverage passes the threshold. */
const COVERAGE_WEIGHT = 0.8;

/** Document frequencies from a set of claims: used when nothing is stored (stateless compare). */
export function termStatsFrom(claims: { terms: string[] }[]): TermStats {
  const df = new Map<string, number>();
  for (const c of claims) for (const t of new Set(c.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  return { total: claims.length, df: (t) => df.get(t) ?? 0 };
}

/**
 * The terms crossReference(incoming, stored) can ask `stats` for, so that a caller reading document
 * frequencies from storage reads only these (about 40 % of all the claims' terms): the own terms of
 * every claim (contextSimilarity's coverage), and the terms a pair shares, which are always an incoming
 * claim's terms or context terms, or the name an incoming maybe-name stands for (listed whether or not
 * the other claim spells it out: two claims opening with the same maybe-name share it). A context term that is
 * an article-level term (isArticleTerm) is never weighed: contextSimilarity leaves those out (a
 * sixth of an article's distinct context terms). Keep it in step with idfFor's callers
 * (tests/core/weighted-terms.test.ts checks it against crossReference itself).
 */
export function weightedTerms(incoming: ClaimForMatching[], stored: ClaimForMatching[]): string[] {
  const out = new Set<string>();
  const maybeNames = new Set<string>();
  for (const c of incoming) {
    for (const t of c.terms) {
      out.add(t);
      if (isTerm(t, 'maybe-name')) {
        // Weighed as the name it may be (ClaimView.readContext), also when the other claim's
        // maybe-name is the same word and neither spells the name out.
        out.add(retag(t, 'entity'));
        maybeNames.add(retag(t, 'entity'));
      }
    }
    for (const t of c.contextTerms) if (!isArticleTerm(t)) out.add(t);
  }
  for (const c of stored) {
    for (const t of c.terms) out.add(t);
    for (const t of c.contextTerms) if (maybeNames.has(t)) out.add(t);
  }
  return [...out];
}

export function idfFor(stats: TermStats) {
  const cache = new Map<string, number>();
  return (t: string) => {
    let w = cache.get(t);
    if (w === undefined) {
      w = Math.log(1 + stats.total / (1 + stats.df(t))) * (isTerm(t, 'entity') ? ENTITY_BOOST : 1);
      cache.set(t, w);
    }
    return w;
  };
}

/** How much two claims' contexts say they are about the same thing: 0..1, rarer shared terms count more. */
export function contextSimilarity(a: ClaimForMatching, b: ClaimForMatching, idf: (t: string) => number) {
  const { score, shared } = similarity(new ClaimView(a), new ClaimView(b), idf);
  return { score, shared: byWeight(shared) };
}

/** contextSimilarity's score, and its shared terms with their weights unsorted: few pairs need them. */
export function similarity(a: ClaimView, b: ClaimView, idf: (t: string) => number) {
  const wa = a.weights;
  const wb = b.weights;
  let shared = 0;
  const sharedTerms: [string, number][] = [];
  for (const [t, x] of wa) {
    const y = wb.get(t);
    if (y === undefined) continue;
    const s = Math.min(x, y) * idf(t);
    // Two context-only matches are weak evidence: both sentences may merely share an article's topic.
    shared += x < 1 && y < 1 ? s * 0.5 : s;
    sharedTerms.push([t, s]);
  }
  // Evidence saturates: a few rare shared terms make two sentences about the same thing, however long
  // they are (outlets word the same fact very differently).
  const evidence = 1 - Math.exp(-shared / EVIDENCE_SCALE);
  // Coverage: how much of the shorter sentence the other one shares. In a small comparison (two
  // documents) idf cannot tell rare from common words, and a short restatement ("X has 31 member
  // states") shares all it says with the longer report.
  let sharedOwn = 0;
  for (const t of a.contentTerms) {
    const y = wb.get(t);
    if (y !== undefined) sharedOwn += idf(t) * Math.min(1, y * 1.5);
  }
  const coverage = sharedOwn / Math.max(1e-9, Math.min(a.ownIdf(idf), b.ownIdf(idf)));
  const score = Math.max(evidence, Math.min(1, coverage) * COVERAGE_WEIGHT);
  return { score, shared: sharedTerms };
}

/** Shared terms, the heaviest first (a stable sort: equal weights keep their order). */
export function byWeight(shared: [string, number][]): string[] {
  return shared.sort((x, y) => y[1] - x[1]).map(([t]) => t);
}
