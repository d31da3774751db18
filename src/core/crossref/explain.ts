// Explanations a reviewer reads: each side's figure as an interval, and a sentence saying why.
import type { Quantity, QuantitySide, Relation } from '../types';

export function side(claim: string, q: Quantity): QuantitySide {
  return {
    claim,
    text: q.text,
    low: q.low,
    high: q.high,
    lowInclusive: q.lowInclusive,
    highInclusive: q.highInclusive,
    unit: q.unit,
    hedge: q.hedge,
    rate: q.rate,
  };
}

/** toLocaleString with options builds a NumberFormat per call: one, made once, formats the same. */
const FIGURES = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** An interval in words: "exactly 57", "45 to 55", "more than 1,250". */
export function describeInterval(
  s: Pick<QuantitySide, 'low' | 'high' | 'lowInclusive' | 'highInclusive'>,
): string {
  if (s.high === Number.POSITIVE_INFINITY || s.high === null)
    return `${s.lowInclusive ? 'at least' : 'more than'} ${FIGURES.format(s.low)}`;
  if (s.low === 0 && s.high > 0)
    return `${s.highInclusive ? 'at most' : 'less than'} ${FIGURES.format(s.high)}`;
  if (s.low === s.high) return `exactly ${FIGURES.format(s.low)}`;
  return `${FIGURES.format(s.low)} to ${FIGURES.format(s.high)}`;
}

export function summarize(
  relation: Relation,
  a: QuantitySide,
  b: QuantitySide,
  shared: string[],
  sameArticle: boolean,
  soft: string | null = null,
): string {
  const why = (s: QuantitySide) =>
    `"${s.text}" (${describeInterval(s)}${s.hedge ? `, hedged by "${s.hedge}"` : ''}${s.rate ? `, per ${s.rate}` : ''})`;
  const about = shared.length > 0 ? ` Both are about ${shared.slice(0, 4).join(', ')}.` : '';
  const where = sameArticle ? ' Both claims are in the same article.' : '';
  if (relation === 'conflict' && soft !== null) {
    return `One source says ${why(a)}, the other ${why(b)}: the ranges overlap, but ${soft}.${about}${where}`;
  }
  if (relation === 'conflict') {
    return `One source says ${why(a)}, the other ${why(b)}: the ranges do not overlap.${about}${where}`;
  }
  return `${why(a)} and ${why(b)} overlap, so the sources agree.${about}${where}`;
}

export const round = (n: number) => Math.round(n * 1000) / 1000;
