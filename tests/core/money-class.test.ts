// Money is one class per currency (money-one-class in src/core/crossref/figure-rules.ts); what a sum pays for
// is a group word the different-groups rule weighs. Sentences from ECB+ topic 24 (the Harry Winston heist).
import { describe, expect, it } from 'vitest';
import { extractArticle, toMatchable } from '../../src/core';
import { FIGURE_RULES } from '../../src/core/crossref';
import { ClaimView } from '../../src/core/crossref/view';

const view = (text: string, id: string) => {
  const c = extractArticle(text).claims[0]!;
  return new ClaimView(toMatchable(c, `${id}:0`, id));
};
const rule = (name: string) => FIGURE_RULES.find((r) => r.name === name)!;

describe('money-one-class', () => {
  const jewelry = view(
    'Thieves took an estimated $ 102 million in jewelry from the Harry Winston store.',
    'a',
  );
  const diamonds = view('Thieves took $ 108 million in diamonds from the Harry Winston store.', 'b');
  const euros = view('Thieves took 85 million euros in diamonds from the Harry Winston store.', 'c');
  const [qj] = jewelry.c.quantities;
  const [qd] = diamonds.c.quantities;
  const [qe] = euros.c.quantities;

  it('two dollar sums paying for different things are one kind of figure', () => {
    expect(qj!.unitClass).not.toBe(qd!.unitClass);
    expect(rule('different-kind').rejects(jewelry, diamonds, qj!, qd!)).toBe(false);
  });

  it('what they pay for is weighed as a group word, and another currency is another kind', () => {
    expect(rule('different-groups').rejects(jewelry, diamonds, qj!, qd!)).toBe(true);
    expect(rule('different-kind').rejects(diamonds, euros, qd!, qe!)).toBe(true);
  });
});

describe('rule action-of-a-line', () => {
  it('"a $20 million recapture of previous provisions" is about the provisions too (SummEdits ectsum_MTB_q3_2021_25)', () => {
    const doc = view(
      'This reflects a $20 million recapture of previous provisions for credit losses, combined with $40 million of net charge-offs in the quarter.',
      'a',
    );
    const summary = view(
      'The company recaptured $30 million of previous provisions for credit losses, with the allowance for credit losses remaining unchanged at 1.62%.',
      'b',
    );
    const recapture = doc.c.quantities.find((q) => q.text.includes('20'))!;
    const retold = summary.c.quantities.find((q) => q.text.includes('30'))!;
    const chargeOffs = doc.c.quantities.find((q) => q.text.includes('40'))!;
    expect(rule('different-groups').rejects(doc, summary, recapture, retold)).toBe(false);
    // The charge-offs stay another line.
    expect(rule('different-groups').rejects(doc, summary, chargeOffs, retold)).toBe(true);
  });
});
