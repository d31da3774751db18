// Severity from distance and certainty (src/core/crossref/severity.ts) and the words that explain it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edgeGap, severityOf } from '../../src/core/crossref/severity';
import { gapWords } from '../../views/components/explanation';

const RANK = { high: 0, medium: 1, low: 2 } as const;
const point = (v: number) => ({ low: v, high: v, hedge: null });
const hedged = (low: number, high: number, hedge = 'some') => ({ low, high, hedge });

describe('severity', () => {
  it('ranks exact 54 against exact 57 above "some 50" against 57 (the issue reversed them)', () => {
    const exact = severityOf(point(54), point(57), 0.9);
    const hedgedOne = severityOf(hedged(45, 55), point(57), 0.9);
    expect(exact).toBe('high');
    expect(hedgedOne).toBe('medium');
    expect(edgeGap(hedged(45, 55), point(57)).gap).toBeCloseTo(2 / 57, 6);
  });

  it('never ranks an exact disagreement below the same figures hedged, whatever the score', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, y, wx, wy, score) => {
          fc.pre(x !== y);
          const exact = RANK[severityOf(point(x), point(y), score)];
          const widened =
            RANK[severityOf(hedged(x * (1 - wx), x * (1 + wx)), hedged(y * (1 - wy), y * (1 + wy)), score)];
          expect(exact).toBeLessThanOrEqual(widened);
        },
      ),
    );
  });

  it('says which gap its percentage measures', () => {
    const a = {
      claim: 'a',
      text: '57 countries',
      low: 57,
      high: 57,
      lowInclusive: true,
      highInclusive: true,
      unit: 'country',
      hedge: null,
      rate: null,
    };
    const b = { ...a, claim: 'b', text: 'some 50 partners', low: 45, high: 55, hedge: 'some' };
    const gap = edgeGap(a, b).gap;
    expect(gapWords(a, b, gap)).toMatch(
      /^The two do not overlap: 57 vs the range's nearest edge 55, 3\.5 % apart/,
    );
    expect(gapWords(point57(), { ...a, low: 54, high: 54 }, 3 / 57)).toMatch(/57 vs 54, 5\.3 % apart/);
  });
});

function point57() {
  return {
    claim: 'x',
    text: '57',
    low: 57,
    high: 57,
    lowInclusive: true,
    highInclusive: true,
    unit: 'country',
    hedge: null,
    rate: null,
  };
}
