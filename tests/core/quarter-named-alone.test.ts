// Rule quarter-named-alone (src/core/quarter-years.ts): a report names its own quarter without a year
// once it gives the year elsewhere; that quarter is read as dated to the latest year the report gives
// it. Real pair from the eval data: a SummEdits earnings call whose summary retells its 17% rise for the
// wrong year.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { compareDocuments } from '../../src/services/compare';

/** SummEdits ectsum_CTS_q3_2020 (Laban et al. 2023, Apache-2.0): the call. */
const CALL =
  'Third quarter adjusted earnings per share was $0.34, up 17% from $0.29 in the third quarter of last year and up from $0.18 in the second quarter of 2020.\nThird quarter 2020 earnings were $0.34 per diluted share.\nAdjusted earnings per diluted share were also $0.34 compared to $0.16 last quarter and $0.29 in the third quarter of 2019.\nConditions remain uncertain due to the impact of COVID.';
/** Its summary _17: the quarter's year edited from 2020 to 2019. */
const WRONG_YEAR =
  "The company's adjusted earnings per share for the third quarter of 2019 increased by 17% from the same period in the previous year and from the previous quarter. However, there are still uncertainties due to the impact of COVID-19.";
/** Its consistent summary (_og). */
const RIGHT_YEAR =
  "The company's adjusted earnings per share for the third quarter of 2020 increased by 17% from the same period in the previous year and from the previous quarter. However, there are still uncertainties because of the impact of COVID-19.";

/** The years read in the sentence holding `words`, as "text=value". */
const yearsIn = (text: string, words: string) =>
  extractArticle(text)
    .claims.find((c) => c.text.includes(words))!
    .quantities.filter((q) => q.unitClass === 'date:year')
    .map((q) => `${q.text}=${q.value}`);

const conflicts = (doc: string, summary: string) =>
  compareDocuments([
    { id: 'doc', text: doc },
    { id: 'summary', text: summary },
  ])
    .links.filter((l) => l.relation === 'conflict')
    .map((l) => [l.explanation.a?.text, l.explanation.b?.text].sort().join(' / '));

describe('rule quarter-named-alone', () => {
  it('dates a quarter named alone to the latest year its report gives that quarter', () => {
    // "Third quarter 2020 earnings" in the next sentence; "the third quarter of last year" is the base.
    expect(yearsIn(CALL, 'up 17%')).toEqual(['Third quarter=2020', '2020=2020']);
  });

  it('leaves undated a quarter the report dates only to an earlier year, and a year-ago quarter', () => {
    const report =
      'Revenue for the third quarter of 2021 was $2.1 billion, compared with $1.9 billion in the fourth quarter of 2020. ' +
      'We expect fourth quarter revenue of $2.3 billion. Third quarter margins were 31%, above the third quarter of last year.';
    expect(yearsIn(report, 'We expect')).toEqual([]);
    // The quarter of the margins is the report's own (2021); the year-ago one is left undated.
    expect(yearsIn(report, 'margins')).toEqual(['Third quarter=2021']);
  });

  it("finds the summary's wrong year for the quarter of the 17% rise, and nothing in the right one", () => {
    expect(conflicts(CALL, WRONG_YEAR)).toContain('2019 / Third quarter');
    expect(conflicts(CALL, RIGHT_YEAR)).toEqual([]);
  });
});
