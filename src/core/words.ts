// Tokens with offsets, stopwords and a light lemmatizer: the vocabulary every other core module shares.
import pluralize from 'pluralize';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** 'word' (letters, maybe hyphenated), 'num' (digits), 'ord' (25th), 'time' (10:30) or 'punct'. */
  type: 'word' | 'num' | 'ord' | 'time' | 'punct';
}

/**
 * Tokenize `text`; offsets are relative to `base` added, so callers can pass a sentence slice.
 *
 * The tokens are those of the expression
 *   /(\d{1,2}:\d{2}(?::\d{2})?)|(\d+(?:st|nd|rd|th)\b)|(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)|
 *    ([A-Za-z\u00c0-\u024f\u0400-\u04ff]+(?:'[A-Za-z]+)?(?:-[A-Za-z\u00c0-\u024f]+)*)|([^\s\w])/gu
 * (time, ordinal, number, word, punctuation: the first alternative that matches), read by character
 * codes: every match of that expression built an array of six strings, for every token of every
 * sentence (tests/core/text.test.ts checks the two agree).
 */
export function tokenize(text: string, base = 0): Token[] {
  return tokenizeSpan(text, 0, text.length, base);
}

/** The tokens of text.slice(from, to), with offsets into `text` plus `base`. */
export function tokenizeSpan(text: string, from: number, to: number, base = 0): Token[] {
  const tokens: Token[] = [];
  let p = from;
  while (p < to) {
    const c = text.charCodeAt(p);
    let end = -1;
    let type: Token['type'] = 'punct';
    if (isDigit(c)) {
      end = timeEnd(text, p, to);
      if (end > 0) type = 'time';
      else {
        end = ordinalEnd(text, p, to);
        if (end > 0) type = 'ord';
        else {
          end = numberEnd(text, p, to);
          type = 'num';
        }
      }
    } else if (c === DOT && p + 1 < to && isDigit(text.charCodeAt(p + 1))) {
      end = digitsEnd(text, p + 1, to);
      type = 'num';
    } else if (isWordLetter(c)) {
      end = wordEnd(text, p, to);
      type = 'word';
    } else if (isSpace(c) || c === UNDERSCORE) {
      p++;
      continue;
    } else {
      // One code point: a surrogate pair is one character to the u flag.
      end = isLead(c) && p + 1 < to && isTrail(text.charCodeAt(p + 1)) ? p + 2 : p + 1;
    }
    const t = text.slice(p, end);
    const start = base + p;
    tokens.push({ text: t, lower: t.toLowerCase(), start, end: start + t.length, type });
    p = end;
  }
  return tokens;
}

const DOT = 46;
const SPACE = 32;
/** A month name (or its abbreviation) right before a number: "May 5, 200 people" is a date, then a count. */
const AFTER_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$/;
/** The inches of a height, "5 - foot - 8, 135 pounds": a description goes on to the weight (rule height-inches). */
const AFTER_FEET = /\b(?:foot|feet|ft)\s*-\s*$/i;
const COLON = 58;
const COMMA = 44;
const APOSTROPHE = 39;
const HYPHEN = 45;
const UNDERSCORE = 95;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** [A-Za-z\u00c0-\u024f]: the letters of a hyphenated word's later parts. */
const isLatinLetter = (c: number) => isAsciiLetter(c) || (c >= 0xc0 && c <= 0x24f);
/** [A-Za-z\u00c0-\u024f\u0400-\u04ff]: the letters a word starts with. */
const isWordLetter = (c: number) => isLatinLetter(c) || (c >= 0x400 && c <= 0x4ff);
const isAsciiWord = (c: number) => isAsciiLetter(c) || isDigit(c) || c === UNDERSCORE;
const isLead = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isTrail = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** \s: ECMAScript white space and line terminators (what trim removes). */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function digitsEnd(text: string, p: number, to: number): number {
  while (p < to && isDigit(text.charCodeAt(p))) p++;
  return p;
}

/** \d{1,2}:\d{2}(?::\d{2})? from `p`, or -1. */
function timeEnd(text: string, p: number, to: number): number {
  let q = p + 1;
  if (q < to && isDigit(text.charCodeAt(q))) q++;
  if (!twoDigitsAfterColon(text, q, to)) return -1;
  q += 3;
  return twoDigitsAfterColon(text, q, to) ? q + 3 : q;
}

const twoDigitsAfterColon = (text: string, q: number, to: number) =>
  q + 2 < to &&
  text.charCodeAt(q) === COLON &&
  isDigit(text.charCodeAt(q + 1)) &&
  isDigit(text.charCodeAt(q + 2));

/** \d+(?:st|nd|rd|th)\b from `p`, or -1. */
function ordinalEnd(text: string, p: number, to: number): number {
  const q = digitsEnd(text, p, to);
  if (q + 1 >= to) return -1;
  const suffix = text.slice(q, q + 2);
  if (suffix !== 'st' && suffix !== 'nd' && suffix !== 'rd' && suffix !== 'th') return -1;
  return q + 2 < to && isAsciiWord(text.charCodeAt(q + 2)) ? -1 : q + 2;
}

