// Rule sort-of-people (src/core/crossref/sorts-of-people.ts): a count of one sort of person is a part of
// a count of people, and a count of another sort counts other people. Real sentences from ECB+ topics 19 and 22.
import { describe, expect, it } from 'vitest';
import { conflictFigures } from '../helpers/core';

describe('sort-of-people', () => {
  it('does not set the two women against the four people in the break room', () => {
    // ECB+ 22_12ecbplus against 22_3ecbplus: a false conflict before the rule.
    const found = 'Hiller walked to the third - floor mixing area and found four people in the break room.';
    const women =
      'Yvonne Hiller, 43, got into an altercation with the two women and a male co - worker Thursday night, was taken to the supervisor office, suspended and escorted out of the building.';
    expect(conflictFigures(`Yvonne Hiller, 43, shot them. ${found}`, women)).toEqual([]);
    // A sort counted above the people it is part of cannot be: compared as before.
    expect(
      conflictFigures(`Yvonne Hiller, 43, shot them. ${found}`, women.replace('two', 'five')),
    ).toHaveLength(1);
  });

  it('does not set 30 young men against the crowd at the vigil', () => {
    // ECB+ 19_1ecbplus against 19_6ecbplus.
    const crowd =
      'Police intervened after more than 100 people joined together for a candlelit vigil in the East Flatbush neighborhood in Brooklyn, New York, where 16 - year - old Kimani Gray was shot multiple times by police on Saturday.';
    const men =
      'The vigil for Kimani Gray in East Flatbush began with hope that his mother would speak, but the night turned when about 30 young men showed up in the shadows across the street.';
    expect(conflictFigures(crowd, men)).toEqual([]);
    // Two counts of one sort still conflict; two sorts that exclude each other are other people.
    expect(conflictFigures(men, men.replace('about 30', 'about 60'))).toHaveLength(1);
    expect(conflictFigures(men, men.replace('about 30 young men', 'about 60 young women'))).toEqual([]);
  });
});
