// Times of day that are of different moments of one event (rule two-deadlines, figure-rules.ts and
// quantities/dates.ts). Real sentences from ECB+ topic 13 (the Palmer creamery fire).
import { describe, expect, it } from 'vitest';
import { conflictFigures } from '../helpers/core';

const OUT_BY_7 =
  'Crews from both Palmer Fire and the Mat - Su Central Fire Department responded to the blaze. The fire was extinguished by 7 a. m., after fire crews attacked it from all sides, Owen said.';
const CONTROL_BY_640 =
  'A Crowley employee was at the office within minutes, said terminal manager Jasper Hall. By 6 : 40 a. m. the fire was under control, Owen said.';

describe('two-deadlines', () => {
  it('does not set "extinguished by 7 a.m." against "By 6:40 a.m. the fire was under control" (ECB+ 13_6ecbplus / 13_8ecbplus)', () => {
    expect(conflictFigures(OUT_BY_7, CONTROL_BY_640)).toEqual([]);
  });

  it('still compares two times of what happened, and a deadline with no other', () => {
    const at = (t: string) => `The fire was reported at ${t}, after fire crews attacked it from all sides, Owen said.`;
    expect(conflictFigures(at('7 a.m.'), at('4 a.m.'))).toHaveLength(1);
  });
});
