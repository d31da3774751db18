// Money (family money, one class per currency): "$1.2 billion", "£5m", "50 million euros", "twelve
// euros and fifty cents", "$1.2 billion in aid". Stages of the amount reader: the symbol before the
// number is read with the number (figure.ts); the currency word and cents after it here, and what the
// sum pays for by the counted-thing stage (counts.ts), which asks this file what is no such thing.

import { subunitsAt } from '../number-words';
import type { NumberMatch } from '../numbers';
import { CURRENCY_WORDS, DOLLAR_COUNTRIES, TIME_UNITS, unitClassOf } from '../units';
import { singular, type Token } from '../words';
import { readNounPhrase } from './noun-phrase';
import type { AmountReading } from './reading';

/** Letters glued to a sum scale it: "$184M", "£5m", "$1.2B". (After a bare number "200m" is metres.) */
const GLUED_SCALES = new Map([
  ['m', 1e6],
  ['mn', 1e6],
  ['bn', 1e9],
  // "$200MM": the financial press doubles the M (Roman thousand thousands).
  ['mm', 1e6],
  ['b', 1e9],
]);
export function withGluedScale(tokens: Token[], num: NumberMatch): NumberMatch {
  const s = tokens[num.to];
  const scale = s && GLUED_SCALES.get(s.lower);
  if (!scale || num.scale !== 1 || !num.numeral || s.start !== tokens[num.to - 1]!.end) return num;
  return { ...num, to: num.to + 1, value: num.value * scale, scale };
}

/** Currency named after the number ("50 million euros", "300 dollars") and the cents said after a sum. */
export function readCurrencyAfter(r: AmountReading, tokens: Token[]): void {
  // Rule scale-before-currency: "2m euros", "30bn pounds": a scale letter glued to a number is a
  // scale, not metres, when a currency word follows it.
  const next = tokens[r.j + 1];
  if (
    !r.currency &&
    !r.percent &&
    next &&
    CURRENCY_WORDS.has(singular(next.lower)) &&
    r.found.num === r.num
  ) {
    const scaled = withGluedScale(tokens, r.num);
    if (scaled !== r.num && scaled.to === r.j + 1) {
      r.num = scaled;
      r.found.num = scaled;
      r.j++;
    }
  }
  const word = tokens[r.j];
  // "15 million Canadian dollars": the country before "dollars" says whose (rule country-dollar).
  const country = word && word.lower.length > 2 ? DOLLAR_COUNTRIES.get(word.lower) : undefined;
  if (!r.currency && !r.percent && country && singular(tokens[r.j + 1]?.lower ?? '') === 'dollar') {
    r.currency = country;
    r.j += 2;
  } else if (!r.currency && !r.percent && word && CURRENCY_WORDS.has(singular(word.lower))) {
    r.currency = CURRENCY_WORDS.get(singular(word.lower))!;
    r.j++;
  }
  // "twelve euros and fifty cents": the smaller unit said after the sum is its decimals.
  const cents = r.currency && !r.percent && !r.found.rangeEnd ? subunitsAt(tokens, r.j) : null;
  if (cents) {
    r.found.num = { ...r.num, value: r.num.value + cents.cents / 100, decimals: 2 };
    r.j = cents.to;
  }
}

/** "$1.2 billion in aid", "of", "for": the word between a sum and what it pays for. */
export const PAID_FOR = new Set(['in', 'of', 'for']);

/** Words after a sum that say how it is paid, not what for. */
const PAYMENT_ADVERBS = new Set(['upfront', 'apiece', 'outright', 'overall', 'altogether', 'annually']);
const notPaidFor = (head: string) => PAYMENT_ADVERBS.has(head) || (head.length > 4 && /[^e]ed$/.test(head));

/**
 * A period is not what money pays for: "$1.3 billion for fiscal 2005", "in fiscal year". Nor is a
 * participle or an adverb of payment: "$184 million reported by", "$3 million upfront".
 */
export const paysForNothing = (head: string) => TIME_UNITS.has(head) || head === 'fiscal' || notPaidFor(head);

/** The class of a sum: its currency, and what it pays for when the text says. */
export function classifyMoney(r: AmountReading, tokens: Token[]): void {
  const currency = r.currency!;
  const { np } = r;
  r.unit = currency;
  r.unitClass = { family: 'money', currency, paysFor: np.head ? unitClassOf(np.head) : null };
  // The class, not the word: "a $160 million contract" and "a $210 million offer" are one deal.
  r.modifiers = np.head ? [unitClassOf(np.head), ...np.modifiers] : [];
  // Rule action-of-a-line: a sum named by what was done to a line ("a $20 million recapture of previous
  // provisions", "a $5 million sale of shares") is about that line too, as "$30 million of previous
  // provisions" is: the line's head joins the sum's modifiers. "Of the …" is a part of a whole instead.
  if (np.head && tokens[np.end]?.lower === 'of' && tokens[np.end + 1]?.type === 'word') {
    const line = readNounPhrase(tokens, np.end + 1);
    if (line.head && !DETERMINERS.has(tokens[np.end + 1]!.lower)) r.modifiers.push(unitClassOf(line.head));
  }
}
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'our',
  'this',
  'that',
  'these',
  'those',
]);
