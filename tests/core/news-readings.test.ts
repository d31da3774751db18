// Figures news writes that the reader used to skip (issue 15): years before 1900, each with a
// realistic news pair that differs in that one figure.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { links } from '../helpers/core';

/** The conflicts between the texts, each text its own article. */
const conflicts = (texts: string[]) =>
  links(Object.fromEntries(texts.map((text, k) => [String(k), text]))).filter(
    (l) => l.relation === 'conflict',
  );
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

describe('temperature: "38C", "100F", "41°C", "38 degrees Celsius" in degrees Celsius', () => {
  it('flags "38C" against "41C" and meets "100F"', () => {
    expect(
      conflicts([
        'Temperatures reached 38C in Seville on Saturday, the hottest day of the year.',
        'Seville recorded 41C on Saturday, the hottest day of the year.',
      ]).length,
    ).toBeGreaterThan(0);
    expect(
      conflicts([
        'Temperatures reached 38C in Seville on Saturday, the hottest day of the year.',
        'Temperatures reached 100F in Seville on Saturday, the hottest day of the year.',
      ]),
    ).toEqual([]);
  });

  it('reads the degree sign and the word, and no code ("seat 14C") or range', () => {
    const temps = (text: string) =>
      extractArticle(text)
        .claims.flatMap((c) => c.quantities)
        .map((q) => [q.unitClass, q.low, q.high]);
    expect(temps('It was 38°C in Seville.')).toEqual([['celsius', 37.5, 38.5]]);
    expect(temps('It hit 38 degrees Celsius in Seville.')).toEqual([['celsius', 37.5, 38.5]]);
    expect(temps('He sat in seat 14C on the plane.')).toEqual([]);
    expect(temps('Temperatures hit 38-40C.')).toEqual([]);
  });
});

describe('decades-in-years: decades and centuries are compared with years', () => {
  it('flags "two decades" against "30 years" and meets "31 years" with "three decades"', () => {
    expect(
      conflicts([
        'The veteran served in the army for two decades before he retired to Devon.',
        'The veteran served in the army for 30 years before he retired to Devon.',
      ]).length,
    ).toBeGreaterThan(0);
    expect(
      conflicts([
        'The veteran served in the army for three decades before he retired to Devon.',
        'The veteran served in the army for 31 years before he retired to Devon.',
      ]),
    ).toEqual([]);
  });
});

describe('months-against-years: durations in units that convert exactly are compared', () => {
  it('flags "roughly 18 months" against "about two years" and meets "24 months" with "two years"', () => {
    expect(
      conflicts([
        'The new bridge over the Tagus will take roughly 18 months to build, the council said on Tuesday.',
        'The new bridge over the Tagus will take about two years to build, the council said on Tuesday.',
      ]).length,
    ).toBeGreaterThan(0);
    expect(
      conflicts([
        'The new bridge over the Tagus will take 24 months to build, the council said on Tuesday.',
        'The new bridge over the Tagus will take two years to build, the council said on Tuesday.',
      ]),
    ).toEqual([]);
  });

  it('never sets hours against days: the hours of work and the days they took', () => {
    expect(
      conflicts([
        'The jury in Atlanta deliberated for 30 hours before finding Nichols guilty of murder.',
        'The jury in Atlanta deliberated for four days before finding Nichols guilty of murder.',
      ]),
    ).toEqual([]);
  });
});

describe('compound-duration: "six years and nine months" is one duration', () => {
  it('flags it against "72 months" and meets "81 months"', () => {
    expect(
      conflicts([
        'Okafor spent six years and nine months in Belmarsh prison before his conviction was quashed.',
        'Okafor spent 72 months in Belmarsh prison before his conviction was quashed.',
      ]).length,
    ).toBeGreaterThan(0);
    expect(
      conflicts([
        'Okafor spent six years and nine months in Belmarsh prison before his conviction was quashed.',
        'Okafor spent 81 months in Belmarsh prison before his conviction was quashed.',
      ]),
    ).toEqual([]);
  });
});

