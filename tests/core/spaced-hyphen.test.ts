// Rules spaced-hyphen-measure (quantities/counts.ts), year-old-unhyphenated and surname-in-man
// (quantities/age.ts): a tokenised source (ECB+) prints "a 12 - gauge shotgun", "a. 38 - caliber
// revolver", "59 - year old Raj Chohan", which read as the glued compounds do. Real ECB+ sentences.
import { describe, expect, it } from 'vitest';
import { conflictFigures, quantities } from '../helpers/core';

const read = (text: string) => quantities(text).map((q) => [q.text, q.unitClass, q.value, q.modifiers]);

describe('spaced-hyphen-measure: a hyphen spaced on both sides after digits glues its measure on', () => {
  it('reads "a 12 - gauge pump - action shotgun" (18_7ecbplus) as "a 12-gauge" is', () => {
    expect(
      read(
        'When LaCalamita was arrested, police said they found a 12 - gauge pump - action shotgun and three shells in his vehicle.',
      )[0],
    ).toEqual(['12 - gauge pump', 'gauge', 12, ['pump']]);
  });

  it('sets the .38 of 19_4ecbplus against the .357 of 19_8ecbplus, as glued calibres are', () => {
    const a =
      'Her account sharply differs from Police Commissioner Raymond Kelly’s assertion that Kimani Gray had pointed a. 38 - caliber revolver at the cops before they opened fire.';
    const b =
      'Gray then turned around and pointed a. 357 caliber gun at the cops, according to police accounts.';
    expect(conflictFigures(a, b)).toEqual([['38 - caliber revolver', '357 caliber gun']]);
  });

  it('sets "The 6.1 - magnitude quake" (20_1ecbplus) against "The 5.9 - magnitude quake" (20_6ecbplus)', () => {
    const told = (m: string) =>
      `The ${m} - magnitude quake struck Qeshm island, home to 120, 000 people, and the city of Bandar Abbas, state media said.`;
    expect(conflictFigures(told('6.1'), told('5.9')).length).toBe(1);
    expect(conflictFigures(told('6.1'), told('6.1'))).toEqual([]);
  });

  it('is no compound after a dash, before a plural, after a number word or before a time unit', () => {
    expect(read('Four people - one with broken bones - were treated.')).toEqual([
      ['Four people', 'injury', 4, []],
    ]);
    expect(read('Police said 20 - women and children - were rescued.').map((q) => q[1])).not.toContain(
      'woman',
    );
    expect(read('The Orioles made a seven - year offer to Teixeira.')).toEqual([]);
    // One side spaced only is a typo, not a tokeniser's spacing (20_3ecb's "5.6 -magnitude").
    expect(read('A strong 5.6 -magnitude earthquake jolted part of Qeshm island.')).toEqual([]);
    expect(read('Lindsay Lohan checked into rehab to begin a 90 - day court - ordered stint.')).toEqual([]);
  });
});

describe('year-old-unhyphenated: "59 - year old Raj Chohan" is an age', () => {
  it("reads 21_2ecbplus's ages as ages of their holders, not spans of years", () => {
    expect(
      read('Investigators say 59 - year old Raj Chohan was hit while walking along parked cars.')[0],
    ).toEqual(['59 - year old', 'age', 59, ['who:chn', 'given:raj', 'role:suffered']]);
    expect(read('Officers say the 16-year old began to adjust his waistband.')[0]?.slice(0, 3)).toEqual([
      '16-year old',
      'age',
      16,
    ]);
  });
});

describe('surname-in-man: "the 36-year old Rahman" is Rahman\'s age, no nationality', () => {
  it("keeps 7_6ecb's Rahman, 36, from 7_11ecb's 32-year-old Klitschko", () => {
    expect(
      read(
        "That should just about do it for the 36-year old Rahman, who has n't scored a notable win since 2005.",
      )[0]?.[3],
    ).toEqual(['who:rhmn']);
    expect(read('The 40-year-old American never recovered.')[0]?.[3]).toEqual([]);
    expect(read('The 40-year-old German never recovered.')[0]?.[3]).toEqual([]);
  });
});
