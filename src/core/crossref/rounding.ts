// Rounding: a round figure stands for the figures that round to it (Krifka 2009; Williams & Power 2013:
// unhedged round numbers are read as approximate). "It killed 612 people" and "600 were killed" are one
// toll told to two precisions, not a disagreement. The rule, for two figures stated without a hedge:
// - the coarse one is written with at least two trailing zeros ("600", "$600 million", "2,000");
// - the other is written more finely (its step is at most a tenth of the coarse one's);
// - it rounds to the coarse one: less than half the coarse step away, and at most ROUNDING_SHARE of it
//   (nobody rounds 1,400 to 1,000).
// Two figures written to the same step disagree on the last digit shown: "$2.5 million" against "$2.6
// million" is a conflict, as is "40%" against "41%" (one trailing zero is how numbers end, not rounding).

import { ROUNDING_SHARE } from '../quantities/interval';
import type { Quantity } from '../types';
import { classOf } from '../unit-class';
import { figureIn } from './around-figure';
import { shapeOf } from './bounds';
import type { ClaimView } from './view';

export { ROUNDING_SHARE };

const DIGITS = /(\d[\d,]*)(?:\.(\d+))?/;

/**
 * The step a figure is written to, in its value's units, and the trailing zeros of its digits: "600" →
 * 100 (2 zeros), "612" → 1, "$1.30" → 0.01, "$13 billion" → 1 billion (0 zeros), "$13.2 billion" → 0.1
 * billion; null when the text shows no digits (word numbers).
 */
export function writtenStep(q: Quantity): { step: number; zeros: number } | null {
  const m = DIGITS.exec(q.text);
  if (!m) return null;
  const whole = m[1]!.replace(/,/g, '');
  const decimals = m[2] ?? '';
  const written = Number(decimals ? `${whole}.${decimals}` : whole);
  if (!(written > 0)) return null;
  // The scale words ("million") the reader applied: the value over the digits as written.
  const scale = q.value / written;
  if (decimals) return { step: 10 ** -decimals.length * scale, zeros: 0 };
  let zeros = 0;
  for (let i = whole.length - 1; i > 0 && whole[i] === '0'; i--) zeros++;
  return { step: 10 ** zeros * scale, zeros };
}

/** Whether one figure is the other rounded: then they agree whatever their literal intervals say. */
export function roundedAlike(x: Quantity, y: Quantity): boolean {
  if (shapeOf(x) !== 'point' || shapeOf(y) !== 'point') return false;
  // A code names one thing and is never rounded ("Flight 3400", "the 12000 block of 223rd Street").
  if (classOf(x).family === 'code') return false;
  const wx = writtenStep(x);
  const wy = writtenStep(y);
  if (wx === null || wy === null) return false;
  const [coarse, fine, c, f] = wx.step > wy.step ? [x, y, wx, wy] : [y, x, wy, wx];
  if (c.zeros < 2 || f.step * 10 > c.step) return false;
  const gap = Math.abs(fine.value - coarse.value);
  // Strictly less than half a step: "12,500" is as far from "12,000" as from "13,000", a round figure
  // of its own (the 12,000 block against the 12,500 block of one street is a disagreement).
  return gap < c.step / 2 && gap <= ROUNDING_SHARE * Math.abs(coarse.value);
}

/**
 * Rule `set-price`: a price is set, not measured. A seller names the figure it charges exactly ("a
 * one-time fee of $999", "$299/month"); a round price is that price, never another one rounded, so two
 * prices are compared as written: "a one-time fee of $999" against a summary's "a one-time fee of
 * $1000" (SummEdits sales_email_17) disagree. A sum is a price when it is charged per period or unit
 * ("$630/month") or a price word stands just before it ("fee of", "priced at", "costs"). Two such
 * prices of different values never agree, whatever interval a round one is read with ("$1000" as
 * $950 to $1,050).
 */
export function pricesApart(va: ClaimView, qa: Quantity, vb: ClaimView, qb: Quantity): boolean {
  return (
    qa.value !== qb.value &&
    qa.hedge === null &&
    qb.hedge === null &&
    setPrice(va.c.text, qa) &&
    setPrice(vb.c.text, qb)
  );
}

function setPrice(text: string, q: Quantity): boolean {
  if (classOf(q).family !== 'money') return false;
  if (q.rate !== null) return true;
  const f = figureIn(text, q);
  if (!f) return false;
  return PRICE_BEFORE.test(f.before(30)) || PER_UNIT.test(f.after(12));
}
/** Charged per period or unit, as written after the sum: "$700/month", "$149 per month", "$12 a seat". */
const PER_UNIT = /^\s*(?:\/\s*|per\s+|an?\s+)(?:month|mo|year|yr|week|day|night|user|seat|person|head)\b/i;
const PRICE_BEFORE =
  /\b(?:fee|fees|price|prices|priced|cost|costs|charge|charges|charged)\b(?:\s+(?:of|at|is|was|will be|just|only))*\s*$/i;
