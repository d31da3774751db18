// How much a conflict matters: how far apart the two figures are, how certain each side is, and how
// sure the match is. The formula (issue 16 item 6; documented in README "Detection quality"):
//   gap       = the distance between the two intervals over the larger magnitude (0 when they touch):
//               exact 54 against exact 57 is 3/57 = 0.053; "some 50" ([45, 55]) against 57 is 2/57;
//   certainty = 1 when both figures are stated without a hedge (a rounded figure's halo is no hedge),
//               0.5 when either is hedged ("some", "about", "more than", a range): the writer's own doubt;
//   strength  = gap × certainty;
//   high      when strength ≥ SEVERE_GAP (0.05) and the match score ≥ 0.75;
//   medium    when strength ≥ SEVERE_GAP or the score ≥ 0.85;
//   low       otherwise, and always for a soft conflict (bounds.ts: the literal intervals overlap).
// For two given values a hedge only widens an interval (a smaller gap) and halves the certainty, so an
// exact-vs-exact disagreement always ranks at least as high as the same disagreement hedged.
import type { Quantity, Severity } from '../types';
import { shapeOf } from './bounds';

export const SEVERE_GAP = 0.05;

/** The distance between two figures' intervals relative to the larger magnitude; 0 when they overlap. */
export function intervalGap(x: Quantity, y: Quantity): number {
  const distance = Math.max(0, x.low - y.high, y.low - x.high);
  const big = Math.max(Math.abs(x.value), Math.abs(y.value));
  return big === 0 || !Number.isFinite(distance) ? 0 : Math.min(1, distance / big);
}

/** Stated without a hedge, as one figure (not a range, floor or ceiling). */
const certain = (q: Quantity) => shapeOf(q) === 'point';

export function severityOf(x: Quantity, y: Quantity, score: number, soft = false): Severity {
  if (soft) return 'low';
  const strength = intervalGap(x, y) * (certain(x) && certain(y) ? 1 : 0.5);
  if (strength >= SEVERE_GAP && score >= 0.75) return 'high';
  if (strength >= SEVERE_GAP || score >= 0.85) return 'medium';
  return 'low';
}
