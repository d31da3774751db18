// Between a number and what it counts: names ("over 100 AutoNation USA pre-owned stores"), model
// codes ("14 AK 47 Rifles", "12 737 MAX 9 aircraft") and calibres (".38 caliber"). A helper of
// the amount reader: it tells where the counted noun starts, and when capitalised words after a number
// are a name rather than a count.

import type { NumberMatch } from '../numbers';
import { SCALES } from '../numbers';
import { isPluralNoun, MONTHS, type Token } from '../words';

// Words that end the noun phrase after a number.
export const NP_STOP = new Set(
  (
    'of in on at to from by with into onto for and or but nor than as per that which who whom whose ' +
    'is are was were be been being has have had will would could should may might must can do does did ' +
    'a an the this these those its their his her our your my it they he she we you i ' +
    'said says told according after before during since until while when where because if so ' +
    'each every more most less fewer about around over under up down out off also only just still ' +
    'not no there here now then ago earlier later last next this through throughout across against among ' +
    'within without via amid despite including like near beyond toward towards ' +
    'aboard abroad ashore overseas inside outside nationwide worldwide altogether apiece'
  ).split(' '),
);

// Nationality words ("American", "Somali", "Chinese", "Turkish"), which stand for a person after an age.
export const DEMONYM = /^[A-Z][a-z]+(?:an|ese|ish|i)$/;

/** Capitalised singular words after a number, with no plural noun after them: a name, not a count. */
export function namesNotCounts(tokens: Token[], k: number): boolean {
  let i = k;
  // A name starts with a capital and a small letter; an acronym may follow it ("AutoNation USA") but
  // does not start one ("121 RBI", "14 AK 47 Rifles" count what the acronym names).
  while (
    i < k + 3 &&
    tokens[i]?.type === 'word' &&
    (i > k ? /^[A-Z][A-Za-z]/ : /^[A-Z][a-z]/).test(tokens[i]!.text)
  ) {
    const t = tokens[i]!;
    if (isPluralNoun(t.text) || DEMONYM.test(t.text) || MONTHS.has(t.lower) || SCALES.has(t.lower))
      return false;
    i++;
  }
  if (i === k) return false;
  // "over 80 AutoNation USA pre-owned stores": a name before the counted noun, maybe with a word or
  // two describing it, still counts the noun.
  for (let j = i; j < i + 3; j++) {
    const after = tokens[j];
    if (after?.type !== 'word' || !/^[a-z]/.test(after.text) || NP_STOP.has(after.lower)) return true;
    if (isPluralNoun(after.text)) return false;
  }
  return true;
}

/**
 * Where a model code that starts with the capitalised word at `i` ends ("AK-47", "AK 47", "F-16s"), or
 * -1 when none does.
 */
export function modelCodeAt(tokens: Token[], i: number): number {
  const t = tokens[i]!;
  if (!/^[A-Z]{1,4}$/.test(t.text)) return -1;
  let k = i + 1;
  if (tokens[k]?.text === '-') k++;
  // One letter makes a code only with a hyphen ("F-16"): "A 66-year-old" is an article and an age.
  else if (t.text.length < 2) return -1;
  const num = tokens[k];
  if (num?.type !== 'num' || /[,.]/.test(num.text) || num.start - t.end > 3) return -1;
  k++;
  // "AK-47s": the plural glued to the code.
  if (tokens[k]?.lower === 's' && tokens[k]!.start === num.end) k++;
  return k;
}

/**
 * "15 737 MAX 9 aircraft": a model named by digits and capitalised words between a count and what it
 * counts. Where the counted noun starts, or k when no such model follows the count.
 */
export function afterModelName(tokens: Token[], k: number): number {
  const first = tokens[k];
  if (first?.type !== 'num' || /[,.]/.test(first.text)) return k;
  let j = k + 1;
  let names = 0;
  while (j < k + 5 && (tokens[j]?.type === 'num' || /^[A-Z][A-Za-z]*$/.test(tokens[j]?.text ?? ''))) {
    if (tokens[j]!.type === 'word') names++;
    j++;
  }
  const noun = tokens[j];
  return names > 0 && noun?.type === 'word' && /^[a-z]/.test(noun.text) && !NP_STOP.has(noun.lower) ? j : k;
}

export const CALIBRES = new Set(['caliber', 'calibre']);
/** ".38" and "38" (and "a. 38", as some copy splits it) are one calibre: 0.38 of an inch. */
export const calibre = (n: NumberMatch) =>
  n.value >= 10 && n.value < 1000 && Number.isInteger(n.value) && n.scale === 1
    ? n.value / 10 ** String(n.value).length
    : n.value;
