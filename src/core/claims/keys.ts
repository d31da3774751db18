import { blockKey, isContentWord, isTerm, retag } from '../terms';
import type { Quantity, Quote } from '../types';
import { classOf, generalClass, isGenericMeasure, unitClassKey } from '../unit-class';

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
  // The dead and the wounded counted side by side also state the casualties (crossref's
  // killed-and-wounded): "three people shot" is compared with them.
  if (classes.has(DEATH) && classes.has(INJURY)) classes.add(CASUALTY);
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

const DEATH = unitClassKey({ family: 'fate', fate: 'death' });
const INJURY = unitClassKey({ family: 'fate', fate: 'injury' });
const CASUALTY = unitClassKey({ family: 'count', counted: 'casualty' });

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
