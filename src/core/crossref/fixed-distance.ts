// A distance between two fixed places ("The island … is about 940 miles south of Tehran", "Qeshm,
// located 1,150 kilometers (700 miles) southeast of Tehran") is a property of the places, like a
// person's age: it does not change with the event, the day or the people a report tells of. Two such
// distances from one place are one fact whatever the rest of the reports say. Where an event lies
// ("the quake struck 50 km south of Bandar Abbas", "the fire started 13 miles east of Cloverdale") is
// the event's and stays under the subject rules.
import type { ClaimForMatching, Quantity } from '../types';
import { figureIn } from './around-figure';
import { referencePoint, samePlace } from './frame';

const DISTANCE = new Set(['mile', 'kilometer', 'meter', 'foot', 'yard']);
const HEDGE =
  '(?:(?:about|some|roughly|around|nearly|approximately|almost|just|only|over|under|more than|less than)\\s+)?';
/** "… is about 940 miles", "Qeshm, located 1,150 kilometers", "the island, some 930 miles": a place lying somewhere. */
const LIES = new RegExp(
  `(?:\\b(?:is|are|lies|lie|sits|located|situated)\\s+${HEDGE}|\\b(?:island|city|town|village|port|capital|province|region|county|state|country|[A-Z][a-z]+),\\s+(?:(?:located|situated)\\s+)?${HEDGE})$`,
);
/** An event in the clause before the figure: its distance is where the event happened, not a place's. */
const EVENT =
  /\b(?:quake|earthquake|epicent(?:er|re)|tremor|aftershock|struck|hit|crash(?:ed)?|fire|blaze|blast|explosion|exploded|attack(?:ed)?|shooting|accident|happened|occurred|started|erupted|sank|collided|landed)\b/i;
const CLAUSE_BACK = 120;
const CONVERTED_FROM = /\d[\d,. ]*\s*[a-z]+\s*\(\s*$/i;

/** A distance right after a comma: "the island, some 930 miles south", "Qeshm, located 1,150 kilometers". */
const APPOSITION = new RegExp(`,\\s+(?:(?:located|situated)\\s+)?${HEDGE}$`);

/** The name a place distance is stated of, when its sentence opens with one ("Qeshm, located …"), or null. */
function locatedName(text: string): string | null {
  const m = /^(?:The\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)\s*,/.exec(text);
  return m && !/^(?:The|It|This|That)$/.test(m[1]!) ? m[1]!.toLowerCase() : null;
}

/** Whether q, a distance, is stated as where a fixed place lies, and of which named place if the sentence says. */
function placeDistance(c: ClaimForMatching, q: Quantity): { located: string | null } | null {
  if (!DISTANCE.has(q.unitClass)) return null;
  const f = figureIn(c.text, q);
  if (!f) return null;
  // "located 1, 150 kilometers (700 miles)": the converted figure is read from before the first.
  const before = f.before(CLAUSE_BACK).replace(CONVERTED_FROM, '');
  if (!LIES.test(before)) return null;
  // The clause up to the figure, from its last event word on: "a 5.6 quake jolted the island, some 930
  // miles south" places the island (the apposition right before the figure), not the quake.
  const apposition = APPOSITION.test(before);
  if (!apposition && EVENT.test(before)) return null;
  return { located: locatedName(c.text) };
}

/**
 * Rule one-places-distance: two distances of a place from one reference point ("about 940 miles south of
 * Tehran" / "1,150 kilometers (700 miles) southeast of Tehran"), each stated as where a place lies, are
 * one fact: compared past the subject rules, which tell events apart. Two places both named differ.
 */
export function onePlacesDistance(
  a: ClaimForMatching,
  qa: Quantity,
  b: ClaimForMatching,
  qb: Quantity,
): boolean {
  const pa = placeDistance(a, qa);
  const pb = placeDistance(b, qb);
  if (!pa || !pb) return false;
  const ra = referencePoint(a.text, qa);
  const rb = referencePoint(b.text, qb);
  if (ra === null || rb === null || !samePlace(ra, rb)) return false;
  return pa.located === null || pb.located === null || samePlace(pa.located, pb.located);
}
