// What makes a sentence a claim, the terms it is matched on, and the keys it is blocked under.
import { foldName } from './entities';
import { SCALES, wordValue } from './numbers';
import { blockKey, isContentWord, isTerm, retag, term } from './terms';
import type { Claim, ClaimForMatching, ClaimKind, Quantity, Quote } from './types';
import { classOf, generalClass, isGenericMeasure, unitClassKey } from './unit-class';
import { lemma, MONTHS, STOPWORDS, startsUpper, type Token, withoutPossessive } from './words';

/** Words of figures that are no number themselves: vague amounts and hedges. */
const FIGURE_WORDS = new Set(
  'dozen dozens hundreds thousands millions billions half least nearly almost roughly approximately estimated exactly'.split(
    ' ',
  ),
);

/** The kind of claim a sentence makes, or null when it has nothing checkable. */
export function claimKind(
  quantities: Quantity[],
  quotes: Quote[],
  entities: string[],
  tokenCount: number,
): ClaimKind | null {
  if (quantities.length > 0) return 'quantity';
  if (quotes.length > 0) return 'quote';
  if (entities.length > 0 && tokenCount >= 8) return 'statement';
  return null;
}

export function checkworthiness(quantities: Quantity[], quotes: Quote[], entities: string[]): number {
  let score = 0.15;
  if (quantities.length > 0) score += 0.45;
  if (quantities.some((q) => q.hedge === null)) score += 0.1;
  if (quotes.length > 0) score += 0.15;
  if (quotes.some((q) => q.speaker)) score += 0.05;
  score += Math.min(0.1, entities.length * 0.03);
  return Math.round(Math.min(1, score) * 100) / 100;
}

