import { MONTHS, startsUpper, type Token, withoutPossessive } from '../words';

export const WEEKDAYS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

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

export const MONTH_NAMES = new Set(
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
