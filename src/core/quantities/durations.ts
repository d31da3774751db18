// Durations (family duration, one class per time unit): "four years", "a 20-year sentence", "90
// minutes". A stage of the amount reader: a figure whose unit is a time unit, unless it is an age.

import { TIME_UNITS } from '../units';
import type { AmountReading } from './reading';

/**
 * Rule decades-in-years: decades and centuries are years told in round tens and hundreds, compared
 * with years ("more than three decades" / "31 years", "two centuries" / "150 years"). Said without a
 * hedge, a number of them stands for what rounds to it: "three decades" is 25.5 to 34.5 years (two of them never meet).
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
  r.found = {
    ...r.found,
    num: {
      ...num,
      value: num.value * years,
      low: exact ? (num.value - 0.45) * years : num.low === undefined ? undefined : num.low * years,
      high: exact ? (num.value + 0.45) * years : num.high === undefined ? undefined : num.high * years,
    },
  };
}
