// Rule one-counterpart (src/core/crossref/counterpart.ts): in a disagreement a figure is the
// counterpart of one figure of the other claim, the one whose own words match it best. Real text:
// SummEdits ectsum_CPA_q3_2021 (an earnings call and a summary with one edited figure) and ECB+
// 5_14ecb / 5_4ecb (labelled compatible).
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../src/services/compare';
import { email, retold } from '../fixtures/sales-email-24';

const conflicts = (a: string, b: string) =>
  compareDocuments([
    { id: 'doc', text: a },
    { id: 'summary', text: b },
  ]).links.filter((l) => l.relation === 'conflict');

const call =
  'Load factor came in at an average of 79% for the quarter, an increase compared to Q2 while operating 49% more ASMs. We reported a net profit of $8.2 million or $0.19 per share.\n' +
  'Excluding special items, we would have reported a net profit of $29.9 million or $0.70 per share.';
const summary = (perShare: string) =>
  `The company had an average load factor of 79% in the quarter and reported a net profit of $8.2m or $0.19 per share, with a potential net profit of $29.9m or ${perShare} per share excluding special items.`;

describe('rule one-counterpart', () => {
  it('"$0.70 per share" is answered by the retelling\'s "$0.80", not by its other "$0.19" (SummEdits ectsum_CPA_q3_2021_13)', () => {
    const found = conflicts(call, summary('$0.80'));
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual([
      '$0.70',
      '$0.80',
    ]);
  });

  it('the faithful summary gets no conflict', () => {
    expect(conflicts(call, summary('$0.70'))).toEqual([]);
  });

  it('a figure the other sentence states alike is spoken for: no disagreement with its other sums (ECB+ 5_14ecb / 5_4ecb)', () => {
    const a =
      "The Sixers had a three-game losing streak going into Saturday night's contest against Washington, and more had been expected from a team that signed free-agent forward Elton Brand to a five-year, $ 80 million contract in the off-season.";
    const b =
      "\"Ed just was n't seeing any progress, '' the source said, and Stefanski expected more from a team that had signed free agent Elton Brand to an $ 82 million deal and re-signed core players Iguodala and Williams for $ 80 million and $ 25 million, respectively.";
    expect(conflicts(a, b)).toEqual([]);
  });
});

describe('rule or-companions', () => {
  it('"$29.9 million or $0.70 per share" is retold by "$39.9m or $0.70 per share", not by "$8.2m or $0.19" (SummEdits ectsum_CPA_q3_2021_6)', () => {
    const retold =
      'The company had an average load factor of 79% in the quarter and reported a net profit of $8.2m or $0.19 per share, with a potential net profit of $39.9m or $0.70 per share excluding special items.';
    const found = conflicts(call, retold);
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toEqual([
      ['$29.9 million', '$39.9m'],
    ]);
  });

  it('"$29m or $0.69" is the retelling of "$29.9 million or $0.70", not "$8m or $0.19" (SummEdits ectsum_CPA_q3_2021_10)', () => {
    const retold =
      'The company had an average load factor of 79% in the quarter and reported a net profit of $8m or $0.19 per share, with a potential net profit of $29m or $0.69 per share excluding special items.';
    const found = conflicts(call, retold);
    expect(found.length).toBeGreaterThan(0);
    expect(found.flatMap((l) => [l.explanation.a?.text, l.explanation.b?.text])).not.toContain('$8m');
  });
});

describe('rule told-elsewhere-not-counterpart', () => {
  it('"$499/month" disagrees with the retelling\'s "$599", not with its "$424.15" the email states in its next sentence (SummEdits sales_email_24_0)', () => {
    const found = conflicts(email, retold('$599'));
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual([
      '$499/month',
      '$599',
    ]);
  });
});
