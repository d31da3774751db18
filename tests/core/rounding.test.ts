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

describe('set-price', () => {
  it('a one-time fee told round is another fee (SummEdits sales_email_17_1)', () => {
    const rel = (fee: string) =>
      relations({
        doc: 'ApexConnect is available for a one-time fee of $999.',
        summary: `The company offers two solutions, ApexPro and ApexConnect CRM module, for $299/month and a one-time fee of ${fee} respectively.`,
      });
    expect(rel('$1000')).toContain('conflict');
    expect(rel('$999')).not.toContain('conflict');
  });

  it('a monthly price is compared as written (SummEdits sales_email_30_24)', () => {
    const rel = (price: string) =>
      relations({
        doc: "With QuantumLeap's Platinum Plan at just $700/month, you'll work closely with our seasoned financial advisors.",
        summary: `QuantumLeap's Platinum Plan costs ${price}/month, with the work of seasoned financial advisors.`,
      });
    expect(rel('$670')).toContain('conflict');
    expect(rel('$700')).not.toContain('conflict');
  });

  it('a round toll is still a rounding, prices or not', () => {
    expect(
      relations({
        a: 'The February earthquake in Zarand, Iran, killed 612 people and injured more than 1,400.',
        b: 'In February an earthquake in Zarand, Iran, killed 600 people.',
      }),
    ).toEqual(['corroboration']);
  });
});
