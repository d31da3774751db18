// Quantities in a sentence: the number, how the writer hedged it, what it counts, and over what period.

import { markConversions } from './conversions';
import {
  afterModelName,
  CALIBRES,
  calibre,
  DEMONYM,
  modelCodeAt,
  NP_STOP,
  namesNotCounts,
} from './counted-phrase';
import { mayStartDate, readDateAt } from './dates';
import { foldName } from './entities';
import { subunitsAt } from './number-words';
import { mayStartNumber, type NumberMatch, readNumber, SCALES } from './numbers';
import { mayStartProportion, readProportionAt } from './proportions';
import { findRate, rateBefore } from './rates';
import type { Quantity } from './types';
import {
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  MEASURE_NOUNS,
  PEOPLE_CLASSES,
  refinePersonClass,
  TIME_UNITS,
  unitClassOf,
} from './units';
import { isPluralNoun, MONTHS, STOPWORDS, singular, startsUpper, type Token } from './words';

/** Relative width of "about 50": [45, 55]. */
const HEDGE_TOLERANCE = 0.1;

type HedgeKind = 'approx' | 'below-approx' | 'above' | 'at-least' | 'below' | 'at-most' | 'exact';

// Longest first: "more than" before "more".
const HEDGES: [string, HedgeKind][] = [
  ['no more than', 'at-most'],
  ['no fewer than', 'at-least'],
  ['not more than', 'at-most'],
  ['in excess of', 'above'],
  ['as many as', 'at-most'],
  ['as much as', 'at-most'],
  ['as few as', 'at-least'],
  ['more than', 'above'],
  ['greater than', 'above'],
  ['higher than', 'above'],
  ['over', 'above'],
  ['upwards of', 'above'],
  ['at least', 'at-least'],
  ['at most', 'at-most'],
  ['fewer than', 'below'],
  ['less than', 'below'],
  ['lower than', 'below'],
  ['under', 'below'],
  ['up to', 'at-most'],
  ['close to', 'below-approx'],
  ['nearly', 'below-approx'],
  ['almost', 'below-approx'],
  ['just under', 'below-approx'],
  ['about', 'approx'],
  ['around', 'approx'],
  ['roughly', 'approx'],
  ['approximately', 'approx'],
  ['approx', 'approx'],
  ['some', 'approx'],
  ['an estimated', 'approx'],
  ['estimated', 'approx'],
  ['an approximate', 'approx'],
  ['circa', 'approx'],
  ['exactly', 'exact'],
  ['precisely', 'exact'],
];

// Modifiers that say nothing about which things are counted.
const VAGUE_MODIFIERS = new Set(
  'new more other additional separate further extra total some many various different several such own whole entire full estimated reported'.split(
    ' ',
  ),
);

const REMAINDER = new Set(['other', 'another', 'additional', 'remaining', 'further', 'more', 'extra']);

const PERCENT_NOUNS = new Set(
  'increase rise drop decline fall gain growth cut stake share interest chance jump hike reduction loss'.split(
    ' ',
  ),
);

interface Found {
  num: NumberMatch;
  hedge: { kind: HedgeKind; words: string; from: number } | null;
  rangeEnd: NumberMatch | null;
}

/** Extract quantities from one sentence's tokens (offsets are into the article). */
export function extractQuantities(tokens: Token[], text: string): Quantity[] {
  const out: Quantity[] = [];
  let i = 0;
  while (i < tokens.length) {
    // Only a number, or a currency symbol before one, starts a quantity: most tokens are neither.
    // A date, a year or a time of day is read first (dates.ts): the amount reader sets those aside.
    const t = tokens[i]!;
    const q =
      (t.type !== 'punct' && mayStartDate(t) ? readDateAt(tokens, i, text) : null) ??
      (mayStartProportion(t) ? hedgedProportion(tokens, i, text) : null) ??
      (startsQuantity(t) ? readQuantityAt(tokens, i, text) : null);
    if (q) {
      out.push(q.quantity);
      i = q.next;
    } else i++;
  }
  shareFate(out, text);
  markConversions(out, text);
  return out;
}

