// Rule described-apposition (src/core/quantities/age.ts): an age in apposition after a noun phrase that
// describes a person, as after a name ("The actress, 33, …", ECB+ 1_7ecb).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { links } from '../helpers/core';

const ages = (text: string) =>
  extractArticle(text)
    .claims.flatMap((c) => c.quantities)
    .filter((q) => q.unitClass === 'age')
    .map((q) => q.value);

const conflicts = (docs: Record<string, string>) => links(docs).filter((l) => l.relation === 'conflict');

const ECB_1_7 = 'The actress, 33, reportedly headed to a Malibu treatment facility on Tuesday.';

describe('rule described-apposition', () => {
  it('reads an age between commas after a noun for a person opening its sentence or clause', () => {
    expect(ages(ECB_1_7)).toEqual([33]);
    expect(ages('A man, 45, was arrested at the scene, and his wife, 41, was questioned.')).toEqual([45, 41]);
  });

  it('leaves a list of figures and a noun for no person alone', () => {
    expect(ages('The scores were 3, 12, 15 and 20.')).toEqual([]);
    expect(ages('The company, 12, 15 and 20 were named.')).toEqual([]);
  });

  it('a summary that retells the age as "the 35-year-old actress" conflicts with it (ECB+ 1_7ecb)', () => {
    const found = conflicts({
      doc: ECB_1_7,
      sum: 'The 35-year-old actress reportedly headed to a Malibu treatment facility on Tuesday.',
    });
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toEqual([['33', '35-year-old']]);
  });
});

describe('rule turns-an-age', () => {
  const ECB_10_2 =
    'Teixeira, who turns 29 on April 11, has averaged more than 30 home runs and 100 RBIs in his six big-league seasons.';

  it('reads the age a person turns, and the year before it while it is still ahead (ECB+ 10_2ecbplus)', () => {
    const age = extractArticle(ECB_10_2)
      .claims.flatMap((c) => c.quantities)
      .find((q) => q.unitClass === 'age');
    expect([age?.value, age?.low, age?.high, age?.modifiers]).toEqual([29, 28, 29, ['who:txr']]);
    expect(ages('The singer, who turned 50 last month, announced a world tour.')).toEqual([50]);
    expect(ages('He turned 50 pages of the book.')).toEqual([]);
  });

  it('agrees with the age now and conflicts with another age turned', () => {
    const now = 'The 28-year-old Teixeira has averaged more than 30 home runs in his six big-league seasons.';
    expect(conflicts({ a: ECB_10_2, b: now })).toEqual([]);
    const other = ECB_10_2.replace('turns 29', 'turns 31');
    expect(
      conflicts({ a: ECB_10_2, b: other }).map((l) => [l.explanation.a?.text, l.explanation.b?.text]),
    ).toEqual([['29', '31']]);
  });
});
