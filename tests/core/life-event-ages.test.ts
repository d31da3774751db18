// Rule age-at-a-life-event (src/core/crossref/life-event-ages.ts): an age at an earlier event of a life
// is not the age at death. Real sentences from ECB+ topic 4 (Bettie Page's obituaries).
import { describe, expect, it } from 'vitest';
import { conflictFigures } from '../helpers/core';

const LEFT_AT_35 =
  'Bettie Page was the pin-up queen of the 1950s. She had appeared in thousands of photos when she abruptly walked away from her career at the age of 35.';
const DIED_AT_85 =
  'Bettie Page, the 1950s pin-up queen, passed away Thursday, December 11, at age 85. Bettie Page died Thursday of pneumonia at a Los Angeles area hospital.';

describe('age-at-a-life-event', () => {
  it('does not set the age she walked away from her career against her age at death (ECB+ 4_10ecb / 4_8ecb)', () => {
    expect(conflictFigures(LEFT_AT_35, DIED_AT_85)).toEqual([]);
  });

  it('still compares two ages at death', () => {
    expect(conflictFigures(DIED_AT_85, DIED_AT_85.replace('at age 85', 'at age 84'))).toHaveLength(1);
  });
});
