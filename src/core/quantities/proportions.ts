// Proportions: ratios ("by two to one", "a 3-to-1 margin"), fractions of a group ("a third of the
// voters", "half of the passengers", "one in five adults") and ranks ("the 22nd package"). A reader of
// quantities/index.ts, run before the amount reader, each kind in a unit class of its own:
// - `ratio`: the ratio's value (two to one → 2), exact;
// - `percent:<class>`: a fraction is a share of its group, as a percentage of the same group is
//   ("one in five adults" and "20 percent of adults" agree); a fraction said in words is round, so it
//   carries a tolerance (half → 45–55 %);
// - `ordinal:<class>`: a rank of a counted thing ("the 22nd package" against "the 20th package").

import { wordValue } from '../numbers';
import type { Quantity } from '../types';
import { type UnitClass, unitClassKey } from '../unit-class';
import { TIME_UNITS, unitClassOf } from '../units';
import { isPluralNoun, singular, type Token } from '../words';
import { NP_STOP } from './counted-phrase';

/** Relative width of a fraction ("a third" is 30–36.7 %, "one in five" 18–22 %): a round way of saying it. */
const FRACTION_TOLERANCE = 0.1;

const DENOMINATORS = new Map<string, number>([
  ['half', 2],
  ['halves', 2],
  ['third', 3],
  ['thirds', 3],
  ['quarter', 4],
  ['quarters', 4],
  ['fourth', 4],
  ['fourths', 4],
  ['fifth', 5],
  ['fifths', 5],
  ['tenth', 10],
  ['tenths', 10],
]);
const NUMERATORS = new Map<string, number>([
  ['a', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['nine', 9],
]);

/** Nouns after which "2-1" is a ratio and not a score: "a 2-1 margin", "a 3-1 ratio". */
const RATIO_NOUNS = new Set(['margin', 'ratio', 'majority', 'odds', 'edge', 'advantage']);
/** Ranks that name a place, a period or an occasion, not a counted thing: "102nd precinct", "20th century". */
const NOT_RANKED = new Set([
  ...TIME_UNITS,
  'time',
  'quarter',
  'half',
  'season',
  'anniversary',
  'birthday',
  'street',
  'avenue',
  'road',
  'st',
  'precinct',
  'district',
  'floor',
  'ward',
  'amendment',
  'grade',
  'round',
  'inning',
  'hole',
  'lap',
  'minute',
  'percentile',
]);
/** Words between "of" and a group's noun that do not qualify it: "half of all the passengers". */
const DETERMINERS = new Set(['the', 'all', 'its', 'their', 'those', 'these', 'our', 'his', 'her']);

/** A whole number written as one token ("3", "two", "one"), or null. */
function small(tokens: Token[], k: number): { value: number; to: number } | null {
  const t = tokens[k];
  if (!t) return null;
  const value =
    t.type === 'num'
      ? /^\d{1,4}$/.test(t.text)
        ? Number(t.text)
        : null
      : t.type === 'word'
        ? wordValue(t.lower)
        : null;
  return value !== null && Number.isInteger(value) ? { value, to: k + 1 } : null;
}

/** Cheap test before reading: can a proportion start at this token? */
export function mayStartProportion(t: Token): boolean {
  return (
    t.type === 'ord' ||
    t.type === 'num' ||
    (t.type === 'word' &&
      (NUMERATORS.has(t.lower) || t.lower === 'half' || t.lower.includes('-') || WORD_NUMBERS.has(t.lower)))
  );
}
const WORD_NUMBERS = new Set(['five', 'six', 'seven', 'eight', 'ten']);

export function readProportionAt(
  tokens: Token[],
  i: number,
  text: string,
): { quantity: Quantity; next: number } | null {
  const t = tokens[i]!;
  if (t.type === 'ord') return readRank(tokens, i, text);
  // Most numbers are amounts: only one followed by "to", a hyphen, "in" or "out" may be a proportion.
  const next = tokens[i + 1]?.lower;
  if (
    !(
      next === 'to' ||
      next === '-' ||
      next === 'in' ||
      next === 'out' ||
      next === 'of' ||
      DENOMINATORS.has(next ?? '')
    )
  )
    return t.type === 'word' && t.lower.includes('-') ? readFraction(tokens, i, text) : null;
  return readFraction(tokens, i, text) ?? readRatio(tokens, i, text);
}

function make(
  tokens: Token[],
  from: number,
  to: number,
  text: string,
  value: number,
  low: number,
  high: number,
  unit: string,
  unitClass: UnitClass,
  modifiers: string[] = [],
): { quantity: Quantity; next: number } {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  const quantity: Quantity = {
    start,
    end,
    text: text.slice(start, end),
    value,
    low,
    high,
    lowInclusive: true,
    highInclusive: true,
    unit,
    unitClass: unitClassKey(unitClass),
    modifiers,
    rate: null,
    hedge: null,
  };
  return { quantity, next: to };
}

/** "two to one", "3-to-1", "a 2-1 margin": a ratio of two small whole numbers, the larger first. */
function readRatio(tokens: Token[], i: number, text: string) {
  const a = small(tokens, i);
  if (!a || a.value > 100) return null;
  // "rose from 3 to 1": a change, not a ratio.
  if (tokens[i - 1]?.lower === 'from') return null;
  let k = a.to;
  let hyphenOnly = false;
  if (tokens[k]?.text === '-' && tokens[k + 1]?.lower === 'to' && tokens[k + 2]?.text === '-') k += 3;
  else if (tokens[k]?.lower === 'to') k++;
  else if (tokens[k]?.text === '-' && tokens[k]!.start === tokens[k - 1]!.end) {
    hyphenOnly = true;
    k++;
  } else return null;
  const b = small(tokens, k);
  if (!b || b.value < 1 || b.value > a.value) return null;
  // "won 2-1": a score; only a margin or a ratio makes "2-1" a proportion.
  if (hyphenOnly && !RATIO_NOUNS.has(tokens[b.to]?.lower ?? '')) return null;
  // "2 to 1 percent", "3 to 1 million": a range or an amount, read by the amount reader.
  const after = tokens[b.to];
  if (
    after?.type === 'word' &&
    !RATIO_NOUNS.has(after.lower) &&
    after.lower !== 'against' &&
    isPluralNoun(after.text)
  )
    return null;
  const value = a.value / b.value;
  return make(tokens, i, b.to, text, value, value, value, 'ratio', { family: 'ratio' });
}

/** "a third of the voters", "two-thirds of", "half of the passengers", "one in five adults". */
function readFraction(tokens: Token[], i: number, text: string) {
  const t = tokens[i]!;
  let share = 0;
  let k = i;
  const parts = t.lower.split('-');
  if (parts.length === 2 && NUMERATORS.has(parts[0]!) && DENOMINATORS.has(parts[1]!)) {
    share = NUMERATORS.get(parts[0]!)! / DENOMINATORS.get(parts[1]!)!;
    k = i + 1;
  } else if (
    t.lower === 'half' &&
    !isOrdinalWord(tokens[i - 1]?.lower) &&
    !/^an?$/.test(tokens[i - 1]?.lower ?? '')
  ) {
    share = 0.5;
    k = i + 1;
  } else if (NUMERATORS.has(t.lower) && DENOMINATORS.has(tokens[i + 1]?.lower ?? '')) {
    if (t.lower === 'a' && tokens[i + 1]!.lower === 'half') return null; // "a half": "a half-hour", "an hour and a half"
    share = NUMERATORS.get(t.lower)! / DENOMINATORS.get(tokens[i + 1]!.lower)!;
    k = i + 2;
  } else {
    // "one in five adults", "three out of ten".
    const a = small(tokens, i);
    if (!a) return null;
    let j = a.to;
    if (tokens[j]?.lower === 'in') j++;
    else if (tokens[j]?.lower === 'out' && tokens[j + 1]?.lower === 'of') j += 2;
    else return null;
    const b = small(tokens, j);
    if (!b || b.value <= a.value || b.value > 1000) return null;
    const group = groupAfter(tokens, b.to);
    if (!group) return null;
    return shareOfGroup(tokens, i, text, (100 * a.value) / b.value, group);
  }
  if (share <= 0 || share >= 1 || tokens[k]?.lower !== 'of') return null;
  const group = groupAfter(tokens, k + 1, true);
  if (!group) return null;
  return shareOfGroup(tokens, i, text, 100 * share, group);
}

/** A share of a group ("a third of the passengers", "1 in 38 children") as a percentage of it, ±10 %. */
function shareOfGroup(
  tokens: Token[],
  i: number,
  text: string,
  pct: number,
  group: NonNullable<ReturnType<typeof groupAfter>>,
) {
  const read = make(
    tokens,
    i,
    group.end,
    text,
    pct,
    pct * (1 - FRACTION_TOLERANCE),
    pct * (1 + FRACTION_TOLERANCE),
    'percent',
    { family: 'percent', of: group.cls },
    group.modifiers,
  );
  // The group's size is read next, as a count of its own ("1,200 workers").
  return group.size === null ? read : { quantity: read.quantity, next: group.size };
}

const isOrdinalWord = (w: string | undefined) =>
  w === 'first' || w === 'second' || w === 'last' || w === 'other' || w === 'latter' || w === 'former';

/**
 * The group a share is of: "the passengers", "all likely voters", "adults". A plural noun (up to three
 * words before it qualify it); a single thing ("half of a mile", "a third of the year") is no group.
 * Rule share-of-a-counted-group: after "of" (`sized`), the group's size may stand before its noun
 * ("nearly half of the 1,200 workers", "a third of its 90 passengers"): the share is of the workers,
 * and `size` is where the size starts, a figure of its own.
 */
function groupAfter(
  tokens: Token[],
  k: number,
  sized = false,
): { cls: string; modifiers: string[]; end: number; size: number | null } | null {
  while (DETERMINERS.has(tokens[k]?.lower ?? '')) k++;
  let size: number | null = null;
  if (sized && tokens[k]?.type === 'num') {
    size = k++;
    if (SIZE_SCALES.has(tokens[k]?.lower ?? '')) k++;
  }
  const words: string[] = [];
  let end = k;
  while (end < k + 4) {
    const w = tokens[end];
    if (w?.type !== 'word' || NP_STOP.has(w.lower)) break;
    words.push(w.text);
    end++;
    if (isPluralNoun(w.text)) {
      const head = singular(w.lower);
      if (TIME_UNITS.has(head)) return null;
      return { cls: unitClassOf(head), modifiers: words.slice(0, -1).map((m) => m.toLowerCase()), end, size };
    }
  }
  return null;
}

/** Scale words after a group's size: "half of the 1.2 million residents". */
const SIZE_SCALES = new Set(['thousand', 'million', 'billion']);

/** "the 22nd package", "its 10th consecutive win": a rank of a counted thing. */
function readRank(tokens: Token[], i: number, text: string) {
  const n = Number.parseInt(tokens[i]!.text, 10);
  if (!Number.isFinite(n) || n < 2) return null;
  // "a 2nd victim" is another one; "December 11th" is a date (read before this).
  const before = tokens[i - 1]?.lower;
  if (before === 'a' || before === 'an') return null;
  let k = i + 1;
  let head = '';
  while (k < i + 4) {
    const w = tokens[k];
    if (w?.type !== 'word' || NP_STOP.has(w.lower) || !/^[a-z]/.test(w.text)) break;
    head = w.lower;
    k++;
  }
  // "the 58th annual Tony Awards": a rank inside a name.
  if (tokens[k]?.type === 'word' && /^[A-Z]/.test(tokens[k]!.text)) return null;
  if (!head || head.endsWith('ing') || NOT_RANKED.has(singular(head))) return null;
  const cls = unitClassOf(singular(head));
  return make(tokens, i, k, text, n, n, n, singular(head), { family: 'ordinal', of: cls });
}
