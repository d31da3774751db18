// Ages (family age): "a 33-year-old", "33 years old", "Smith, 32, was arrested". An age belongs to
// someone, its holder, kept as a `who:` modifier: ages of different people are never compared
// (src/core/ages.ts). A stage of the amount reader, after percentages and money.

import { foldName } from '../entities';
import { MONTHS, startsUpper, type Token } from '../words';
import { DEMONYM, NP_STOP } from './counted-phrase';
import type { AmountReading } from './reading';

/** Reads an age after the number (or an age in apposition), unless the figure is a share or a sum. */
export function readAge(r: AmountReading, tokens: Token[]): void {
  // Ages: "33-year-old", "33 years old".
  const ageMatch = matchAge(tokens, r.j);
  const appositive =
    !ageMatch && !r.found.rangeEnd && !r.found.hedge && isAppositiveAge(tokens, r.i, r.j, r.num);
  const turned = !ageMatch && !appositive && isTurnedAge(r, tokens);
  const died = ageMatch || appositive || turned ? -1 : deathVerbBefore(r, tokens);
  const group = turned || died >= 0 || (!ageMatch && !appositive && isGroupAge(r, tokens));
  if (r.percent || r.currency || !(ageMatch || appositive || group)) return;
  r.unit = 'year';
  r.unitClass = { family: 'age' };
  // One who "turns 29 on April 11" is 28 until then: both are their age now (turns-an-age).
  if (turned && AHEAD.has(tokens[r.i - 1]?.lower ?? ''))
    r.found = { ...r.found, num: { ...r.found.num, low: r.found.num.value - 1 } };
  r.j = ageMatch ?? r.j;
  // An age belongs to someone: "the 32-year-old Smith", "Smith, 32,". Ages of different people
  // are never compared.
  const holder = died >= 0 ? subjectBefore(tokens, died) : ageHolder(tokens, r.i, r.j);
  if (holder) r.modifiers = [holder];
}

// Nouns for people that a place or nationality can describe: "a 66-year-old Lindell woman".
const HOLDER_NOUNS = new Set(
  'man woman boy girl child mother father son daughter resident student teacher driver worker officer soldier player fan victim suspect teenager pedestrian'.split(
    ' ',
  ),
);

/** Whose age it is: the name right after ("32-year-old champion Smith") or before ("Smith, 32"). */
function ageHolder(tokens: Token[], from: number, to: number): string | null {
  let k = to;
  while (
    k < to + 2 &&
    tokens[k]?.type === 'word' &&
    /^[a-z]/.test(tokens[k]!.text) &&
    !NP_STOP.has(tokens[k]!.lower)
  )
    k++;
  let name: Token | null = null;
  const runStart = k;
  while (tokens[k]?.type === 'word' && startsUpper(tokens[k]!.text)) name = tokens[k++]!;
  // "a 66-year-old Burnsville woman": a place or nationality describing a noun, not the holder.
  const after = tokens[k];
  if (name && after?.type === 'word' && HOLDER_NOUNS.has(after.lower)) name = null;
  // "the 40-year-old American never recovered": a nationality standing for the person, not a name.
  if (name && k === runStart + 1 && isDemonym(name.text)) name = null;
  // "Teixeira, who turns 29" (turns-an-age): the name before the relative pronoun.
  if (!name && TURNS.has(tokens[from - 1]?.lower ?? '') && tokens[from - 2]?.lower === 'who') {
    const before = tokens[nameAt(tokens, from - 4)];
    if (tokens[from - 3]?.text === ',' && before?.type === 'word' && /^[A-Z][a-z]/.test(before.text))
      name = before;
  }
  const named = nameAt(tokens, from - 2);
  if (!name && tokens[from - 1]?.text === ',' && tokens[named] && startsUpper(tokens[named]!.text))
    name = tokens[named]!;
  // An apposition: "struck Raj Chohan, a 59-year-old grandmother" (not "In Queens, a 59-year-old…",
  // "On Friday, a …": a name after a preposition is a place or a time).
  const article = tokens[from - 1]?.lower;
  const last = nameAt(tokens, from - 3);
  if (
    !name &&
    (article === 'a' || article === 'an' || article === 'the') &&
    tokens[from - 2]?.text === ',' &&
    tokens[last] &&
    /^[A-Z][a-z]/.test(tokens[last]!.text) &&
    !MONTHS.has(tokens[last]!.lower) &&
    !WEEKDAY_NAMES.has(tokens[last]!.lower)
  ) {
    let k = last;
    while (k > 0 && startsUpper(tokens[k - 1]!.text) && !PLACE_OR_TIME_PREPOSITIONS.has(tokens[k - 1]!.lower))
      k--;
    if (!PLACE_OR_TIME_PREPOSITIONS.has(tokens[k - 1]?.lower ?? '')) name = tokens[last]!;
  }
  return name ? `who:${foldName(name.lower.replace(/'s$/, ''))}` : null;
}

