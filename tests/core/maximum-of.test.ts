// Rule maximum-of (src/core/quantities/hedges.ts, src/core/crossref/bounds.ts): "a maximum cost of 12
// Euros" names a limit, the most the cost may be, as "not more than" does; real pairs from the dev data.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { links } from '../helpers/core';

const conflicts = (docs: Record<string, string>) => links(docs).filter((l) => l.relation === 'conflict');
const hedgeOf = (text: string) => extractArticle(text).claims[0]!.quantities[0]!.hedge;

describe('rule maximum-of', () => {
  it('reads "a maximum cost of", "a minimum of" as a ceiling and a floor, the figure keeping its own text', () => {
    const [max] = extractArticle('The remote control should have a maximum cost of 12 Euros.').claims[0]!
      .quantities;
    expect([max!.text, max!.low, max!.high, max!.hedge]).toEqual(['12 Euros', 0, 12, 'maximum of']);
    expect(hedgeOf('He faces a maximum prison sentence of 10 years.')).toBe('maximum of');
    expect(hedgeOf('The course lasts a minimum of three years.')).toBe('minimum of');
    // The name of a pay rate, not a limit on a figure.
    expect(hedgeOf('The state set a minimum wage of $15 an hour.')).toBeNull();
  });

  it('a named maximum differs from a lower limit (SummEdits q_test_62_0)', () => {
    const found = conflicts({
      doc: 'Project Manager: as we want to sell it in the entire world , and the product costs will be not more than twelve Euros and fifty centimes .',
      sum: 'The team is tasked with designing an international remote control that is simple, easy to use, new, and not too expensive, with a maximum cost of 12 Euros.',
    });
    expect(found.map((l) => l.severity)).toEqual(['low']);
    expect(found[0]!.explanation.summary).toContain('less than either ceiling suggests');
  });

  it('a named minimum and a named maximum are two different limits (SummEdits sales_email_13_15)', () => {
    const found = conflicts({
      doc: 'To make the most of your investment, we are currently offering a 15% discount for new customers who sign up for a package with a minimum purchase of $3,000.',
      sum: "He suggests four products that he believes would be perfect for Samantha's home and offers a 15% discount for new customers who sign up for a package with a maximum purchase of $4,000.",
    });
    expect(found.map((l) => l.explanation.summary)).toEqual([
      expect.stringContaining('one names a minimum of 3,000, the other a maximum of 4,000'),
    ]);
  });

  it('a sentence passed is no other figure than the maximum the charge carries', () => {
    expect(
      conflicts({
        a: 'Smith faces a maximum sentence of 10 years in prison for the robbery, prosecutors said.',
        b: 'Smith was sentenced to eight years in prison for the robbery, prosecutors said.',
      }),
    ).toEqual([]);
  });
});
