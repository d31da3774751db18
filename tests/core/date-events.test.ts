// Rules edition-year and birth-date (src/core/crossref/date-events.ts): a year its own words tie to
// one event. Real sentences from ECB+ topics 2, 4 and 13.
import { describe, expect, it } from 'vitest';
import { extractArticle, toMatchable } from '../../src/core';
import { FIGURE_RULES } from '../../src/core/crossref';
import { ClaimView } from '../../src/core/crossref/view';
import { conflictFigures } from '../helpers/core';

const view = (text: string, id: string) =>
  new ClaimView(toMatchable(extractArticle(text).claims[0]!, `${id}:0`, id));
const figure = (v: ClaimView, text: string) => v.c.quantities.find((q) => q.text.includes(text))!;
const rule = (name: string) => FIGURE_RULES.find((r) => r.name === name)!;
const apart = (name: string, a: string, fa: string, b: string, fb: string) => {
  const [va, vb] = [view(a, 'a'), view(b, 'b')];
  return rule(name).rejects(va, vb, figure(va, fa), figure(vb, fb));
};

describe('edition-year', () => {
  it('does not set an edition of the Oscars against the year she hosted before', () => {
    // ECB+ 2_5ecbplus against 2_9ecbplus.
    const edition = 'Ellen DeGeneres Set As Oscars Host For 2014 Academy Awards .';
    const hosted =
      'Ellen DeGeneres was nominated for a Primetime Emmy for her performance as Oscars host in 2007.';
    expect(conflictFigures(edition, hosted)).toEqual([]);
    // Two editions told differently still conflict.
    expect(conflictFigures(edition, edition.replace('2014', '2015'))).toHaveLength(1);
    // A year after "in" dates its clause: "In 2009 Palmer voters approved" is no edition (ECB+ 13_13ecbplus / 13_5ecbplus).
    expect(
      conflictFigures(
        'In 2009 Palmer voters approved a $3 million bond to buy the properties, Bower said.',
        'Palmer voters in 2010 approved a $3 million bond to pay for purchase of the property.',
      ),
    ).toHaveLength(1);
  });
});

describe('birth-date', () => {
  // ECB+ 4_1ecb against 4_7ecb, where the two years were a false conflict.
  const born =
    "'' Born in 1923 in Nashville, Tennessee, Bettie Mae Page was one of six children from an impoverished family.";
  const hearing =
    "'' A Congressional investigation initiated by Tennessee Senator Estes Kefauver in 1955 called Page as a witness and put Klaw out of business.";

  it('does not set her birth year against the year of a hearing', () => {
    expect(apart('birth-date', born, '1923', hearing, '1955')).toBe(true);
    // Two births are compared; "a born-again Christian in 1959" (4_7ecb) is no birth.
    expect(apart('birth-date', born, '1923', 'Bettie Mae Page was born in 1925 in Nashville.', '1925')).toBe(
      false,
    );
    expect(
      apart(
        'birth-date',
        born,
        '1923',
        'She had disowned her glamour lifestyle after becoming a born-again Christian in 1959.',
        '1959',
      ),
    ).toBe(true);
    expect(
      apart(
        'birth-date',
        hearing,
        '1955',
        'She had disowned her glamour lifestyle after becoming a born-again Christian in 1959.',
        '1959',
      ),
    ).toBe(false);
  });
});
