// Numbers that are not amounts: years, dates, times of day, identifiers ("Flight 370"), model codes
// ("F-16", "AK 47") and names after digits ("10 Downing Street"). The amount reader asks this before
// reading a bare number (a sum with a currency symbol is always an amount).

import { type NumberMatch, SCALES } from '../numbers';
import { isPluralNoun, MONTHS, STOPWORDS, startsUpper, type Token } from '../words';
import { namesNotCounts } from './counted-phrase';

/** Years, dates, times, ordinals and identifiers are numbers but not amounts. */
export function isNotAnAmount(tokens: Token[], num: NumberMatch, text: string): boolean {
  const first = tokens[num.from]!;
  const prev = tokens[num.from - 1];
  const next = tokens[num.to];
  if (first.type !== 'num' && first.type !== 'word') return true;
  // "000" from "10 000" or a code like "007" is not an amount on its own.
  if (first.type === 'num' && /^0\d/.test(first.text)) return true;
  // Digits glued to letters that are no unit: "76ers", "4x", "3D".
  if (
    first.type === 'num' &&
    next?.type === 'word' &&
    next.start === first.end &&
    !GLUED_UNITS.has(next.lower) &&
    !SCALES.has(next.lower) &&
    // A capital C or F is a temperature's scale ("38C", "100F": temperatures.ts).
    next.text !== 'C' &&
    next.text !== 'F'
  )
    return true;
  // Rule `win-loss-record`: "the club's disappointing 9-14 start", "an 18-30 start", "a 45-7 record": wins
  // and losses, two counts, not a range from 9 to 14.
  if (first.type === 'num' && winLossRecord(tokens, chainStart(tokens, num.from))) return true;
  // "'09": a year.
  if (prev?.text === "'" && prev.end === first.start && /^\d{2}$/.test(first.text)) return true;
  // Dates: "March 3", "3 March", "3 March 2024".
  if (
    (prev && MONTHS.has(prev.lower) && startsUpper(prev.text)) ||
    (next && MONTHS.has(next.lower) && startsUpper(next.text))
  )
    return true;
  // Times: "3 p.m.", "7 p. m.", "10 GMT", "1336 GMT,". The letters after the number, dots and spaces
  // between them dropped, up to the next other character.
  if (next && /^(am|pm|gmt|utc|bst|est|edt|pst|cet|o'clock)$/i.test(timeSuffix(text, next.start)))
    return true;
  if (next && /^(am|pm)$/i.test(next.text)) return true;
  // Years: a plain four-digit number in the calendar range, unless it clearly counts something.
  if (first.type === 'num' && /^\d{4}$/.test(first.text) && num.scale === 1) {
    const v = Number(first.text);
    if (v >= 1800 && v <= 2100) {
      const countsSomething =
        next && next.type === 'word' && /^[a-z]/.test(next.text) && isPluralNoun(next.text);
      if (!countsSomething) return true;
    }
  }
  if (isNamedNumber(tokens, num)) return true;
  // A name after the digits that counts nothing: ".357 Magnum", "10 Downing Street", "40 East 23rd".
  // A nationality ("26 Somali pirates", "12 Somali and 11 Yemeni") or a capitalised plural ("30 House
  // Democrats") still counts.
  if (first.type === 'num' && next?.type === 'word' && namesNotCounts(tokens, num.to)) return true;
  // Model names and codes glued to letters ("F-16", "Covid-19").
  if (
    prev &&
    prev.text === '-' &&
    tokens[num.from - 2]?.type === 'word' &&
    prev.start === tokens[num.from - 2]!.end
  )
    return true;
  return false;
}

/**
 * A number that completes the name before it: an identifier ("Flight 370", "Route 66", "Apollo 11",
 * "Toby 3632.") or a model code after an acronym ("AK 47 rifles", "737 MAX 9 aircraft", "G 20"). No
 * amount; the code reader (codes.ts) reads it as the name's number.
 */
export function isNamedNumber(tokens: Token[], num: NumberMatch): boolean {
  const first = tokens[num.from]!;
  const prev = tokens[num.from - 1];
  const next = tokens[num.to];
  if (!prev || first.type !== 'num') return false;
  // Identifiers: "Flight 370", "Route 66", "Section 8", "Apollo 11".
  if (
    /^[A-Z][a-z]+$/.test(prev.text) &&
    !STOPWORDS.has(prev.lower) &&
    !/,/.test(first.text) &&
    (next?.type !== 'word' || startsUpper(next.text) || (num.from > 1 && NAME_NUMBER_VERB.test(next.lower)))
  )
    return !MEASURE_BEFORE_OK.has(prev.lower);
  // A model code after an acronym: "AK 47 rifles", "G 20".
  return /^[A-Z]{2,4}$/.test(prev.text) && !/^(US|UK|UN|EU)$/.test(prev.text) && !/[,.]/.test(first.text);
}

/** "p. m." → "pm", "GMT," → "gmt": the letters of a possible time suffix starting at `at`. */
function timeSuffix(text: string, at: number): string {
  const m = /^(?:[A-Za-z]\.? ?){1,2}(?![A-Za-z])|^[A-Za-z']+/.exec(text.slice(at, at + 12));
  return m ? m[0].replace(/[. ]/g, '').toLowerCase() : '';
}

const GLUED_UNITS = new Set(
  'km kg g mg m cm mm mph kph ft in lb lbs oz t mw kw gw kwh mwh gb mb tb hz ghz mhz sq pc am pm'.split(' '),
);

// "The Boeing 737 carried", "when Apollo 11 landed": a verb right after a name and its number says
// the number is part of the name (a mid-sentence name only: "Another 20 died" opens a sentence).
const NAME_NUMBER_VERB = /^(?:[a-z]+ed|is|was|were|are|has|had|have|will|would|can|could)$/;

const MEASURE_BEFORE_OK = new Set([
  'magnitude',
  'about',
  'some',
  'around',
  'nearly',
  'almost',
  'over',
  'under',
  'only',
  'just',
  'exactly',
]);

/** What a record of wins and losses is told as: "a 9-14 start", "a 45-7 record". */
const RECORD_NOUNS = new Set([
  'start',
  'starts',
  'record',
  'records',
  'mark',
  'finish',
  'season',
  'campaign',
]);

/** The first number of a glued chain "9-14" that the number at `k` ends or is part of. */
function chainStart(tokens: Token[], k: number): number {
  while (
    tokens[k - 1]?.text === '-' &&
    tokens[k - 2]?.type === 'num' &&
    tokens[k - 1]!.start === tokens[k - 2]!.end &&
    tokens[k]!.start === tokens[k - 1]!.end
  )
    k -= 2;
  return k;
}

/** Digits, a hyphen, digits (and maybe a hyphen and digits more, for ties), glued, then a record's noun. */
function winLossRecord(tokens: Token[], from: number): boolean {
  let k = from;
  let parts = 1;
  while (
    tokens[k + 1]?.text === '-' &&
    tokens[k + 2]?.type === 'num' &&
    tokens[k + 1]!.start === tokens[k]!.end &&
    tokens[k + 2]!.start === tokens[k + 1]!.end
  ) {
    k += 2;
    parts++;
  }
  return parts >= 2 && parts <= 3 && RECORD_NOUNS.has(tokens[k + 1]?.lower ?? '');
}