/** A ratio, share or rank (proportions.ts), widened by the hedge before it: "more than 1 in 4". */
function hedgedProportion(
  tokens: Token[],
  i: number,
  text: string,
): { quantity: Quantity; next: number } | null {
  const p = readProportionAt(tokens, i, text);
  const hedge = p ? findHedge(tokens, i) : null;
  if (!p || !hedge) return p;
  const value = p.quantity.value;
  const num: NumberMatch = { from: i, to: p.next, value, decimals: 0, scale: 1, numeral: true };
  const start = tokens[hedge.from]!.start;
  const quantity = {
    ...p.quantity,
    ...toInterval({ num, hedge, rangeEnd: null }),
    start,
    hedge: hedge.words,
  };
  return { quantity: { ...quantity, text: text.slice(start, quantity.end) }, next: p.next };
}

const startsQuantity = (t: Token) => (t.type === 'punct' ? CURRENCY_SYMBOLS.has(t.text) : mayStartNumber(t));

/**
 * In a list of groups the verb comes once, after the last: "52 people and four bombers were killed",
 * "17 women and six children among the dead". The last group's fate is every listed group's.
 */
function shareFate(qs: Quantity[], text: string) {
  for (let k = qs.length - 2; k >= 0; k--) {
    const q = qs[k]!;
    const next = qs[k + 1]!;
    if (!FATES.has(next.unitClass) || !PEOPLE_CLASSES.has(q.unitClass)) continue;
    if (!/^\s*(,|and|, and)\s*$/.test(text.slice(q.end, next.start))) continue;
    q.unitClass = next.unitClass;
  }
}
const FATES = new Set(['death', 'injury', 'arrest', 'missing', 'displaced']);

