// Rule people-from-a-place (src/core/crossref/from-a-place.ts): a count of the people of a named place is
// a part of a count with no place. Real sentences from ECB+ topic 20 (20_1ecb and 20_2ecb against 20_3ecb,
// where the whole articles made two false conflicts of them).
import { describe, expect, it } from 'vitest';
import { extractArticle, toMatchable } from '../../src/core';
import { FIGURE_RULES } from '../../src/core/crossref';
import { ClaimView } from '../../src/core/crossref/view';

const view = (text: string, id: string) =>
  new ClaimView(toMatchable(extractArticle(text).claims[0]!, `${id}:0`, id));
const figure = (v: ClaimView, text: string) => v.c.quantities.find((q) => q.text.includes(text))!;
const apart = (a: string, fa: string, b: string, fb: string) => {
  const [va, vb] = [view(a, 'a'), view(b, 'b')];
  return FIGURE_RULES.find((r) => r.name === 'people-from-a-place')!.rejects(
    va,
    vb,
    figure(va, fa),
    figure(vb, fb),
  );
};

describe('people-from-a-place', () => {
  const all =
    "A 5.6 magnitude earthquake hit an island off Iran's southern coast on Sunday, injuring five people and damaging buildings, Iranian media said.";
  const zinbi =
    "\"Two people from Zinbi village were hurt but their general condition is satisfactory, '' Qeshm governor Mehdi Irannejad was quoted as saying.";

  it('does not set two injured from Zinbi village against five injured in all', () => {
    expect(apart(all, 'five', zinbi, 'Two')).toBe(true);
  });

  it('compares a part counted above the whole, two counts of one place, and counts with no place', () => {
    expect(apart(all, 'five', zinbi.replace('Two', 'Seven'), 'Seven')).toBe(false);
    expect(apart(zinbi, 'Two', zinbi.replace('Two', 'Four'), 'Four')).toBe(false);
    expect(apart(all, 'five', all.replace('five', 'two'), 'two')).toBe(false);
    // Two places count different people.
    expect(apart(zinbi, 'Two', zinbi.replace('Zinbi', 'Koohi'), 'Two')).toBe(true);
  });
});