/**
 * A nationality by its ending ("American", "Somali", "Chinese"), but not a surname in -man ("the
 * 36-year-old Rahman", "Freeman", "Chapman"): no nationality ends so but "German" (rule surname-in-man).
 */
const isDemonym = (word: string) => DEMONYM.test(word) && (!word.endsWith('man') || word === 'German');

/** Verbs of death a bare age after "at" may follow (not "death": "the death toll stood at 85"). */
const DEATH_WORDS = new Set(['died', 'dies', 'die']);

/**
 * Rule died-at-an-age: a bare whole number after "at", with a word of death at most four words before
 * it and no comma between, is the age at death: "Esther Williams dies at 91", "died Thursday at 91",
 * "passed away in Los Angeles at 85" (ECB+ 4_2ecbplus, 4_8ecbplus) were no figure, where "died at the
 * age of 85" was one. Not before a noun ("died at 85 Main Street") or after a hedge. Returns where the
 * word of death stands, or -1.
 */
function deathVerbBefore(r: AmountReading, tokens: Token[]): number {
  const { num } = r;
  if (r.found.hedge || r.found.rangeEnd || !num.numeral || num.scale !== 1) return -1;
  if (!Number.isInteger(num.value) || num.value < 1 || num.value > 120) return -1;
  if (tokens[r.i - 1]?.lower !== 'at') return -1;
  const next = tokens[r.j];
  if (next && next.type !== 'punct' && !(next.type === 'word' && NP_STOP.has(next.lower))) return -1;
  if (next?.text === ':' || next?.text === '-') return -1;
  for (let k = r.i - 2; k >= Math.max(0, r.i - 6); k--) {
    const t = tokens[k]!;
    if (t.type === 'punct') return -1;
    if (DEATH_WORDS.has(t.lower)) return k;
    if (t.lower === 'away' && tokens[k - 1]?.lower === 'passed') return k - 1;
  }
  return -1;
}

/** The name right before a verb ("Esther Williams dies", "Page has died"), as an age's holder, or null. */
function subjectBefore(tokens: Token[], verb: number): string | null {
  let k = verb - 1;
  if (AUXILIARIES.has(tokens[k]?.lower ?? '')) k--;
  const name = tokens[nameAt(tokens, k)];
  if (name?.type !== 'word' || !/^[A-Z][a-z]/.test(name.text) || isDemonym(name.text)) return null;
  return `who:${foldName(name.lower.replace(/'s$/, ''))}`;
}
const AUXILIARIES = new Set(['has', 'had', 'have', 'is', 'was']);