function readQuantityAt(
  tokens: Token[],
  i: number,
  text: string,
): { quantity: Quantity; next: number } | null {
  const t = tokens[i]!;
  let currency: string | null = null;
  let numStart = i;
  if (t.type === 'punct' && CURRENCY_SYMBOLS.has(t.text)) {
    currency = CURRENCY_SYMBOLS.get(t.text)!;
    numStart = i + 1;
    // "US$", "A$": a country prefix glued to the symbol is already a separate token; ignore it.
  } else if (t.lower === 'us' && tokens[i + 1]?.text === '$') return null;
  const read = readNumber(tokens, numStart);
  if (!read) return null;
  const num = currency ? withGluedScale(tokens, read) : read;
  if (currency === null && isNotAnAmount(tokens, num, text)) return null;

  const found: Found = { num, hedge: findHedge(tokens, i), rangeEnd: null };
  let j = num.to;
  // Ranges: "between 40 and 50", "40-50", "from 3 to 5 million", "40 to 50".
  const sep = tokens[j];
  const prevWord = tokens[(found.hedge?.from ?? i) - 1]?.lower;
  if (sep && (sep.text === '-' || sep.lower === 'to' || (sep.lower === 'and' && prevWord === 'between'))) {
    const k = CURRENCY_SYMBOLS.has(tokens[j + 1]?.text ?? '') ? j + 2 : j + 1;
    const second = readNumber(tokens, k);
    // "2-0 win", "68-31 vote", "1-800-222": a descending pair joined by a hyphen is a score or a code.
    if (second && sep.text === '-' && second.value <= num.value && second.scale === 1) return null;
    if (second && (sep.lower !== 'to' || second.value > num.value || second.scale > 1)) {
      found.rangeEnd = second;
      j = second.to;
    } else if (
      second &&
      sep.lower === 'to' &&
      !second.numeral === !num.numeral &&
      second.value <= num.value
    ) {
      // "outnumber them 3 to 1": a ratio, not an amount.
      return null;
    }
  }

  // Percentages.
  let unit = '';
  let unitClass = '';
  let modifiers: string[] = [];
  let percent = false;
  const pctTok = tokens[j];
  if (pctTok && (pctTok.text === '%' || pctTok.lower === 'percent' || pctTok.lower === 'pct')) {
    percent = true;
    j++;
  } else if (pctTok?.lower === 'per' && tokens[j + 1]?.lower === 'cent') {
    percent = true;
    j += 2;
  }
  if (percent && tokens[j]?.lower === 'percentage' && tokens[j + 1]?.lower === 'points') j += 2;
  if (!percent && tokens[j]?.lower === 'percentage' && tokens[j + 1]?.lower === 'points') {
    unit = 'percentage point';
    unitClass = 'percentage point';
    j += 2;
  }

  // Currency named after the number: "50 million euros", "300 dollars".
  if (!currency && !percent && tokens[j] && CURRENCY_WORDS.has(singular(tokens[j]!.lower))) {
    currency = CURRENCY_WORDS.get(singular(tokens[j]!.lower))!;
    j++;
  }
  // "twelve euros and fifty cents": the smaller unit said after the sum is its decimals.
  const cents = currency && !percent && !found.rangeEnd ? subunitsAt(tokens, j) : null;
  if (cents) {
    found.num = { ...num, value: num.value + cents.cents / 100, decimals: 2 };
    j = cents.to;
  }

  // Ages: "33-year-old", "33 years old".
  const ageMatch = matchAge(tokens, j);
  const appositive = !ageMatch && !found.rangeEnd && !found.hedge && isAppositiveAge(tokens, i, j, num);
  if (!percent && !currency && (ageMatch || appositive)) {
    unit = 'year';
    unitClass = 'age';
    j = ageMatch ?? j;
    // An age belongs to someone: "the 32-year-old Smith", "Smith, 32,". Ages of different people
    // are never compared.
    const holder = ageHolder(tokens, i, j);
    if (holder) modifiers = [holder];
  }

  // The counted thing: "dozens of X", "$1.2 billion in X funds", "12,000 North Korean troops".
  let np = { head: '', modifiers: [] as string[], end: j, partitive: false };
  if (!unitClass) {
    let k = j;
    if (tokens[k]?.lower === 'of' && (!num.numeral || num.scale > 1)) k++;
    if (
      currency &&
      (tokens[k]?.lower === 'in' || tokens[k]?.lower === 'of' || tokens[k]?.lower === 'for') &&
      !percent
    )
      k++;
    if (percent && tokens[k]?.lower === 'of') k++;
    // "22 percent back the candidate": after a bare percentage, only a few nouns say what it is of.
    const percentHeadOk =
      !percent || tokens[k - 1]?.lower === 'of' || PERCENT_NOUNS.has(tokens[k]?.lower ?? '');
    // A hyphen glues a unit on: "6.1-magnitude", "11-member".
    const glued = tokens[k]?.text === '-' && tokens[k]!.start === tokens[k - 1]!.end;
    if (glued) k++;
    if (percentHeadOk) np = readNounPhrase(tokens, afterModelName(tokens, k));
    // "35 of the 40 missiles": a part of a counted whole counts the whole's things, marked as a part
    // (compared only with another part: "25 of the 40 missiles"). The whole is read on its own next.
    const whole = !np.head && !percent && !currency ? partOfCountedWhole(tokens, j) : null;
    if (whole) np = { ...whole, partitive: true };
    // "11 Yemeni nationals", "three British citizens": the nationality is what is counted, as in "11 Yemenis".
    const nationality = np.modifiers[np.modifiers.length - 1];
    if (CITIZEN_HEADS.has(np.head) && nationality && NATIONALITY.test(nationality))
      np = { ...np, head: nationality, modifiers: np.modifiers.slice(0, -1) };
    // "a 20-year sentence", "a 100-foot diameter", "the 50-mile-wide river": a measure glued to the
    // number is what the number counts. The noun after it is left out of the modifiers: "a 75-mile
    // wide river" and "the river is 50 miles wide" measure one thing.
    const measure = glued && tokens[k]?.type === 'word' ? singular(tokens[k]!.lower.split('-')[0]!) : '';
    if (np.head && np.head !== measure && (TIME_UNITS.has(measure) || LENGTH_AND_WEIGHT.has(measure)))
      np = { ...np, head: measure, modifiers: [] };
    // "three times as many", "five times the size": a multiple of another figure, not a count.
    if (np.head === 'time' && MULTIPLE_FOLLOWERS.test(tokens[np.end]?.lower ?? '')) return null;
    // A period is not what money pays for: "$1.3 billion for fiscal 2005", "in fiscal year". Nor is a
    // participle or an adverb of payment: "$184 million reported by", "$3 million upfront".
    if (currency && (TIME_UNITS.has(np.head) || np.head === 'fiscal' || notPaidFor(np.head)))
      np = { ...np, head: '', modifiers: [] };
  }

  // ".38 caliber", "a 357-caliber": a calibre is a decimal of an inch, however the point is written.
  if (!percent && !currency && !unitClass && (CALIBRES.has(np.head) || CALIBRES.has(np.modifiers[0] ?? ''))) {
    found.num = { ...found.num, value: calibre(found.num) };
    unit = 'caliber';
    unitClass = 'caliber';
    modifiers = [];
  }
  if (percent) {
    unit = 'percent';
    unitClass = np.head ? `percent:${unitClassOf(np.head)}` : 'percent';
    modifiers = np.modifiers;
  } else if (currency) {
    unit = currency;
    unitClass = np.head ? `money:${currency}:${unitClassOf(np.head)}` : `money:${currency}`;
    // The class, not the word: "a $160 million contract" and "a $210 million offer" are one deal.
    modifiers = np.head ? [unitClassOf(np.head), ...np.modifiers] : [];
  } else if (!unitClass) {
    if (np.head && CURRENCY_WORDS.has(np.head)) {
      unit = CURRENCY_WORDS.get(np.head)!;
      unitClass = `money:${unit}`;
    } else if (np.head) {
      unit = np.head;
      unitClass = membersOfAGroup(tokens, np.end) ? 'person' : unitClassOf(np.head);
      modifiers = np.modifiers;
    } else {
      // A bare number takes its meaning from a measure noun just before it: "magnitude 6.1", or
      // from what happened to people: "at least 17 are dead", "killed almost 600".
      const before = measureBefore(tokens, found.hedge?.from ?? i);
      const fate = before
        ? null
        : refinePersonClass(
            'person',
            // "Two of the wounded" is a part of a group, not a count of its own.
            tokens[j]?.lower === 'of' ? [] : tokens.slice(j, j + 3).map((x) => x.lower),
            verbBefore(tokens, found.hedge?.from ?? i),
          );
      if (before) {
        unit = before;
        unitClass = unitClassOf(before);
      } else if (fate && fate !== 'person') {
        unit = 'people';
        unitClass = fate;
      } else return null;
    }
  }
  if (TIME_UNITS.has(unit) && unitClass !== 'age') unitClass = `duration:${unit}`;
  if (np.partitive) modifiers = [...modifiers, 'part-of'];
  unitClass = refinePersonClass(
    unitClass,
    tokens.slice(np.end, np.end + 4).map((x) => x.lower),
    verbBefore(tokens, found.hedge?.from ?? i),
  );

  const end = Math.max(np.end, j);
  // "A magnitude 6 quake can cause severe damage", "20,000 troops could be sent": a figure that is the
  // subject of a possibility reports nothing that happened ("may have died" still does).
  if (isPossibility(tokens, end)) return null;
  const rate = findRate(tokens, end) ?? rateBefore(tokens, found.hedge?.from ?? i);
  const lastTok = tokens[Math.max(rate ? rate.end : end, j) - 1]!;
  const startTok = tokens[found.hedge?.from ?? i]!;
  const interval = toInterval(found);
  const quantity: Quantity = {
    start: startTok.start,
    end: lastTok.end,
    text: text.slice(startTok.start, lastTok.end),
    value: found.num.value,
    // Written out, not spread: a spread in an object literal is slow in V8, for every quantity.
    low: interval.low,
    high: interval.high,
    lowInclusive: interval.lowInclusive,
    highInclusive: interval.highInclusive,
    unit,
    unitClass,
    modifiers,
    rate: rate?.period ?? null,
    hedge: found.hedge?.words ?? null,
  };
  return { quantity, next: Math.max(j, np.end) };
}

