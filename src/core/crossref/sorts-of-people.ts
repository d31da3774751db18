// Rule sort-of-people: a count of one sort of person (women, men, boys, girls, children, youths) is a
// part of any count of people, and a count of another sort counts other people. "Found four people in
// the break room" and "an altercation with the two women" (ECB+ 22_12ecbplus / 22_3ecbplus), "more than
// a hundred people joined in a candlelit vigil" and "about 30 young men showed up" (19_11ecbplus /
// 19_1ecbplus) can both be true: the women may be two of the four, the young men a group of the crowd.
// Only a sort counted above the people it is part of cannot be ("five women" of "three people"): that
// pair is compared as before. Two sorts that exclude each other ("two women" / "three men", "adults" /
// "children") count different people and are never compared.
import type { Quantity } from '../types';
import { LISTED, SUM } from './sums';

/** People of any sort: the count a sort is part of. */
const ANYONE = new Set(['person', 'people']);

/** Sorts of person by sex and by age; a sort with no entry for one of them may be of either. */
const SORTS: Record<string, { sex?: 'male' | 'female'; age?: 'child' | 'adult' }> = {
  man: { sex: 'male', age: 'adult' },
  woman: { sex: 'female', age: 'adult' },
  boy: { sex: 'male', age: 'child' },
  girl: { sex: 'female', age: 'child' },
  child: { age: 'child' },
  kid: { age: 'child' },
  toddler: { age: 'child' },
  baby: { age: 'child' },
  infant: { age: 'child' },
  minor: { age: 'child' },
  adult: { age: 'adult' },
  youth: {},
  teenager: {},
  teen: {},
};

/** A figure's sort of person, or null: a total of listed groups ("17 women and six children") is no sort. */
const sortOf = (q: Quantity) =>
  q.modifiers.includes(SUM) || q.modifiers.includes(LISTED) ? null : (SORTS[q.unit] ?? null);

const exclusive = (x: { sex?: string; age?: string }, y: { sex?: string; age?: string }) =>
  (x.sex !== undefined && y.sex !== undefined && x.sex !== y.sex) ||
  (x.age !== undefined && y.age !== undefined && x.age !== y.age);

/** Whether a part of the people the other counts, as many or fewer ("two women" of "four people"). */
const mayBePart = (sort: Quantity, anyone: Quantity) => sort.low <= anyone.high;

/** Two counts of people that may both hold because one counts a sort of the other's, or other people. */
export function differentSortsOfPeople(qa: Quantity, qb: Quantity): boolean {
  const sa = sortOf(qa);
  const sb = sortOf(qb);
  if (sa && sb) return exclusive(sa, sb);
  if (sa && ANYONE.has(qb.unit)) return mayBePart(qa, qb);
  if (sb && ANYONE.has(qa.unit)) return mayBePart(qb, qa);
  return false;
}
