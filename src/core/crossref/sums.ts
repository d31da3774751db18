// Totals of groups listed with one fate: "11 militants and six soldiers were killed" also says 17 deaths.
import type { ClaimForMatching, Quantity } from '../types';

/** What happened to people, said once for a list of groups: "11 militants and six soldiers were killed". */
const FATE = /^(death|injury|arrest|missing|displaced)$/;
/** Marks a total made by withSums. */
export const SUM = 'sum';

/**
 * The claim's quantities, plus the total of groups listed together whose fate the sentence states once
 * ("11 militants and six soldiers were killed" also says 17 deaths). A total is compared like any
 * figure, so "17 people were killed" agrees with it instead of conflicting with one of its parts.
 */
export function withSums(c: ClaimForMatching): Quantity[] {
  const qs = c.quantities;
  const out = [...qs];
  for (let i = 0; i < qs.length; i++) {
    let j = i;
    while (j + 1 < qs.length && listable(qs[j]!) && listable(qs[j + 1]!)) {
      const from = c.text.indexOf(qs[j]!.text) + qs[j]!.text.length;
      const to = c.text.indexOf(qs[j + 1]!.text);
      if (from < qs[j]!.text.length || to < from || !/^\s*(,|and|, and)\s*$/.test(c.text.slice(from, to)))
        break;
      j++;
    }
    const last = qs[j]!;
    if (j === i || !FATE.test(last.unitClass)) continue;
    const parts = qs.slice(i, j + 1);
    const start = c.text.indexOf(parts[0]!.text);
    out.push({
      ...last,
      text: c.text.slice(start, c.text.indexOf(last.text) + last.text.length),
      start: parts[0]!.start,
      value: parts.reduce((n, q) => n + q.value, 0),
      low: parts.reduce((n, q) => n + q.low, 0),
      high: parts.reduce((n, q) => n + q.high, 0),
      modifiers: [SUM],
      hedge: parts.find((q) => q.hedge)?.hedge ?? null,
    });
    i = j;
  }
  return out;
}

/**
 * A count that can be one of a list of groups summed by withSums: finite, no rate, no part, and no
 * money, share, duration or age. (A module function, not a closure: see subjectDifference.)
 */
function listable(q: Quantity): boolean {
  return (
    Number.isFinite(q.high) &&
    q.rate === null &&
    !q.modifiers.includes('part-of') &&
    !/^(money|percent|duration|age)/.test(q.unitClass)
  );
}
