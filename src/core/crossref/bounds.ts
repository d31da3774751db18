// Pragmatic bounds: what a floor, a ceiling or a range says beyond its literal interval. "More than 40"
// literally admits any figure above 40, but a reader takes it as a little over 40 (Cummins, Sauerland &
// Solt 2012: the pragmatic upper bound of "more than n" is set by n's granularity). Two figures whose
// literal (hard) intervals overlap but whose pragmatic (soft) readings do not are a soft conflict:
// shown, with lower severity, and explained by what both would need to hold.
import type { Quantity } from '../types';
import { classOf } from '../unit-class';
import { figureIn } from './around-figure';
import { writtenStep } from './rounding';

/** The form a figure is stated in, read from its interval. */
export type BoundShape = 'floor' | 'ceiling' | 'range' | 'approx' | 'point';

export function shapeOf(q: Quantity): BoundShape {
  if (q.high === Number.POSITIVE_INFINITY) return 'floor';
  if (q.hedge !== null && q.low === 0 && q.value > 0 && q.high === q.value) return 'ceiling';
  if (q.hedge !== null) return 'approx';
  // A range is written with both bounds ("$90 million to $100 million", "between 2,400 and 2,600"): the
  // reader stores its first bound as the value. A rounded figure sits in the middle of its interval.
  if (q.low === q.value && q.high > q.value && Number.isFinite(q.high)) return 'range';
  return 'point';
}

/**
 * The granularity of a number as written: the step of the scale it sits on (same-fact.md §5). 10^z for
 * z trailing zeros, 5·10^z when its last non-zero digit is 5; decimals count as negative zeros.
 * 40 → 10, 59 → 1, 250 → 50, 13 billion → 1 billion, 13.2 billion → 0.1 billion, 1.35 → 0.05.
 */
export function granularity(n: number): number {
  const v = Math.abs(n);
  if (v === 0 || !Number.isFinite(v)) return 1;
  let step = 10 ** Math.floor(Math.log10(v));
  // Down to the last non-zero digit: v is a whole number of steps (within floating-point noise).
  for (let i = 0; i < 15 && !whole(v / step); i++) step /= 10;
  const digit = Math.round(v / step) % 10;
  return digit === 5 ? step * 5 : step;
}

const whole = (x: number) => Math.abs(x - Math.round(x)) < 1e-6 * Math.max(1, x);

/**
 * The pragmatic reading of a floor or ceiling: "more than 40" → [40, 45], "fewer than 60" → [55, 60].
 * Rule next-alternative: a writer who knew the figure reached the next point of the finer scale the
 * number sits on (half its granularity: 100 → 150, 1,000 → 1,500, 40 → 45) would have said that point
 * instead ("more than 150"), as Cummins, Sauerland & Solt (2012) find readers take "more than 100"
 * to exclude figures a rounder alternative would have named. "over 1,000 businesses" and a summary's
 * "over 1,500 businesses" (SummEdits sales_email_12_7) hold together only if the writer of the first
 * said much less than they knew.
 */
function softOf(q: Quantity, shape: BoundShape): [number, number] {
  if (shape === 'floor') return [q.low, q.low + granularity(q.low) / 2];
  if (shape === 'ceiling') return [Math.max(0, q.high - granularity(q.high) / 2), q.high];
  return [q.low, q.high];
}

/** Figures of numbers a reviewer reads. */
const FIGURES = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const f = (n: number) => FIGURES.format(n);

/** Two range bounds equal up to floating-point noise. */
const same = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));

/**
 * Why two figures whose literal intervals overlap still disagree as a reader takes them, or null:
 * - two floors, or two ceilings, whose pragmatic readings are disjoint ("more than 40" against "more
 *   than 59": both hold only if the real figure is above 59);
 * - two ranges for one figure with different bounds ("$90 million to $100 million" against "$80
 *   million to $100 million"): a range's bounds are stated exactly.
 * Approximations ("about 50") keep their literal interval: their halo already is the reading.
 */