/** \d+(?:,\d{3})*(?:\.\d+)? from `p`. */
function numberEnd(text: string, p: number, to: number): number {
  let q = digitsEnd(text, p, to);
  // Thousands written "31,000", or "31, 000" as tokenised corpora (ECB+) print them: a space after the
  // comma joins only a first group of one to three digits that does not close a date ("May 5, 200
  // people") or give a height's inches ("5 - foot - 8, 135 pounds"), and groups of exactly three digits.
  const before = q - p <= 3 ? text.slice(Math.max(0, p - 12), p) : '';
  const spaced = before !== '' && !AFTER_MONTH.test(before) && !AFTER_FEET.test(before);
  for (;;) {
    const gap = spaced && text.charCodeAt(q + 1) === SPACE ? 1 : 0;
    const g = q + 1 + gap;
    if (
      g + 2 < to &&
      text.charCodeAt(q) === COMMA &&
      isDigit(text.charCodeAt(g)) &&
      isDigit(text.charCodeAt(g + 1)) &&
      isDigit(text.charCodeAt(g + 2)) &&
      !(g + 3 < to && isDigit(text.charCodeAt(g + 3)))
    )
      q = g + 3;
    else break;
  }
  if (q + 1 < to && text.charCodeAt(q) === DOT && isDigit(text.charCodeAt(q + 1)))
    q = digitsEnd(text, q + 1, to);
  return q;
}

/** [word letters]+(?:'[A-Za-z]+)?(?:-[A-Za-z\u00c0-\u024f]+)* from `p`. */
function wordEnd(text: string, p: number, to: number): number {
  let q = p + 1;
  while (q < to && isWordLetter(text.charCodeAt(q))) q++;
  if (q + 1 < to && text.charCodeAt(q) === APOSTROPHE && isAsciiLetter(text.charCodeAt(q + 1))) {
    q += 2;
    while (q < to && isAsciiLetter(text.charCodeAt(q))) q++;
  }
  while (q + 1 < to && text.charCodeAt(q) === HYPHEN && isLatinLetter(text.charCodeAt(q + 1))) {
    q += 2;
    while (q < to && isLatinLetter(text.charCodeAt(q))) q++;
  }
  return q;
}

/**
 * Whether a word starts with a capital A-Z, as /^[A-Z]/ tests: asked several times of every token (names,
 * weekdays, months, sentence openers), where a character code costs a fraction of a regular expression.
 */
export function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** "Saturday's" → "Saturday": what .replace(/'s$/, '') gives, without a regular expression per word. */
export function withoutPossessive(word: string): string {
  return word.endsWith("'s") ? word.slice(0, -2) : word;
}

export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet for of in on at to from by with without into onto upon about above below ' +
    'over under after before during since until till through throughout across against among between ' +
    'within along around near toward towards via per than as like unlike ' +
    'is are was were be been being am has have had having do does did done doing will would shall should ' +
    'can could may might must ought not no nor never also too very just only even still already again ' +
    "this that these those it its it's they them their theirs he him his she her hers we us our ours you " +
    'your i me my who whom whose which what when where why how whether if then there here ' +
    'all any both each few more most other some such own same several many much one ' +
    'said says say saying told tell tells according added adds noted notes stated says asked ' +
    'mr mrs ms dr new last next first second year years month months week weeks day days time ' +
    'now today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday ' +
    'because while although though however meanwhile instead rather well back up down out off ' +
    'get got make made take took go went come came see seen way ways thing things lot lots'
  ).split(' '),
);

/**
 * A coarse lemma: lower case and singular. Verb endings are left alone on purpose: the terms are shown
 * to reviewers in explanations, and "announc" reads worse than a missed "announce"/"announced" match.
 */
export function lemma(word: string): string {
  let l = LEMMAS.get(word);
  if (l === undefined) {
    l = lemmaOf(word);
    if (LEMMAS.size >= MAX_MEMO) LEMMAS.clear();
    LEMMAS.set(word, l);
  }
  return l;
}

// pluralize runs a few dozen regular expressions per word, and every word of every sentence is
// lemmatised: remembering the answers (a pure function of the word) makes it a lookup for the
// vocabulary news repeats. Bounded so that a long-lived process or isolate cannot grow without end.
const MAX_MEMO = 20_000;
const LEMMAS = new Map<string, string>();

function lemmaOf(word: string): string {
  const w = word.toLowerCase().replace(/'s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) {
    return singular(w);
  }
  return w;
}

/** Singular form of a noun, for units: "casualties" → "casualty". */
export function singular(word: string): string {
  let s = SINGULARS.get(word);
  if (s === undefined) {
    s = pluralize.singular(word.toLowerCase());
    if (SINGULARS.size >= MAX_MEMO) SINGULARS.clear();
    SINGULARS.set(word, s);
  }
  return s;
}
const SINGULARS = new Map<string, string>();

// Plurals without an -s that head counted phrases in news ("105 million people", "8,000 police").
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'staff']);

export function isPluralNoun(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (!(w.length > 2 && w.endsWith('s') && !w.endsWith('ss'))) return false;
  let plural = PLURALS.get(w);
  if (plural === undefined) {
    plural = pluralize.isPlural(w) && singular(w) !== w;
    if (PLURALS.size >= MAX_MEMO) PLURALS.clear();
    PLURALS.set(w, plural);
  }
  return plural;
}
const PLURALS = new Map<string, boolean>();

export const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