/** Words after a sum that say how it is paid, not what for. */
const PAYMENT_ADVERBS = new Set(['upfront', 'apiece', 'outright', 'overall', 'altogether', 'annually']);
const notPaidFor = (head: string) => PAYMENT_ADVERBS.has(head) || (head.length > 4 && /[^e]ed$/.test(head));

/** Letters glued to a sum scale it: "$184M", "£5m", "$1.2B". (After a bare number "200m" is metres.) */
const GLUED_SCALES = new Map([
  ['m', 1e6],
  // "$200MM": the financial press doubles the M (Roman thousand thousands).
  ['mm', 1e6],
  ['b', 1e9],
]);
function withGluedScale(tokens: Token[], num: NumberMatch): NumberMatch {
  const s = tokens[num.to];
  const scale = s && GLUED_SCALES.get(s.lower);
  if (!scale || num.scale !== 1 || !num.numeral || s.start !== tokens[num.to - 1]!.end) return num;
  return { ...num, to: num.to + 1, value: num.value * scale, scale };
}

const MODALS = new Set(['can', 'could', 'may', 'might', 'cannot']);

/** A modal verb right after the counted thing, not looking back ("may have"): a possibility. */
function isPossibility(tokens: Token[], end: number): boolean {
  const m = tokens[end];
  if (m?.type !== 'word' || !MODALS.has(m.lower)) return false;
  const next = tokens[end + 1]?.lower;
  return next !== 'have' && next !== 'well' && next !== 'now';
}

