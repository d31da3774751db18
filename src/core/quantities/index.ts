// Quantities in a sentence: the number, how the writer hedged it, what it counts, and over what
// period. Readers, one per kind of start, are tried at each token in the order of READERS (the first
// that reads a quantity wins); then the PASSES run over the sentence's quantities, in order.
//
// Where to add a new kind of quantity: a stage of the amount reader (amount.ts lists them) when it is
// a number and words after it, or a reader here when it starts otherwise; and its family of unit
// classes (docs/detection.md, "unit families").

import type { NumberMatch } from '../numbers';
import type { Quantity } from '../types';
import type { Token } from '../words';
import { readAmountAt } from './amount';
import { addCodes, readStreetBlocks } from './codes';
import { markConversions } from './conversions';
import { mayStartDate, readDateAt } from './dates';
import { sumCompoundDurations } from './durations';
import { readAnotherOfFate, shareFate } from './fates';
import { mayStartAmount } from './figure';
import { findHedge } from './hedges';
import { toInterval } from './interval';
import { readListedSingles, shareHeadNoun } from './lists';
import { mayStartMultiple, readMultipleAt } from './multiples';
import { mayStartProportion, readProportionAt } from './proportions';
import { carryRateAcrossChange } from './rates';
import { splitSpelledCompounds } from './spelled-compounds';
import { mayStartZeroChange, readZeroChange } from './zero-change';

export { WHOLE } from './noun-phrase';

type Read = { quantity: Quantity; next: number } | null;

interface Reader {
  /** What it reads, for the reader of this file. */
  kind: string;
  /** A cheap test of the token: may a quantity of this kind start here? */
  mayStart: (t: Token) => boolean;
  read: (tokens: Token[], i: number, text: string) => Read;
}

/** A ratio, share or rank (proportions.ts), widened by the hedge before it: "more than 1 in 4". */
const readHedgedProportion = (tokens: Token[], i: number, text: string): Read =>
  withHedge(readProportionAt(tokens, i, text), tokens, i, text);

/** A multiple (multiples.ts), widened by the hedge before it: "nearly three times as many". */
const readHedgedMultiple = (tokens: Token[], i: number, text: string): Read =>
  withHedge(readMultipleAt(tokens, i, text), tokens, i, text);

function withHedge(p: Read, tokens: Token[], i: number, text: string): Read {
  const hedge = p ? findHedge(tokens, i) : null;
  if (!p || !hedge) return p;
  const value = p.quantity.value;
  const num: NumberMatch = { from: i, to: p.next, value, decimals: 0, scale: 1, numeral: true };
  const start = tokens[hedge.from]!.start;
  const quantity = {
    ...p.quantity,
    ...toInterval({ num, hedge, rangeEnd: null }),
    start,
    hedge: hedge.words,
  };
  return { quantity: { ...quantity, text: text.slice(start, quantity.end) }, next: p.next };
}

/**
 * The readers, in order. A date, a year or a time of day is read first (dates.ts): the amount reader
 * sets those aside. Then ratios, shares and ranks (proportions.ts), which the amount reader would read
 * as plain numbers. Then amounts (amount.ts): counts, money, percentages, durations, ages.
 */
const READERS: Reader[] = [
  { kind: 'date', mayStart: (t) => t.type !== 'punct' && mayStartDate(t), read: readDateAt },
  { kind: 'proportion', mayStart: mayStartProportion, read: readHedgedProportion },
  { kind: 'no change', mayStart: mayStartZeroChange, read: readZeroChange },
  { kind: 'multiple', mayStart: mayStartMultiple, read: readHedgedMultiple },
  { kind: 'amount', mayStart: mayStartAmount, read: readAmountAt },
];

/** Passes over a sentence's quantities once read, in order (each changes them in place). */
const PASSES: ((qs: Quantity[], text: string) => void)[] = [
  // Groups of a list named by their people share the noun said once ("12 Somali and 11 Yemeni
  // pirates"); "a man" in a list of people is a group of one (lists.ts).
  shareHeadNoun,
  readListedSingles,
  // A list of groups shares the fate said once after it (fates.ts).
  shareFate,
  // "… killed and another wounded" counts one injury (fates.ts).
  readAnotherOfFate,
  // A figure in parentheses converting the one before it (conversions.ts).
  markConversions,
  // "six years and nine months" is one duration (durations.ts).
  sumCompoundDurations,
  // The two values of one change share their rate ("a monthly cost of $599 reduced to $424.15").
  carryRateAcrossChange,
  // "the 12200 block of 223rd Street" is an address, read exactly (codes.ts).
  readStreetBlocks,
];

/** Extract quantities from one sentence's tokens (offsets are into the article). */
export function extractQuantities(sentenceTokens: Token[], text: string): Quantity[] {
  const tokens = splitSpelledCompounds(sentenceTokens);
  const out: Quantity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    let q: Read = null;
    for (const reader of READERS) {
      if (reader.mayStart(t)) q = reader.read(tokens, i, text);
      if (q) break;
    }
    if (q) {
      out.push(q.quantity);
      i = q.next;
    } else i++;
  }
  for (const pass of PASSES) pass(out, text);
  // Rule named-number: the numbers of names (codes.ts), which no reader above takes for an amount.
  if (addCodes(tokens, text, out)) out.sort((x, y) => x.start - y.start);
  return out;
}
