import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { mayStartNumber, readNumber } from '../../src/core/numbers';
import { tokenize } from '../../src/core/words';

const quantities = (text: string) => extractArticle(text).claims.flatMap((c) => c.quantities);
/**
 * The amounts only: dates, years and times of day are read as claims of their own (dates.ts), and so are
 * the numbers of names ("AK 47", codes.ts).
 */
const amounts = (text: string) => quantities(text).filter((q) => !/^(date|time|code):/.test(q.unitClass));
const one = (text: string) => {
  const qs = amounts(text);
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
    expect(amounts('The talks began on March 3 at 10:30 in Geneva.')).toEqual([]);
    // Ranks and ratios are classes of their own (proportions.ts, tests/core/proportions.test.ts; a rank
    // of a word in -ing is left out: "on the 26th departing"), the year and the time dates
    // (tests/core/dates.test.ts).
    expect(
      quantities('Russian forces outnumber Ukrainian forces 3 to 1 on the battlefield.').map(
        (q) => q.unitClass,
      ),
    ).toEqual(['ratio']);
    expect(
      quantities('He will convene the 25th meeting of the group in 2024.').map((q) => q.unitClass),
    ).toEqual(['date:year']);
  });

  it('reads ages as ages', () => {
    expect(one('The 33-year-old actress checked into rehab.')).toMatchObject({ value: 33, unitClass: 'age' });
  });

  it('refines generic people counts by what happened to them', () => {
    expect(one('Officials said 20 people were killed in the blast.').unitClass).toBe('death');
    expect(one('Officials said 20 people were injured in the blast.').unitClass).toBe('injury');
  });

  it('reads times written with spaced letters or followed by punctuation as times', () => {
    expect(amounts('The store closed at about 7 p. m. on Friday.')).toEqual([]);
    expect(amounts('The quake struck at 1336 GMT, the agency said.')).toEqual([]);
  });

  it('reads "half a million" and "half a dozen" as halves of the scale', () => {
    expect(one('Almost half a million people live with HIV.')).toMatchObject({
      value: 500_000,
      low: 450_000,
    });
    expect(one('Half a dozen people were hurt.')).toMatchObject({ value: 6, unitClass: 'injury' });
  });

  it('does not read a multiple ("three times as many") as a count', () => {
    // A multiple of its base (rule multiple-of-a-base), no count of cases.
    expect(
      quantities('The region had three times as many cases as last year.').map((q) => q.unitClass),
    ).toEqual(['multiple:last year']);
    expect(one('She was denied parole 17 times.')).toMatchObject({ value: 17 });
  });

  it('keeps percentage points apart from percentages', () => {
    expect(one('Support rose 3 percentage points in March.').unitClass).toBe('percentage point');
    expect(one('Support rose 3 percent in March.').unitClass).toMatch(/^percent/);
  });

  it('counts a measure glued to the number before what it measures', () => {
    expect(one('A judge gave him a 20-year prison sentence.')).toMatchObject({
      unitClass: 'duration:year',
      modifiers: [],
    });
    expect(one('A 100-foot asteroid will pass Earth.').unitClass).toBe('foot');
  });

  it('gives every group of a list the fate its verb states once', () => {
    const qs = quantities('Police said 17 women and six children were killed.');
    expect(qs.map((q) => q.unitClass)).toEqual(['death', 'death']);
  });

  it('does not carry a verb of the next clause back to a count', () => {
    expect(quantities('The crash took the lives of 55 people and injured some 170.')[0]!.unitClass).toBe(
      'person',
    );
  });

  it('ends what is counted at a direction that starts a place', () => {
    expect(one('The mortar attack injured 160 north of the capital.').unitClass).toBe('injury');
  });

  it('reads "others" as people', () => {
    expect(one('The attack wounded 80 others on Tuesday.').unitClass).toBe('injury');
  });

  it('does not take a nationality after an age for whose age it is', () => {
    expect(one('Klitschko stopped the 40-year-old American in Bern.').modifiers).toEqual([]);
    expect(one('Klitschko stopped the 40-year-old Thompson in Bern.').modifiers).toEqual(['who:thmpsn']);
  });

  it('reads the surname before a generational suffix as the holder (`generational-suffix`)', () => {
    // ECB+ 18_10ecbplus against 18_11ecbplus: one man's age, named with and without "III".
    const a = quantities(
      'The man accused of shooting his three former co-workers is Anthony LaCalamita III, a 38-year-old Troy resident who was fired from Gordon Advisors on Thursday.',
    ).find((q) => q.unitClass === 'age')!;
    const b = one('Police said they had located Anthony LaCalamita, 38, on the highway.');
    expect(a.modifiers).toContain('who:lclmt');
    expect(b.modifiers).toContain('who:lclmt');
    expect(one('Police located Anthony LaCalamita III, 38, on the highway.').modifiers).toContain(
      'who:lclmt',
    );
  });

  it('never reads a word named like an Object.prototype member as a number, scale, currency or rate', () => {
    expect(quantities('Constructor countries joined, and toString valueOf troops.')).toEqual([]);
    const q = one('They paid 12 constructor fees constructor.');
    expect(q).toMatchObject({ value: 12, low: 12, high: 12, unit: 'fee', rate: null });
    expect(one('Some 40 __proto__ troops arrived.')).toMatchObject({ low: 36, high: 44, unit: 'troop' });
  });

  it('does not read a figure that is the subject of a possibility as a report', () => {
    expect(quantities('A magnitude 6 quake can cause severe damage.')).toEqual([]);
    expect(quantities('As many as 20,000 troops could be sent to the border.')).toEqual([]);
    expect(one('As many as 50 people may have died in the fire.')).toMatchObject({
      value: 50,
      unitClass: 'death',
    });
    expect(one('A magnitude 6.1 quake struck the island on Sunday.')).toMatchObject({ value: 6.1 });
  });

  it('reads a model code as what is counted (model-counted), never as an amount', () => {
    expect(one('They seized six AK 47 rifles on board.')).toMatchObject({
      value: 6,
      unit: 'rifle',
      unitClass: 'ak-47',
      modifiers: [],
    });
    expect(one('They had 7 AK-47 rifles on board.')).toMatchObject({
      value: 7,
      unit: 'rifle',
      text: '7 AK-47 rifles',
    });
    expect(one('The Pentagon sent 12 F-16 jets.')).toMatchObject({ value: 12, unit: 'jet' });
    expect(one('A 66-year-old Lindell woman was hurt.')).toMatchObject({ value: 66, unitClass: 'age' });
  });

  it('does not count a name after the digits: a calibre, an address', () => {
    expect(quantities('He fired a .357 Magnum revolver.')).toEqual([]);
    expect(quantities('She lives at 10 Downing Street.')).toEqual([]);
    expect(one('Police seized 26 Somali pirates.')).toMatchObject({ value: 26, unit: 'pirate' });
    expect(one('Some 30 House Democrats voted.')).toMatchObject({ unit: 'democrat' });
    expect(quantities('The arrest of 12 Somali and 11 Yemeni.')).toHaveLength(2);
  });
});

