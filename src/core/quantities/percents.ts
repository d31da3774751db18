// Percentages (family percent): "22%", "3.9 per cent", "40 percent of voters", and percentage points
// ("2 percentage points", a class of its own). A stage of the amount reader, right after the number.
// Shares said as fractions ("a third of the voters") are read by proportions.ts into the same family.

import { unitClassOf } from '../units';
import type { Token } from '../words';
import type { AmountReading } from './reading';

/** Nouns a bare percentage may be of without "of": "a 5 percent increase", "a 20% stake". */
const PERCENT_NOUNS = new Set(
  'increase rise drop decline fall gain growth cut stake share interest chance jump hike reduction loss'.split(
    ' ',
  ),
);

/** Reads "%", "percent", "pct", "per cent", and "percentage points" after the number. */
export function readPercentSign(r: AmountReading, tokens: Token[]): void {
  let j = r.j;
  const pctTok = tokens[j];
  if (pctTok && (pctTok.text === '%' || pctTok.lower === 'percent' || pctTok.lower === 'pct')) {
    r.percent = true;
    j++;
  } else if (pctTok?.lower === 'per' && tokens[j + 1]?.lower === 'cent') {
    r.percent = true;
    j += 2;
  }
  if (r.percent && tokens[j]?.lower === 'percentage' && tokens[j + 1]?.lower === 'points') j += 2;
  if (!r.percent && tokens[j]?.lower === 'percentage' && tokens[j + 1]?.lower === 'points') {
    r.unit = 'percentage point';
    r.unitClass = { family: 'percentage-point' };
    j += 2;
  }
  r.j = j;
}

/**
 * "22 percent back the candidate": after a bare percentage, only a few nouns say what it is of (k is
 * the token after the percentage and an "of").
 */
export const percentOfWhatAt = (tokens: Token[], k: number) =>
  tokens[k - 1]?.lower === 'of' || PERCENT_NOUNS.has(tokens[k]?.lower ?? '');

/** The class of a percentage: of what it is a share, when the text says. */
export function classifyPercent(r: AmountReading): void {
  r.unit = 'percent';
  r.unitClass = { family: 'percent', of: r.np.head ? unitClassOf(r.np.head) : null };
  r.modifiers = r.np.modifiers;
}