describe('a-decade: "a decade", "a century", "half a century" are durations in years', () => {
  it('flags "in a century" against "in 50 years" and meets "in 100 years"', () => {
    expect(
      conflicts([
        'Carlisle saw its worst flooding in a century on Sunday, the Environment Agency said.',
        'Carlisle saw its worst flooding in 50 years on Sunday, the Environment Agency said.',
      ]).length,
    ).toBeGreaterThan(0);
    expect(
      conflicts([
        'Carlisle saw its worst flooding in a century on Sunday, the Environment Agency said.',
        'Carlisle saw its worst flooding in 100 years on Sunday, the Environment Agency said.',
      ]),
    ).toEqual([]);
  });

  it('reads "half a century" as 45 to 55 years, and no rate or part ("once a decade", "a quarter of a century")', () => {
    const spans = (text: string) =>
      extractArticle(text)
        .claims.flatMap((c) => c.quantities)
        .map((q) => [q.text, q.low, q.high]);
    expect(spans('The border dispute has lasted half a century.')).toEqual([['half a century', 45, 55]]);
    expect(spans('The river floods once a decade.')).toEqual([]);
    expect(spans('He left a quarter of a century ago.')).toEqual([]);
  });
});

describe('share-of-a-counted-group: "nearly half of the 1,200 workers" is a share of the workers', () => {
  it('flags "nearly half" against "a third" of one counted group and meets "about 45 percent"', () => {
    const a = 'Nearly half of the 1,200 workers at the Ford plant in Valencia were laid off on Monday.';
    expect(
      conflicts([a, 'A third of the 1,200 workers at the Ford plant in Valencia were laid off on Monday.'])
        .length,
    ).toBeGreaterThan(0);
    expect(
      conflicts([
        a,
        'About 45 percent of the 1,200 workers at the Ford plant in Valencia were laid off on Monday.',
      ]),
    ).toEqual([]);
  });

  it("keeps the group's size a count of its own", () => {
    const read = extractArticle('A third of the 90 passengers on the flight to Dublin were British.')
      .claims.flatMap((c) => c.quantities)
      .map((q) => [q.text, q.unitClass]);
    expect(read).toEqual([
      ['A third of the 90 passengers', 'percent:passenger'],
      ['90 passengers', 'passenger'],
    ]);
  });
});

describe('and-a-half: "two and a half years", "a year and a half"', () => {
  it('flags "two and a half years" against "two years" and meets "30 months"', () => {
    const a = 'The strike at the Suez Canal port lasted two and a half years, union leaders said.';
    expect(
      conflicts([a, 'The strike at the Suez Canal port lasted two years, union leaders said.']).length,
    ).toBeGreaterThan(0);
    expect(conflicts([a, 'The strike at the Suez Canal port lasted 30 months, union leaders said.'])).toEqual(
      [],
    );
  });

  it('reads "a year and a half" as 1.5 years, meeting "18 months"', () => {
    expect(
      conflicts([
        'The strike at the Suez Canal port lasted a year and a half, union leaders said.',
        'The strike at the Suez Canal port lasted 18 months, union leaders said.',
      ]),
    ).toEqual([]);
    expect(
      conflicts([
        'The strike at the Suez Canal port lasted a year and a half, union leaders said.',
        'The strike at the Suez Canal port lasted three years, union leaders said.',
      ]).length,
    ).toBeGreaterThan(0);
  });
});

describe('multiple-of-a-base: "twice as many … as last year" is compared only with a multiple of that base', () => {
  const told = (multiple: string, base: string) =>
    `${multiple} as many migrants crossed the Channel to Dover this year as ${base}, the Home Office said.`;

  it('flags "twice as many" against "nearly three times as many" of one base and meets "about twice"', () => {
    expect(
      conflicts([told('Twice', 'last year'), told('Nearly three times', 'last year')]).length,
    ).toBeGreaterThan(0);
    expect(conflicts([told('Twice', 'last year'), told('About twice', 'last year')])).toEqual([]);
  });

  it('never sets multiples of different bases against each other', () => {
    expect(conflicts([told('Twice', 'last year'), told('Three times', 'in 2019')])).toEqual([]);
  });
});

