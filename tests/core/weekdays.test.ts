// Which weekday dates a figure's event: the day a thing happened, not the day someone reported it.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { compareDocuments } from '../../src/services/compare';

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

describe('a figure told in passing (rule: in-passing)', () => {
  it("is dated by no weekday of the report: one quake told on Sunday and in Monday's aid (ECB+ 20_3ecbplus / 20_4ecbplus)", () => {
    const { links } = compareDocuments([
      {
        id: 'a',
        text: 'An earthquake shook a sparsely populated area of southern Iran on Sunday, flattening seven villages and killing 10 people, officials said.',
      },
      {
        id: 'b',
        text: 'Iranian rescue workers handed out blankets, food and water on Monday to survivors of a powerful earthquake on a Gulf island that killed 12 people and forced villagers to spend the night in tents.',
      },
    ]);
    expect(
      links
        .filter((l) => l.relation === 'conflict')
        .map((l) => `${l.explanation.a?.text} / ${l.explanation.b?.text}`),
    ).toEqual(['10 people / 12 people']);
  });

  it('still keeps apart figures the report itself dates to another day', () => {
    const { links } = compareDocuments([
      { id: 'a', text: 'An earthquake shook southern Iran on Sunday, killing 10 people, officials said.' },
      { id: 'b', text: 'An earthquake shook southern Iran on Monday, killing 12 people, officials said.' },
    ]);
    expect(links.filter((l) => l.relation === 'conflict')).toEqual([]);
  });
});
