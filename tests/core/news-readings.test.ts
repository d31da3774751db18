// Figures news writes that the reader used to skip (issue 15): years before 1900, each with a
// realistic news pair that differs in that one figure.
import { describe, expect, it } from 'vitest';
import {
  type ClaimForMatching,
  crossReference,
  extractArticle,
  termStatsFrom,
  toMatchable,
} from '../../src/core';

function conflicts(texts: string[]) {
  const claims: ClaimForMatching[] = [];
  texts.forEach((text, k) => {
    for (const c of extractArticle(text).claims) claims.push(toMatchable(c, `${k}:${c.position}`, String(k)));
  });
  return crossReference(claims, [], termStatsFrom(claims)).filter((l) => l.relation === 'conflict');
}
const years = (text: string) =>
  extractArticle(text)
    .claims.flatMap((c) => c.quantities)
    .filter((q) => q.unitClass === 'date:year')
    .map((q) => q.value);

describe('early-year: a year before 1900 after a date preposition', () => {
  it('reads "first held in 1877" and flags another report\'s 1887', () => {
    expect(years('The tournament, first held in 1877, is the oldest in the world.')).toEqual([1877]);
    expect(
      conflicts([
        'The tournament, first held in 1877, is the oldest in the world.',
        'First held in 1887, the tournament is the oldest in the world.',
      ]).length,
    ).toBeGreaterThan(0);
  });

  it('is no year where a noun follows it ("in 1500 cases") or no date word governs it', () => {
    expect(years('Police intervened in 1500 cases last year.')).toEqual([]);
    expect(years('The hall seats 1878 people.')).toEqual([]);
  });
});