describe('died-at-an-age: "Esther Williams dies at 91" is her age at death', () => {
  const ages = (text: string) =>
    extractArticle(text)
      .claims.flatMap((c) => c.quantities)
      .filter((q) => q.unitClass === 'age')
      .map((q) => [q.value, q.modifiers]);

  it('reads ECB+ 4_2ecbplus\'s headline and 4_8ecbplus\'s "died Thursday at 91", with the holder before the verb', () => {
    expect(ages("Hollywood's Mermaid, Esther Williams dies at 91.")).toEqual([
      [91, ['who:wlms', 'given:esther']],
    ]);
    expect(
      ages(
        'The self - described "Million Dollar Mermaid, " whose wholesome beauty launched an entire genre of movies died Thursday at 91.',
      ).map((a) => a[0]),
    ).toEqual([91]);
  });

  it('flags another report\'s "dies at 89" and meets "at the age of 91"', () => {
    expect(
      conflicts([
        'Esther Williams, swimming star, dies at 91.',
        'Esther Williams, swimming star, dies at 89.',
      ]).length,
    ).toBeGreaterThan(0);
    expect(
      conflicts([
        'Esther Williams, swimming star, dies at 91.',
        'Esther Williams died on Thursday in Beverly Hills, California, at the age of 91, her spokesman said.',
      ]),
    ).toEqual([]);
  });

  it('is no age of a toll, a clock or an address', () => {
    expect(ages('The death toll stood at 85 on Sunday.')).toEqual([]);
    expect(ages('He died at 85 Main Street.')).toEqual([]);
    expect(ages('She died at 6:41 p.m. on Thursday.')).toEqual([]);
  });
});

describe('dotted-clock: "8.49pm" is a time of day', () => {
  const fire = (time: string) =>
    `The fire, which is being treated as suspicious, broke out in the roof of the Waitrose store at ${time} on Friday night and quickly spread to the rest of the building.`;

  it('reads ECB+ 14_8ecb\'s "at 8.49pm", flags "9.49pm" and meets "8:49 p.m."', () => {
    const clocks = extractArticle(fire('8.49pm'))
      .claims.flatMap((c) => c.quantities)
      .filter((q) => q.unitClass === 'time:clock')
      .map((q) => [q.text, q.value]);
    expect(clocks).toEqual([['8.49pm', 8 * 60 + 49]]);
    expect(conflicts([fire('8.49pm'), fire('9.49pm')]).length).toBeGreaterThan(0);
    expect(conflicts([fire('8.49pm'), fire('8:49 p.m.')])).toEqual([]);
  });

  it('is no time without its meridiem ("8.40 miles")', () => {
    const read = extractArticle('He ran 8.40 miles on Friday.')
      .claims.flatMap((c) => c.quantities)
      .map((q) => q.unitClass);
    expect(read).toEqual(['mile']);
  });
});

describe('a-mile-and-a-half: "a mile and a half" is 1.5 miles', () => {
  const told = (distance: string) =>
    `She had moved about ${distance} away five or six years ago, her friend said, according to Charanjit who translated for Singh.`;

  it('reads ECB+ 21_13ecbplus\'s "about a mile and a half away", flags "about four miles" and meets "1.5 miles"', () => {
    const read = extractArticle(told('a mile and a half'))
      .claims.flatMap((c) => c.quantities)
      .filter((q) => q.unitClass === 'mile')
      .map((q) => [q.text, q.value]);
    expect(read).toEqual([['about a mile and a half', 1.5]]);
    expect(conflicts([told('a mile and a half'), told('four miles')]).length).toBeGreaterThan(0);
    expect(conflicts([told('a mile and a half'), told('1.5 miles')])).toEqual([]);
  });
});
