// Rule one-counterpart: in a disagreement, a figure of one claim is the counterpart of one figure of the
// other, not of every figure that happens to come near it by value.
import type { Quantity } from '../types';
import { open } from './intervals';
import { frameCloseness } from './local-context';
import type { QuantityPair } from './measures';
import type { ClaimView } from './view';

/**
 * Where several figures of b disagree with one figure of a, that figure is the counterpart of the one
 * whose own words match it best (frameCloseness), then the nearest: "a net profit of $29.9 million or
 * $0.70 per share" is retold as "a potential net profit of $39.9m or $0.80 per share", and "$0.70"
 * answers "$0.80", not also the "$0.19" of the retelling's other profit (SummEdits
 * ectsum_CPA_q3_2021_13). A figure of a that a closed figure of b states alike ("$ 80 million" in both)
 * is spoken for: the several disagreements it meets join it to other facts by value alone, and none
 * stands ("$ 80 million contract" against "an $ 82 million deal and … for $ 80 million and $ 25
 * million", ECB+ 5_14ecb / 5_4ecb). Agreeing pairs are kept as they are.
 */
export function oneCounterpart(va: ClaimView, vb: ClaimView, pairs: QuantityPair[]): QuantityPair[] {
  const best = new Map<Quantity, QuantityPair>();
  const several = new Set<Quantity>();
  for (const p of pairs) {
    if (p.overlap) continue;
    const known = best.get(p.qa);
    if (!known) {
      best.set(p.qa, p);
      continue;
    }
    several.add(p.qa);
    const d = frameCloseness(va.c, p.qa, vb.c, p.qb) - frameCloseness(va.c, known.qa, vb.c, known.qb);
    if (d > 0 || (d === 0 && p.difference < known.difference)) best.set(p.qa, p);
  }
  if (several.size === 0) return pairs;
  // Only a closed figure stated alike speaks for it: "at least $6" meets "approximately $7.50" without
  // saying it.
  const spoken = new Set<Quantity>();
  for (const p of pairs) if (p.overlap && !open(p.qa) && !open(p.qb)) spoken.add(p.qa);
  return pairs.filter((p) => p.overlap || (best.get(p.qa) === p && !(several.has(p.qa) && spoken.has(p.qa))));
}
