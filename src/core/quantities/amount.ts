// Amounts: a number and what follows it, read in stages, each of one kind, in this order:
//   figure.ts      the number, its currency symbol, hedge and range
//   percents.ts    "%", "per cent", "percentage points"
//   money.ts       a currency word after the number, cents
//   age.ts         "33-year-old", "Smith, 32,"
//   counts.ts      what is counted ("North Korean troops"), calibres
//   then the class: percents.ts, money.ts or counts.ts by what was read; durations.ts; fates.ts
// and the rate ("a year", rates.ts). A new kind of amount is a stage here and a family in the class.

import { andAHalf, halvedUnit } from '../numbers';
import type { Quantity } from '../types';
import { unitClassKey } from '../unit-class';
import type { Token } from '../words';
import { readAge } from './age';
import { classifyCount, readCalibre, readCompanion, readCountedThing } from './counts';
import { readDuration } from './durations';
import { readFate, readPropertyFate } from './fates';
import { readFigure } from './figure';
import { toInterval } from './interval';
import { classifyMoney, readCurrencyAfter } from './money';
import { classifyPercent, readPercentSign } from './percents';
import { averageBefore, findRate, rateBefore, seriesRate } from './rates';
import { readTemperature } from './temperatures';

export function readAmountAt(
  tokens: Token[],
  i: number,
  text: string,
): { quantity: Quantity; next: number } | null {
  const r = readFigure(tokens, i, text);
  if (!r) return null;
  readPercentSign(r, tokens);
  readCurrencyAfter(r, tokens);
  readAge(r, tokens);
  if (!readTemperature(r, tokens)) return null;
  if (!readCountedThing(r, tokens)) return null;
  readCalibre(r);
  if (r.percent) classifyPercent(r);
  else if (r.currency) classifyMoney(r, tokens);
  else if (r.unitClass === null && !classifyCount(r, tokens)) return null;
  // "a year and a half": the half after the unit is the number's (numbers.ts, rule and-a-half).
  if (halvedUnit(r.unit) && !r.found.num.numeral && r.found.num.value === 1.5 && andAHalf(tokens, r.np.end))
    r.j = r.np.end + 3;
  readDuration(r);
  if (
    (r.np.partitive || selectsPart(tokens, r.found.hedge?.from ?? i) || byManner(tokens, r.np.end)) &&
    !r.modifiers.includes('part-of')
  )
    r.modifiers = [...r.modifiers, 'part-of'];
  const window = windowOf(tokens, r.found.hedge?.from ?? i);
  if (window) r.modifiers = [...r.modifiers.filter((m) => m !== 'part-of'), 'part-of', window];
  readFate(r, tokens);
  readPropertyFate(r, tokens);
  readCompanion(r, tokens);

  const { found, np, j } = r;
  const end = Math.max(np.end, j);
  // "A magnitude 6 quake can cause severe damage", "20,000 troops could be sent": a figure that is the
  // subject of a possibility reports nothing that happened ("may have died" still does).
  if (isPossibility(tokens, end)) return null;
  const from = found.hedge?.from ?? i;
  const rate =
    findRate(tokens, end) ??
    rateBefore(tokens, from) ??
    averageBefore(tokens, from, end) ??
    seriesRate(tokens, from, end);
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
    unit: r.unit,
    unitClass: unitClassKey(r.unitClass!),
    modifiers: r.modifiers,
    rate: rate?.period ?? null,
    hedge: found.hedge?.words ?? null,
  };
  return { quantity, next: Math.max(j, np.end) };
}

/**
 * Words that pick the first or last few of a series: "his first two seasons", "the final three games".
 * Not "last": "over the last two weeks" is the span up to now, as "the past two weeks" is.
 */
const SELECTORS = new Set(['first', 'final', 'opening']);
const DETERMINERS = new Set(['the', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

/**
 * Rule first-or-last-few: "his first two seasons", "the final five games" are a part of a longer series
 * (his whole tenure, the whole season), marked like a part so they are compared only with another
 * part: "Cheeks guided the team to the playoffs his first two seasons" says nothing against "over three
 * seasons at the helm".
 */
function selectsPart(tokens: Token[], start: number): boolean {
  const w = tokens[start - 1];
  return w?.type === 'word' && SELECTORS.has(w.lower) && DETERMINERS.has(tokens[start - 2]?.lower ?? '');
}

/**
 * Rule window-of-a-series: "won 18 of its next 23 games", "losing eight of their last 10 games": the
 * number after "of" and a word that picks a stretch of a series counts the games of a stretch the
 * writer chose, a part of the season, not its games. Marked as a part, and by the stretch it picks
 * ("window:next"), so two different stretches are two groups.
 */
function windowOf(tokens: Token[], start: number): string | null {
  const w = tokens[start - 1];
  if (w?.type !== 'word' || !WINDOWS.has(w.lower)) return null;
  if (!DETERMINERS.has(tokens[start - 2]?.lower ?? '') || tokens[start - 3]?.lower !== 'of') return null;
  return `window:${w.lower === 'past' || w.lower === 'previous' ? 'last' : w.lower === 'following' ? 'next' : w.lower}`;
}
const WINDOWS = new Set(['next', 'last', 'past', 'previous', 'following', 'first', 'final', 'opening']);

/** Determiners and pronouns after "by" that start its agent ("by the Navy"), not a manner. */
const AGENT_STARTS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'this',
  'that',
  'police',
]);

/**
 * Rule by-manner: "51 wins coming by way of knockout", "12 deaths by drowning", "300 votes via mail"
 * count the part of the wins, deaths or votes that came one way: marked as a part, compared only with
 * another part ("58 wins and three defeats" is the whole record). "By" an agent ("captured by the
 * Navy", "by Smith") is who did it, not a manner.
 */
function byManner(tokens: Token[], end: number): boolean {
  let k = end;
  if (tokens[k]?.lower === 'coming' || tokens[k]?.lower === 'came') k++;
  const p = tokens[k]?.lower;
  if (p === 'via') return tokens[k + 1]?.type === 'word';
  if (p !== 'by') return false;
  if (tokens[k + 1]?.lower === 'way' && tokens[k + 2]?.lower === 'of') return true;
  const w = tokens[k + 1];
  return (
    w?.type === 'word' && /^[a-z]/.test(w.text) && !AGENT_STARTS.has(w.lower) && !/(?:ed|en)$/.test(w.lower)
  );
}

const MODALS = new Set(['can', 'could', 'may', 'might', 'cannot']);

/** A modal verb right after the counted thing, not looking back ("may have"): a possibility. */
function isPossibility(tokens: Token[], end: number): boolean {
  const m = tokens[end];
  if (m?.type !== 'word' || !MODALS.has(m.lower)) return false;
  const next = tokens[end + 1]?.lower;
  return next !== 'have' && next !== 'well' && next !== 'now';
}
