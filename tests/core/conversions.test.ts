// Rule converted-figure (src/core/quantities/conversions.ts): a figure in parentheses converting the one before it
// spans the conversion's tolerance. Real pairs of the labelled ECB+ set (compatible: one fact).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { overlaps } from '../../src/core/crossref/intervals';

const quantities = (text: string) => extractArticle(text).claims.flatMap((c) => c.quantities);

describe('conversions in parentheses (rule converted-figure)', () => {
  it('"58km (36 miles)" agrees with another outlet\'s "35 miles" (ECB+ 20_1ecbplus / 20_3ecbplus)', () => {
    const [km, miles] = quantities(
      "'We panicked' The US Geological Survey put the epicentre of Sunday's quake at about 58km (36 miles) south - west of Bandar Abbas.",
    );
    const [other] = quantities('The USGS said the quake was 35 miles southwest of Bandar Abbas.');
    expect(km!.hedge).toBe('about');
    expect(miles).toMatchObject({ value: 36, low: 34.2, high: 37.8, hedge: 'converted' });
    expect(overlaps(miles!, other!)).toBe(true);
  });

  it('"a euro110 billion ($141 billion) loan package" agrees with "a $144 billion bailout" (ECB+ 8_3ecbplus / 8_9ecbplus)', () => {
    const [dollars] = quantities(
      'Heavily indebted Greece gets a euro110 billion ($141 billion) loan package to keep it from defaulting.',
    );
    const [other] = quantities(
      'The national strike was held so that Greece can get a $144 billion bailout from the International Monetary fund.',
    );
    expect(dollars).toMatchObject({ value: 141e9, hedge: 'converted' });
    expect(overlaps(dollars!, other!)).toBe(true);
  });

  it("leaves a figure in parentheses that converts nothing alone: a party's figure, a second sum in one currency", () => {
    for (const t of [
      'The bill passed 68 votes to 31 (52 Democrats) in the Senate.',
      'The company paid $5 million ($2 million in cash) for the site.',
    ])
      for (const q of quantities(t)) expect(q.hedge, t).not.toBe('converted');
  });

  it('reads a dollar sum in a list of conversions, and a dollar sum told with its original (ECB+ 24_4ecbplus, 24_8ecbplus)', () => {
    const listed = quantities('They made off with 2m euros (£1.7m ; $2.6m) in gems and watches.');
    expect(listed.map((q) => [q.unit, q.value, q.hedge])).toEqual([
      ['eur', 2e6, null],
      ['gbp', 1.7e6, 'converted'],
      ['usd', 2.6e6, 'converted'],
    ]);
    const dollars = quantities(
      'Four men rammed their car into an upmarket jewelry store in central Paris on Monday, stealing $2.6 million (two million Euros) in jewelry, according to AFP.',
    ).find((q) => q.unit === 'usd');
    const [other] = quantities('Paris thieves nab $2.5 million worth of jewellery.');
    expect(dollars).toMatchObject({ value: 2.6e6, hedge: 'converted' });
    expect(overlaps(dollars!, other!)).toBe(true);
  });

  it('reads whose dollar a sum is (rules country-dollar and own-dollar; ECB+ 13_1ecb)', () => {
    const [us, own] = quantities(
      "'' Damage to the church was estimated at $ US1 million ($ 1.52 million), authorities said.",
    );
    expect(us).toMatchObject({ unit: 'usd', value: 1e6 });
    expect(own!.unit).toBe('own-dollar');
    expect(
      quantities('A bailout of A$1.5 billion (US$1.1 billion) was agreed.').map((q) => [q.unit, q.hedge]),
    ).toEqual([
      ['aud', null],
      ['usd', 'converted'],
    ]);
    expect(quantities('C$2m and NZ$3 million').map((q) => q.unit)).toEqual(['cad', 'nzd']);
    expect(quantities('It raised 15 million Canadian dollars.').map((q) => [q.unit, q.value])).toEqual([
      ['cad', 15e6],
    ]);
  });
});
