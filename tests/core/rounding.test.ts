// Rounding (src/core/crossref/rounding.ts): real pairs from the dev data.
import { describe, expect, it } from 'vitest';
import {
  type ClaimForMatching,
  crossReference,
  extractArticle,
  termStatsFrom,
  toMatchable,
} from '../../src/core';

function relations(docs: Record<string, string>) {
  const claims: ClaimForMatching[] = [];
  for (const [id, text] of Object.entries(docs))
    for (const c of extractArticle(text).claims) claims.push(toMatchable(c, `${id}:${c.position}`, id));
  return crossReference(claims, [], termStatsFrom(claims)).map((l) => l.relation);
}

describe('rounded-alike', () => {
  it('a round toll agrees with the exact one (ECB+ 20: 612 vs 600 killed in Zarand, labelled compatible)', () => {
    expect(
      relations({
        a: 'The February earthquake in Zarand, Iran, killed 612 people and injured more than 1,400.',
        b: 'In February an earthquake in Zarand, Iran, killed 600 people.',
      }),
    ).toEqual(['corroboration']);
  });

  it('half a step away is a round figure of its own (ECB+ 16: the 12000 block vs the 12500 block)', () => {
    expect(
      relations({
        a: 'Deputy Ortiz was shot to death outside an apartment in the 12000 block of East 223rd Street.',
        b: 'Deputy Ortiz was shot outside an apartment complex in the 12500 block of East 223rd Street.',
      }),
    ).toEqual(['conflict']);
  });

  it('two figures written to the same step disagree, and more than 5 % is no rounding', () => {
    expect(
      relations({
        a: 'The February earthquake in Zarand, Iran, killed 640 people.',
        b: 'In February an earthquake in Zarand, Iran, killed 600 people.',
      }),
    ).toEqual(['conflict']);
  });
});
