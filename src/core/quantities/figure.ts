// The figure an amount starts with: a currency symbol, the number (a glued scale: "$184M"), the hedge
// before it and a range after it ("between 40 and 50", "40-50", "from 3 to 5 million"). The first
// stage of the amount reader; null when the number is no amount ("2-0 win", "outnumber them 3 to 1").

import { mayStartNumber, readNumber } from '../numbers';
import { CURRENCY_SYMBOLS, DOLLAR_COUNTRIES } from '../units';
import type { Token } from '../words';
import { type Found, findHedge } from './hedges';
import { withGluedScale } from './money';
import { isNotAnAmount } from './not-an-amount';
import { type AmountReading, noPhrase } from './reading';

/** Only a number, or a currency symbol before one, starts an amount: most tokens are neither. */
export const mayStartAmount = (t: Token) =>
  t.type === 'punct' ? CURRENCY_SYMBOLS.has(t.text) : mayStartNumber(t);

/** Words before "3% to 5%" that make it a change by one figure to the other, not a range. */
const CHANGE_BEFORE = new Set(
  'from by rose fell rise rises falls climbed jumped dropped declined increased decreased grew gained lost slipped surged soared slumped plunged edged cut raised lowered'.split(
    ' ',
  ),
);
const isRangeSep = (t: Token | undefined) => t !== undefined && (t.text === '-' || t.lower === 'to');

export function readFigure(tokens: Token[], i: number, text: string): AmountReading | null {
  const t = tokens[i]!;
  let currency: string | null = null;
  let numStart = i;
  if (t.type === 'punct' && CURRENCY_SYMBOLS.has(t.text)) {
    currency = CURRENCY_SYMBOLS.get(t.text)!;
    numStart = i + 1;
    if (t.text === '$') {
      // Rule country-dollar: "A$1.5 billion", "C$2m", "$US1 million", "$A40": a country's letters
      // glued to the dollar sign say whose dollar it is; a bare "$" stays the US dollar.
      const glued = (u: Token | undefined, v: Token | undefined) => u && v && u.end === v.start;
      const before = tokens[i - 1];
      const after = tokens[i + 1];
      if (glued(before, t) && DOLLAR_COUNTRIES.has(before!.lower))
        currency = DOLLAR_COUNTRIES.get(before!.lower)!;
      else if (
        after?.type === 'word' &&
        DOLLAR_COUNTRIES.has(after.lower) &&
        (glued(t, after) || glued(after, tokens[i + 2]))
      ) {
        currency = DOLLAR_COUNTRIES.get(after!.lower)!;
        numStart = i + 2;
      }
    }
    // "US$", "A$": the country letters are read with the sign that follows them, never as an amount.
  } else if (tokens[i + 1]?.text === '$' && DOLLAR_COUNTRIES.has(t.lower) && t.end === tokens[i + 1]!.start)
    return null;
  const read = readNumber(tokens, numStart);
  if (!read) return null;
  const num = currency ? withGluedScale(tokens, read) : read;
  if (currency === null && isNotAnAmount(tokens, num, text)) return null;

  const found: Found = { num, hedge: findHedge(tokens, i), rangeEnd: null };
  let j = num.to;
  // Ranges: "between 40 and 50", "40-50", "from 3 to 5 million", "40 to 50".
  // Rule percent-range: a percent sign at both bounds ("up 4% to 7%") still makes one range, as "4-7%".
  // Not after a change ("fell 3% to 5%", "from 3% to 5%": by 3 points, to 5 %).
  const before = found.hedge?.from ?? i;
  const prevWord = tokens[before - 1]?.lower;
  const signed =
    tokens[j]?.text === '%' &&
    isRangeSep(tokens[j + 1]) &&
    tokens[j + 3]?.text === '%' &&
    !CHANGE_BEFORE.has(prevWord ?? '');
  const sep = tokens[signed ? j + 1 : j];
  // "between 40 and 50", "in the range of $11,100 million and $11,250 million" (rule range-of-and).
  const joins = prevWord === 'between' || (prevWord === 'of' && tokens[before - 2]?.lower === 'range');
  if (sep && (sep.text === '-' || sep.lower === 'to' || (sep.lower === 'and' && joins))) {
    if (signed) j++;
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
  return {
    i,
    num,
    found,
    j,
    currency,
    percent: false,
    unit: '',
    unitClass: null,
    modifiers: [],
    np: noPhrase(j),
  };
}
