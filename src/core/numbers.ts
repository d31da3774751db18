// Reading numbers as written: numerals, number words, scale words and vague amounts ("several hundred").
import { spokenNumber, spokenPrice } from './number-words';
import { CURRENCY_WORDS, TIME_UNITS } from './units';
import { singular, type Token } from './words';

// Maps, not plain objects: a word like "constructor" must not find Object.prototype's members.
const UNITS = new Map<string, number>([
  ['zero', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

export const SCALES = new Map<string, number>([
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  ['bn', 1e9],
  ['mn', 1e6],
  // Rule `wire-abbreviations`: the wires' and chats' "mln" and "bln" ("5 mln bucks", "EUR 2 bln").
  ['mln', 1e6],
  ['bln', 1e9],
  ['k', 1e3],
]);

/** Scale words a hyphen may glue to a number: "137-million" (not "100-k"). */
const BIG_SCALES = new Set(['thousand', 'million', 'billion', 'trillion']);

const isCurrencyWord = (word: string) => CURRENCY_WORDS.has(singular(word));

/** Vague plural amounts and what they stand for. */
const PLURAL_AMOUNTS = new Map<string, [number, number]>([
  ['dozens', [24, 99]],
  ['scores', [40, 99]],
  ['hundreds', [200, 999]],
  ['thousands', [2000, 9999]],
  ['millions', [2e6, 9.99e6]],
  ['billions', [2e9, 9.99e9]],
]);

/** Words before "dozen" that make it a count of twelves: "a dozen of them", "half a dozen". */
const COUNTED_DOZEN = new Set(['a', 'one', 'two', 'three', 'four', 'five', 'six', 'half', 'several', 'few']);

/** Value of a single number word or hyphenated compound: "thirteen", "twenty-five", "two-and-a-half". */
export function wordValue(word: string): number | null {
  const w = word.toLowerCase();
  const unit = UNITS.get(w);
  if (unit !== undefined) return unit;
  if (w === 'dozen') return 12;
  // Only a hyphenated word can be a compound; this runs for every word of every sentence.
  if (!w.includes('-')) return null;
  const half = /^([a-z]+)-and-a-half$/.exec(w);
  if (half) {
    const base = wordValue(half[1]!);
    return base === null ? null : base + 0.5;
  }
  const parts = w.split('-');
  const tens = parts.length === 2 ? UNITS.get(parts[0]!) : undefined;
  const ones = parts.length === 2 ? UNITS.get(parts[1]!) : undefined;
  if (tens !== undefined && ones !== undefined) {
    if (tens >= 20 && tens % 10 === 0 && ones > 0 && ones < 10) return tens + ones;
  }
  return null;
}

export interface NumberMatch {
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
  value: number;
  /** A vague amount carries its own interval ("several hundred" → [200, 900]). */
  low?: number;
  high?: number;
  /** Digits after the decimal point as written, for implied precision ("1.2 billion" ± 0.05 billion). */
  decimals: number;
  scale: number;
  /** The number came from digits (not words). */
  numeral: boolean;
}

function numeralValue(text: string): { value: number; decimals: number } {
  // "31,000" and, split by a tokenised source, "31, 000" (words.ts numberEnd).
  const clean = text.replace(/,\s?/g, '');
  const dot = clean.indexOf('.');
  return { value: Number(clean), decimals: dot < 0 ? 0 : clean.length - dot - 1 };
}

/**
 * Whether readNumber can read a number from this token: digits, or a word it knows (a number word, a
 * scale after "a"/"half", a vague amount) or a hyphenated one ("twenty-five"). Most tokens are none.
 */
export function mayStartNumber(t: Token): boolean {
  if (t.type === 'num') return true;
  return t.type === 'word' && (NUMBER_LEADS.has(t.lower) || t.lower.includes('-'));
}
const NUMBER_LEADS = new Set([
  'an',
  ...UNITS.keys(),
  ...PLURAL_AMOUNTS.keys(),
  'dozen',
  'several',
  'a',
  'few',
  'half',
  'tens',
]);

/**
 * Read a number starting at token i: digits or words, then an optional scale word.
 * Returns null when no number starts here.
 */
export function readNumber(tokens: Token[], i: number): NumberMatch | null {
  const t = tokens[i];
  if (!t) return null;
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  // "a year and a half", "an hour and a half", "a mile and a half" (the amount reader reads the "and a
  // half" with the unit).
  if ((t.lower === 'a' || t.lower === 'an') && next && halvedUnit(next.lower) && andAHalf(tokens, i + 2))
    return { from: i, to: i + 1, value: 1.5, decimals: 1, scale: 1, numeral: false };
  // Vague amounts first: they are words that would otherwise be skipped.
  if (t.lower === 'several' || t.lower === 'a' || t.lower === 'few') {
    const isFew = t.lower === 'a' && next?.lower === 'few';
    const scaleTok = isFew ? after : next;
    const scale = scaleTok ? SCALES.get(scaleTok.lower) : undefined;
    if ((t.lower === 'several' || isFew) && scale) {
      const to = isFew ? i + 3 : i + 2;
      return isFew
        ? {
            from: i,
            to,
            value: 3 * scale,
            low: 2 * scale,
            high: 5 * scale,
            decimals: 0,
            scale,
            numeral: false,
          }
        : {
            from: i,
            to,
            value: 5 * scale,
            low: 2 * scale,
            high: 9 * scale,
            decimals: 0,
            scale,
            numeral: false,
          };
    }
    if (t.lower === 'a' && next?.lower === 'dozen')
      return { from: i, to: i + 2, value: 12, decimals: 0, scale: 1, numeral: false };
    if (t.lower === 'a' && next && oneLongSpan(tokens, i))
      return { from: i, to: i + 1, value: 1, decimals: 0, scale: 1, numeral: false };
    if (
      t.lower === 'a' &&
      next &&
      (next.lower === 'hundred' ||
        next.lower === 'thousand' ||
        next.lower === 'million' ||
        next.lower === 'billion')
    ) {
      return withScale(tokens, i, i + 2, SCALES.get(next.lower)!, 0, false);
    }
    return null;
  }
  // "half a million", "half a dozen": half the scale. (Fractions of something else — "half of the
  // votes", "a third of" — are shares, not amounts, and are left alone.)
  // "half a century": half of one (quantities/durations.ts reads the century in years).
  if (t.lower === 'half' && next?.lower === 'a' && after && LONG_SPANS.has(after.lower))
    return { from: i, to: i + 2, value: 0.5, decimals: 1, scale: 1, numeral: false };
  if (
    t.lower === 'half' &&
    next?.lower === 'a' &&
    after &&
    (after.lower === 'dozen' || SCALES.has(after.lower))
  ) {
    const scale = after.lower === 'dozen' ? 12 : SCALES.get(after.lower)!;
    // Stated like "0.5 million": as precise as one decimal of the scale.
    return {
      from: i,
      to: i + 3,
      value: scale / 2,
      decimals: 1,
      scale: scale === 12 ? 1 : scale,
      numeral: false,
    };
  }
  // "Dozen of warships": without "a" or a number before it, "dozen of" is the plural said short, a
  // vague amount like "dozens of"; "a dozen", "two dozen" stay twelve and twenty-four.
  if (
    t.lower === 'dozen' &&
    next?.lower === 'of' &&
    !COUNTED_DOZEN.has(tokens[i - 1]?.lower ?? '') &&
    tokens[i - 1]?.type !== 'num'
  ) {
    const [low, high] = PLURAL_AMOUNTS.get('dozens')!;
    return { from: i, to: i + 1, value: low, low, high, decimals: 0, scale: 1, numeral: false };
  }
  // "dozens", "hundreds", "thousands", "tens of thousands", "millions".
  const vague = PLURAL_AMOUNTS.get(t.lower);
  if (vague) {
    const [low, high] = vague;
    return { from: i, to: i + 1, value: low, low, high, decimals: 0, scale: 1, numeral: false };
  }
  const tens =
    t.lower === 'tens' && next?.lower === 'of' && after ? PLURAL_AMOUNTS.get(after.lower) : undefined;
  if (tens) {
    const [low] = tens;
    return {
      from: i,
      to: i + 3,
      value: low * 10,
      low: low * 10,
      high: low * 50 - 1,
      decimals: 0,
      scale: 1,
      numeral: false,
    };
  }
  if (t.type === 'num') {
    const { value, decimals } = numeralValue(t.text);
    if (!Number.isFinite(value)) return null;
    if (decimals === 0 && andAHalfOf(tokens, i + 1)) return withScale(tokens, i, i + 4, value + 0.5, 1, true);
    return withScale(tokens, i, i + 1, value, decimals, true);
  }
  if (t.type === 'word') {
    // "twenty five", "one hundred and twenty", "twelve fifty euros": several words, one number.
    const spoken = spokenPrice(tokens, i, isCurrencyWord) ?? spokenNumber(tokens, i);
    if (spoken) {
      const { to, value, decimals, scale } = spoken;
      if (scale > 1) return { from: i, to, value, decimals, scale, numeral: false };
      return withScale(tokens, i, to, value, decimals, false);
    }
    const v = wordValue(t.lower);
    if (v === null) return null;
    if (Number.isInteger(v) && andAHalfOf(tokens, i + 1))
      return withScale(tokens, i, i + 4, v + 0.5, 1, false);
    // "one" and "a dozen" alone are too often not amounts ("one of the", "one major fight").
    if (t.lower === 'one' && !(next && SCALES.has(next.lower))) return null;
    return withScale(tokens, i, i + 1, v, t.lower.endsWith('half') ? 1 : 0, false);
  }
  return null;
}

/**
 * Rule and-a-half: "two and a half years", "3 and a half hours", "two and a half million" add a half to
 * the number; "a year and a half" is 1.5 years. Read as 2 (or not at all), "two and a half years"
 * agreed with another report's "two years" and never met its "30 months".
 */
export const andAHalf = (tokens: Token[], k: number) =>
  tokens[k]?.lower === 'and' && tokens[k + 1]?.lower === 'a' && tokens[k + 2]?.lower === 'half';
/**
 * Units "a … and a half" may measure: time units, and (rule a-mile-and-a-half) lengths, weights and
 * volumes: "about a mile and a half away", "a pound and a half" (ECB+ 23_*: a fall told in miles).
 */
const HALVED_MEASURES = new Set(
  'mile kilometre kilometer metre meter foot inch yard pound kilo kilogram ton tonne gallon litre liter acre hectare'.split(
    ' ',
  ),
);
export const halvedUnit = (word: string) => TIME_UNITS.has(word) || HALVED_MEASURES.has(word);

/** "two and a half" before a word: its unit or scale ("years", "million"). */
const andAHalfOf = (tokens: Token[], k: number) => andAHalf(tokens, k) && tokens[k + 3]?.type === 'word';

/** Spans "a" counts one of: "in a century", "for more than a decade" (not "a year": "$5 a year" is a rate). */
const LONG_SPANS = new Set(['decade', 'century']);
/** Words before "a decade" that make it a rate ("once a decade") or a part ("a quarter of a century"). */
const NOT_ONE_SPAN = new Set(['once', 'twice', 'thrice', 'times', 'per', 'of']);

/**
 * Rule a-decade: "a decade", "a century" is one of them ("the worst flooding in a century" against
 * "in 50 years"), unless a rate or a part reads it ("once a decade", "$5 billion a decade", "a quarter
 * of a century").
 */
function oneLongSpan(tokens: Token[], i: number): boolean {
  if (!LONG_SPANS.has(tokens[i + 1]!.lower)) return false;
  const before = tokens[i - 1];
  return !before || (before.type !== 'num' && !NOT_ONE_SPAN.has(before.lower) && !SCALES.has(before.lower));
}

function withScale(
  tokens: Token[],
  from: number,
  to: number,
  value: number,
  decimals: number,
  numeral: boolean,
): NumberMatch {
  let scale = 1;
  let end = to;
  // "$ 137-million", "a 2.5-billion budget": a scale word glued on by a hyphen scales the number.
  const dash = tokens[end];
  if (
    numeral &&
    dash?.text === '-' &&
    dash.start === tokens[end - 1]!.end &&
    BIG_SCALES.has(tokens[end + 1]?.lower ?? '') &&
    tokens[end + 1]!.start === dash.end
  )
    end++;
  const s = tokens[end];
  // "1.2 billion", "5bn" is tokenized as "5" + "bn"; "a million" was handled by the caller.
  const sv = s ? SCALES.get(s.lower) : undefined;
  if (s && sv !== undefined && !(s.lower === 'k' && !numeral)) {
    scale = sv;
    end++;
    // "two hundred thousand"
    const s2 = tokens[end];
    const s2v = s2 ? SCALES.get(s2.lower) : undefined;
    if (scale === 100 && s2v !== undefined && s2v > 100) {
      scale *= s2v;
      end++;
    }
  }
  return { from, to: end, value: value * scale, decimals, scale, numeral };
}
