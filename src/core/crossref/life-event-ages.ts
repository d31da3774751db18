// Rule age-at-a-life-event: "walked away from her career at the age of 35" is the age at one event of a
// life, "passed away Thursday, December 11, at age 85" the age at its end, and "Page, 85," the age at
// the time of the telling. An age told "at (the) age (of)" with no death in its clause is an earlier
// life event's: it is not the holder's age now nor at death, and is compared only with another age at
// an event. Ages at death and ages told plainly are compared as before.
import type { Quantity } from '../types';
import { familyOf } from '../unit-class';
import { figureIn } from './around-figure';

type AgeEvent = 'death' | 'other' | null;

/** "at the age of", "at age": the age is its clause's event's. */
const AT_AGE = /\bat\s+(?:the\s+)?age\s+(?:of\s+)?$/i;
/** How far back the clause's event may stand: "passed away Thursday, December 11, at age 85". */
const CLAUSE_BACK = 80;
const DEATH =
  /\b(?:died|dies|dying|death|dead|passed\s+away|passing|killed|murdered|slain|perished|succumbed)\b/i;

/** The event an age is told at: a death, another event of a life, or none (an age told plainly). */
export function ageEventOf(claimText: string, q: Quantity): AgeEvent {
  if (familyOf(q) !== 'age') return null;
  const f = figureIn(claimText, q);
  if (f === null || !AT_AGE.test(f.before(20))) return null;
  // The clause back to the sentence's (or an aside's) last full stop, semicolon or colon.
  const back = f.before(CLAUSE_BACK);
  const clause = back.slice(
    Math.max(back.lastIndexOf('.'), back.lastIndexOf(';'), back.lastIndexOf(':')) + 1,
  );
  return DEATH.test(clause) ? 'death' : 'other';
}

/** Two ages at different events of a life, or one at an earlier event and one told otherwise. */
export function agesAtDifferentEvents(ta: string, qa: Quantity, tb: string, qb: Quantity): boolean {
  const a = ageEventOf(ta, qa);
  const b = ageEventOf(tb, qb);
  return a !== b && (a === 'other' || b === 'other');
}
