// Rule multiple-of-a-base: "twice as many homes as last year", "three times as much rain as in 2019",
// "four times more cases than a week earlier". A multiple says how a figure compares with another, its
// base; two reports' multiples are one figure only when the base is the same, so the base is the class
// (`multiple:<base words>`): "twice as many … as last year" against "three times as many … as last year"
// conflicts, against "… as in 2019" it is another comparison. The counted thing is a modifier. Without a
// base written after "as" or "than" no multiple is read (the amount reader sets it aside, counts.ts).
import { mayStartNumber, readNumber } from '../numbers';
import type { Quantity } from '../types';
import { unitClassKey } from '../unit-class';
import { isPluralNoun, singular, type Token } from '../words';
import { exactQuantity } from './exact';

/** Words after the multiple that compare: "as many", "as much", "more", "fewer". */
const COMPARATIVES = new Set(['more', 'less', 'fewer']);
/** A closing auxiliary: "as Hurricane Andrew did". */
const AUXILIARIES = new Set(['did', 'does', 'do', 'had', 'has', 'have', 'was', 'were', 'is', 'are']);
/** Where a base's words end. */
const BASE_STOP = new Set([
  'and',
  'but',
  'while',
  'when',
  'because',
  'after',
  'before',
  'which',
  'who',
  'that',
  'said',
  'says',
  'according',
]);

/** "twice", or a number, may start a multiple (the reader asks for "times" after it first). */
export const mayStartMultiple = (t: Token) => t.lower === 'twice' || mayStartNumber(t);

export function readMultipleAt(
  tokens: Token[],
  i: number,
  text: string,
): { quantity: Quantity; next: number } | null {
  const t = tokens[i]!;
  let value: number;
  let k: number;
  if (t.lower === 'twice') {
    value = 2;
    k = i + 1;
  } else {
    if (tokens[i + 1]?.lower !== 'times') return null;
    const n = readNumber(tokens, i);
    if (n?.scale !== 1 || n.low !== undefined || tokens[n.to]?.lower !== 'times') return null;
    value = n.value;
    k = n.to + 1;
  }
  // "as many", "as much" … "as"; "more" … "than".
  let closer: string;
  if (tokens[k]?.lower === 'as' && (tokens[k + 1]?.lower === 'many' || tokens[k + 1]?.lower === 'much')) {
    closer = 'as';
    k += 2;
  } else if (COMPARATIVES.has(tokens[k]?.lower ?? '')) {
    closer = 'than';
    k += 1;
  } else return null;
  // What is counted: the words to its first plural noun ("homes", "young migrants"), up to three.
  let noun: string | null = null;
  for (let w = k; w < k + 3 && tokens[w]?.type === 'word' && tokens[w]!.lower !== closer; w++) {
    if (isPluralNoun(tokens[w]!.text)) {
      noun = singular(tokens[w]!.lower);
      break;
    }
  }
  // The closer, within a clause: "twice as many migrants crossed the Channel this year as last year".
  const limit = k + 12;
  while (k < limit && tokens[k] && tokens[k]!.type !== 'punct' && tokens[k]!.lower !== closer) k++;
  if (tokens[k]?.lower !== closer) return null;
  const after = ++k;
  // The base: up to four words, to a stop; a closing auxiliary ("as Andrew did") says nothing.
  const base: string[] = [];
  while (base.length < 4) {
    const w = tokens[k];
    if (!w || w.type === 'punct' || BASE_STOP.has(w.lower)) break;
    base.push(w.lower);
    k++;
  }
  while (base.length > 0 && AUXILIARIES.has(base[base.length - 1]!)) base.pop();
  if (base.length === 0) return null;
  const start = tokens[i]!.start;
  const end = tokens[k - 1]!.end;
  const quantity = exactQuantity(
    text,
    start,
    end,
    value,
    'times',
    unitClassKey({ family: 'multiple', base: base.join(' ') }),
    noun ? [noun] : [],
  );
  // The base's own figures are read after it ("as last year's 2,000").
  return { quantity, next: after };
}
