// One amount as the amount reader's stages read it (amount.ts): each stage reads the tokens after the
// number and fills in what it finds (a percent sign, a currency, an age, the counted thing), in turn.

import type { NumberMatch } from '../numbers';
import type { UnitClass } from '../unit-class';
import type { Found } from './hedges';

/** What a figure counts, as written after it: "North Korean troops" → head troop, modifiers [north korean]. */
export interface NounPhrase {
  head: string;
  modifiers: string[];
  /** The token after the phrase. */
  end: number;
  /** A part of a group: "35 of the 40 missiles", "two of the victims". */
  partitive: boolean;
  /** The model the things counted are of, as its code: "seven AK-47s", "12 AK 47 guns" → `ak-47`. */
  model?: string;
}

export interface AmountReading {
  /** The figure's first token (its currency symbol if it has one; a hedge is before it). */
  i: number;
  /** The number as read (a glued scale included), before any cents said after it. */
  num: NumberMatch;
  found: Found;
  /** The next token to read. */
  j: number;
  /** The currency code ("usd") once a symbol or a word says it, else null. */
  currency: string | null;
  percent: boolean;
  unit: string;
  /** What the figure measures, once a stage knows; null until then. */
  unitClass: UnitClass | null;
  modifiers: string[];
  np: NounPhrase;
}

export const noPhrase = (end: number): NounPhrase => ({ head: '', modifiers: [], end, partitive: false });