/** Years, dates, times, ordinals and identifiers are numbers but not amounts. */
function isNotAnAmount(tokens: Token[], num: NumberMatch, text: string): boolean {
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
    !SCALES.has(next.lower)
  )
    return true;
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
  // Identifiers: "Flight 370", "Route 66", "Section 8", "Apollo 11".
  if (
    prev &&
    /^[A-Z][a-z]+$/.test(prev.text) &&
    !STOPWORDS.has(prev.lower) &&
    first.type === 'num' &&
    !/,/.test(first.text) &&
    (next?.type !== 'word' || startsUpper(next.text) || (num.from > 1 && NAME_NUMBER_VERB.test(next.lower)))
  ) {
    if (!MEASURE_BEFORE_OK.has(prev.lower)) return true;
  }
  // A name after the digits that counts nothing: ".357 Magnum", "10 Downing Street", "40 East 23rd".
  // A nationality ("26 Somali pirates", "12 Somali and 11 Yemeni") or a capitalised plural ("30 House
  // Democrats") still counts.
  if (first.type === 'num' && next?.type === 'word' && namesNotCounts(tokens, num.to)) return true;
  // A model code after an acronym: "AK 47 rifles", "G 20".
  if (
    prev &&
    /^[A-Z]{2,4}$/.test(prev.text) &&
    !/^(US|UK|UN|EU)$/.test(prev.text) &&
    first.type === 'num' &&
    !/[,.]/.test(first.text)
  )
    return true;
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

