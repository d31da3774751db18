// Rule people-from-a-place: a count of people told "from <a named place>" ("Two people from Zinbi village
// were hurt", ECB+ 20_3ecb) counts those of that place only, a part of a count with no place ("injuring
// five people", 20_1ecb): both may hold. Such a pair is compared only when the part is counted above the
// whole, which cannot be; two counts from one place are compared as before, and counts from two different
// places count different people.
import type { Quantity } from '../types';
import { classOf } from '../unit-class';
import { figureIn } from './around-figure';

/** "from Zinbi village", "from the Kraft plant": a capitalised name right after the counted noun. */
const FROM_PLACE = /^\s+from\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)/;

/** The place a count of people is told from, or null. */
export function placeOf(claimText: string, q: Quantity): string | null {
  const u = classOf(q);
  if (!(u.family === 'fate' || (u.family === 'count' && u.counted === 'person'))) return null;
  const f = figureIn(claimText, q);
  if (!f) return null;
  const m = FROM_PLACE.exec(f.after(60));
  return m ? m[1]!.toLowerCase() : null;
}

/** One count of people of a place no larger than a count with no place, or counts of two places. */
export function peopleOfAPlaceApart(textA: string, qa: Quantity, textB: string, qb: Quantity): boolean {
  const pa = placeOf(textA, qa);
  const pb = placeOf(textB, qb);
  if (pa !== null && pb !== null) return pa !== pb;
  if (pa !== null) return qa.low <= qb.high;
  if (pb !== null) return qb.low <= qa.high;
  return false;
}
