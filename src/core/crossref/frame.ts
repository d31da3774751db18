// What a figure is tied to beyond its unit, read once from the words right around it: the figure
// rules different-givers (who offers or pays a sum), different-reference-points (where a distance is
// measured from) and earlier-value (a record or offer that was), and the period marks frameCloseness
// weighs (local-context.ts).
import { ownerOf } from '../owners';
import type { Quantity } from '../types';
import { classOf } from '../unit-class';

/** Distances: measured from somewhere. */
const DISTANCE = new Set(['mile', 'kilometer', 'meter', 'foot', 'yard']);
const AFTER = 60;
const BEFORE = 48;
const GIVER_BEFORE = 120;
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

/** What the words right around one figure tie it to. */
export interface Frame {
  /** The place a distance is measured from ("cloverdale"), or null. */
  reference: string | null;
  /** A value that was (an old record, an initial offer), not the one now stated. */
  earlier: boolean;
  /** Who gives, offers or pays a sum ("red sox"), or null. */
  giver: string | null;
  /** Years named right around the figure ("2020"), not the figure's own. */
  years: Set<string>;
  /** The quarter ("q4"), any quarter ("q": "in the quarter") or the full year ("year") it is for. */
  parts: Set<string>;
}

/**
 * The frame of a figure in its claim's sentence. Asked for every figure it is compared with, so read
 * once per quantity: finding the figure in its sentence is linear in the sentence.
 */
export function frameOf(claimText: string, q: Quantity): Frame {
  const known = FRAMES.get(q);
  if (known && known[0] === claimText) return known[1];
  const frame = read(claimText, q);
  FRAMES.set(q, [claimText, frame]);
  return frame;
}
const FRAMES = new WeakMap<Quantity, [string, Frame]>();

function read(claimText: string, q: Quantity): Frame {
  const at = claimText.indexOf(q.text);
  if (at < 0) return { reference: null, earlier: false, giver: null, years: new Set(), parts: new Set() };
  const end = at + q.text.length;
  const before = claimText.slice(Math.max(0, at - BEFORE), at);
  const ref = DISTANCE.has(q.unitClass) ? REFERENCE.exec(claimText.slice(end, end + AFTER)) : null;
  return {
    reference: ref ? ref[1]!.replace(/[.']+$/, '').toLowerCase() : null,
    earlier: EARLIER.test(before),
    giver: giverOf(claimText.slice(Math.max(0, at - GIVER_BEFORE), at), q),
    ...periodMarks(claimText.slice(Math.max(0, at - PERIOD_WINDOW), end + PERIOD_WINDOW), q),
  };
}

export const referencePoint = (claimText: string, q: Quantity) => frameOf(claimText, q).reference;
export const earlierValue = (claimText: string, q: Quantity) => frameOf(claimText, q).earlier;

const ORDINAL_QUARTER: Record<string, string> = { first: 'q1', second: 'q2', third: 'q3', fourth: 'q4' };
const PERIOD_WINDOW = 40;
const PERIOD_MARK =
  /\b(?:((?:19|20)\d\d)|[Qq]([1-4])|(first|second|third|fourth)[ -]quarter|(full[ -]year|fiscal year|for the year|annual)|(the quarter|quarterly))\b/gi;

/** The years, and the quarter or full year, named in the window around a figure: {2020}, {q4}. */
function periodMarks(window: string, q: Quantity): { years: Set<string>; parts: Set<string> } {
  const out = { years: new Set<string>(), parts: new Set<string>() };
  const own = q.text.match(/\d{4}/)?.[0];
  for (const m of window.matchAll(PERIOD_MARK)) {
    if (m[1]) {
      if (m[1] !== own) out.years.add(m[1]);
    } else if (m[2]) out.parts.add(`q${m[2]}`);
    else if (m[3]) out.parts.add(ORDINAL_QUARTER[m[3].toLowerCase()]!);
    else out.parts.add(m[4] ? 'year' : 'q');
  }
  return out;
}

const apart = (x: Set<string>, y: Set<string>) => x.size > 0 && y.size > 0 && ![...x].some((v) => y.has(v));
/** "the quarter" (q) is any of q1–q4; the year is none of them. */
const sameParts = (u: string, v: string) =>
  u === v || (u === 'q' && v[0] === 'q') || (v === 'q' && u[0] === 'q');
const partsApart = (x: Set<string>, y: Set<string>) =>
  x.size > 0 && y.size > 0 && ![...x].some((u) => [...y].some((v) => sameParts(u, v)));

/** Dated to different years, quarters, or a quarter and the full year. */
export const periodsApart = (x: Frame, y: Frame) => apart(x.years, y.years) || partsApart(x.parts, y.parts);

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
 * Who gives, offers or pays the sum, from the words `before` it: "the Red Sox offered Mark Teixeira an
 * eight-year, $200MM deal" → "red sox"; "the Orioles between $140 million and $150 million" (the verb
 * left out) → "orioles". Or null when the sentence does not say by its words alone.
 */
function giverOf(before: string, q: Quantity): string | null {
  // A figure the layout gives an owner ("the Nationals (eight years, $160 million)") is different-owners' to judge.
  if (classOf(q).family !== 'money' || ownerOf(q) !== null) return null;
  const gapped = GIVER_GAPPED.exec(before) ?? GIVER_POSSESSIVE.exec(before);
  if (gapped) return party(gapped[1]!);
  let verb = -1;
  // "has offers from", "the offer", "their bids": a noun, not the giving.
  for (const m of before.matchAll(GIVING)) if (!isNoun(m[0], before.slice(0, m.index))) verb = m.index;
  if (verb < 0) return null;
  const m = GIVER_BEFORE_VERB.exec(before.slice(0, verb));
  return m ? party(m[1]!) : null;
}

export const giverFor = (claimText: string, q: Quantity) => frameOf(claimText, q).giver;

const party = (name: string) => name.toLowerCase().replace(/^the\s+/, '');
