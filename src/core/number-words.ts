// Spoken compound numbers: number words that add up across several words ("twenty five", "one hundred
// and twenty", "two thousand five hundred"), and prices said the way people say them ("twelve fifty
// euros" = 12.50, "twelve euros and fifty cents"). A single number word, with or without a scale
// after it ("twenty", "two million"), is left to readNumber.
import type { Token } from './words';

const SMALL = new Map<string, number>(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen ' +
    'sixteen seventeen eighteen nineteen'
  )
    .split(' ')
    .map((w, k): [string, number] => [w, k]),
);
const TENS = new Map<string, number>(
  'twenty thirty forty fifty sixty seventy eighty ninety'
    .split(' ')
    .map((w, k): [string, number] => [w, 20 + 10 * k]),
);
const BIG = new Map<string, number>([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

/** A word that is a number or a scale: "six", "forty-two", "million". */
export const isNumberWord = (word: string) => below100(word) !== null || BIG.has(word);

/** 0–99 from one word: "seven", "forty", "forty-two". */
function below100(word: string): number | null {
  const small = SMALL.get(word) ?? TENS.get(word);
  if (small !== undefined) return small;
  const dash = word.indexOf('-');
  if (dash < 0) return null;
  const tens = TENS.get(word.slice(0, dash));
  const ones = SMALL.get(word.slice(dash + 1));
  return tens !== undefined && ones !== undefined && ones > 0 && ones < 10 ? tens + ones : null;
}

export interface SpokenNumber {
  /** One past the last token of the number. */
  to: number;
  value: number;
  /** Digits after the point as said: 2 for a price in cents ("twelve fifty"). */
  decimals: number;
  /** The scale word it ends on ("twenty five million": 1e6), else 1. */
  scale: number;
}

/**
 * A number said in several words that add up, starting at token i: "twenty five" (25), "one hundred
 * and twenty" (120), "two thousand five hundred" (2,500). Null when the words do not add up to more
 * than one number word and its scale ("twenty", "five million"): readNumber reads those. Words that
 * only follow each other ("five six", "ten twenty") are no sum: a ones word follows only a tens word,
 * a hundred or a scale word.
 */
export function spokenNumber(tokens: Token[], i: number): SpokenNumber | null {
  let total = 0;
  let group = 0;
  // What the last word was: a tens word ("twenty") takes a ones word after it, a hundred or a scale
  // word takes any number below a hundred.
  let last: 'tens' | 'ones' | 'hundred' | 'big' | null = null;
  let added = false;
  let end = i;
  let k = i;
  let lastBig = 1;
  while (k < tokens.length) {
    const t = tokens[k]!;
    // Rule spaced-hyphen-compound: a transcript or a tokenised source spaces the hyphen of a compound,
    // "twenty - five machines" (SummEdits q_test_28, QMSum): one number, 25, as "twenty-five" is.
    if (t.text === '-' && last === 'tens' && isOnes(tokens[k + 1]?.lower ?? '')) {
      k++;
      continue;
    }
    if (t.type !== 'word') break;
    const v = below100(t.lower);
    if (v !== null) {
      const ones = v < 10;
      const fits =
        last === null || last === 'hundred' || last === 'big' || (last === 'tens' && ones && v > 0);
      if (!fits) break;
      if (last !== null) added = true;
      group += v;
      last = TENS.has(t.lower) ? 'tens' : 'ones';
      end = ++k;
      continue;
    }
    if (t.lower === 'hundred' && group > 0 && group < 100 && last !== 'hundred') {
      group *= 100;
      last = 'hundred';
      end = ++k;
      continue;
    }
    const big = BIG.get(t.lower);
    if (big !== undefined && group > 0 && last !== 'big' && (total === 0 || total > big * group)) {
      total += group * big;
      group = 0;
      lastBig = big;
      last = 'big';
      end = ++k;
      continue;
    }
    // "one hundred and twenty": "and" joins only a number below a hundred to a hundred or a scale.
    if (
      t.lower === 'and' &&
      (last === 'hundred' || last === 'big') &&
      below100(tokens[k + 1]?.lower ?? '') !== null
    ) {
      k++;
      continue;
    }
    break;
  }
  // A trailing scale with nothing after it ("two hundred thousand", "25 million") is readNumber's
  // scale, read there with its rounding.
  if (!added) return null;
  return { to: end, value: total + group, decimals: 0, scale: group === 0 ? lastBig : 1 };
}

const isOnes = (w: string) => {
  const v = below100(w);
  return v !== null && v > 0 && v < 10;
};

/** Words that make a pair of numbers a price: what follows ("euros") or what comes before ("costs"). */
const PRICE_BEFORE = new Set(
  'cost costs costing priced price prices pay pays paying paid charge charges charged sell sells selling sold'.split(
    ' ',
  ),
);

/**
 * "twelve fifty euros", "it costs twelve fifty": a price said as units and cents, 12.50. Only with a
 * currency word after it or a price word before it: elsewhere two numbers in a row are two figures
 * ("at twelve fifty" may be a time).
 */
export function spokenPrice(
  tokens: Token[],
  i: number,
  isCurrency: (word: string) => boolean,
): SpokenNumber | null {
  const units = below100(tokens[i]?.lower ?? '');
  const cents = below100(tokens[i + 1]?.lower ?? '');
  // "twenty five" is a sum (spokenNumber), not 20.05: the cents are ten or more.
  if (units === null || cents === null || units === 0 || cents < 10) return null;
  const after = tokens[i + 2];
  const priced =
    (after?.type === 'word' && isCurrency(after.lower)) || PRICE_BEFORE.has(tokens[i - 1]?.lower ?? '');
  return priced ? { to: i + 2, value: units + cents / 100, decimals: 2, scale: 1 } : null;
}

/** Smaller units of a currency said after it: "twelve euros and fifty cents". */
const SUBUNITS = new Set(['cent', 'cents', 'centime', 'centimes', 'penny', 'pence', 'kopeck', 'kopecks']);

/**
 * "and fifty cents" after a sum said in whole units, starting at `k` (the "and"): the cents and the end.
 * Speech leaves the smaller unit out ("twelve euros and fifty ,") and restarts a word ("and f fifty"):
 * a number below a hundred that ends the clause is cents too, and a fragment that begins the next word
 * is a false start, skipped.
 */
export function subunitsAt(tokens: Token[], k: number): { cents: number; to: number } | null {
  if (tokens[k]?.lower !== 'and') return null;
  let n = k + 1;
  const fragment = tokens[n];
  if (
    fragment?.type === 'word' &&
    fragment.lower.length <= 2 &&
    tokens[n + 1]?.lower.startsWith(fragment.lower)
  )
    n++;
  const cents = below100(tokens[n]?.lower ?? '') ?? digitsBelow100(tokens[n]);
  if (cents === null) return null;
  const after = tokens[n + 1];
  if (SUBUNITS.has(after?.lower ?? '')) return { cents, to: n + 2 };
  return cents >= 10 && (!after || CLAUSE_END.has(after.text)) ? { cents, to: n + 1 } : null;
}
const CLAUSE_END = new Set([',', '.', ';', '!', '?']);

function digitsBelow100(t: Token | undefined): number | null {
  return t?.type === 'num' && /^\d{1,2}$/.test(t.text) ? Number(t.text) : null;
}
