// Dates, years and clock times as claims (issue 15 item 2, DIAGNOSIS row 3), with real examples from
// the eval data (SummEdits dev, ECB+), never the seeds.
import { describe, expect, it } from 'vitest';
import {
  type ClaimForMatching,
  crossReference,
  extractArticle,
  termStatsFrom,
  toMatchable,
} from '../../src/core';

/** Every link between the claims of the texts, each text its own article. */
function compareTexts(texts: string[]) {
  const claims: ClaimForMatching[] = [];
  texts.forEach((text, k) => {
    for (const c of extractArticle(text).claims) claims.push(toMatchable(c, `${k}:${c.position}`, String(k)));
  });
  return crossReference(claims, [], termStatsFrom(claims));
}

const quantities = (text: string) => extractArticle(text).claims.flatMap((c) => c.quantities);
const dates = (text: string) =>
  quantities(text)
    .filter((q) => /^(date|time):/.test(q.unitClass))
    .map((q) => [q.text, q.value, q.unitClass, q.modifiers[0]]);

describe('reader: dates, years and times of day (rule date-reader)', () => {
  it('reads a year a word dates ("in 2021", "third quarter of 2020", "Q4 2019")', () => {
    expect(
      dates(
        'We expect our gross profit margin to be up year over year in 2021 despite difficult comparisons given our performance in 2020.',
      ),
    ).toEqual([
      ['2021', 2021, 'date:year', 'when:at'],
      ['2020', 2020, 'date:year', 'when:at'],
    ]);
    expect(dates('Non-GAAP earnings per diluted share of $1.30 to $1.40 for Q4 2019.')).toEqual([
      ['Q4 2019', 2019, 'date:year', 'when:at'],
    ]);
  });

  it('tells "until" from "in": the end of a span is another fact than an event', () => {
    expect(dates('The ban lasted until 1997 in Texas.')).toEqual([['1997', 1997, 'date:year', 'when:until']]);
  });

  it('a year that sets the scene of its sentence is no claim (ECB+ 7_6ecbplus)', () => {
    expect(
      dates(
        'In 2008, last time the pair met, the bout went 11 rounds before the Ukrainian emerged triumphant.',
      ),
    ).toEqual([]);
  });

  it('reads a time of day on a twelve-hour dial (SummEdits samsum_train_13820970)', () => {
    expect(dates("You'll arrive in Bedford at 6:55 PM.")).toEqual([
      ['6:55 PM', 415, 'time:clock', 'when:at'],
    ]);
    // "as of 4:00 p.m." is when a running count was taken, not when something happened (ECB+ 11_1ecb).
    expect(dates('Some 2.44 million people cast their ballots as of 4:00 p.m. local time.')).toEqual([
      ['4:00 p.m.', 240, 'time:clock', 'when:as-of'],
    ]);
  });

  it('a calendar day is left to the subject rules', () => {
    expect(dates('On June 24, 2005 he died.')).toEqual([]);
  });
});

describe('reader: rule period-apposition-year', () => {
  it('a year set right after the period it numbers dates that period (SummEdits ectsum_MDC_q3_2020, ectsum_CTS_q3_2020)', () => {
    expect(
      dates(
        'The average selling price is expected to surpass $460,000, and home deliveries for 4Q 2021 are predicted to hit between 2,400 and 2,600 units.',
      ),
    ).toEqual([['2021', 2021, 'date:year', 'when:at']]);
    // Not a count of 2020 earnings.
    expect(dates('Third quarter 2020 earnings were $0.34 per diluted share.')).toEqual([
      ['2020', 2020, 'date:year', 'when:at'],
    ]);
  });

  it('a summary that moves the quarter to another year conflicts with its document (SummEdits ectsum_MDC_q3_2020_6)', () => {
    const links = compareTexts([
      'We are anticipating home deliveries for the fourth quarter of 2020 to reach between 2,400 and 2,600 units.',
      'The average selling price for unit deliveries is expected to surpass $360,000, and home deliveries for 4Q 2021 are predicted to hit between 2,400 and 2,600 units.',
    ]);
    expect(links.filter((l) => l.relation === 'conflict').map((l) => l.explanation.b?.text)).toEqual([
      '2021',
    ]);
  });
});