/** "p. m." → "pm", "GMT," → "gmt": the letters of a possible time suffix starting at `at`. */
function timeSuffix(text: string, at: number): string {
  const m = /^(?:[A-Za-z]\.? ?){1,2}(?![A-Za-z])|^[A-Za-z']+/.exec(text.slice(at, at + 12));
  return m ? m[0].replace(/[. ]/g, '').toLowerCase() : '';
}

const MULTIPLE_FOLLOWERS =
  /^(as|more|less|fewer|higher|lower|larger|smaller|greater|bigger|faster|slower|longer|the|that|what)$/;

// Units of length and weight that a hyphen glues to a number before what they measure ("100-foot").
const LENGTH_AND_WEIGHT = new Set(
  'foot feet inch yard mile meter metre kilometer kilometre km pound ton tonne kilogram kg gram gallon liter litre acre hectare'.split(
    ' ',
  ),
);

/** Nouns that a nationality before them makes a count of that nationality: "11 Yemeni nationals". */
const CITIZEN_HEADS = new Set(['national', 'citizen', 'passport holder']);
const NATIONALITY = /^[a-z]+(?:an|ese|ish|i)$/;

// Nouns for people that a place or nationality can describe: "a 66-year-old Lindell woman".
const HOLDER_NOUNS = new Set(
  'man woman boy girl child mother father son daughter resident student teacher driver worker officer soldier player fan victim suspect teenager pedestrian'.split(
    ' ',
  ),
);

const GLUED_UNITS = new Set(
  'km kg g mg m cm mm mph kph ft in lb lbs oz t mw kw gw kwh mwh gb mb tb hz ghz mhz sq pc am pm'.split(' '),
);

/**
 * "nine crew members", "five family members", "12 gang members": members of a group named by a
 * lower-case noun are people (and may die, be hurt or arrested), not member states ("27 EU members",
 * "the alliance's 32 members").
 */
function membersOfAGroup(tokens: Token[], end: number): boolean {
  const head = tokens[end - 1];
  const before = tokens[end - 2];
  return (
    !!head &&
    /^members?$/.test(head.lower) &&
    before?.type === 'word' &&
    /^[a-z]+$/.test(before.text) &&
    // "1,000 suspected members", "elected members": a participle says how, not which group.
    !/ed$/.test(before.text) &&
    !STOPWORDS.has(before.lower)
  );
}

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

// Each hedge's words, split once: findHedge runs for every number of every sentence.
const HEDGE_WORDS = HEDGES.map(([words, kind]) => ({ words, kind, parts: words.split(' ') }));

function findHedge(tokens: Token[], i: number): Found['hedge'] {
  for (const { words, kind, parts } of HEDGE_WORDS) {
    const from = i - parts.length;
    if (from < 0) continue;
    if (parts.every((p, k) => tokens[from + k]!.lower === p)) {
      // "over the next 3 years" is not a hedge; it must sit right before the number.
      return { kind, words, from };
    }
  }
  // "just over", "well over", "just under": widen by the inner hedge, keep the outer words.
  return null;
}

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
  if (name && k === runStart + 1 && DEMONYM.test(name.text)) name = null;
  if (!name && tokens[from - 1]?.text === ',' && tokens[from - 2] && startsUpper(tokens[from - 2]!.text))
    name = tokens[from - 2]!;
  // An apposition: "struck Raj Chohan, a 59-year-old grandmother" (not "In Queens, a 59-year-old…",
  // "On Friday, a …": a name after a preposition is a place or a time).
  const article = tokens[from - 1]?.lower;
  if (
    !name &&
    (article === 'a' || article === 'an' || article === 'the') &&
    tokens[from - 2]?.text === ',' &&
    tokens[from - 3] &&
    /^[A-Z][a-z]/.test(tokens[from - 3]!.text) &&
    !MONTHS.has(tokens[from - 3]!.lower) &&
    !WEEKDAY_NAMES.has(tokens[from - 3]!.lower)
  ) {
    let k = from - 3;
    while (k > 0 && startsUpper(tokens[k - 1]!.text) && !PLACE_OR_TIME_PREPOSITIONS.has(tokens[k - 1]!.lower))
      k--;
    if (!PLACE_OR_TIME_PREPOSITIONS.has(tokens[k - 1]?.lower ?? '')) name = tokens[from - 3]!;
  }
  return name ? `who:${foldName(name.lower.replace(/'s$/, ''))}` : null;
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
  const name = tokens[i - 2];
  return (
    num.numeral &&
    num.scale === 1 &&
    Number.isInteger(num.value) &&
    num.value >= 1 &&
    num.value <= 120 &&
    tokens[i - 1]?.text === ',' &&
    tokens[j]?.text === ',' &&
    name?.type === 'word' &&
    /^[A-Z][a-z]/.test(name.text) &&
    !MONTHS.has(name.lower) &&
    !WEEKDAY_NAMES.has(name.lower)
  );
}

function matchAge(tokens: Token[], j: number): number | null {
  const a = tokens[j];
  if (!a) return null;
  if (a.text === '-' && /^years?-old$/.test(tokens[j + 1]?.lower ?? '')) return j + 2;
  if (/^years?$/.test(a.lower) && tokens[j + 1]?.lower === 'old') return j + 2;
  if (
    a.text === '-' &&
    tokens[j + 1]?.lower === 'year' &&
    tokens[j + 2]?.text === '-' &&
    tokens[j + 3]?.lower === 'old'
  )
    return j + 4;
  return null;
}

/** Marks a part with the size of its whole: "35 of the 40 missiles" → `whole:40`. */
export const WHOLE = 'whole:';

