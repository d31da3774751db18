// Time units that convert exactly into one another: seconds to weeks (a day is 24 hours, a week seven
// days) and months to years. Months and weeks never convert (a month is no whole number of weeks or
// days).

/** Each unit's chain and its size in the chain's smallest unit. */
const SIZES = new Map<string, { chain: string; size: number }>([
  ['second', { chain: 'day', size: 1 }],
  ['minute', { chain: 'day', size: 60 }],
  ['hour', { chain: 'day', size: 3600 }],
  ['day', { chain: 'day', size: 86_400 }],
  ['week', { chain: 'day', size: 604_800 }],
  ['month', { chain: 'year', size: 1 }],
  ['year', { chain: 'year', size: 12 }],
]);

/** How many `to` make one `from` ("year" → "month": 12), or null when they never convert. */
export function timeFactor(from: string, to: string): number | null {
  const f = SIZES.get(from);
  const t = SIZES.get(to);
  return f && t && f.chain === t.chain ? f.size / t.size : null;
}

/**
 * Rule months-against-years: of two durations in different units, only months and years are compared
 * (converted). Hours, days and weeks are not: in news they are mostly two measures of one span, the
 * hours of work and the calendar days they took ("deliberated 30 hours" over "four days"; ECB+ topic 3
 * made seven such flags, and one on a labelled compatible pair, when they were compared).
 */
export const comparedAcross = (from: string, to: string): number | null =>
  from !== to && SIZES.get(from)?.chain === 'year' ? timeFactor(from, to) : null;

/** The unit under which durations of `unit` meet those of another unit (month → year), or null. */
export const comparedUnder = (unit: string): string | null => (unit === 'month' ? 'year' : null);
