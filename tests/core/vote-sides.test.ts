// Rule different-vote-sides (src/core/crossref/vote-sides.ts): a count of votes is tied to what they
// were cast for. Sentences from ECB+ topic 3 (the Brian Nichols trial) unless said.
import { describe, expect, it } from 'vitest';
import { extractArticle, toMatchable } from '../../src/core';
import { FIGURE_RULES } from '../../src/core/crossref';
import { ClaimView } from '../../src/core/crossref/view';

const view = (text: string, id: string) =>
  new ClaimView(toMatchable(extractArticle(text).claims[0]!, `${id}:0`, id));
const figure = (v: ClaimView, text: string) => v.sums.find((q) => q.text.includes(text))!;
const rule = (name: string) => FIGURE_RULES.find((r) => r.name === name)!;

describe('rule different-vote-sides (ECB+ 3_4ecb / 3_9ecb)', () => {
  const r = rule('different-vote-sides');
  it('keeps the counts of the two sides of one vote apart', () => {
    const death = view(
      "'' The two jurors, who indicated they were among the nine voting to put Nichols to death, reported one of the holdouts even worked a crossword puzzle while the panel deliberated Nichols' fate for 40 hours over four days.",
      'a',
    );
    const life = view(
      'After four days and more than 30 hours of deliberations, the jury was deadlocked at 9-3, with nine in favor of the death penalty and three voting for life without parole.',
      'b',
    );
    expect(r.rejects(death, life, figure(death, 'nine voting'), figure(life, 'three voting'))).toBe(true);
    const sentence = view('The jury split, with ten voting for the death penalty.', 'c');
    expect(r.rejects(death, sentence, figure(death, 'nine voting'), figure(sentence, 'ten voting'))).toBe(
      false,
    );
  });
});