function partOfCountedWhole(tokens: Token[], j: number) {
  if (tokens[j]?.lower !== 'of' || !/^(the|its|their|these|those)$/.test(tokens[j + 1]?.lower ?? ''))
    return null;
  const wholeNumber = readNumber(tokens, j + 2);
  if (!wholeNumber) return null;
  const np = readNounPhrase(tokens, wholeNumber.to);
  // The part ends at its own number: the whole ("40 missiles") stays a figure of its own.
  return np.head
    ? { head: np.head, modifiers: [...np.modifiers, `${WHOLE}${wholeNumber.value}`], end: j }
    : null;
}

function readNounPhrase(tokens: Token[], k: number) {
  const words: Token[] = [];
  // Where each word (with a model code after it) ends.
  const ends: number[] = [];
  let end = k;
  while (end < tokens.length && words.length < 5) {
    const t = tokens[end]!;
    if (t.type !== 'word' || NP_STOP.has(t.lower)) break;
    // "injured 160 north of Baghdad": a direction in lower case starts a place, not what is counted.
    if (/^(north|south|east|west|north-?east|north-?west|south-?east|south-?west)$/.test(t.text)) break;
    if (/ly$/.test(t.lower) && t.lower.length > 4 && !/^(family|ally|supply|rally|italy)$/.test(t.lower))
      break;
    words.push(t);
    end++;
    // A model code: "AK-47 rifles", "AK 47 rifles", "F-16 jets". The digits name the model; what is
    // counted comes after them.
    const code = modelCodeAt(tokens, end - 1);
    if (code > end) end = code;
    ends.push(end);
  }
  if (words.length === 0) return { head: '', modifiers: [] as string[], end: k, partitive: false };
  // The head is the first lower-case plural noun ("North Korean troops"), else the first capitalised
  // plural after the number ("30 House Democrats"), else the last word. Words after a plural head are
  // the verb ("people participate", "Democrats say"), not part of the counted thing.
  let headIdx = words.findIndex((w) => /^[a-z]/.test(w.text) && isPluralNoun(w.text));
  if (headIdx < 0) headIdx = words.findIndex((w) => /^[A-Z][a-z]{2,}s$/.test(w.text) && isPluralNoun(w.text));
  if (headIdx < 0) {
    headIdx = words.length - 1;
    // Skip a trailing participle: "package approved", "partners committed".
    while (headIdx > 0 && /(ed|ing)$/.test(words[headIdx]!.lower)) headIdx--;
  }
  const head = singular(
    words[headIdx]!.lower.replace(/^.*-/, (p) => (words[headIdx]!.lower.endsWith('-old') ? p : '')),
  );
  const modifiers = words
    .slice(0, headIdx)
    .map((w) => w.lower)
    .filter((w) => !VAGUE_MODIFIERS.has(w));
  // "the 20 other languages", "five more people": a remainder beside some already counted, never the
  // total. Marked like a part so it is not compared with a whole.
  if (
    words.slice(0, headIdx).some((w) => REMAINDER.has(w.lower)) ||
    REMAINDER.has(tokens[k - 1]?.lower ?? '')
  )
    modifiers.push('part-of');
  const phraseEnd = ends[headIdx]!;
  // "35 missiles out of 40 launched": a part of the 40.
  const outOf =
    tokens[phraseEnd]?.lower === 'out' && tokens[phraseEnd + 1]?.lower === 'of'
      ? readNumber(tokens, phraseEnd + 2)
      : null;
  if (outOf) modifiers.push(`${WHOLE}${outOf.value}`);
  const partitive =
    !!outOf ||
    (tokens[phraseEnd]?.lower === 'of' &&
      /^(the|its|their|these|those|them|our|his|her|whom|which)$/.test(tokens[phraseEnd + 1]?.lower ?? ''));
  return { head, modifiers, end: phraseEnd, partitive };
}

/** The word right before a number (or its hedge), when it is a verb ending in -ed/-ing: "killing 10". */
function verbBefore(tokens: Token[], i: number): string | null {
  const t = tokens[i - 1];
  return t && t.type === 'word' && (/(ed|ing)$/.test(t.lower) || t.lower === 'lost') ? t.lower : null;
}

function measureBefore(tokens: Token[], i: number): string | null {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const w = tokens[k]!.lower;
    if (MEASURE_NOUNS.has(w)) return w;
    if (tokens[k]!.type !== 'word') return null;
  }
  return null;
}