/** Salient terms of a sentence: entity keys plus lemmatised content words. */
export function sentenceTerms(tokens: Token[], entityKeys: string[], personKeys: Set<string>): string[] {
  const terms = new Set(entityKeys);
  // People get a second marker so that two sentences naming different people can be told apart.
  for (const k of entityKeys) if (personKeys.has(k)) terms.add(retag(k, 'person'));
  for (let i = 0; i < tokens.length; i++) {
    // Only a number can be a year, and only a capitalised month or weekday a date, a weekday or a month.
    const t = tokens[i]!;
    if (t.type !== 'num' && !(t.type === 'word' && startsUpper(t.text) && isCalendarWord(t.lower))) continue;
    const weekday = weekdayOf(tokens, i);
    if (weekday) terms.add(term('weekday', weekday));
    if (boundOfPeriod(tokens, i)) continue;
    const year = yearOf(tokens, i);
    if (year) terms.add(term('year', String(year)));
    const date = dateOf(tokens, i);
    if (date) terms.add(term('date', date));
    const month = monthOf(tokens, i);
    if (month && !date) terms.add(term('month', month));
  }
  // A capitalised first word that is no name of this text may still be one the other text names
  // ("Milken was given…" against "…sentenced Michael Milken"): kept as a maybe-name, which only
  // meets a name.
  const first = tokens.find((t) => t.type === 'word');
  if (first && /^[A-Z][a-z]/.test(first.text) && !STOPWORDS.has(first.lower)) {
    const key = term('entity', foldName(first.text.replace(/'s$/, '')));
    if (!entityKeys.includes(key)) {
      terms.add(retag(key, 'maybe-name'));
      // …or the common word it may be ("Authorities", "Cholera"), which would otherwise be lost.
      const l = lemma(first.lower);
      if (l.length >= 3 && !STOPWORDS.has(l)) terms.add(l);
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.type !== 'word' || startsUpper(t.text)) continue;
    // Letters glued to digits are part of a name or code ("76ers", "AK-47s"), not a word.
    if (k > 0 && tokens[k - 1]!.type === 'num' && tokens[k - 1]!.end === t.start) continue;
    const l = contentLemma(t.lower);
    if (l !== null) terms.add(l);
  }
  return [...terms];
}

/** Words that make a time the start or end of a period rather than the time of an event. */
const PERIOD_BOUNDS = new Set(['since', 'until', 'till', 'through', 'before', 'after']);

/**
 * A year or month that bounds a period ("has coordinated aid since 2022", "in office until 1997",
 * "since March"): it says how long something has lasted or will last, not when the figure's event
 * happened, so it neither dates the claim nor sets two claims' years apart (rule `period-bound`).
 * A day or a month before the year ("since March 2022") is part of the same bound.
 */
function boundOfPeriod(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const t = tokens[j]!;
    if (PERIOD_BOUNDS.has(t.lower)) return true;
    if (t.type === 'num' || MONTH_NAMES.has(t.lower) || t.text === ',') continue;
    if (t.lower === 'early' || t.lower === 'late' || t.lower === 'mid') continue;
    return false;
  }
  return false;
}

/**
 * A month or a weekday (maybe with a possessive): dateOf, monthOf and weekdayOf find nothing in any
 * other word, and most capitalised words are names.
 */
const isCalendarWord = (lower: string) => MONTHS.has(lower) || WEEKDAYS.has(withoutPossessive(lower));

/**
 * The term a lower-case word gives its sentence, or null for short words and stopwords, and for
 * figures and their hedges: those are what is compared, not what it is about (two reports sharing
 * "eight" and "million" share no subject). A pure function of the word, asked for every word of every
 * sentence: remembered, bounded like `lemma`.
 */
function contentLemma(word: string): string | null {
  let l = CONTENT_LEMMAS.get(word);
  if (l === undefined) {
    l = contentLemmaOf(word);
    if (CONTENT_LEMMAS.size >= 20_000) CONTENT_LEMMAS.clear();
    CONTENT_LEMMAS.set(word, l);
  }
  return l;
}
const CONTENT_LEMMAS = new Map<string, string | null>();

function contentLemmaOf(word: string): string | null {
  if (word.length < 3 || STOPWORDS.has(word)) return null;
  if (FIGURE_WORDS.has(word) || wordValue(word) !== null || SCALES.has(word)) return null;
  const l = lemma(word);
  return STOPWORDS.has(l) ? null : l;
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/**
 * A weekday named as the day something happened ("on Thursday", "Saturday's attack"), as "thu".
 * Reports of one event written on different days still name the same weekday for it; two incidents
 * of one kind mostly fall on different days.
 */
export function weekdayOf(tokens: Token[], i: number): string | null {
  const t = tokens[i]!;
  if (t.type !== 'word' || !startsUpper(t.text)) return null;
  const w = withoutPossessive(t.lower);
  if (!WEEKDAYS.has(w) || reportingDay(tokens, i)) return null;
  return w.slice(0, 3);
}

/** Verbs of saying and publishing: a weekday right after one dates the report, not the event. */
const REPORTING_VERBS = new Set(
  'said says told tells wrote writes reported reports announced announces added stated confirmed published released'.split(
    ' ',
  ),
);
/** Nouns of publishing: a weekday right before one ("his Monday column") dates a publication. */
const PUBLICATIONS = new Set([
  'column',
  'edition',
  'statement',
  'interview',
  'broadcast',
  'briefing',
  'editorial',
]);
/** How many words back a reporting verb still governs the weekday ("told reporters on Monday"). */
const REPORTING_REACH = 4;

/**
 * A weekday that dates what someone said or published ("Patrick said Monday", "he wrote the AP on
 * Wednesday", "in his Monday column"): reports of one event written on different days name different
 * such days, so it says nothing about which event a figure belongs to.
 */
function reportingDay(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (next && PUBLICATIONS.has(next.lower)) return true;
  for (let j = i - 1; j >= 0 && j >= i - REPORTING_REACH; j--) {
    const t = tokens[j]!;
    if (t.type === 'punct') return false;
    if (REPORTING_VERBS.has(t.lower)) return true;
  }
  return false;
}

const MONTH_NAMES = new Set(
  'january february march april june july august september october november december'.split(' '),
);

/**
 * A month named on its own ("in February", "since September"), as "feb": the time of a figure that a
 * report dates to a month rather than a day is mostly a past event told as background. "May" is left
 * out: it is mostly the verb.
 */
export function monthOf(tokens: Token[], i: number): string | null {
  const t = tokens[i]!;
  if (t.type !== 'word' || !startsUpper(t.text) || !MONTH_NAMES.has(t.lower)) return null;
  return t.lower.slice(0, 3);
}

/** A calendar year written as "2009" or "'09", or null. */
export function yearOf(tokens: Token[], i: number): number | null {
  const t = tokens[i]!;
  if (t.type !== 'num') return null;
  if (/^\d{4}$/.test(t.text)) {
    const v = Number(t.text);
    return v >= 1900 && v <= 2100 ? v : null;
  }
  if (/^\d{2}$/.test(t.text) && tokens[i - 1]?.text === "'" && tokens[i - 1]!.end === t.start) {
    const v = Number(t.text);
    return v <= 40 ? 2000 + v : 1900 + v;
  }
  return null;
}

/** A calendar day written "December 13" or "13 December", as "dec-13", or null. */
export function dateOf(tokens: Token[], i: number): string | null {
  const t = tokens[i]!;
  if (t.type !== 'word' || !startsUpper(t.text) || !MONTHS.has(t.lower) || t.lower === 'may') return null;
  const day = [tokens[i + 1], tokens[i - 1]].find(
    (x) => x && (x.type === 'num' || x.type === 'ord') && Number.parseInt(x.text, 10) <= 31,
  );
  return day ? `${t.lower.slice(0, 3)}-${Number.parseInt(day.text, 10)}` : null;
}

const MAX_KEYS = 48;

/**
 * A figure exact enough to say two sentences share a subject when both state it: an exact count of a
 * named thing, more than a handful, not a generic measure (a duration, an age, a share) or a rate.
 */
export function anchorFigure(q: Quantity): boolean {
  return (
    q.low === q.high &&
    q.value >= 10 &&
    q.unitClass !== '' &&
    q.rate === null &&
    !isGenericMeasure(classOf(q))
  );
}

/** Stems close enough to meet across inflections: "seize"/"seized", "declares"/"declared". */
export const contentStem = (t: string) => {
  const stem = t.length > 5 ? t.slice(0, 5) : t;
  return FATE_STEMS.get(stem) ?? stem;
};

/**
 * Outlets report one fate with different verbs ("were killed" / "died", "wounded" / "injured"): such
 * stems meet as one, as the unit classes already fold "killed" and "dead" into deaths.
 */
const FATE_STEMS = new Map<string, string>([
  ...['kille', 'died', 'dead', 'die', 'dying', 'slain', 'peris'].map((w): [string, string] => [w, 'die']),
  ...['injur', 'wound', 'hurt'].map((w): [string, string] => [w, 'injur']),
  ...['arres', 'detai'].map((w): [string, string] => [w, 'arres']),
]);

/**
 * Blocking keys: a quantity's unit class joined with each entity in or around its sentence, and a
 * quote's speaker. Two claims are ever compared only when they share one of these. Entity keys are
 * enough: a link needs an entity of one claim's own sentence around the other (crossref's
 * sameSubject), and such a pair always shares a key; plain words would only add candidates that
 * can never link.
 */
/**
 * A quote's three longest words, sorted: the same sentence quoted by two outlets shares them even when
 * one drops a word or changes the punctuation. Null for a quote too short to tell apart.
 */
export function quoteWordsKey(text: string): string | null {
  const words = new Set(text.toLowerCase().match(/[a-z']+/g));
  if (words.size < QUOTE_MIN_WORDS) return null;
  return longestWords(words, 3).sort().join(' ');
}

/** The n longest words, ties in alphabetical order: the first n of that sort, in one pass without it. */
function longestWords(words: Set<string>, n: number): string[] {
  const top: string[] = [];
  for (const w of words) {
    let k = top.length;
    while (k > 0 && longerOrFirst(w, top[k - 1]!)) k--;
    if (k < n) top.splice(k, 0, w);
    if (top.length > n) top.pop();
  }
  return top;
}
const longerOrFirst = (x: string, y: string) => x.length > y.length || (x.length === y.length && x < y);
/** Fewer words than this are a phrase many people say ("We will win"), not one person's quote. */
export const QUOTE_MIN_WORDS = 5;

export function blockingKeys(
  quantities: Quantity[],
  quotes: Quote[],
  terms: string[],
  context: string[],
): string[] {
  const keys = new Set<string>();
  // The same words quoted under another speaker's name meet by the words themselves (crossref's
  // compareQuotes): first, so the key budget never drops them.
  for (const quote of quotes) {
    const key = quoteWordsKey(quote.text);
    if (key) keys.add(blockKey('quote', 'quote', key));
  }
  if (quantities.length > 0) addFigureKeys(keys, quantities, terms, context);
  for (const quote of quotes) if (quote.speaker) keys.add(blockKey('quote', quote.speaker));
  return [...keys].slice(0, MAX_KEYS);
}

/**
 * The keys of a claim's figures: each unit class with the names and the own words around it. Only the
 * first MAX_KEYS keys are kept, in insertion order: once the budget is spent no later key can make it
 * in, so none is built after the one that spends it (a claim with several figures has hundreds).
 */
function addFigureKeys(keys: Set<string>, quantities: Quantity[], terms: string[], context: string[]): void {
  const names = figureNames(terms, context);
  const stems = ownStems(terms, quantities);
  // Each unit class, general class and anchor figure once, in order of first appearance: a repeated
  // one only builds keys its first appearance built, and a sentence of thousands of figures of one
  // class ("57 countries 57 countries …") never spends the budget, so repeats made it quadratic.
  const classes = new Set<string>();
  const generals = new Set<string>();
  const anchors = new Set<string>();
  for (const q of quantities) {
    if (!q.unitClass) continue;
    classes.add(q.unitClass);
    const general = generalClass(classOf(q));
    if (general) generals.add(unitClassKey(general));
  }
  for (const r of quantities) if (anchorFigure(r)) anchors.add(`${r.unitClass}=${r.value}`);
  for (const c of classes) for (const e of names) if (addKey(keys, blockKey(c, e))) return;
  for (const c of classes) for (const w of stems) if (addKey(keys, blockKey(c, 'stem', w))) return;
  // A percentage of something also meets a bare percentage (crossref's sameClass).
  // So does a sum of money for something and a bare sum in the same currency.
  for (const general of generals) {
    for (const e of names) if (addKey(keys, blockKey(general, e))) return;
    for (const w of stems) if (addKey(keys, blockKey(general, 'stem', w))) return;
  }
  // Two sentences stating one more figure the same way are compared (crossref's sameFigure).
  for (const figure of anchors)
    for (const c of classes) if (addKey(keys, blockKey(c, 'figure', figure))) return;
}

/** Adds a key; whether the budget is spent with it. */
function addKey(keys: Set<string>, key: string): boolean {
  keys.add(key);
  return keys.size >= MAX_KEYS;
}

/** The names in and around a claim (entity terms), then its maybe-names as names, each once. */
function figureNames(terms: string[], context: string[]): Set<string> {
  const names = new Set<string>();
  for (const t of terms) if (isTerm(t, 'entity')) names.add(t);
  for (const t of context) if (isTerm(t, 'entity')) names.add(t);
  for (const t of terms) if (isTerm(t, 'maybe-name')) names.add(retag(t, 'entity'));
  return names;
}

/**
 * Claims with no shared name can still match on their wording (crossref's sameWording needs two shared
 * content stems of the own sentences), so each own content stem is a key too: the stems of the own
 * words that are no unit of the figures and have no digit, each once.
 */
function ownStems(terms: string[], quantities: Quantity[]): Set<string> {
  const units = new Set<string>();
  for (const q of quantities) for (const u of q.unit.split(' ')) units.add(u);
  const stems = new Set<string>();
  for (const t of terms) if (isContentWord(t) && !units.has(t) && !/\d/.test(t)) stems.add(contentStem(t));
  return stems;
}

/** The matcher's view of a claim. */
export function toMatchable(claim: Claim, ref: string, article: string): ClaimForMatching {
  return {
    ref,
    article,
    kind: claim.kind,
    text: claim.text,
    quantities: claim.quantities,
    quotes: claim.quotes,
    entities: claim.entities,
    terms: claim.terms,
    contextTerms: claim.contextTerms,
    keys: claim.keys,
  };
}
