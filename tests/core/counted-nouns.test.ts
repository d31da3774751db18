// countedNounClass: the kind of thing a figure counts, whatever the outlet's word or inflection. The
// words are those of the ECB+ dev articles ("15 countries who share the euro", "other European
// nations"; "3 dead" / "two people killed"; "Indian forces" / "after the troops had departed") and of
// SummEdits documents ("12 737 MAX 9 aircraft deliveries", "over 100 AutoNation USA pre-owned stores").
import { describe, expect, it } from 'vitest';
import { COUNTED_NOUN_GROUPS } from '../../src/core/counted-noun-groups';
import { countedNounClass } from '../../src/core/counted-nouns';

describe('countedNounClass', () => {
  it('puts synonyms of the table in one class, in any inflection or case', () => {
    expect(countedNounClass('countries')).toBe('country');
    expect(countedNounClass('nations')).toBe('country');
    expect(countedNounClass('members')).toBe(countedNounClass('partners'));
    expect(countedNounClass('member states')).toBe('country');
    expect(countedNounClass('soldiers')).toBe('troop');
    expect(countedNounClass('Forces')).toBe('troop');
    expect(countedNounClass('troops')).toBe(countedNounClass('soldier'));
    expect(countedNounClass('dead')).toBe(countedNounClass('killed'));
    expect(countedNounClass('fatalities')).toBe('death');
  });

  it('keeps wider and narrower counts apart: casualties are not deaths, children not people', () => {
    expect(countedNounClass('casualties')).not.toBe(countedNounClass('deaths'));
    expect(countedNounClass('children')).not.toBe(countedNounClass('people'));
    expect(countedNounClass('countries')).not.toBe(countedNounClass('troops'));
  });

  it('gives an unlisted noun its stem, so that its inflections share a class and other nouns do not', () => {
    expect(countedNounClass('deliveries')).toBe(countedNounClass('delivery'));
    expect(countedNounClass('warehouses')).toBe(countedNounClass('warehouse'));
    expect(countedNounClass('tanker')).toBe('tanker');
    expect(countedNounClass('warehouses')).not.toBe(countedNounClass('tanker'));
  });

  it('drops a possessive and reads abbreviations as their word; a word without letters has no class', () => {
    expect(countedNounClass("government's")).toBe('country');
    expect(countedNounClass('km')).toBe(countedNounClass('kilometres'));
    expect(countedNounClass('1,000')).toBe('');
  });

  it('maps every word of the table to its own class (no stem collides with another class)', () => {
    for (const [cls, words] of Object.entries(COUNTED_NOUN_GROUPS))
      for (const w of words) expect(countedNounClass(w), w).toBe(cls);
  });
});
