// Which weekday dates a figure's event: the day a thing happened, not the day someone reported it.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';

const weekdaysOf = (text: string) =>
  extractArticle(text).claims.flatMap((c) => c.terms.filter((t) => t.startsWith('w:')));

describe('the weekday of an event (rule: reporting-day)', () => {
  it('keeps the day something happened', () => {
    expect(weekdaysOf('A 5.6 magnitude earthquake hit the island on Sunday, injuring five people.')).toEqual([
      'w:sun',
    ]);
  });

  it('drops a day that dates what someone said or wrote (ECB+ 10_13ecbplus, 10_4ecbplus)', () => {
    expect(weekdaysOf('Patrick said Monday that the Red Sox offered Teixeira $200 million.')).toEqual([]);
    expect(
      weekdaysOf('"We all have limits," he wrote the AP on Wednesday about the $184 million offer.'),
    ).toEqual([]);
    expect(
      weekdaysOf('Silverman wrote in his Monday column the offer was $145 million to $175 million.'),
    ).toEqual([]);
  });
});
