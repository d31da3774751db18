// Interval comparison: whether two figures share a value, how far apart they are, and when an agreement
// says something.
import type { Quantity } from '../types';

/** Two figures further apart than this factor are not two reports of one figure. */
export const MAX_CONFLICT_RATIO = 4;

/**
 * Whether two intervals share a value. Touching bounds count as shared: "more than 2.5 years" and
 * "2.5 years" are the same figure rounded, not a disagreement worth a reviewer's time.
 */
export function overlaps(x: Quantity, y: Quantity): boolean {
  if (x.high < y.low || y.high < x.low) return false;
  // Rule opposite-bounds: a floor and a ceiling that meet only at the number both exclude ("over 100
  // stores" against "fewer than 100 stores") say opposite things: no figure makes both true.
  if (excludedMeeting(x, y) || excludedMeeting(y, x)) return false;
  // Except a rounded figure's top: "$3 million" is what rounds to it, [2.5, 3.5) million, and never
  // meets "$2 million", [1.5, 2.5); "$1.2 billion" never meets "$1.3 billion".
  return !((x.high === y.low && roundedTop(x)) || (y.high === x.low && roundedTop(y)));
}
/** `c` is a ceiling and `f` a floor on the same number, and one of them leaves that number out. */
const excludedMeeting = (c: Quantity, f: Quantity) =>
  c.low === 0 &&
  c.value > 0 &&
  f.high === Number.POSITIVE_INFINITY &&
  c.high === f.low &&
  (!c.highInclusive || !f.lowInclusive);
/** An upper bound left out of a figure's interval that is no "fewer than" (those start at 0). */
const roundedTop = (q: Quantity) => !q.highInclusive && q.low > 0 && Number.isFinite(q.high);

/** An open-ended bound: "more than 50", "at least 50", "fewer than 50". */
export const open = (q: Quantity) => q.high === Number.POSITIVE_INFINITY || (q.low === 0 && q.value > 0);

/** An open-ended bound ("more than a dozen") says too little to corroborate a far larger figure. */
export function informativeAgreement(x: Quantity, y: Quantity): boolean {
  if (!open(x) && !open(y)) return true;
  const ratio = Math.max(x.value, y.value) / Math.max(1e-9, Math.min(x.value, y.value));
  return ratio <= 1.5;
}

export function ratioOf(x: Quantity, y: Quantity): number {
  const a = Math.abs(x.value);
  const b = Math.abs(y.value);
  return Math.max(a, b) / Math.max(1e-9, Math.min(a, b));
}

export function relativeDifference(x: Quantity, y: Quantity): number {
  const big = Math.max(Math.abs(x.value), Math.abs(y.value));
  return big === 0 ? 0 : Math.abs(x.value - y.value) / big;
}
