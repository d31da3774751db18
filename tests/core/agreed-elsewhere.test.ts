// Rule agreed-elsewhere and its frame test (src/core/crossref/agreements.ts): an article answers a
// conflict only with a claim whose figure's own words match as closely as the conflicting figure's.
// Real text: SummEdits ectsum_CMC_q3_2021 (an earnings call and a summary that edits one figure) and
// ectsum_RS_q3_2020 (guidance for another quarter than the reported figure).
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../src/services/compare';

const conflicts = (a: string, b: string) =>
  compareDocuments([
    { id: 'doc', text: a },
    { id: 'summary', text: b },
  ]).links.filter((l) => l.relation === 'conflict');

const call =
  'Earnings from continuing operations were $130.4 million or $1.07 per diluted share on net sales of $1.8 billion. ' +
  'Excluding the impact of a gain on the sale of a small rail reclamation business, adjusted earnings from continuing operations were $127.1 million or $1.04 per diluted share.';
const summary = (figure: string) =>
  `The company reported adjusted earnings of $127.1 million or $1.04 per diluted share, and earnings from continuing operations of ${figure} or $1.07 per diluted share on net sales of $1.8 billion, which were record earnings more than the prior-year levels.`;

describe('rule agreed-elsewhere: only as close a match answers a conflict', () => {
  it('a summary retelling the line with an edited figure conflicts, though other figures agree', () => {
    const found = conflicts(call, summary('$132.4 million'));
    expect(found.map((l) => l.explanation.b?.text)).toContain('$132.4 million');
  });

  it('the faithful summary gets no conflict', () => {
    expect(conflicts(call, summary('$130.4 million'))).toEqual([]);
  });

  it('a figure of another quarter is answered by the one of its own quarter', () => {
    const found = conflicts(
      'Based on these expectations, we currently anticipate non-GAAP earnings per diluted share in the range of $1.30 to $1.40 for the fourth quarter of 2020. On a GAAP basis, our earnings per diluted share were $1.51 in the third quarter 2020.',
      'Reliance anticipates non-GAAP earnings per diluted share from $1.30 to $1.40 for Q4 2020 and has seen a decrease in net sales for Q3 2020 because of decreased pricing and demand levels.',
    );
    expect(found).toEqual([]);
  });
});

// SummEdits ectsum_KOP_q2_2021 (an earnings call and summaries of it): the summary sentence pairs the
// call's "$437 million" of the prior year with its forecast "$1.7 billion to $1.8 billion" (answered:
// the call states the forecast) and also says "$442 million" where the call says "$441 million".
const kop =
  "Let's start on Slide 17, that shows consolidated sales were $441 million, an increase of sales from $437 million in the prior year. " +
  'On Slide 36, our sales forecast for 2021 remains in the range of $1.7 billion to $1.8 billion compared with $1.67 billion in the prior year. ' +
  "On Slide 38, the EBITDA estimate to adjusted earnings per share guidance of $4.35 to $4.60 per share is unchanged from prior year's quarter -- from prior quarter's guidance and compares favorably to the prior year adjusted earnings per share of $4.12.";
const kopSummary = (sales: string) =>
  `The company's consolidated sales increased to ${sales}, with a projected sales forecast for 2021 remaining within the range of $1.7 billion to $1.8 billion compared with $1.67 billion in the prior year. The EBITDA estimate for adjusted earnings per share is unchanged from the prior year's guidance.`;

describe('rule other-conflict-stands: an answered conflict does not hide a closer one', () => {
  it('the line told with another figure still conflicts when a looser pairing is answered', () => {
    const found = conflicts(kop, kopSummary('$442 million'));
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual([
      '$441 million',
      '$442 million',
    ]);
  });

  it('the faithful summary gets no conflict', () => {
    expect(conflicts(kop, kopSummary('$441 million'))).toEqual([]);
  });
});
