// Money is one class per currency (money-one-class in src/core/crossref/measures.ts); what a sum pays for
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
