// Counting nouns outlets use for one set of things (src/core/counted-noun-groups.ts, session 16): real
// ECB+ sentences of one incident that count the same thing in other words.
import { describe, expect, it } from 'vitest';
import { conflictFigures, quantities } from '../helpers/core';

const classes = (text: string) => quantities(text).map((q) => q.unitClass);

describe('counting-noun synonyms', () => {
  it('reads ships and vessels, shops and stores, officers and policemen, hostages and captives alike', () => {
    expect(classes('Pirates are holding about a dozen ships.')).toEqual(
      classes('They still hold 14 foreign vessels.'),
    );
    expect(classes('In Athens 565 shops were damaged.')).toEqual(
      classes('In Athens 355 stores were damaged.'),
    );
    expect(classes('Two policemen were charged.')).toEqual(classes('Two officers were charged.'));
    expect(classes('The gunmen held 12 hostages.')).toEqual(classes('The gunmen held 12 captives.'));
  });

  it('sets "about a dozen ships" against "at least 14 foreign vessels" the pirates hold (ECB+ 12_2ecb / 12_7ecb)', () => {
    expect(
      conflictFigures(
        'Somali pirates are holding about a dozen ships and nearly 300 crewmen in safe havens on the Somali coast.',
        'Somali pirates still hold at least 14 foreign vessels and more than 300 crew members to ransom.',
      ),
    ).toEqual([['about a dozen ships', 'at least 14 foreign vessels']]);
  });
});
