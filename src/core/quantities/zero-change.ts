// Rule `no-change-is-zero` (how a figure is read): "no discount on the listed prices", "no increase in
// total variable gross profits" state a change of nothing, a share of 0 %, as plainly as "a 15%
// discount" or "increased 28%" state theirs. A reader of quantities/index.ts, before the amount
// reader: "no" and at most two words before a noun of change. Compared like any percentage (a generic
// measure: only where the words around the two share something, "discount" with "discount").

import type { Quantity } from '../types';
import { type UnitClass, unitClassKey } from '../unit-class';
import { STOPWORDS, type Token } from '../words';
import { exactQuantity } from './exact';

/** Nouns of a change told as a share: "a 15% discount", "a 28% increase", "3% growth". */
const CHANGES = new Set([
  'discount',
  'discounts',
  'increase',
  'increases',
  'decrease',
  'decreases',
  'growth',
  'rise',
  'reduction',
  'decline',
]);
const PERCENT: UnitClass = { family: 'percent', of: null };

export const mayStartZeroChange = (t: Token) => t.type === 'word' && t.lower === 'no';

export function readZeroChange(
  tokens: Token[],
  i: number,
  text: string,
): { quantity: Quantity; next: number } | null {
  for (let k = i + 1; k <= i + 3; k++) {
    const w = tokens[k];
    if (w?.type !== 'word' || !/^[a-z]/.test(w.text)) return null;
    if (CHANGES.has(w.lower)) {
      const quantity = exactQuantity(text, tokens[i]!.start, w.end, 0, 'percent', unitClassKey(PERCENT));
      return { quantity, next: k + 1 };
    }
    if (STOPWORDS.has(w.lower)) return null;
  }
  return null;
}
