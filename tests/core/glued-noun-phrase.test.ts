// Rule glued-noun-phrase (src/core/crossref/local-context.ts): the words after a figure's unit name what
// it measures and stay in its surroundings; its hedge, number and unit do not. Real sentences from the
// eval data: SummEdits sales_email_3 (a document and an edited summary) and ECB+ topic 4.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { localContext } from '../../src/core/crossref';

const figure = (sentence: string, text: string) => {
  const claim = extractArticle(sentence).claims[0]!;
  const q = claim.quantities.find((x) => x.text.includes(text))!;
  return localContext(claim.text, q);
};

describe('rule glued-noun-phrase', () => {
  it('the noun phrase glued to a duration is part of its surroundings (SummEdits sales_email_3)', () => {
    const doc = figure(
      'To help you make an informed decision, we invite you to try our 30-Day Risk-Free Trial that allows you to experience our Premium Plan at no cost to your company.',
      '30-Day',
    );
    const summary = figure(
      'They provide an automated energy management system that can help reduce energy costs by up to 50%, but they only offer a 15-day risk-free trial for their pricing plans.',
      '15-day',
    );
    const shared = [...doc].filter((w) => summary.has(w));
    expect(shared.length).toBeGreaterThanOrEqual(2);
  });

  it('the unit said around an age is no surroundings (ECB+ 4_10ecb / 4_7ecb)', () => {
    const quit = figure(
      'She had appeared in thousands of photos when she abruptly walked away from her career at the age of 35.',
      '35',
    );
    expect([...quit]).not.toContain('age');
  });
});
