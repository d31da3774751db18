// Rates: the period a figure is counted over, whatever words say it. After the figure: "30,000 new
// troops per month", "a month", "each month", "every month", "monthly"; "$5 billion a year",
// "annually", "per annum". Before it (rule rate-before): "a monthly payment of $300", "annual revenue
// of $1.6 billion", "its weekly wage of $300". One period name per rate ("month", "year"), so that a
// figure per month is compared with another per month and never with a total. A stage of the amount reader (amount.ts).

import type { Quantity } from '../types';
import { TIME_UNITS } from '../units';
import type { Token } from '../words';
import { NP_STOP } from './counted-phrase';

export const RATE_WORDS = new Map<string, string>([
  ['daily', 'day'],
  ['weekly', 'week'],
  ['monthly', 'month'],
  ['annually', 'year'],
  ['yearly', 'year'],
  ['annual', 'year'],
  ['hourly', 'hour'],
]);

/**
 * Rule `per-unit`: a figure counted per thing rather than per period is a rate over that thing ("$22
 * million per season", "26 points a game", "$90 a barrel", "$1,200 an ounce", "$40,000 per capita"),
 * compared only with another figure per the same thing and never with a total. A figure per game is a
 * mean over the games, as "averaging 26 points" is (rule averaged, below): one rate. Not "per share":
 * earnings summaries drop the words ("EPS of $1.20" against "$1.20 per share").
 */
const PER_UNIT = new Map<string, string>([
  ['season', 'season'],
  ['game', 'average'],
  ['match', 'average'],
  ['barrel', 'barrel'],
  ['ounce', 'ounce'],
  ['gallon', 'gallon'],
  ['litre', 'litre'],
  ['liter', 'litre'],
  ['ton', 'ton'],
  ['tonne', 'ton'],
  ['capita', 'person'],
  ['head', 'person'],
  ['person', 'person'],
]);

/** "per annum": Latin for a year. */
const PER_ANNUM = 'annum';

/** The rate said right after a figure's words (from token j), and where it ends. */
export function findRate(tokens: Token[], j: number): { period: string; end: number } | null {
  for (let k = j; k < Math.min(tokens.length, j + 3); k++) {
    const t = tokens[k]!;
    const period = RATE_WORDS.get(t.lower);
    if (period !== undefined) return { period, end: k + 1 };
    const n = tokens[k + 1];
    if (t.lower === 'per' && n?.lower === PER_ANNUM) return { period: 'year', end: k + 2 };
    // Rule slash-rate: "$499/month", "$4/gallon" read as "per month", "per gallon" (only glued to the
    // figure: "24/7" is no rate, and a slash further on joins other words).
    const slash = k === j && t.text === '/' && tokens[k - 1]?.end === t.start && n?.start === t.end;
    if (
      (slash ||
        t.lower === 'per' ||
        t.lower === 'a' ||
        t.lower === 'each' ||
        t.lower === 'every' ||
        t.lower === 'an') &&
      n &&
      TIME_UNITS.has(n.lower)
    ) {
      return { period: n.lower, end: k + 2 };
    }
    const unit =
      k === j && n && (slash || t.lower === 'per' || t.lower === 'a' || t.lower === 'an')
        ? PER_UNIT.get(n.lower)
        : undefined;
    if (unit !== undefined) return { period: unit, end: k + 2 };
    if (t.type !== 'word' || NP_STOP.has(t.lower) === false) continue;
  }
  return null;
}

/**
 * The rate said before a figure by an adjective on the noun it is the amount of: "a monthly payment of
 * $300", "annual sales of 2.1 million cars", "the daily average of 1,200". `from` is the figure's first
 * token (its hedge or currency symbol included); the adjective is at most three words before "of".
 */
export function rateBefore(tokens: Token[], from: number): { period: string; end: number } | null {
  let k = from - 1;
  if (tokens[k]?.lower !== 'of') return null;
  for (let n = 0; n < 3; n++) {
    const t = tokens[--k];
    if (t?.type !== 'word') return null;
    const period = RATE_WORDS.get(t.lower);
    // The adjective qualifies the noun: "annual revenue of", not the noun itself ("the annual of").
    if (period !== undefined) return n > 0 ? { period, end: from } : null;
    if (NP_STOP.has(t.lower) || !/^[a-z]/.test(t.text)) return null;
  }
  return null;
}

