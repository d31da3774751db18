// Rule measured-clause (src/core/crossref/local-context.ts): a percentage or duration is compared by
// the words of its clause when the words right around it do not say what it measures, and a clause
// that only tells a change (", an increase of 207%") is read with the figure it changes. Real text:
// SummEdits ectsum_AN_q1_2021 (an earnings call and a summary with one edited figure).
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../src/services/compare';

const conflicts = (a: string, b: string) =>
  compareDocuments([
    { id: 'doc', text: a },
    { id: 'summary', text: b },
  ]).links.filter((l) => l.relation === 'conflict');

const call =
  'Today, we reported all-time record quarter results with adjusted earnings per share from continuing operations of $2.79, an increase of 207% compared to last year.';
const summary = (change: string) =>
  `AutoNation reported all-time record quarterly results with adjusted earnings per share of $2.79, an increase of ${change} compared to last year, and they announced an agreement to acquire 11 stores and one collision center for Peacock Automotive Group.`;

describe('rule measured-clause', () => {
  it("a change told of one figure is compared by that figure's clause (SummEdits ectsum_AN_q1_2021_8)", () => {
    const found = conflicts(call, summary('307%'));
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual(['207%', '307%']);
  });

  it('the faithful summary gets no conflict', () => {
    expect(conflicts(call, summary('207%'))).toEqual([]);
  });

  it('changes of different figures stay apart', () => {
    const other =
      'Same-store used vehicle gross profit per vehicle retailed increased $602, an increase of 43% compared to last year.';
    expect(conflicts(call, other)).toEqual([]);
  });
});
