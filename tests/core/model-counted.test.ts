// Things of one model counted as that model (rule model-counted): real ECB+ sentences of topic 12, the
// 23 pirates the Indian navy captured, whose weapons outlets name by the code and any noun.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { conflictFigures } from '../helpers/core';

const read = (text: string) =>
  extractArticle(text).claims.flatMap((c) => c.quantities.map((q) => [q.text, q.unitClass, q.value]));

const RECOVERED_12 =
  'The Indian commandos who arrested 23 Somali pirates also recovered 12 AK 47 guns, three rifles, two grenades along with other ammunition.';
const SEIZED_7 =
  'Indian marine commandoes who captured 23 pirates seized a substantial cache of arms and equipment, including seven AK-47 assault rifles, three machine guns, a rocket-propelled grenade launcher and other weapons.';

describe('a count of a model counts the model (rule model-counted)', () => {
  it('reads "seven AK-47s", "12 AK 47 guns" and "seven AK-47 assault rifles" as counts of one model', () => {
    expect(read('They also confiscated seven AK-47s and a grenade launcher.')).toContainEqual([
      'seven AK-47s',
      'ak-47',
      7,
    ]);
    expect(read(RECOVERED_12)).toContainEqual(['12 AK 47 guns', 'ak-47', 12]);
    expect(read(SEIZED_7)).toContainEqual(['seven AK-47 assault rifles', 'ak-47', 7]);
  });

  it('sets 12 AK-47s against seven (ECB+ 12_19ecb / 12_4ecb), not the three other rifles', () => {
    expect(conflictFigures(RECOVERED_12, SEIZED_7)).toEqual([
      ['12 AK 47 guns', 'seven AK-47 assault rifles'],
    ]);
  });

  it('keeps seven AK-47s apart from all nine rifles (ECB+ 12_4ecb / 12_3ecb)', () => {
    expect(
      conflictFigures(
        SEIZED_7,
        'Nine assault rifles, a grenade launcher, 13 fully loaded magazines and a GPS receiver were seized from the 23 pirates by the Indian marine commandoes.',
      ),
    ).toEqual([]);
  });
});
