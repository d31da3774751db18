// Dates, years and clock times as claims (issue 15 item 2, DIAGNOSIS row 3): "guided for 2023",
// "until 1997", "in July", "arrive at 6:55 PM". A reader of its own, before the amount reader (which
// sets years, dates and times aside as no amounts), making quantities of the date families: a year
// (`date:year`), a month (`date:month`) and a time of day (`time:clock`). They are compared only
// within their family, through the same subject rules as any figure, and only where the rest of the
// two sentences agrees (crossref's date-needs-agreeing-rest).
import type { Quantity } from '../types';
import { type UnitClass, unitClassKey } from '../unit-class';
import { startsUpper, type Token } from '../words';
import { exactQuantity } from './exact';

/** A time of day's class. */
const CLOCK: UnitClass = { family: 'time', unit: 'clock' };

/**
 * What a date says of its event, from the word that governs it: the time it happened ("in 2021",
 * "for 2023", "third quarter of 2020"), the time up to which ("until 1997", "by 2030") or from which
 * ("since 2019"). "Until 1997" against "in 1987" are two facts, not two accounts of one.
 */
const RELATION = new Map<string, string>([
  ['in', 'at'],
  ['for', 'at'],
  ['during', 'at'],
  ['of', 'at'],
  ['fiscal', 'at'],
  ['fy', 'at'],
  ['until', 'until'],
  ['till', 'until'],
  ['through', 'until'],
  ['by', 'until'],
  ['before', 'until'],
  ['since', 'since'],
  ['after', 'since'],
]);

const MONTH_INDEX = new Map<string, number>(
  'january february march april may june july august september october november december'
    .split(' ')
    .map((m, k): [string, number] => [m, k + 1]),
);

/** Whether readDateAt may read something at this token: digits, a time, a capitalised month. */
export const mayStartDate = (t: Token) =>
  t.type === 'num' ||
  t.type === 'time' ||
  (t.type === 'word' && MONTH_INDEX.has(t.lower) && startsUpper(t.text));

/** Letters after a time that make it one: "6:55 PM", "7 p.m.", "10 GMT" (dots and spaces dropped). */
const MERIDIEM = new Set(['am', 'pm']);

/**
 * A date quantity starting at token i, or null. A year or a month is a claim only when a word before it
 * says what it dates ("in", "for", "until", "Q4") and it does not open the sentence as its setting ("In
 * 2008, the pair last met": a sentence dated to another time is background, not a claim about that
 * time). A calendar day ("June 24, 2005") is left to the subject rules, which already tell days apart.
 */
export function readDateAt(
  tokens: Token[],
  i: number,
  text: string,
): { quantity: Quantity; next: number } | null {
  const t = tokens[i]!;
  if (t.type === 'time' || t.type === 'num') {
    const clock = readClock(tokens, i, text);
    if (clock) return clock;
  }
  if (t.type === 'num') return readYear(tokens, i, text);
  if (t.type === 'word' && startsUpper(t.text) && MONTH_INDEX.has(t.lower) && t.lower !== 'may')
    return readMonth(tokens, i, text);
  return null;
}

/** The relation a governing word gives the date at i, or null when none governs it or it only sets the scene. */
function governed(tokens: Token[], from: number, to: number): string | null {
  const g = from - 1;
  // "Q4 2019", "H1 2021": a quarter or half of the year.
  if (
    tokens[g]?.type === 'num' &&
    /^[QH]$/.test(tokens[g - 1]?.text ?? '') &&
    tokens[g - 1]!.end === tokens[g]!.start
  )
    return 'at';
  // Rule period-apposition-year: a year set right after the period it numbers dates that period, as
  // "of" does: "4Q 2021", "Third quarter 2020 earnings", "the full year 2021", "first half 2020" (not a
  // count of 2020 earnings).
  if (
    /^[QH]$/.test(tokens[g]?.text ?? '') &&
    tokens[g - 1]?.type === 'num' &&
    tokens[g - 1]!.end === tokens[g]!.start
  )
    return 'at';
  if (APPOSED_PERIODS.has(tokens[g]?.lower ?? '') && tokens[g]!.end < tokens[from]!.start) return 'at';
  // Rule year-of-a-day: the year of a calendar day ("before 31st August 2022", "sign up before August
  // 31st, 2023") dates what the day's own word governs: a deadline's year is a claim like "by 2023".
  const day = dayBefore(tokens, g);
  if (day !== null) return RELATION.get(tokens[day - 1]?.lower ?? '') ?? null;
  // "in the third quarter of 2020" reaches the year through "of".
  const word = tokens[g]?.lower ?? '';
  // Rule base-year: "difficult comparisons with 2019", "compared with 2020": the year of a comparison's
  // base is read (and compared only with another base: comparison-base).
  const relation =
    RELATION.get(word) ?? (word === 'with' && COMPARISON.test(tokens[g - 1]?.lower ?? '') ? 'at' : null);
  if (relation === null) return null;
  // "In 2008, last time the pair met, …": a setting of the whole sentence.
  if (tokens[to]?.text === ',' && opensSentence(tokens, g)) return null;
  // "of" dates only a period: "the third quarter of 2020", "the end of 2021" (not "the class of 2020"
  // but that is rare in news); else "of 2020" is part of a name.
  if (word === 'of' && !PERIOD_NOUNS.has(tokens[g - 1]?.lower ?? '')) return null;
  return relation;
}
/**
 * Where the calendar day a year closes starts ("31st August" or "August 31st," before the year at g + 1),
 * or null.
 */
