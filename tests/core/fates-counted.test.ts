// What a toll counts and when (DIAGNOSIS "Session 14 (label)", fates counted apart): real ECB+ sentences.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { conflictFigures } from '../helpers/core';

const read = (text: string) =>
  extractArticle(text).claims.flatMap((c) => c.quantities.map((q) => [q.text, q.unitClass, q.value]));

const KRAFT_11 =
  'A disgruntled woman opened fire at a Kraft factory in Philadelphia last night, killing two workers and wounding two others.';

describe('fates of people named by what they do (rule fate-of-any-people)', () => {
  it('reads "killing two workers" as two deaths (ECB+ 22_11ecbplus)', () => {
    expect(read(KRAFT_11)).toEqual([
      ['two workers', 'death', 2],
      ['two others', 'injury', 2],
    ]);
  });

  it('reads a fate written before the noun: "the two wounded men" (ECB+ 18_11ecbplus)', () => {
    expect(
      read('The families of the two wounded men requested "total privacy", a spokeswoman said.'),
    ).toEqual([['two wounded men', 'injury', 2]]);
  });
});

describe('"and another wounded" (rule another-of-a-fate)', () => {
  it('counts one injury after a count of the dead (ECB+ 22_8ecbplus)', () => {
    const text =
      'Police say two people have been killed and another wounded after a woman opened fire at the Kraft factory in Philadelphia.';
    expect(read(text)).toEqual([
      ['two people', 'death', 2],
      ['another wounded', 'injury', 1],
    ]);
    expect(conflictFigures(KRAFT_11, text)).toContainEqual(['two others', 'another wounded']);
  });

  it('leaves "another injured player" alone', () => {
    expect(read('Three were killed and another injured player was treated.')).toEqual([
      ['Three', 'death', 3],
    ]);
  });
});

describe('the dead and the wounded make the casualties (rules shot-are-casualties, killed-and-wounded)', () => {
  it('reads the people shot as casualties, "shot dead" as deaths', () => {
    expect(read('Police at the Kraft factory said there were three people shot.')).toEqual([
      ['three people', 'casualty', 3],
    ]);
    expect(read('A man walked into his former office and shot three people, killing one.')).toEqual([
      ['three people', 'casualty', 3],
    ]);
    expect(read('Police shot two men dead.')).toEqual([['two men', 'death', 2]]);
  });

  it('compares two killed and two wounded with "the three victims … shot them" (ECB+ 22_10ecbplus / 22_11ecbplus)', () => {
    expect(
      conflictFigures(
        KRAFT_11,
        'She walked into the Kraft employee lounge in Philadelphia where the three victims were and shot them.',
      ),
    ).toEqual([['two workers and wounding two others', 'three victims']]);
  });
});

describe('two floors of a toll (rule rising-toll)', () => {
  it('does not set "at least 10" against an earlier report\'s "at least three" (ECB+ 20_1ecbplus / 20_6ecbplus)', () => {
    expect(
      conflictFigures(
        'A powerful earthquake has hit southern Iran, killing at least 10 people, injuring dozens more and damaging several villages, officials say.',
        'A powerful earthquake has hit southern Iran, destroying several villages and killing at least three people and injuring others, according to reports.',
      ),
    ).toEqual([]);
  });
});

describe('the others of a list add up (rule remainder-adds-up)', () => {
  const NAVY =
    'Nine assault rifles, a grenade launcher, 13 fully loaded magazines and a GPS receiver were seized from the pirates by the Indian navy.';
  it('sums "seven AK-47 rifles … and three other rifles" against "Nine assault rifles" (ECB+ 12_17ecb / 12_3ecb)', () => {
    expect(
      conflictFigures(
        'The cache of arms on the pirate ship the Indian navy seized included seven AK-47 rifles, one rocket propelled grenade launcher, grenades and three other rifles.',
        NAVY,
      ),
    ).toEqual([
      [
        'seven AK-47 rifles, one rocket propelled grenade launcher, grenades and three other rifles',
        'Nine assault rifles',
      ],
    ]);
  });

  it('agrees when the parts make the total: seven and two other rifles against nine', () => {
    expect(
      conflictFigures(
        'The cache of arms on the pirate ship the Indian navy seized included seven AK-47 rifles, one rocket propelled grenade launcher, grenades and two other rifles.',
        NAVY,
      ),
    ).toEqual([]);
  });
});

describe('a spaced hyphen after a prefix (rule spaced-prefix)', () => {
  const SHOT_3 =
    'The woman who allegedly shot three co - workers — killing two– at the Kraft Plant Thursday night has been charged with murder, says Philadelphia District Attorney Seth Williams.';
  it('reads "three co - workers" as co-workers, casualties (ECB+ 22_3ecbplus)', () => {
    expect(read(SHOT_3)).toEqual([
      ['three co - workers', 'casualty', 3],
      ['two-', 'death', 2],
    ]);
  });

  it('does not set the three shot against "shot and killed two co - workers" (ECB+ 22_3ecbplus / 22_4ecbplus)', () => {
    expect(
      conflictFigures(
        `CHARGED WITH MURDER: What most of the liberal media won't tell you about the female Kraft employee who shot three co - workers. ${SHOT_3}`,
        'According to reports, a Muslim woman named Yvonne Hiller shot and killed two co - workers at a Kraft plant in Philadelphia.',
      ),
    ).toEqual([]);
  });
});