export function softConflict(x: Quantity, y: Quantity): string | null {
  const sx = shapeOf(x);
  const sy = shapeOf(y);
  if (sx === 'range' && sy === 'range') {
    if (same(x.low, y.low) && same(x.high, y.high)) return null;
    const low = Math.max(x.low, y.low);
    const high = Math.min(x.high, y.high);
    return `the two ranges have different bounds; both hold only if the real figure is ${low === high ? f(low) : `between ${f(low)} and ${f(high)}`}`;
  }
  // Rule stated-maximum: "up to", "as many as" and "as much as" state the most the figure reaches, a
  // value said to be attained (Nouwen 2010), not only a limit below it as "fewer than" is. Two such
  // maxima of one figure that differ disagree: "reduce your energy costs by up to 30%" against "by up to
  // 50%" (SummEdits sales_email_3).
  if (sx === 'ceiling' && sy === 'ceiling' && statesMaximum(x) && statesMaximum(y) && !same(x.high, y.high))
    return `one states a maximum of ${f(x.high)}, the other of ${f(y.high)}; both hold only if the real maximum is ${f(Math.min(x.high, y.high))}, short of the other`;
  // Rule precise-hedge: a hedge on a figure written with decimals approximates at the precision
  // written ("approximately $7.50 per share", "about 2.5 million"): read within one written step
  // either side, not the ±10 % that suits a round "about 50". Two such readings apart disagree.
  const px = sx === 'approx' ? preciseReading(x) : null;
  const py = sy === 'approx' ? preciseReading(y) : null;
  if (px || py) {
    const [ax, bx] = px ?? [x.low, x.high];
    const [ay, by] = py ?? [y.low, y.high];
    if (bx < ay || by < ax)
      return `${px ? `"${x.text}"` : `"${y.text}"`} is given to ${decimalsText(px ? x : y)}: read as written, the two figures differ`;
  }
  const bounded = (s: BoundShape) => s === 'floor' || s === 'ceiling';
  // Rule maximum-of: a named minimum and a named maximum of one figure ("a minimum purchase of $3,000",
  // "a maximum purchase of $4,000") are two different limits, whatever figure both would admit.
  if (sx !== sy && bounded(sx) && bounded(sy) && namesLimit(x) && namesLimit(y)) {
    const [low, high] = sx === 'floor' ? [x, y] : [y, x];
    return `one names a minimum of ${f(low.low)}, the other a maximum of ${f(high.high)}: two different limits`;
  }
  // Only two bounds of one direction: a floor against a figure above it ("at least three" against "ten
  // dead") is literally true, and in news most often an earlier or more cautious count (ECB+ labels);
  // a floor against a ceiling, a range or an approximation says too little about either.
  if (sx !== sy || !bounded(sx)) return null;
  // Rule rising-toll: a toll's floor is the count so far ("killing at least three people" in the first
  // report, "at least 10" hours later): two floors of the dead, the hurt or the arrested are two
  // moments of a count that rises, not two readings of one figure.
  if (sx === 'floor' && isToll(x) && isToll(y)) return null;
  const [ax, bx] = softOf(x, sx);
  const [ay, by] = softOf(y, sy);
  // Strictly: "more than 100" reads (100, 150], "more than 150" (150, 155]: they only touch, and differ.
  if (ax < by && ay < bx) return null;
  if (sx === 'floor')
    return `both hold only if the real figure is above ${f(Math.max(x.low, y.low))}, more than either floor suggests`;
  return `both hold only if the real figure is below ${f(Math.min(x.high, y.high))}, less than either ceiling suggests`;
}

/** A count of what befell people (deaths, injuries, arrests…, or casualties): one that rises as reports come in. */
const isToll = (q: Quantity) => {
  const u = classOf(q);
  return u.family === 'fate' || (u.family === 'count' && u.counted === 'casualty');
};

/** An approximation written with decimals, read within one written step either side; else null. */
function preciseReading(q: Quantity): [number, number] | null {
  if (!/\d\.\d/.test(q.text)) return null;
  const w = writtenStep(q);
  if (w === null || w.zeros > 0) return null;
  return [q.value - w.step, q.value + w.step];
}
const decimalsText = (q: Quantity) => {
  const d = /\d\.(\d+)/.exec(q.text)?.[1]?.length ?? 1;
  return d === 1 ? 'one decimal place' : `${d} decimal places`;
};

/** Hedges that state the maximum a figure reaches. */
const STATED_MAXIMUM = new Set(['up to', 'as many as', 'as much as']);
const statesMaximum = (q: Quantity) => q.hedge !== null && STATED_MAXIMUM.has(q.hedge.toLowerCase());

/** A limit named by a noun ("a maximum cost of", "a minimum of"; hedges.ts, rule maximum-of). */
const namesLimit = (q: Quantity) => q.hedge === 'maximum of' || q.hedge === 'minimum of';

/** "another", "a further": the next figure adds to one already stated. */
const ADDED = /\b(another|an additional|additional|a further|further|more)\s*$/i;

/**
 * Whether `x` and a figure its claim adds to it ("and another five") make `total` (within its
 * granularity): a bound told in parts ("more than 11,000 homes destroyed and another 7,000 damaged"
 * against "more than 18,000 homes"), which no soft conflict contradicts.
 */
export function listedTotal(
  text: string,
  figures: readonly Quantity[],
  x: Quantity,
  total: Quantity,
): boolean {
  const tolerance = granularity(total.value) / 2;
  for (const o of figures) {
    // The added part may be counted by its own word ("another 7,000 damaged"): "another" joins them.
    if (o === x || o.rate !== x.rate) continue;
    if (Math.abs(x.value + o.value - total.value) >= tolerance) continue;
    const f = figureIn(text, o);
    if (f && f.at > 0 && ADDED.test(f.before(20))) return true;
  }
  return false;
}