/**
 * Drop floating-point noise from hedged bounds: 50 × 1.1 is 55, not 55.00000000000001. A positive
 * integer below 10^12 has no noise and at most twelve digits: it is returned as it is, without the
 * (slow) round trip through toPrecision, which would give it back unchanged.
 */
const tidy = (n: number) => {
  if (Number.isInteger(n) && n > 0 && n < 1e12) return n;
  return Number.isFinite(n) ? Number(n.toPrecision(12)) : n;
};

function trailingZeros(n: number): number {
  let zeros = 0;
  while (n >= 10 && n % 10 === 0 && zeros < 15) {
    n /= 10;
    zeros++;
  }
  return zeros;
}

function toInterval(f: Found): Pick<Quantity, 'low' | 'high' | 'lowInclusive' | 'highInclusive'> {
  const r = rawInterval(f);
  return {
    low: tidy(r.low),
    high: tidy(r.high),
    lowInclusive: r.lowInclusive,
    highInclusive: r.highInclusive,
  };
}

function rawInterval(f: Found): Pick<Quantity, 'low' | 'high' | 'lowInclusive' | 'highInclusive'> {
  const { num } = f;
  let low = num.low ?? num.value;
  let high = num.high ?? num.value;
  // A rounded figure stands for [v − step, v + step): its upper bound rounds up to the next figure.
  let rounded = false;
  if (f.rangeEnd) {
    // "from 3 to 5 million": the scale of the second number applies to the first.
    const scaleFix = num.scale === 1 && f.rangeEnd.scale > 1 ? f.rangeEnd.scale : 1;
    low = num.value * scaleFix;
    high = f.rangeEnd.high ?? f.rangeEnd.value;
  } else if (num.decimals > 0 && num.scale > 1 && num.low === undefined) {
    // "1.2 billion" stands for anything that rounds to it.
    const step = (num.scale * 10 ** -num.decimals) / 2;
    low = num.value - step;
    high = num.value + step;
    rounded = true;
  } else if (num.scale >= 1e6 && num.decimals === 0 && num.low === undefined) {
    const step = num.scale / 2;
    if (num.value / num.scale < 10) {
      low = num.value - step;
      high = num.value + step;
      rounded = true;
    }
  } else if (num.scale === 1 && num.decimals === 0 && num.low === undefined && num.value >= 1000) {
    // "2,000 people" is a round figure, "2,012" an exact one: a figure ending in two zeros or more is
    // read as rounded at its last zero but one (2,000 → [1,950, 2,050), 10,000 → [9,500, 10,500)),
    // so an outlet's rounding is no disagreement; "2,000" against "2,400" still is.
    const zeros = trailingZeros(num.value);
    if (zeros >= 2) {
      const step = 10 ** (zeros - 1) / 2;
      low = num.value - step;
      high = num.value + step;
      rounded = true;
    }
  }
  const v = num.value;
  // Bounds stated by "more than" / "fewer than" are the number itself, not its rounding.
  const statedLow = f.rangeEnd ? low : (num.low ?? v);
  const statedHigh = f.rangeEnd ? high : (num.high ?? v);
  switch (f.hedge?.kind) {
    case 'approx':
      return {
        low: Math.min(low, v * (1 - HEDGE_TOLERANCE)),
        high: Math.max(high, v * (1 + HEDGE_TOLERANCE)),
        lowInclusive: true,
        highInclusive: true,
      };
    case 'below-approx':
      return { low: Math.min(low, v * (1 - HEDGE_TOLERANCE)), high, lowInclusive: true, highInclusive: true };
    case 'above':
      return { low: statedLow, high: Number.POSITIVE_INFINITY, lowInclusive: false, highInclusive: false };
    case 'at-least':
      return { low: statedLow, high: Number.POSITIVE_INFINITY, lowInclusive: true, highInclusive: false };
    case 'below':
      return { low: 0, high: statedHigh, lowInclusive: true, highInclusive: false };
    case 'at-most':
      return { low: 0, high: statedHigh, lowInclusive: true, highInclusive: true };
    default:
      return { low, high, lowInclusive: true, highInclusive: !rounded };
  }
}
