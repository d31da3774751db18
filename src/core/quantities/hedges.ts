// Hedges: the words before a figure that widen it ("about 50", "more than 1 in 4", "up to 300"). Read
// for every figure the amount and proportion readers find; interval.ts turns a hedge into bounds.

import type { NumberMatch } from '../numbers';
import type { Token } from '../words';

export type HedgeKind = 'approx' | 'below-approx' | 'above' | 'at-least' | 'below' | 'at-most' | 'exact';

export interface Hedge {
  kind: HedgeKind;
  words: string;
  /** The token the hedge starts at: the figure's first token. */
  from: number;
}

/** A number as read, the hedge before it and the end of a range after it ("between 40 and 50"). */
export interface Found {
  num: NumberMatch;
  hedge: Hedge | null;
  rangeEnd: NumberMatch | null;
}

// Longest first: "more than" before "more".
const HEDGES: [string, HedgeKind][] = [
  ['no more than', 'at-most'],
  ['no fewer than', 'at-least'],
  ['not more than', 'at-most'],
  ['in excess of', 'above'],
  ['as many as', 'at-most'],
  ['as much as', 'at-most'],
  ['as few as', 'at-least'],
  ['more than', 'above'],
  ['greater than', 'above'],
  ['higher than', 'above'],
  ['over', 'above'],
  ['upwards of', 'above'],
  ['at least', 'at-least'],
  ['at most', 'at-most'],
  ['fewer than', 'below'],
  ['less than', 'below'],
  ['lower than', 'below'],
  ['under', 'below'],
  ['up to', 'at-most'],
  ['close to', 'below-approx'],
  ['nearly', 'below-approx'],
  ['almost', 'below-approx'],
  ['just under', 'below-approx'],
  ['about', 'approx'],
  ['around', 'approx'],
  ['roughly', 'approx'],
  ['approximately', 'approx'],
  ['approx', 'approx'],
  ['some', 'approx'],
  ['an estimated', 'approx'],
  ['estimated', 'approx'],
  ['an approximate', 'approx'],
  ['circa', 'approx'],
  ['exactly', 'exact'],
  ['precisely', 'exact'],
];

// Each hedge's words, split once: findHedge runs for every number of every sentence.
const HEDGE_WORDS = HEDGES.map(([words, kind]) => ({ words, kind, parts: words.split(' ') }));

/** The hedge right before token i, or null. */
export function findHedge(tokens: Token[], i: number): Hedge | null {
  for (const { words, kind, parts } of HEDGE_WORDS) {
    const from = i - parts.length;
    if (from < 0) continue;
    if (parts.every((p, k) => tokens[from + k]!.lower === p)) {
      // "over the next 3 years" is not a hedge; it must sit right before the number.
      return { kind, words, from };
    }
  }
  // "just over", "well over", "just under": widen by the inner hedge, keep the outer words.
  return boundNamedBefore(tokens, i);
}

/**
 * Rule maximum-of: "a maximum cost of 12 Euros", "faces a maximum sentence of 10 years", "a minimum of
 * three years" name a limit the figure is the value of: the most (the least) the thing may be, as "no
 * more than" ("at least") says it, not an amount it is. The hedge's words are the limit's and the figure
 * keeps its own text ("12 Euros"), so what it measures ("cost") stays in its surroundings. "The minimum
 * wage of $15" is a pay rate's name, stated exactly.
 */
function boundNamedBefore(tokens: Token[], i: number): Hedge | null {
  if (tokens[i - 1]?.lower !== 'of') return null;
  for (let k = i - 2; k >= Math.max(0, i - 5); k--) {
    const t = tokens[k]!;
    const kind = LIMITS.get(t.lower);
    if (kind) return tokens[k + 1]?.lower === 'wage' ? null : { kind, words: `${t.lower} of`, from: i };
    // Only the words of the limited thing stand between: "maximum prison sentence of".
    if (t.type !== 'word' || t.text !== t.lower) return null;
  }
  return null;
}
const LIMITS = new Map<string, HedgeKind>([
  ['maximum', 'at-most'],
  ['minimum', 'at-least'],
]);
