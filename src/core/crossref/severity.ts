// How much a conflict matters: how far apart the two figures are, how exactly each was stated, and
// how sure the match is. A soft conflict (bounds.ts: the literal intervals overlap, only the
// pragmatic readings do not) is always low.
//
//   distance d   the gap between the two intervals at their nearest edges, relative to the larger of
//                those two edges: 57 against "some 50" (45–55) is (57 − 55) / 57 = 3.5 %; exact 54
//                against exact 57 is 3 / 57 = 5.3 %
//   tolerance t  5 % when both figures are stated exactly (one value, no hedge); 10 % when either is a
//                range or hedged ("some", "about"), which admits rounding by its own words
//   strength     s = d / t
//   severity     high when s ≥ 1 and the match score ≥ 0.75; medium when s ≥ 0.5 or the score
//                ≥ 0.85; low otherwise
//
// For the same figures and score, exact-against-exact never ranks below a hedged pair: its tolerance
// is smaller, and the distance of a hedged figure is measured from its range's edge, not its middle.
import type { Quantity, Severity } from '../types';

type Interval = Pick<Quantity, 'low' | 'high' | 'hedge'>;

/** The figure is one value, said without a hedge. */
export const exact = (q: Interval) => q.low === q.high && !q.hedge;

/**
 * The gap between two intervals at their nearest edges, relative to the larger of those edges (0 when
 * they meet), with the two edges it was measured between.
 */
export function edgeGap(a: Interval, b: Interval): { gap: number; from: number; to: number } {
  const [lo, hi] = a.high < b.low ? [a.high, b.low] : b.high < a.low ? [b.high, a.low] : [0, 0];
  if (lo === hi) return { gap: 0, from: lo, to: hi };
  const big = Math.max(Math.abs(lo), Math.abs(hi));
  return { gap: big === 0 ? 0 : (hi - lo) / big, from: lo, to: hi };
}

export const EXACT_TOLERANCE = 0.05;
export const HEDGED_TOLERANCE = 0.1;

export function severityOf(a: Interval, b: Interval, score: number, soft = false): Severity {
  if (soft) return 'low';
  const tolerance = exact(a) && exact(b) ? EXACT_TOLERANCE : HEDGED_TOLERANCE;
  const strength = edgeGap(a, b).gap / tolerance;
  if (strength >= 1 && score >= 0.75) return 'high';
  if (strength >= 0.5 || score >= 0.85) return 'medium';
  return 'low';
}
