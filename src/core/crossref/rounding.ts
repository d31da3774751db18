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
import { shapeOf } from './bounds';

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
