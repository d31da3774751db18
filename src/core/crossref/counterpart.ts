// Rule one-counterpart: in a disagreement, a figure of one claim is the counterpart of one figure of the
// other, not of every figure that happens to come near it by value.
import { storyFigureKey } from '../story';
import { term } from '../terms';
import type { Quantity } from '../types';
import { open, overlaps, relativeDifference } from './intervals';
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
    // Rule told-elsewhere-not-counterpart: a figure of b that a's article states in another sentence is
    // accounted for there, so it is not the counterpart of a different figure of a: "a monthly cost of
    // $599 reduced to $424.15 for the first three months" against "the exclusive price of $499/month",
    // when the email states "$424.15/month" in its next sentence, disagrees on $599, not on $424.15
    // (SummEdits sales_email_24_0, where the nearer $424.15 was chosen and then answered elsewhere).
    const tp = toldIn(va, p.qb);
    const tk = toldIn(va, known.qb);
    if (tp !== tk) {
      if (!tp) best.set(p.qa, p);
      continue;
    }
    const gp = companionGap(va, vb, p);
    const gk = companionGap(va, vb, known);
    if (gp !== gk) {
      if (gp < gk) best.set(p.qa, p);
      continue;
    }
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

/** Whether the article of `v` states `q` (as a story figure: no dates, no small counts) anywhere. */
function toldIn(v: ClaimView, q: Quantity): boolean {
  const k = storyFigureKey(q);
  return k !== null && v.story.figures.has(term('story-figure', k));
}

/**
 * Rule or-companions: "a net profit of $29.9 million or $0.70 per share" tells one fact in two measures,
 * the figures joined by "or". Of several figures of b that disagree with one of a, the counterpart is
 * the one whose companion is nearest a's figure's companion: against the document's "$29.9 million or
 * $0.70 per share", the summary's "$39.9m or $0.70 per share" is its retelling, not "$8.2m or $0.19 per
 * share" (SummEdits ectsum_CPA_q3_2021_6); "$29m or $0.69", not "$8m or $0.19" (ectsum_CPA_q3_2021_10).
 * 0 when the companions agree, their relative difference otherwise, Infinity without companions.
 */
function companionGap(va: ClaimView, vb: ClaimView, p: QuantityPair): number {
  const ca = companionOf(va.c.text, va.c.quantities, p.qa);
  const cb = companionOf(vb.c.text, vb.c.quantities, p.qb);
  if (!ca || !cb || ca.unitClass !== cb.unitClass) return Number.POSITIVE_INFINITY;
  return overlaps(ca, cb) ? 0 : relativeDifference(ca, cb);
}

/** The figure joined to q by "or" right before or after it ("$8.2 million or $0.19 per share"), or null. */
function companionOf(text: string, quantities: readonly Quantity[], q: Quantity): Quantity | null {
  const at = text.indexOf(q.text);
  if (at < 0) return null;
  for (const o of quantities) {
    if (o === q) continue;
    const oat = text.indexOf(o.text);
    if (oat < 0) continue;
    const between = oat > at ? text.slice(at + q.text.length, oat) : text.slice(oat + o.text.length, at);
    if (OR_JOIN.test(between)) return o;
  }
  return null;
}
const OR_JOIN = /^\s*,?\s*or\s*$/;