function dayBefore(tokens: Token[], g: number): number | null {
  const k = tokens[g]?.text === ',' ? g - 1 : g;
  const isDay = (t: Token | undefined) =>
    t?.type === 'ord' || (t?.type === 'num' && /^\d{1,2}$/.test(t.text));
  const isMonth = (t: Token | undefined) =>
    t?.type === 'word' && MONTH_INDEX.has(t.lower) && startsUpper(t.text);
  if (isDay(tokens[k]) && isMonth(tokens[k - 1])) return k - 1;
  if (isMonth(tokens[k]) && isDay(tokens[k - 1]) && k === g) return k - 1;
  return null;
}

const COMPARISON = /^compar(?:ed|isons?)$/;
/** Periods a year follows directly to number them ("quarter 2020", "year 2021"). */
const APPOSED_PERIODS = new Set(['quarter', 'half', 'year']);
const PERIOD_NOUNS = new Set([
  'quarter',
  'half',
  'year',
  'end',
  'start',
  'beginning',
  'middle',
  // Rule rest-of-a-period: "the remainder of 2021" and "the balance of 2022" are "the rest of" it.
  'rest',
  'remainder',
  'balance',
  'summer',
  'spring',
  'fall',
  'autumn',
  'winter',
]);

/** The token at g opens its sentence (maybe after a quote mark or a dash). */
function opensSentence(tokens: Token[], g: number): boolean {
  for (let k = g - 1; k >= 0; k--) if (tokens[k]!.type !== 'punct') return false;
  return true;
}

/** Words that may follow a year and start no count: "in 1878 by", "since 1878, when". */
const AFTER_A_YEAR = new Set('and or but by when as after before until with at on under in to'.split(' '));
/**
 * Rule early-year: a four-digit number from 1000 to 1899 is a year only where nothing else fits: right
 * after "in", "since", "by", "before", "until" or "after" and followed by no noun it could count ("founded
 * in 1878", "first held in 1877,"; not "in 1500 cases"). Later years are read more widely (see readYear).
 */
function earlyYear(tokens: Token[], i: number): boolean {
  if (Number(tokens[i]!.text) < 1000) return false;
  const word = tokens[i - 1]?.lower ?? '';
  if (!['in', 'since', 'by', 'before', 'until', 'after'].includes(word)) return false;
  const next = tokens[i + 1];
  return next === undefined || next.type === 'punct' || AFTER_A_YEAR.has(next.lower);
}

function readYear(tokens: Token[], i: number, text: string) {
  const t = tokens[i]!;
  if (!/^\d{4}$/.test(t.text)) return null;
  const year = Number(t.text);
  if (year > 2100 || (year < 1900 && !earlyYear(tokens, i))) return null;
  // "2019-2021", "2019 to 2021": a span, not one year.
  const next = tokens[i + 1];
  if (next && (next.text === '-' || next.lower === 'to') && /^\d{4}$/.test(tokens[i + 2]?.text ?? ''))
    return null;
  // A count of things ("2000 people") is the amount reader's.
  const relation = governed(tokens, i, i + 1);
  if (relation === null) return null;
  return {
    quantity: dateQuantity(
      tokens,
      tokens[i - 1]!.type === 'num' ? i - 2 : i,
      i + 1,
      text,
      year,
      'year',
      { family: 'date', unit: 'year' },
      relation,
    ),
    next: i + 1,
  };
}

function readMonth(tokens: Token[], i: number, text: string) {
  const t = tokens[i]!;
  // "July 3", "3 July": a calendar day.
  const next = tokens[i + 1];
  if (
    next?.type === 'num' ||
    next?.type === 'ord' ||
    tokens[i - 1]?.type === 'num' ||
    tokens[i - 1]?.type === 'ord'
  )
    return null;
  const relation = governed(tokens, i, i + 1);
  if (relation === null) return null;
  return {
    quantity: dateQuantity(
      tokens,
      i,
      i + 1,
      text,
      MONTH_INDEX.get(t.lower)!,
      'month',
      { family: 'date', unit: 'month' },
      relation,
    ),
    next: i + 1,
  };
}

/**
 * A time of day: "6:55 PM", "7 p.m.", "at 6:30". A bare hour ("at 6") only after "at" and before the
 * end of a clause. Kept on a twelve-hour dial (a writer who says "at 6" means the one the reader
 * knows): 6:55 PM is 415 minutes.
 */