/** "Jr", "III": a generational suffix after a surname, not the name itself. */
const GENERATIONAL = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * Rule generational-suffix: the surname a name ends on, past a generational suffix ("Anthony
 * LaCalamita III, a 38-year-old Troy resident" is LaCalamita's age, as "Anthony LaCalamita, 38" is).
 */
function nameAt(tokens: Token[], k: number): number {
  let at = k;
  if (tokens[at]?.text === '.') at--;
  return GENERATIONAL.has(tokens[at]?.lower.replace(/\.$/, '') ?? '') && tokens[at - 1]?.type === 'word'
    ? at - 1
    : k;
}

const WEEKDAY_NAMES = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
const PLACE_OR_TIME_PREPOSITIONS = new Set([
  'in',
  'on',
  'at',
  'near',
  'from',
  'of',
  'since',
  'by',
  'outside',
]);

/**
 * News gives an age in apposition, between commas right after a name: "Smith, 32, was arrested",
 * "Mr. Biden, 79, said". A whole number of years only, and never after a month or weekday ("On
 * Monday, 12, …" is no one's age).
 */
function isAppositiveAge(
  tokens: Token[],
  i: number,
  j: number,
  num: { value: number; scale: number; numeral: boolean },
) {
  const name = tokens[nameAt(tokens, i - 2)];
  return (
    num.numeral &&
    num.scale === 1 &&
    Number.isInteger(num.value) &&
    num.value >= 1 &&
    num.value <= 120 &&
    tokens[i - 1]?.text === ',' &&
    tokens[j]?.text === ',' &&
    name?.type === 'word' &&
    ((/^[A-Z][a-z]/.test(name.text) && !MONTHS.has(name.lower) && !WEEKDAY_NAMES.has(name.lower)) ||
      describedPerson(tokens, i - 2))
  );
}

/**
 * Rule described-apposition: the age may follow a noun phrase that describes its holder, as it follows a
 * name: "The actress, 33, reportedly headed to a Malibu rehab" (ECB+ 1_11ecb), "A man, 45, was arrested" —
 * a determiner opening the sentence or a clause, at most one word, and a noun for a person, whose age
 * the summary retells as "the 33-year-old actress". Not in a list of figures ("scores of 3, 12, 15").
 */
function describedPerson(tokens: Token[], noun: number): boolean {
  if (!PERSON_NOUNS.has(tokens[noun]?.lower ?? '')) return false;
  for (let k = noun - 1; k >= Math.max(0, noun - 2); k--) {
    if (!DETERMINERS.has(tokens[k]!.lower)) continue;
    const before = tokens[k - 1];
    return before === undefined || before.type === 'punct' || CLAUSE_WORDS.has(before.lower);
  }
  return false;
}
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their']);
const CLAUSE_WORDS = new Set(['and', 'but', 'when', 'as', 'after', 'said', 'says']);
/** Nouns for one person an age in apposition may describe: HOLDER_NOUNS and the trades news names people by. */
const PERSON_NOUNS = new Set([
  ...HOLDER_NOUNS,
  ...'actor actress singer rapper model star player coach husband wife brother sister grandmother grandfather gunman pilot nurse doctor patient mother boyfriend girlfriend'.split(
    ' ',
  ),
]);

/**
 * Rule age-of-a-group: a bare whole number, with no noun after it, is an age when a noun for people
 * bounds it by "over", "under", "above" or "below" ("senior citizens over 65", "children under 5",
 * "people over 65") or when "aged" stands before it ("a man aged 45", "women aged 18 to 24"). Such a
 * number counts nobody: "Children under 5 were hurt" is no count of five injured, "a man aged 45 was
 * arrested" no count of 45 arrests. An insurer's "discounts for … senior citizens over 65" against a
 * summary's "discounts for senior citizens over 75" (SummEdits sales_call_12_24) are two ages.
 */
function isGroupAge(r: AmountReading, tokens: Token[]): boolean {
  const { num, found } = r;
  if (!num.numeral || num.scale !== 1 || !Number.isInteger(num.value) || num.value < 1 || num.value > 120)
    return false;
  const next = tokens[r.j];
  if (next?.type === 'word' && !NP_STOP.has(next.lower)) return false;
  if (next?.type === 'num') return false;
  const hedge = found.hedge;
  if (!hedge) return tokens[r.i - 1]?.lower === 'aged';
  return AGE_BOUNDS.has(hedge.words) && PEOPLE.has(tokens[hedge.from - 1]?.lower ?? '');
}
const AGE_BOUNDS = new Set(['over', 'under', 'above', 'below']);

/**
 * Rule turns-an-age: a bare whole number a person "turns" or "turned", with no noun after it, is the
 * age reached: "Teixeira, who turns 29 on April 11, has averaged more than 30 home runs" (ECB+
 * 10_2ecbplus) was no figure. An age still to be reached ("turns", "turning") stands for that age and
 * the year before it, the holder's age now: another report's "28" agrees. "Turned 50 pages" counts pages.
 */
function isTurnedAge(r: AmountReading, tokens: Token[]): boolean {
  const { num } = r;
  if (r.found.hedge || !num.numeral || num.scale !== 1 || !Number.isInteger(num.value)) return false;
  if (num.value < 1 || num.value > 120 || !TURNS.has(tokens[r.i - 1]?.lower ?? '')) return false;
  const next = tokens[r.j];
  return next === undefined || next.type === 'punct' || (next.type === 'word' && NP_STOP.has(next.lower));
}
const TURNS = new Set(['turns', 'turned', 'turning']);
/** The age is reached ahead: until then the holder is a year younger. */
const AHEAD = new Set(['turns', 'turning']);
/** Nouns for people a bound on age describes: "citizens over 65", "children under 5". */
const PEOPLE = new Set(
  'people persons citizens seniors adults children kids boys girls men women residents patients individuals those anyone everyone youngsters teenagers americans drivers voters workers customers'.split(
    ' ',
  ),
);

function matchAge(tokens: Token[], j: number): number | null {
  const a = tokens[j];
  if (!a) return null;
  if (a.text === '-' && /^years?-old$/.test(tokens[j + 1]?.lower ?? '')) return j + 2;
  if (/^years?$/.test(a.lower) && tokens[j + 1]?.lower === 'old') return j + 2;
  // Rule year-old-unhyphenated: "59-year old Raj", "the 16 - year old" (a hyphen dropped before "old",
  // as wires and ECB+ often print it) is an age, as "59-year-old" is, not a span of 59 years.
  if (a.text === '-' && /^years?$/.test(tokens[j + 1]?.lower ?? '') && tokens[j + 2]?.lower === 'old')
    return j + 3;
  if (
    a.text === '-' &&
    tokens[j + 1]?.lower === 'year' &&
    tokens[j + 2]?.text === '-' &&
    tokens[j + 3]?.lower === 'old'
  )
    return j + 4;
  return null;
}
