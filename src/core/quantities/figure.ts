// The figure an amount starts with: a currency symbol, the number (a glued scale: "$184M"), the hedge
// before it and a range after it ("between 40 and 50", "40-50", "from 3 to 5 million"). The first
// stage of the amount reader; null when the number is no amount ("2-0 win", "outnumber them 3 to 1").

import { mayStartNumber, readNumber } from '../numbers';
import { CURRENCY_SYMBOLS } from '../units';
import type { Token } from '../words';
import { type Found, findHedge } from './hedges';
import { withGluedScale } from './money';
import { isNotAnAmount } from './not-an-amount';
import { type AmountReading, noPhrase } from './reading';

/** Only a number, or a currency symbol before one, starts an amount: most tokens are neither. */
export const mayStartAmount = (t: Token) =>
  t.type === 'punct' ? CURRENCY_SYMBOLS.has(t.text) : mayStartNumber(t);

export function readFigure(tokens: Token[], i: number, text: string): AmountReading | null {
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
