// What a figure is tied to beyond its unit, read from the words right around it. Two figure rules
// read it: different-reference-points (a distance is measured from a place) and earlier-value (a
// record, offer or total that was, not that is).
import { ownerOf } from '../owners';
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
  /(?:\b(?:previous|former|old|earlier|original|initial|prior|existing)\s+(?:[\w'-]+\s+){0,2}(?:[\w'-]+(?:\s+of|,\s+the)\s+)?|\b(?:broke|breaks?|breaking|surpass\w*|eclips\w*|top(?:s|ped|ping)?|pass(?:es|ed|ing)?|beat(?:s|ing)?)\s+(?:[\w'.-]+\s+){0,4}(?:record|mark)\s+(?:of\s+)?)$/i;

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

const NAME = "(?:the\\s+)?([A-Z][\\w'.-]*(?:\\s+[A-Z][\\w'.-]*)*)";
const GIVING =
  /\b(?:offer(?:s|ed|ing)?|bid(?:s|ding)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|donat(?:e|es|ed|ing)|paid|pays?|paying)\b/g;
const DETERMINER_BEFORE = /\b(?:the|an?|its|their|his|her|our|[\w-]+'s?)\s+(?:[\w-]+\s+)?$/i;
const HAVE_BEFORE = /\b(?:has|have|had)\s+$/i;
/** "the offer", "their bids", "has offers from" are nouns; "have bid", "had offered" are the giving. */
const isNoun = (word: string, before: string) =>
  !word.endsWith('ed') &&
  word !== 'paid' &&
  (DETERMINER_BEFORE.test(before) || (word.endsWith('s') && HAVE_BEFORE.test(before)));
/** The name right before the verb, past an aside ("The Orioles, according to reports, have offered"). */
const GIVER_BEFORE_VERB = new RegExp(
  `${NAME}(?:\\s*,[^,]{1,40},)?\\s+(?:(?:reportedly|also|have|has|had|was|were|is|are|believed|said|been|to|already|now|would|will)\\s+){0,4}$`,
);
/** "the Orioles' offer", "Germany's pledge". */
const GIVER_POSSESSIVE = new RegExp(
  `${NAME}(?:'s|')\\s+(?:[\\w-]+\\s+){0,2}(?:offer|bid|pledge|proposal|contract)\\b[^.]{0,40}$`,
);
/** A list that leaves the verb out: "the Nationals have bid $160 million, the Orioles between $140 …". */
const GIVER_GAPPED = new RegExp(`[,;]\\s+${NAME}\\s+(?:between|at|with|for)?\\s*$`);

/**
 * Who gives, offers or pays the sum: "the Red Sox offered Mark Teixeira an eight-year, $200MM deal" →
 * "red sox"; "the Orioles between $140 million and $150 million" (the verb left out) → "orioles". Or
 * null when the sentence does not say by its words alone.
 */
export function giverOf(claimText: string, q: Quantity): string | null {
  // A figure the layout gives an owner ("the Nationals (eight years, $160 million)") is different-owners' to judge.
  if (!q.unitClass.startsWith('money:') || ownerOf(q) !== null) return null;
  const at = claimText.indexOf(q.text);
  if (at < 0) return null;
  const before = claimText.slice(Math.max(0, at - 120), at);
  const gapped = GIVER_GAPPED.exec(before) ?? GIVER_POSSESSIVE.exec(before);
  if (gapped) return party(gapped[1]!);
  let verb = -1;
  // "has offers from", "the offer", "their bids": a noun, not the giving.
  for (const m of before.matchAll(GIVING)) if (!isNoun(m[0], before.slice(0, m.index))) verb = m.index;
  if (verb < 0) return null;
  const m = GIVER_BEFORE_VERB.exec(before.slice(0, verb));
  return m ? party(m[1]!) : null;
}

const party = (name: string) => name.toLowerCase().replace(/^the\s+/, '');
