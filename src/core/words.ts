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

const TOKEN =
  /(\d{1,2}:\d{2}(?::\d{2})?)|(\d+(?:st|nd|rd|th)\b)|(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)|([A-Za-z\u00c0-\u024f\u0400-\u04ff]+(?:'[A-Za-z]+)?(?:-[A-Za-z\u00c0-\u024f]+)*)|([^\s\w])/gu;

/** Tokenize `text`; offsets are relative to `base` added, so callers can pass a sentence slice. */
export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  // exec on the shared global expression rather than matchAll, which clones it for every sentence.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = base + m.index;
    const t = m[0];
    const type = m[1] ? 'time' : m[2] ? 'ord' : m[3] ? 'num' : m[4] ? 'word' : 'punct';
    tokens.push({ text: t, lower: t.toLowerCase(), start, end: start + t.length, type });
  }
  return tokens;
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
