// Rule named-number (src/core/quantities/codes.ts): the number of a named thing ("737 MAX 9", "Flight
// 370") is no amount but a figure a retelling can get wrong. Real text: SummEdits ectsum_CPA_q3_2021
// (an earnings call and summaries) and ECB+ topic 10 (two radio stations, no code of one thing).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { compareDocuments } from '../../src/services/compare';

const conflicts = (a: string, b: string) =>
  compareDocuments([
    { id: 'doc', text: a },
    { id: 'summary', text: b },
  ]).links.filter((l) => l.relation === 'conflict');

const call =
  'During the quarter, we agreed with Boeing to accelerate the delivery of 12 737 MAX 9 that were originally intended to be delivered starting in 2025. We will receive two of these aircraft in 2022 for a total of seven MAX 9 deliveries next year and the other 10 aircrafts will be added to deliveries from 2023 through 2025.';
const summary = (model: string) =>
  `The company had an average load factor of 79% in the quarter. Additionally, the company has agreed with Boeing to accelerate 12 737 ${model} aircraft deliveries.`;

describe('rule named-number', () => {
  it('reads the number of a model code and of an identifier as a code of its name', () => {
    const qs = extractArticle(`${summary('MAX 8')} I read Jo. Toby 3632.`).claims.flatMap(
      (c) => c.quantities,
    );
    const codes = qs.filter((q) => q.unitClass.startsWith('code'));
    expect(codes.map((q) => [q.text, q.value, q.unitClass])).toEqual([
      ['MAX 8', 8, 'code:max'],
      ['Toby 3632', 3632, 'code:toby'],
    ]);
    // The count the code sits in is still read.
    expect(qs.some((q) => q.text.startsWith('12 737') && q.value === 12)).toBe(true);
  });

  it('a summary that names another model conflicts (SummEdits ectsum_CPA_q3_2021_21)', () => {
    const found = conflicts(call, summary('MAX 8'));
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual([
      'MAX 9',
      'MAX 8',
    ]);
  });

  it('the faithful summary gets no conflict', () => {
    expect(conflicts(call, summary('MAX 9'))).toEqual([]);
  });

  it('codes whose surroundings share nothing stay apart (ECB+ 10_4ecb against 10_13ecbplus)', () => {
    expect(
      conflicts(
        "The Angels' eight-year offer first was reported Friday night on the team-owned radio station, AM 830.",
        'Dan Patrick reported on his show on AM 570 that the Boston Red Sox have made first baseman Mark Teixeira an offer.',
      ),
    ).toEqual([]);
  });
});

// ECB+ 16_1ecbplus and 16_5ecbplus: two reports of the shooting of Deputy Jerry Ortiz (Hawaiian Gardens, June 2005).
describe('rule street-block', () => {
  const slain =
    'Deputy Ortiz was shot to death outside an apartment in the 12000 block of East 223rd Street.';
  const occurred = (block: string) =>
    `The shooting occurred about 3 : 10 p. m. in the ${block} block of 223rd Street in Hawaiian Gardens, a working - class city at the northeastern border of Long Beach.`;
  const pairs = (a: string, b: string) =>
    conflicts(a, b).map((l) => [l.explanation.a?.text, l.explanation.b?.text]);

  it('reads "the 12000 block of" as an address, never rounded: against the 12200 block it conflicts', () => {
    expect(
      extractArticle(slain).claims[0]!.quantities.map((q) => [q.text, q.unitClass, q.low, q.high]),
    ).toEqual([['12000 block', 'code:block', 12000, 12000]]);
    expect(pairs(slain, occurred('12200'))).toEqual([['12000 block', '12200 block']]);
    expect(pairs(slain, occurred('12000'))).toEqual([]);
  });

  it('leaves a count of blocks a count', () => {
    const q = extractArticle('Police closed three blocks of Main Street for the parade.').claims[0]!
      .quantities[0]!;
    expect(q.unitClass).not.toBe('code:block');
  });
});
