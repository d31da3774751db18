// Rule phrase-around-a-figure (crossref/wording.ts): the words just before and just after a figure,
// together, tell one fact. Real ECB+ sentences (19_10ecbplus / 19_11ecbplus), sharing no name.
import { describe, expect, it } from 'vitest';
import { conflictFigures } from '../helpers/core';

describe('phrase-around-a-figure', () => {
  it('sets ".38 caliber revolver" against ".357 caliber revolver" both pointed at the officers', () => {
    expect(
      conflictFigures(
        'The officers exited their unmarked auto and attempted to engage the suspect, who turned on them, and pointed a. 38 caliber revolver at the officers.',
        'According to the officers involved in the shooting, the teenager adjusted his belt " suspiciously, " and after they exited their vehicle to investigate, he pointed a. 357 caliber revolver at them.',
      ),
    ).toEqual([['38 caliber revolver', '357 caliber revolver']]);
  });
});