describe('where a number can start', () => {
  it('reads no number from a token mayStartNumber rules out', () => {
    const text =
      'Some 2,500 people, a few hundred troops, half a million euros, tens of thousands, twenty-five ' +
      'or two-and-a-half years, several dozen ships, a dozen, dozens, one million, 3.5 km, 25th, 10:30, ' +
      'the US $5 bid, a 33-year-old, Thirty-One Flavors, ONE of them, A Hundred Years.';
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++)
      if (!mayStartNumber(tokens[i]!)) expect(readNumber(tokens, i)).toBeNull();
  });
});

describe('rule age-of-a-group', () => {
  const figures = (text: string) => extractArticle(text).claims.flatMap((c) => c.quantities);

  it('reads "senior citizens over 65" as an age bound, not a count (SummEdits sales_call_12)', () => {
    const [q] = figures(
      'Sales Agent: Sure, we offer a discount for drivers who maintain a safe driving record for more than 3 years. We also have discounts for multiple cars, senior citizens over 65, and members of the military.',
    ).filter((x) => x.value === 65);
    expect(q).toMatchObject({ unitClass: 'age', low: 65, high: Number.POSITIVE_INFINITY });
  });

  it('reads "a man aged 45" and "children under 5" as ages, never as 45 arrests or five injured', () => {
    expect(figures('A man aged 45 was arrested.')[0]).toMatchObject({ value: 45, unitClass: 'age' });
    expect(figures('Children under 5 were hurt.')[0]).toMatchObject({ value: 5, unitClass: 'age' });
  });

  it('leaves a bound on a count alone ("Over 65 were killed", "more than 65 people")', () => {
    expect(figures('Over 65 were killed.')[0]?.unitClass).toBe('death');
    expect(figures('More than 65 people died.')[0]?.unitClass).toBe('death');
  });
});