describe('reader: rule year-of-a-day', () => {
  it("the year of a deadline's calendar day is a claim; a day the sentence does not govern is not", () => {
    expect(
      dates('The offer is valid for the first 20 customers who sign up before 31st August 2022.'),
    ).toEqual([['2022', 2022, 'date:year', 'when:until']]);
    expect(dates('Sign up before August 31st, 2023 to save.')).toEqual([
      ['2023', 2023, 'date:year', 'when:until'],
    ]);
    expect(dates('He was born on June 24, 2005 in Ohio.')).toEqual([]);
  });

  it("a summary that moves an offer's deadline to another year conflicts (SummEdits sales_email_1_8)", () => {
    const links = compareTexts([
      'As a token of appreciation for trusted clients like you, we are currently offering an Early Bird Bundle Package for only $100/month. The offer is valid for the first 20 customers who sign up before 31st August 2022, saving you up to 40% on the regular pricing!',
      'A special Early Bird Bundle Package is currently being offered for $95/month to the first 20 customers who sign up before August 31st, 2023.',
    ]);
    expect(links.filter((l) => l.relation === 'conflict').map((l) => l.explanation.b?.text)).toContain(
      '2023',
    );
  });
});

describe('reader: rule base-year', () => {
  it('the year after a comparison\'s "with" is read; any other "with" is not', () => {
    expect(
      dates('Gross profit margin is expected to increase in 2021 despite difficult comparisons with 2019.'),
    ).toEqual([
      ['2021', 2021, 'date:year', 'when:at'],
      ['2019', 2019, 'date:year', 'when:at'],
    ]);
    expect(dates('They finished with 2019 points.').filter((d) => d[2] === 'date:year')).toEqual([]);
  });

  it("a summary that moves the comparison's base year conflicts (SummEdits ectsum_CL_q4_2020_5)", () => {
    const links = compareTexts([
      'We expect our gross profit margin to be up year over year in 2021 despite difficult comparisons given our performance in 2020, increases in raw materials, and the continuing uncertainty associated with COVID.',
      'Gross profit margin is expected to decrease in 2021 despite difficult comparisons with 2019, raw material price increases, and uncertainty due to COVID.',
    ]);
    expect(links.filter((l) => l.relation === 'conflict').map((l) => l.explanation.b?.text)).toContain(
      '2019',
    );
  });
});

