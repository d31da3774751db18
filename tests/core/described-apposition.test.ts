// Rule described-apposition (src/core/quantities/age.ts): an age in apposition after a noun phrase that
// describes a person, as after a name ("The actress, 33, …", ECB+ 1_7ecb).
import { describe, expect, it } from 'vitest';
import {
  type ClaimForMatching,
  crossReference,
  extractArticle,
  termStatsFrom,
  toMatchable,
} from '../../src/core';

const ages = (text: string) =>
  extractArticle(text)
    .claims.flatMap((c) => c.quantities)
    .filter((q) => q.unitClass === 'age')
    .map((q) => q.value);

function conflicts(docs: Record<string, string>) {
  const claims: ClaimForMatching[] = [];
  for (const [id, text] of Object.entries(docs))
    for (const c of extractArticle(text).claims) claims.push(toMatchable(c, `${id}:${c.position}`, id));
  return crossReference(claims, [], termStatsFrom(claims)).filter((l) => l.relation === 'conflict');
}

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
