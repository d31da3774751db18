import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';

const quantities = (text: string) => extractArticle(text).claims.flatMap((c) => c.quantities);
const one = (text: string) => {
  const qs = quantities(text);
  expect(qs).toHaveLength(1);
  return qs[0]!;
};

describe('quantities as intervals', () => {
  it('reads an exact count with its head noun and unit class', () => {
    const q = one('It is a coalition of 57 countries and the European Union.');
    expect(q).toMatchObject({
      value: 57,
      low: 57,
      high: 57,
      unit: 'country',
      unitClass: 'country',
      hedge: null,
    });
    expect(q.text).toBe('57 countries');
  });

  it('widens hedged numbers: some, about, nearly, more than, at least, fewer than', () => {
    expect(one('The group is a network of some 50 partners.')).toMatchObject({
      low: 45,
      hedge: 'some',
      unitClass: 'country',
    });
    expect(one('The group is a network of some 50 partners.').high).toBeCloseTo(55);
    expect(one('They counted nearly 50 boats in the bay.')).toMatchObject({ low: 45, high: 50 });
    expect(one('There were more than 1,250 casualties per day.')).toMatchObject({
      low: 1250,
      high: Number.POSITIVE_INFINITY,
      lowInclusive: false,
      rate: 'day',
    });
    expect(one('At least 30 homes were destroyed.')).toMatchObject({
      low: 30,
      high: Number.POSITIVE_INFINITY,
      lowInclusive: true,
    });
    expect(one('Fewer than 20 people came.')).toMatchObject({ low: 0, high: 20, highInclusive: false });
  });

  it('reads vague amounts and number words', () => {
    expect(one('The unit suffered several hundred casualties.')).toMatchObject({
      low: 200,
      high: 900,
      unitClass: 'casualty',
    });
    expect(one('Thirteen members of the group lead the work.')).toMatchObject({
      value: 13,
      unitClass: 'country',
    });
    expect(one('They stayed for two-and-a-half years in the city.')).toMatchObject({
      value: 2.5,
      unitClass: 'duration:year',
    });
    expect(one('More than a dozen allies now give more.')).toMatchObject({
      low: 12,
      high: Number.POSITIVE_INFINITY,
    });
  });

  it('scales money and keeps what it pays for apart', () => {
    const q = one('The department will allocate the remaining $1.2 billion in security funds by December.');
    expect(q.value).toBe(1_200_000_000);
    expect(q.low).toBeCloseTo(1_150_000_000);
    expect(q.high).toBeCloseTo(1_250_000_000);
    expect(q.unitClass).toBe('money:usd:aid');
    expect(one('It announced a $988 million package of new equipment.')).toMatchObject({
      value: 988_000_000,
      unitClass: 'money:usd:package',
    });
  });

  it('keeps modifiers and rates that say what exactly is counted', () => {
    expect(one('Approximately 12,000 North Korean troops have deployed.')).toMatchObject({
      unitClass: 'troop',
      modifiers: ['north', 'korean'],
    });
    expect(one('Russia is mobilizing 30,000 new troops per month.')).toMatchObject({
      rate: 'month',
      unitClass: 'troop',
    });
    expect(one('It produces more than 3 million munitions annually.')).toMatchObject({
      rate: 'year',
      low: 3_000_000,
    });
  });

  it('reads ranges and percentages', () => {
    expect(one('Between 40 and 50 people were hurt in the crash.')).toMatchObject({
      low: 40,
      high: 50,
      unitClass: 'injury',
    });
    expect(one('Officials expect from 3 to 5 million visitors.')).toMatchObject({
      low: 3_000_000,
      high: 5_000_000,
    });
    expect(one('Turnout rose to 64% of voters.')).toMatchObject({
      value: 64,
      unit: 'percent',
      unitClass: 'percent:voter',
    });
  });

  it('does not treat ordinals, years, dates, times and ratios as amounts', () => {
    expect(quantities('He will convene the 25th meeting of the group in 2024.')).toEqual([]);
    expect(quantities('The talks began on March 3 at 10:30 in Geneva.')).toEqual([]);
    expect(quantities('Russian forces outnumber Ukrainian forces 3 to 1 on the battlefield.')).toEqual([]);
  });

  it('reads ages as ages', () => {
    expect(one('The 33-year-old actress checked into rehab.')).toMatchObject({ value: 33, unitClass: 'age' });
  });

  it('refines generic people counts by what happened to them', () => {
    expect(one('Officials said 20 people were killed in the blast.').unitClass).toBe('death');
    expect(one('Officials said 20 people were injured in the blast.').unitClass).toBe('injury');
  });
});