/** A verb of a mean: "has averaged 30 home runs", "averaging 1,200 a game" (its period then said). */
const AVERAGE_VERBS = new Set(['averaged', 'averages', 'averaging']);

/**
 * Rule `averaged`: a figure a verb tells as a mean ("has averaged more than 30 home runs … in his six
 * big-league seasons") is a rate over periods the sentence may leave unnamed, never a total: its rate
 * is `average`, so it is compared only with another mean. `from` is the figure's first token (its
 * hedge included); the verb stands right before it. The figure's words still end at `end`.
 */
export function averageBefore(
  tokens: Token[],
  from: number,
  end: number,
): { period: string; end: number } | null {
  const verb = tokens[from - 1];
  return verb !== undefined && AVERAGE_VERBS.has(verb.lower) ? { period: 'average', end } : null;
}

/** Words that make a run of periods: "the fifth straight 30-homer season", "third consecutive year". */
const SERIES_WORDS = new Set(['straight', 'consecutive', 'successive']);
/** A series word right before the figure, past compounds listed ahead of it: "straight 30-homer, 100-RBI". */
function afterSeriesWord(tokens: Token[], from: number): boolean {
  for (let k = from - 1; k >= Math.max(0, from - 8); k--) {
    const t = tokens[k]!;
    if (SERIES_WORDS.has(t.lower)) return true;
    const glued = t.type === 'word' && tokens[k - 1]?.text === '-' && tokens[k - 1]!.end === t.start;
    if (!(glued || t.type === 'num' || t.text === '-' || t.text === ',' || t.lower === 'and')) return false;
  }
  return false;
}

/** The periods a run counts. */
const SERIES_PERIODS = new Set(['season', 'seasons', 'year', 'years', 'game', 'games']);

/**
 * Rule threshold-of-a-run: a figure that marks a run of periods ("the fifth straight 30-homer, 100-RBI
 * season", "his third consecutive 1,000-yard season") is reached in each of them: a rate per period,
 * never a total, so "13 homers with the Angels" is not compared with it. A series word right before the
 * figure, or before the compounds listed ahead of it ("straight 30-homer, 100-RBI"), and the period's
 * noun within the six tokens after.
 */
export function seriesRate(
  tokens: Token[],
  from: number,
  end: number,
): { period: string; end: number } | null {
  if (!afterSeriesWord(tokens, from)) return null;
  for (let k = from; k < Math.min(tokens.length, end + 6); k++) {
    const t = tokens[k]!.lower;
    if (SERIES_PERIODS.has(t)) return { period: t.endsWith('s') ? t.slice(0, -1) : t, end };
    if (t === '.' || t === ';') return null;
  }
  return null;
}

/**
 * Rule rate-of-a-change: the two values of one change share their measure. "A monthly cost of $599
 * reduced to $424.15 for the first three months" tells $424.15 a month, as "$499/month … reducing the
 * investment to just $424.15/month" does (SummEdits sales_email_24); "fares rose from $2 a ride to $2.50"
 * tells $2.50 a ride. A figure without a rate of its own, joined to the figure of the same kind right
 * before it by a verb of change and "to" or "from" (or by "from … to"), takes that figure's rate, and
 * the first takes the second's the same way. A pass over a sentence's quantities (index.ts).
 */
export function carryRateAcrossChange(qs: Quantity[], text: string): void {
  for (let k = 1; k < qs.length; k++) {
    const x = qs[k - 1]!;
    const y = qs[k]!;
    if (x.unitClass !== y.unitClass || (x.rate === null) === (y.rate === null)) continue;
    const between = text.slice(x.end, y.start);
    const fromTo =
      FROM_BEFORE.test(text.slice(Math.max(0, x.start - 6), x.start)) && /^\s*to\s*$/i.test(between);
    if (!fromTo && !CHANGE_BETWEEN.test(between)) continue;
    if (x.rate === null) qs[k - 1] = { ...x, rate: y.rate };
    else qs[k] = { ...y, rate: x.rate };
  }
}
const CHANGE_BETWEEN =
  /^\s*,?\s*(?:(?:which|that)\s+)?(?:(?:is|was|has been|will be|being)\s+)?(?:reduced|cut|lowered|discounted|slashed|raised|increased|decreased|dropped|fell|falling|rose|rising|climbed|jumped|down|up|going|went)\s+(?:to|from)\s*$/i;
const FROM_BEFORE = /\bfrom\s*$/i;
