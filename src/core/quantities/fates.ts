// What happened to the people counted: "20 people were killed" counts deaths, "detained some 2,500
// people" arrests (units.ts refinePersonClass). The last stage of the amount reader, and a pass over
// a sentence's figures: a list of groups shares the fate said once after it.

import type { Quantity } from '../types';
import { classOf } from '../unit-class';
import { PEOPLE_CLASSES, refinePersonClass } from '../units';
import type { Token } from '../words';
import type { AmountReading } from './reading';

/** The word right before a number (or its hedge), when it is a verb ending in -ed/-ing: "killing 10". */
export function verbBefore(tokens: Token[], i: number): string | null {
  const t = tokens[i - 1];
  return t && t.type === 'word' && (/(ed|ing)$/.test(t.lower) || t.lower === 'lost') ? t.lower : null;
}

/** A count of people becomes a count of their fate, from the verb after ("were killed") or before. */
export function readFate(r: AmountReading, tokens: Token[]): void {
  const u = r.unitClass;
  if (u?.family !== 'count' || !PEOPLE_CLASSES.has(u.counted)) return;
  const refined = refinePersonClass(
    u.counted,
    tokens.slice(r.np.end, r.np.end + 4).map((x) => x.lower),
    verbBefore(tokens, r.found.hedge?.from ?? r.i),
  );
  if (refined !== u.counted) r.unitClass = classOf(refined);
}

/** A count of one of the groups of people a verb of fate turns into deaths, injuries, arrests… */
const isPeople = (q: Quantity) => {
  const u = classOf(q);
  return u.family === 'count' && PEOPLE_CLASSES.has(u.counted);
};

/**
 * In a list of groups the verb comes once, after the last: "52 people and four bombers were killed",
 * "17 women and six children among the dead". The last group's fate is every listed group's.
 */
export function shareFate(qs: Quantity[], text: string): void {
  for (let k = qs.length - 2; k >= 0; k--) {
    const q = qs[k]!;
    const next = qs[k + 1]!;
    if (classOf(next).family !== 'fate' || !isPeople(q)) continue;
    if (!/^\s*(,|and|, and)\s*$/.test(text.slice(q.end, next.start))) continue;
    q.unitClass = next.unitClass;
  }
}
