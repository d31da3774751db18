// What a figure is tied to beyond its unit, read from the words right around it. Two figure rules
// read it: different-reference-points (a distance is measured from a place) and earlier-value (a
// record, offer or total that was, not that is).
import type { Quantity } from '../types';

/** Distances: measured from somewhere. */
const DISTANCE = new Set(['mile', 'kilometer', 'meter', 'foot', 'yard']);
const AFTER = 60;
const BEFORE = 48;
/**
 * "13 miles east of Cloverdale", "58km (36 miles) south-west of Bandar Abbas", "23 miles from Santa
 * Rosa", "20 km outside Tehran": the place the distance is measured from, a capitalised name.
 */
const REFERENCE =
  /^\)?\s*(?:\([^)]{0,30}\)\s*)?(?:(?:north|south|east|west)(?:[ -]?(?:east|west))?(?:ern|ward)?\s+(?:of|from)|from|outside(?:\s+of)?|off)\s+(?:the\s+)?([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)/;
/**
 * The value a figure replaced or beat: "the previous record of 2,116", "the previous club record, the
 * $ 90 million", "their initial offer of $160 million", "broke Jones's record of 2,116 points".
 */
const EARLIER =
  /(?:\b(?:previous|former|old|earlier|original|initial|prior|existing)\s+(?:[\w'-]+,?\s+){0,3}(?:of\s+)?|\b(?:broke|breaks?|breaking|surpass\w*|eclips\w*|top(?:s|ped|ping)?|pass(?:es|ed|ing)?|beat(?:s|ing)?)\s+(?:[\w'.-]+\s+){0,4}(?:record|mark)\s+(?:of\s+)?)$/i;

/** The place a distance is measured from ("cloverdale"), or null. */
export function referencePoint(claimText: string, q: Quantity): string | null {
  if (!DISTANCE.has(q.unitClass)) return null;
  const at = claimText.indexOf(q.text);
  if (at < 0) return null;
  const end = at + q.text.length;
  const m = REFERENCE.exec(claimText.slice(end, end + AFTER));
  return m ? m[1]!.replace(/[.']+$/, '').toLowerCase() : null;
}

/** The figure is a value that was (an old record, an initial offer), not the one now stated. */
export function earlierValue(claimText: string, q: Quantity): boolean {
  const at = claimText.indexOf(q.text);
  if (at < 0) return false;
  return EARLIER.test(claimText.slice(Math.max(0, at - BEFORE), at));
}

/** Two places, one of which names the other ("Bandar Abbas", "the port of Bandar Abbas"). */
export function samePlace(x: string, y: string): boolean {
  return x === y || x.includes(y) || y.includes(x);
}
