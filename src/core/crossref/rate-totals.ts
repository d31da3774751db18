// Rule `rate-over-a-term`: a sum per year or season with the term of the deal in the same sentence also
// says the deal's total. "an eight-year offer … worth roughly $22 million per season" offers about $176
// million, so another report's "the Red Sox offer Teixeira $200 million" is compared with that total
// and not only with the yearly sum (which a total is never compared with: different-rate).
import { wordValue } from '../numbers';
import type { ClaimForMatching, Quantity } from '../types';
import { classOf, unitClassKey } from '../unit-class';
import { unitClassOf } from '../units';
import { SUM } from './sums';

/** The periods a term is told in and the rates it multiplies: a sports season is a year of a contract. */
const TERM_RATES = new Map<string, readonly string[]>([
  ['year', ['year', 'season']],
  ['season', ['year', 'season']],
  ['month', ['month']],
  ['week', ['week']],
]);

/**
 * The term of an agreement: "an eight-year deal", "a 5-year, $80 million contract", "eight - year offer"
 * (spaced as some wires print it). Only before a word for an agreement: "a 30-year-old … $20 million a
 * season" or "a 10-year high" give no term.
 */
const TERM =
  /\b([a-z]+|\d{1,2})\s*-\s*(year|season|month|week)\s*,?\s*(?:\$?[\d.]+\s*(?:million|billion|m|bn)?\s+)?(deal|contract|offer|extension|agreement|pact|lease|plan|program|programme|package)\b/gi;

/** The one term a sentence gives (two terms leave it unclear which the rate runs over). */
interface Term {
  length: number;
  unit: string;
  /** What the total pays for: the agreement's noun, by its class ("deal" and "contract": offer). */
  paysFor: string;
  text: string;
  at: number;
}

function termOf(text: string): Term | null {
  let found: Term | null = null;
  for (const m of text.matchAll(TERM)) {
    const length = /^\d/.test(m[1]!) ? Number(m[1]) : wordValue(m[1]!.toLowerCase());
    if (length === null || length < 2) continue;
    if (found) return null;
    found = {
      length,
      unit: m[2]!.toLowerCase(),
      paysFor: unitClassOf(m[3]!.toLowerCase()),
      text: m[0],
      at: m.index,
    };
  }
  return found;
}

/**
 * The claim's figures, plus the total of a sum paid per period over the term its sentence states. Only
 * when the sentence states no total of that money itself ("$184 million or $23 million per season"
 * already says its total) and gives one term.
 */
export function withRateTotals(c: ClaimForMatching, qs: Quantity[]): Quantity[] {
  const rated = qs.filter((q) => q.rate !== null && classOf(q).family === 'money');
  if (rated.length !== 1) return qs;
  const q = rated[0]!;
  if (qs.some((o) => o.rate === null && o.unit === q.unit && classOf(o).family === 'money')) return qs;
  const term = termOf(c.text);
  if (!term || !TERM_RATES.get(term.unit)?.includes(q.rate!)) return qs;
  const at = c.text.indexOf(q.text);
  if (at < 0) return qs;
  const [from, to] = term.at < at ? [term.at, at + q.text.length] : [at, term.at + term.text.length];
  return [
    ...qs,
    {
      ...q,
      text: c.text.slice(from, to),
      start: q.start - (at - from),
      end: q.start - (at - from) + (to - from),
      value: q.value * term.length,
      low: q.low * term.length,
      high: q.high * term.length,
      rate: null,
      // The total is the agreement's: "an eight-year offer … worth $22 million per season" is an offer.
      unitClass: unitClassKey({ family: 'money', currency: q.unit, paysFor: term.paysFor }),
      modifiers: [term.paysFor, ...q.modifiers.filter((m) => m !== term.paysFor), SUM],
    },
  ];
}