describe('comparison: date-needs-agreeing-rest', () => {
  // The document's sentence without its second period ("given our performance in 2020"): with it, the
  // sentence compares periods and its years are no claim (the eval pair is found through another sentence).
  it('a guided year told differently conflicts (SummEdits ectsum_CL_q4_2020_32)', () => {
    const doc =
      'We expect our gross profit margin to be up year over year in 2021 despite difficult comparisons, increases in raw materials, and the continuing uncertainty associated with COVID.';
    const summary =
      'Gross profit margin is expected to increase in 2022 despite difficult comparisons with 2020, raw material price increases, and uncertainty due to COVID.';
    const links = compareTexts([doc, summary]).filter((l) => l.relation === 'conflict');
    expect(links.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual(['2021', '2022']);
  });

  it('a disagreement joining two facts by value alone does not stop the year (rule spoken-for-rest, SummEdits ectsum_KOP_q2_2021_19)', () => {
    const doc =
      'On Slide 36, our sales forecast for 2021 remains in the range of $1.7 billion to $1.8 billion compared with $1.67 billion in the prior year.';
    const summary =
      "The company's consolidated sales increased to $441 million, with a projected sales forecast for 2022 remaining within the range of $1.7 billion to $1.8 billion compared with $1.67 billion in the prior year.";
    const links = compareTexts([doc, summary]).filter((l) => l.relation === 'conflict');
    expect(links.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual(['2021', '2022']);
  });

  it('a figure the other text states in another sentence does not stop the year (rule stated-elsewhere, SummEdits ectsum_KOP_q2_2021_24)', () => {
    const doc = [
      "Let's start on Slide 17, that shows consolidated sales were $441 million, an increase of sales from $437 million in the prior year.",
      'On Slide 36, our sales forecast for 2021 remains in the range of $1.7 billion to $1.8 billion compared with $1.67 billion in the prior year.',
    ].join('\n');
    const summary =
      "The company's consolidated sales increased to $441 million, with a projected sales forecast for 2020 remaining within the range of $1.7 billion to $1.8 billion.";
    const links = compareTexts([doc, summary]).filter((l) => l.relation === 'conflict');
    expect(links.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual(['2021', '2020']);
    expect(
      compareTexts([doc, summary.replace('2020', '2021')]).filter((l) => l.relation === 'conflict'),
    ).toEqual([]);
  });

  it('a year named with its quarter is compared with the year of that quarter, not with the base of a comparison (rule quarter-of-a-year, SummEdits ectsum_AN_q3_2020_24)', () => {
    const doc =
      'Adjusted SG&A as a percentage of gross profit was 64.4% in the third quarter of 2020, representing a 800 basis point improvement compared to the third quarter of 2019.';
    const summary =
      'AutoNation reported strong financial results for Q3 2019, with an increase in same-store vehicle gross profits and total variable gross profits, as well as improved adjusted SG&A.';
    const links = compareTexts([doc, summary]).filter((l) => l.relation === 'conflict');
    expect(links.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toEqual([['2020', 'Q3 2019']]);
    expect(
      compareTexts([doc, summary.replace('Q3 2019', 'Q3 2020')]).filter((l) => l.relation === 'conflict'),
    ).toEqual([]);
  });

  it('years of two quarters in one sentence are no periods of one figure (rule quarter-of-a-year, SummEdits ectsum_RS_q3_2020_6)', () => {
    const doc =
      'Based on these expectations, we currently anticipate non-GAAP earnings per diluted share in the range of $1.30 to $1.40 for the fourth quarter of 2020.';
    const summary =
      'Reliance anticipates non-GAAP earnings per diluted share in the range of $1.30 to $1.40 for Q4 2019 and has seen a decrease in net sales for Q3 2020 due to lower pricing and demand levels.';
    const links = compareTexts([doc, summary]).filter((l) => l.relation === 'conflict');
    expect(links.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toEqual([['2020', 'Q4 2019']]);
    expect(
      compareTexts([doc, summary.replace('Q4 2019', 'Q4 2020')]).filter((l) => l.relation === 'conflict'),
    ).toEqual([]);
  });

  it("a year in a comparison noun's phrase is the comparison's base (rule quarter-of-a-year with comparison-base, SummEdits ectsum_CL_q4_2020_32)", () => {
    const doc =
      'We expect our gross profit margin to be up year over year in 2021 despite difficult comparisons given our performance in 2020, increases in raw materials, and the continuing uncertainty associated with COVID.';
    const summary =
      'Gross profit margin is expected to increase in 2022 despite difficult comparisons with 2020, raw material price increases, and uncertainty due to COVID.';
    const links = compareTexts([doc, summary]).filter((l) => l.relation === 'conflict');
    expect(links.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toEqual([['2021', '2022']]);
    expect(
      compareTexts([doc, summary.replace('2022', '2021')]).filter((l) => l.relation === 'conflict'),
    ).toEqual([]);
  });

  it('two times of day in one sentence are two moments, not periods (rule moments-not-periods, SummEdits samsum_train_13820970_4)', () => {
    const doc =
      "Sally: Ok, so it's settled you're departing from the main station on June 26th at 1:34 PM. You'll arrive in Bedford at 6:55 PM.";
    const summary =
      'Sally helps Phoebe and Ben to book a train ticket from the main station on June 26th departing at 1:34 PM, reaching Bedford at 7:55 PM, and they have discounts as retired citizens.';
    const links = compareTexts([doc, summary]).filter((l) => l.relation === 'conflict');
    expect(links.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual([
      '6:55 PM',
      '7:55 PM',
    ]);
    const told = summary.replace('7:55', '6:55');
    expect(compareTexts([doc, told]).filter((l) => l.relation === 'conflict')).toEqual([]);
  });

  it('years that are the periods of differing figures are not compared (SummEdits ectsum_RS_q3_2020)', () => {
    const doc =
      'Non-GAAP net income attributable to Reliance for the third quarter of 2020 was $120.9 million, resulting non-GAAP earnings per diluted share of $1.87, down from $2.39 in the third quarter of 2019.';
    const summary =
      'Reliance anticipates non-GAAP earnings per diluted share in the range of $1.30 to $1.40 for Q4 2020 and has seen a decrease in net sales for Q3 2020.';
    const links = compareTexts([doc, summary]).filter((l) => l.relation === 'conflict');
    expect(links.filter((l) => /^date:/.test(l.explanation.unitClass ?? ''))).toEqual([]);
  });
});

describe('reader: rule rest-of-a-period', () => {
  it('reads the year of "the remainder of", "the balance of" as "the rest of" (SummEdits ectsum_GPI_q1_2021_33)', () => {
    expect(
      dates('This gives us a high level of confidence in our U.K. business during the remainder of 2021.'),
    ).toEqual([['2021', 2021, 'date:year', 'when:at']]);
    expect(dates('Demand should stay firm for the balance of 2022.')).toEqual([
      ['2022', 2022, 'date:year', 'when:at'],
    ]);
  });

  it('"the remainder of 2021" and "the rest of 2022" date one period, so their years differ', () => {
    const found = compareTexts([
      'Group Automotive has a high level of confidence in its U.K. business during the remainder of 2021.',
      'Group Automotive expects its U.K. business to perform well for the rest of 2022.',
    ]);
    const conflicts = found.filter((l) => l.relation === 'conflict');
    expect(conflicts.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toEqual([['2021', '2022']]);
  });
});
