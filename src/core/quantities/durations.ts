// Durations (family duration, one class per time unit): "four years", "a 20-year sentence", "90
// minutes". A stage of the amount reader: a figure whose unit is a time unit, unless it is an age.

import { timeFactor } from '../time-units';
import type { Quantity } from '../types';
import { classOf } from '../unit-class';
import { TIME_UNITS } from '../units';
import type { AmountReading } from './reading';

/**
 * Rule decades-in-years: decades and centuries are years told in round tens and hundreds, compared
 * with years ("more than three decades" / "31 years", "two centuries" / "150 years"). Said without a
 * hedge, a number of them stands for what rounds to it: "three decades" is 25.5 to 34.5 years (two of them never meet),
 * "a century" 75 to 125 years (rule a-decade, numbers.ts).
 */
const YEARS_IN = new Map([
  ['decade', 10],
  ['century', 100],
]);

export function readDuration(r: AmountReading): void {
  if (!TIME_UNITS.has(r.unit) || r.unitClass?.family === 'age') return;
  const years = YEARS_IN.get(r.unit);
  r.unitClass = { family: 'duration', unit: years ? 'year' : r.unit };
  if (!years) return;
  const num = r.found.num;
  const exact = r.found.hedge === null && r.found.rangeEnd === null && num.low === undefined;
  // What rounds to it: a number of them ±0.45; "a decade" ±0.25 (7.5 to 12.5 years: six years is no
  // decade, nor is 1.45 centuries one); "half a century" ±0.05 (45 to 55 years).
  const d = num.decimals > 0 ? 0.05 : num.value === 1 ? 0.25 : 0.45;
  r.found = {
    ...r.found,
    num: {
      ...num,
      value: num.value * years,
      low: exact ? (num.value - d) * years : num.low === undefined ? undefined : num.low * years,
      high: exact ? (num.value + d) * years : num.high === undefined ? undefined : num.high * years,
    },
  };
}

/** What may stand between the parts of one duration: "six years and nine months", "two hours, 20 minutes". */
const PART_JOIN = /^\s*(?:,|and|, and)?\s*$/;

/**
 * Rule compound-duration: "six years and nine months", "two hours and 20 minutes" are one duration,
 * summed in the larger unit (6.75 years), so its "nine months" is never set against another report's
 * "72 months" nor its "six years" taken to agree with them. A pass over a sentence's figures (index.ts):
 * a duration followed, across "and" or a comma only, by an unhedged one of a smaller unit of its chain.
 */
export function sumCompoundDurations(qs: Quantity[], text: string): void {
  for (let k = qs.length - 2; k >= 0; k--) {
    const big = qs[k]!;
    const small = qs[k + 1]!;
    const a = classOf(big);
    const b = classOf(small);
    if (a.family !== 'duration' || b.family !== 'duration' || big.rate !== null || small.rate !== null)
      continue;
    const f = timeFactor(b.unit, a.unit);
    if (f === null || f >= 1 || small.hedge !== null || !PART_JOIN.test(text.slice(big.end, small.start)))
      continue;
    qs.splice(k, 2, {
      ...big,
      end: small.end,
      text: text.slice(big.start, small.end),
      value: big.value + small.value * f,
      low: big.low + small.low * f,
      high: big.high + small.high * f,
    });
  }
}
