import type { ClaimKind, Quantity, Quote } from '../types';

/** Words of figures that are no number themselves: vague amounts and hedges. */
export const FIGURE_WORDS = new Set(
  'dozen dozens hundreds thousands millions billions half least nearly almost roughly approximately estimated exactly'.split(
    ' ',
  ),
);

/** The kind of claim a sentence makes, or null when it has nothing checkable. */
export function claimKind(
  quantities: Quantity[],
  quotes: Quote[],
  entities: string[],
  tokenCount: number,
): ClaimKind | null {
  if (quantities.length > 0) return 'quantity';
  if (quotes.length > 0) return 'quote';
  if (entities.length > 0 && tokenCount >= 8) return 'statement';
  return null;
}

export function checkworthiness(quantities: Quantity[], quotes: Quote[], entities: string[]): number {
  let score = 0.15;
  if (quantities.length > 0) score += 0.45;
  if (quantities.some((q) => q.hedge === null)) score += 0.1;
  if (quotes.length > 0) score += 0.15;
  if (quotes.some((q) => q.speaker)) score += 0.05;
  score += Math.min(0.1, entities.length * 0.03);
  return Math.round(Math.min(1, score) * 100) / 100;
}
