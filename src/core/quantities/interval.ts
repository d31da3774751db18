// The interval a writer would accept for a figure: its rounding, its range and its hedge ("about 50"
// is [45, 55], "2,000" is [1,950, 2,050), "more than 40" is (40, ∞)).

import type { Quantity } from '../types';
import type { Found } from './hedges';

/** How far rounding moves a figure at most, relative to the round figure (nobody rounds 1,400 to 1,000). */
export const ROUNDING_SHARE = 0.05;

/** Relative width of "about 50": [45, 55]. */
const HEDGE_TOLERANCE = 0.1;

type Interval = Pick<Quantity, 'low' | 'high' | 'lowInclusive' | 'highInclusive'>;

/**
 * Drop floating-point noise from hedged bounds: 50 × 1.1 is 55, not 55.00000000000001. A positive
 * integer below 10^12 has no noise and at most twelve digits: it is returned as it is, without the
 * (slow) round trip through toPrecision, which would give it back unchanged.
 */
const tidy = (n: number) => {
  if (Number.isInteger(n) && n > 0 && n < 1e12) return n;
  return Number.isFinite(n) ? Number(n.toPrecision(12)) : n;
};

function trailingZeros(n: number): number {
  let zeros = 0;
  while (n >= 10 && n % 10 === 0 && zeros < 15) {
    n /= 10;
    zeros++;
  }
  return zeros;
}

export function toInterval(f: Found): Interval {
  const r = rawInterval(f);
  return {
    low: tidy(r.low),
    high: tidy(r.high),
    lowInclusive: r.lowInclusive,
    highInclusive: r.highInclusive,
  };
}

function rawInterval(f: Found): Interval {
  const { num } = f;
  let low = num.low ?? num.value;
  let high = num.high ?? num.value;
  // A rounded figure stands for [v − step, v + step): its upper bound rounds up to the next figure.
  let rounded = false;
  if (f.rangeEnd) {
    // "from 3 to 5 million": the scale of the second number applies to the first.
    const scaleFix = num.scale === 1 && f.rangeEnd.scale > 1 ? f.rangeEnd.scale : 1;
    low = num.value * scaleFix;
    high = f.rangeEnd.high ?? f.rangeEnd.value;
  } else if (num.decimals > 0 && num.scale > 1 && num.low === undefined) {
    // "1.2 billion" stands for anything that rounds to it.
    const step = (num.scale * 10 ** -num.decimals) / 2;
    low = num.value - step;
    high = num.value + step;
    rounded = true;
  } else if (num.scale >= 1e6 && num.decimals === 0 && num.low === undefined) {
    // Rule rounded-scale-word: "$13 billion" stands for what rounds to it at its last digit ("$13.2
    // billion" agrees), but rounding moves a figure by at most ROUNDING_SHARE of it, as for "600" and
    // "612" (crossref/rounding.ts): "$3 million" meets "$2.9 million", not "$2.5 million", and "$1
    // million bail" is not "$500,000 bail".
    if (num.value / num.scale < 10) {
      const step = ROUNDING_SHARE * num.value;
      low = num.value - step;
      high = num.value + step;
      rounded = true;
    }
  } else if (num.scale === 1 && num.decimals === 0 && num.low === undefined && num.value >= 1000) {
    // "2,000 people" is a round figure, "2,012" an exact one: a figure ending in two zeros or more is
    // read as rounded at its last zero but one (2,000 → [1,950, 2,050), 10,000 → [9,500, 10,500)),
    // so an outlet's rounding is no disagreement; "2,000" against "2,400" still is.
    const zeros = trailingZeros(num.value);
    if (zeros >= 2) {
      const step = 10 ** (zeros - 1) / 2;
      low = num.value - step;
      high = num.value + step;
      rounded = true;
    }
  }
  const v = num.value;
  // Bounds stated by "more than" / "fewer than" are the number itself, not its rounding.
  const statedLow = f.rangeEnd ? low : (num.low ?? v);
  const statedHigh = f.rangeEnd ? high : (num.high ?? v);
  switch (f.hedge?.kind) {
    case 'approx':
      return {
        low: Math.min(low, v * (1 - HEDGE_TOLERANCE)),
        high: Math.max(high, v * (1 + HEDGE_TOLERANCE)),
        lowInclusive: true,
        highInclusive: true,
      };
    case 'below-approx':
      return { low: Math.min(low, v * (1 - HEDGE_TOLERANCE)), high, lowInclusive: true, highInclusive: true };
    case 'above':
      return { low: statedLow, high: Number.POSITIVE_INFINITY, lowInclusive: false, highInclusive: false };
    case 'at-least':
      return { low: statedLow, high: Number.POSITIVE_INFINITY, lowInclusive: true, highInclusive: false };
    case 'below':
      return { low: 0, high: statedHigh, lowInclusive: true, highInclusive: false };
    case 'at-most':
      return { low: 0, high: statedHigh, lowInclusive: true, highInclusive: true };
    default:
      // Rule rounding-midpoint: the figure halfway to the next round step is a round figure of its
      // own, as far from one as from the other: "$1 million bail" does not stand for "$500,000 bail"
      // (nor "2,000" for "1,950"), so a rounded figure's interval is open at both ends.
      return { low, high, lowInclusive: !rounded, highInclusive: !rounded };
  }
}
