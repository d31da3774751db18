// Totals of groups listed with one fate: "11 militants and six soldiers were killed" also says 17 deaths.
import type { ClaimForMatching, Quantity } from '../types';
import { classOf, familyOf, type UnitClass, type UnitFamily, unitClassKey } from '../unit-class';

/** Marks a total made by withSums. */
export const SUM = 'sum';
/** Marks a group withSums added up: against the other claim's total it is answered by the sum. */
export const LISTED = 'listed';

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
    const parts = qs.slice(i, j + 1);
    // What happened to people, said once for a list of groups: "11 militants and six soldiers were
    // killed"; or one noun's groups told apart by a word each: "12 Somali and 11 Yemeni pirates".
    if (j === i || (classOf(last).family !== 'fate' && !groupsOfOneNoun(parts))) continue;
    for (let k = i; k <= j; k++) out[k] = { ...qs[k]!, modifiers: [...qs[k]!.modifiers, LISTED] };
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
  addCasualties(c, qs, out);
  addRemainders(c, qs, out);
  return out;
}

/** "three *other* rifles", "two more boats": a remainder beside what its sentence already counted. */
const REMAINDER_WORD = /\b(?:other|more|additional|further|remaining)\s+\S+$/i;

/**
 * Rule remainder-adds-up: a count of the others ("seven AK-47 rifles, one rocket propelled grenade
 * launcher, grenades and three other rifles") adds to the counts of that thing its sentence gave
 * before it, however far back in the list: the sentence states ten rifles, which another report's
 * "Nine assault rifles" contradicts. Marked as a sum, and its parts as listed, like a list's total.
 */
function addRemainders(c: ClaimForMatching, qs: Quantity[], out: Quantity[]): void {
  for (let k = 1; k < qs.length; k++) {
    const rest = qs[k]!;
    if (!rest.modifiers.includes('part-of') || !REMAINDER_WORD.test(rest.text) || rest.rate !== null)
      continue;
    const before = qs
      .slice(0, k)
      .filter((q) => sameThing(q, rest) && listable(q) && !q.modifiers.includes(SUM));
    if (before.length === 0) continue;
    const parts = [...before, rest];
    for (const q of parts) {
      const at = out.indexOf(q);
      if (at >= 0) out[at] = { ...q, modifiers: [...q.modifiers, LISTED] };
    }
    const start = c.text.indexOf(before[0]!.text);
    const end = c.text.indexOf(rest.text) + rest.text.length;
    if (start < 0 || end < start) continue;
    out.push({
      ...rest,
      text: c.text.slice(start, end),
      start: before[0]!.start,
      value: parts.reduce((n, q) => n + q.value, 0),
      low: parts.reduce((n, q) => n + q.low, 0),
      high: parts.reduce((n, q) => n + q.high, 0),
      modifiers: [SUM],
      hedge: parts.find((q) => q.hedge)?.hedge ?? null,
    });
  }
}

/**
 * One thing counted: one class, or one noun written ("seven AK-47 rifles" of the model `ak-47`, rule
 * model-counted, and "three other rifles").
 */
const sameThing = (q: Quantity, rest: Quantity) =>
  q.unitClass === rest.unitClass ||
  (q.unit === rest.unit && familyOf(q) === 'count' && familyOf(rest) === 'count');

/** Between a count of deaths and one of injuries of one toll: "… workers and wounding", "killed and". */
const TOLL_JOIN = /^[^.;:\d]{0,40}$/;

/**
 * Rule killed-and-wounded: a sentence that counts the dead and the wounded of one toll side by side
 * ("killing two workers and wounding two others", "two people have been killed and another wounded")
 * also states its casualties, those hit: the sum, compared with "three people shot", "the three
 * victims" or "23 casualties" (class `casualty`). Marked as a sum, so it conflicts only where nothing
 * else of the two claims agrees: against a report that counts the dead and the wounded apart, the
 * parts are compared.
 */
function addCasualties(c: ClaimForMatching, qs: Quantity[], out: Quantity[]): void {
  for (let i = 0; i + 1 < qs.length; i++) {
    const [x, y] = [qs[i]!, qs[i + 1]!];
    const fates = new Set([fateOf(x), fateOf(y)]);
    if (!fates.has('death') || !fates.has('injury') || !listable(x) || !listable(y)) continue;
    const from = c.text.indexOf(x.text) + x.text.length;
    const to = c.text.indexOf(y.text, from);
    const between = c.text.slice(from, to);
    if (from < x.text.length || to < from || !TOLL_JOIN.test(between) || !/\b(and|,)/.test(between)) continue;
    out.push({
      ...y,
      text: c.text.slice(from - x.text.length, to + y.text.length),
      start: x.start,
      value: x.value + y.value,
      low: x.low + y.low,
      high: x.high + y.high,
      unit: 'person',
      unitClass: unitClassKey({ family: 'count', counted: 'casualty' }),
      modifiers: [SUM],
      hedge: x.hedge ?? y.hedge,
    });
    i++;
  }
}

const fateOf = (q: Quantity) => {
  const u = classOf(q);
  return u.family === 'fate' ? u.fate : null;
};

/**
 * Rule listed-parts: groups of one counted noun, each told apart by its own word ("12 Somali and 11
 * Yemeni pirates", "seven AK-47 rifles, two sniper rifles"), are parts of one total.
 */
function groupsOfOneNoun(parts: Quantity[]): boolean {
  const words = new Set(parts.map((q) => q.modifiers[0]));
  return (
    parts.every((q) => q.unitClass === parts[0]!.unitClass && q.modifiers.length > 0) &&
    !words.has(undefined) &&
    words.size === parts.length
  );
}

/**
 * A count that can be one of a list of groups summed by withSums: finite, no rate, no part, and no
 * money, share, duration or age. (A module function, not a closure: see subjectDifference.)
 */
function listable(q: Quantity): boolean {
  return (
    Number.isFinite(q.high) && q.rate === null && !q.modifiers.includes('part-of') && !notListed(classOf(q))
  );
}
const NOT_LISTED = new Set<UnitFamily>(['money', 'percent', 'percentage-point', 'duration', 'age']);
/**
 * Money, shares, durations and ages are no groups of people. A count whose noun begins like one of
 * them ("agents", "agencies", "percentage") is left out too, as it has been since classes were
 * strings: kept so that detection does not move; letting it in is a change for a commit of its own.
 */
const notListed = (u: UnitClass) =>
  NOT_LISTED.has(u.family) || (u.family === 'count' && /^(money|percent|duration|age)/.test(u.counted));