function readClock(tokens: Token[], i: number, text: string) {
  const t = tokens[i]!;
  let hours: number;
  let minutes = 0;
  // Rule spaced-clock: ECB+ and some wires print "3:10 p.m." as "3 : 10 p. m.": its minutes are no
  // time of their own ("10 p. m.").
  if (tokens[i - 1]?.text === ':' && tokens[i - 2]?.type === 'num') return null;
  const spaced = t.type === 'num' && tokens[i + 1]?.text === ':' && /^\d\d$/.test(tokens[i + 2]?.text ?? '');
  // Rule dotted-clock: British, Irish, Indian and Australian outlets write "8.40pm", "9.25 am": hours
  // and minutes split by a point, a time only with its meridiem after it ("8.40 miles" is a length).
  const dotted = t.type === 'num' && /^\d{1,2}\.\d\d$/.test(t.text);
  if (t.type === 'time') {
    const [h, m] = t.text.split(':');
    hours = Number(h);
    minutes = Number(m);
  } else if (/^\d{1,2}$/.test(t.text)) hours = Number(t.text);
  else if (dotted) [hours, minutes] = t.text.split('.').map(Number) as [number, number];
  else return null;
  if (spaced) minutes = Number(tokens[i + 2]!.text);
  if (hours > 24 || minutes > 59) return null;
  const last = spaced ? i + 2 : i;
  const suffix = meridiemAt(tokens, last + 1, text);
  if ((spaced || dotted) && suffix === null) return null;
  let end = suffix ?? i + 1;
  if (suffix === null) {
    const before = tokens[i - 1]?.lower;
    const after = tokens[i + 1];
    // "at 6:30", "at 6." / "at 6 tonight": a bare number needs "at" and a clause end after it.
    const clauseEnds =
      !after || (after.type === 'punct' && !NOT_CLAUSE_END.has(after.text)) || CLOCK_AFTER.has(after.lower);
    if (before !== 'at' || (t.type !== 'time' && (!clauseEnds || hours > 12))) return null;
    if (t.type === 'num' && after && CLOCK_AFTER.has(after.lower)) end = i + 1;
  }
  const value = (hours % 12) * 60 + minutes;
  const quantity = dateQuantity(tokens, i, end, text, value, 'minute', CLOCK, clockRelation(tokens, i));
  return { quantity: roundClock(quantity, minutes, tokens[i - 1]?.lower), next: end };
}

/**
 * Rule round-clock-time: a time on the hour or the half hour stands for the minutes around it, as a
 * round number does ("7 p.m." and "7:01 p.m." are one moment told to two precisions; "3:30 a.m." and
 * "3:33 a.m." one call), five minutes either way, fifteen after "about", "around", "approximately" or
 * "roughly" ("at about 7 p.m."). A time told to the minute ("7:01") is exact.
 */
function roundClock(q: Quantity, minutes: number, before: string | undefined): Quantity {
  if (minutes % 30 !== 0) return q;
  const hedged = before !== undefined && CLOCK_HEDGES.has(before);
  const slack = hedged ? 15 : 5;
  return { ...q, low: q.value - slack, high: q.value + slack, hedge: hedged ? before : null };
}
const CLOCK_HEDGES = new Set(['about', 'around', 'approximately', 'roughly', 'approx']);

/**
 * What a time of day says of its event, from the word before it: "at 6:55 PM" is when it happened,
 * "shortly before 9pm" up to when, "by 4 p.m." no later than (a deadline), "just after 6am" from when, "as of 4:00 p.m." when a
 * running count was taken: "began at 8 am" and "as of 4 p.m." are two moments, not one told twice.
 */
function clockRelation(tokens: Token[], i: number): string {
  const before = tokens[i - 1]?.lower ?? '';
  if (before === 'of' && tokens[i - 2]?.lower === 'as') return 'as-of';
  if (before === 'of' || before === 'in' || before === 'for') return 'at';
  // Rule two-deadlines: "extinguished by 7 a.m." is no later than, a deadline met, not when it happened.
  if (before === 'by') return 'by';
  return RELATION.get(before) ?? 'at';
}
const NOT_CLAUSE_END = new Set(['%', '-', ':', '/']);
const CLOCK_AFTER = new Set(['tonight', 'tomorrow', 'today', 'sharp', "o'clock", 'oclock']);

/** The end of "PM", "p.m.", "p. m." after a number at k, or null. */
function meridiemAt(tokens: Token[], k: number, text: string): number | null {
  const a = tokens[k];
  if (a?.type !== 'word') return null;
  if (MERIDIEM.has(a.lower)) return k + 1;
  if ((a.lower === 'a' || a.lower === 'p') && tokens[k + 1]?.text === '.' && tokens[k + 2]?.lower === 'm') {
    const dot = tokens[k + 3]?.text === '.' ? k + 4 : k + 3;
    return text.slice(a.start, tokens[dot - 1]!.end).length <= 6 ? dot : null;
  }
  return null;
}

function dateQuantity(
  tokens: Token[],
  from: number,
  to: number,
  text: string,
  value: number,
  unit: string,
  unitClass: UnitClass,
  relation: string,
): Quantity {
  return exactQuantity(text, tokens[from]!.start, tokens[to - 1]!.end, value, unit, unitClassKey(unitClass), [
    `when:${relation}`,
  ]);
}
