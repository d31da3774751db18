// The terms a sentence is matched on: its entity keys, its lemmatised content words, and the times it
// names (weekdays, months, years, days) as terms of their own kinds.
import { foldName } from '../entities';
import { SCALES, wordValue } from '../numbers';
import { retag, term } from '../terms';
import { lemma, MONTHS, STOPWORDS, startsUpper, type Token, withoutPossessive } from '../words';
import { dateOf, MONTH_NAMES, monthOf, WEEKDAYS, weekdayOf, yearOf } from './calendar';
import { FIGURE_WORDS } from './kind';

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
