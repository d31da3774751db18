// Rule population-of-a-place (src/core/owners.ts, figure-rules.ts): a count of people in an apposition to a
// place's name is that place's population. Real sentences from ECB+ topic 20 (20_3ecbplus against
// 20_7ecbplus, where the whole articles made a false conflict of two towns' populations).
import { describe, expect, it } from 'vitest';
import { extractArticle, toMatchable } from '../../src/core';
import { FIGURE_RULES } from '../../src/core/crossref';
import { ClaimView } from '../../src/core/crossref/view';
import { populationOf } from '../../src/core/owners';

const view = (text: string, id: string) =>
  new ClaimView(toMatchable(extractArticle(text).claims[0]!, `${id}:0`, id));
const figure = (v: ClaimView, text: string) => v.c.quantities.find((q) => q.text.includes(text))!;
const owners = FIGURE_RULES.find((r) => r.name === 'population-of-a-place')!;

const city =
  'Shahram Alamdari, head of the rescue unit for the Iranian Red Crescent, said two helicopters were evacuating injured from Qeshm to Bandar Abbas, a city of 500, 000 people that also was jolted by the quake.';
const island =
  'The quake was centred near Qeshm Island, home to 200, 000 people, the U.S. Geological Survey said.';

describe('population-of-a-place', () => {
  it("reads a count in apposition to a place's name as that place's", () => {
    expect(populationOf(figure(view(city, 'a'), '500'))).not.toBeNull();
    expect(populationOf(figure(view(island, 'b'), '200'))).not.toBeNull();
    // Not an apposition: a count told of the people, no place before it.
    const hurt = view('The quake injured 500 people, officials said.', 'c');
    expect(populationOf(figure(hurt, '500'))).toBeNull();
  });

  it('keeps the populations of two places apart (ECB+ 20_3ecbplus / 20_7ecbplus)', () => {
    const [a, b] = [view(city, 'a'), view(island, 'b')];
    expect(owners.rejects(a, b, figure(a, '500'), figure(b, '200'))).toBe(true);
  });

  it("compares two reports of one place's population", () => {
    const other = view(
      'Rescuers flew the injured to Bandar Abbas, a port city of about 300, 000 people.',
      'd',
    );
    const a = view(city, 'a');
    expect(owners.rejects(a, other, figure(a, '500'), figure(other, '300'))).toBe(false);
    // ECB+ 20_1ecbplus / 20_7ecbplus, read real: "Qeshm island" is "Qeshm Island".
    const small = view(
      'The 6.1 - magnitude quake struck Qeshm island, home to 120, 000 people, and the city of Bandar Abbas, state media said.',
      'e',
    );
    const b = view(island, 'b');
    expect(owners.rejects(small, b, figure(small, '120'), figure(b, '200'))).toBe(false);
  });
});
