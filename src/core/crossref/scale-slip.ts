// Rule scale-slip: "$1.65 billion" against "$165 million" is one figure with its scale word slipped,
// the commonest real disagreement of this size: compared, not set apart by the ratio cap (measures.ts).
import type { Quantity } from '../types';
import { ratioOf } from './intervals';

/** The digits a figure is written with before its scale word ("1.65 billion" → "165"), or null. */
function mantissa(q: Quantity): { digits: string; scale: string } | null {
  const m = SCALED.exec(q.text);
  if (!m) return null;
  const digits = m[1]!.replace(/[.,]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return { digits, scale: m[2]!.toLowerCase() };
}
const SCALED = /(\d[\d,]*(?:\.\d+)?)\s*-?\s*(thousand|million|billion|trillion|bn|mn|m|b)\b/i;

/**
 * Two figures of one kind written with the same digits (two or more) and different scale words, a
 * power of ten apart: "$1.65 billion" and "$165 million".
 */
export function scaleSlip(x: Quantity, y: Quantity): boolean {
  if (!Number.isFinite(x.high) || !Number.isFinite(y.high)) return false;
  const mx = mantissa(x);
  const my = mantissa(y);
  if (!mx || !my || mx.scale === my.scale || mx.digits !== my.digits || mx.digits.length < 2) return false;
  const ratio = Math.log10(ratioOf(x, y));
  return Math.abs(ratio - Math.round(ratio)) < 1e-6;
}
