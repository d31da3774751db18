// Rule different-stages (src/core/crossref/stages.ts): one thing counted at two stages of an event.
// Real sentences from ECB+ topics 12 and 19.
import { describe, expect, it } from 'vitest';
import { conflictFigures } from '../helpers/core';

describe('different-stages', () => {
  it('does not set the boats seen approaching against the boats captured', () => {
    // ECB+ 12_1ecbplus against 12_2ecbplus.
    const seen =
      'At 9.25 a. m. on Thursday, navy personnel aboard warship INS Sukanya spotted a group of five suspicious boats speedily approaching the merchant vessels of her group.';
    const captured =
      'After a brief skirmish, two of them managed to flee the area but three boats were captured by INS Sukanya, the statement said.';
    expect(conflictFigures(seen, captured)).toEqual([]);
    // One stage told twice still conflicts.
    expect(conflictFigures(captured, captured.replace('three', 'two'))).toHaveLength(1);
  });

  it('does not set the bullets that hit him against the bullets in his gun', () => {
    // ECB+ 19_3ecbplus against 19_8ecbplus.
    const hit =
      'Those suspicions on the street intensified Wednesday when an autopsy report revealed Gray was hit by seven bullets - three to the back.';
    const loaded =
      "Police say Gray's gun was loaded with four bullets but have not yet determined whether the teenager fired his weapon.";
    expect(conflictFigures(hit, loaded)).toEqual([]);
  });

  it('compares two verbs of one stage, and a count with no verb of the table', () => {
    // ECB+ 12_12ecb against 12_19ecb: seized and recovered are one stage.
    expect(
      conflictFigures(
        'The Naval commandos also boarded the pirates’ boats and seized seven AK-47 assault rifles from the pirates on board.',
        'The Indian commandos also boarded the pirates’ boats and recovered 12 AK-47 assault rifles from the pirates on board.',
      ),
    ).toHaveLength(1);
    // ECB+ 20_1ecbplus against 20_6ecbplus: "badly hit" villages are no bullets fired.
    expect(
      conflictFigures(
        'Heydar Alishbandi, Governor of Qeshm island, said five villages had been badly hit by the quake.',
        'The governor of Qeshm island told the AFP news agency four villages had been destroyed by the quake.',
      ),
    ).toHaveLength(1);
  });
});
