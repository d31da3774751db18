// Times of day that are of different moments of one event (rules two-deadlines, figure-rules.ts and
// quantities/dates.ts, and sentence-after-the-clock, crossref/local-context.ts). Real ECB+ sentences.
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
    const at = (t: string) =>
      `The fire was reported at ${t}, after fire crews attacked it from all sides, Owen said.`;
    expect(conflictFigures(at('7 a.m.'), at('4 a.m.'))).toHaveLength(1);
  });
});

describe('sentence-after-the-clock', () => {
  // ECB+ 18_16ecb against 18_3ecb: the gunman entering against the suspect giving himself up.
  const ENTERED =
    'Constable Tim Fanning says Eric Allen Kirkpatrick is accused of fatally shooting Benjamin David Banky. Fanning says at least a dozen people were at the party when the gunman entered about 4 p.m. Police locked down the neighborhood and Kirkpatrick gave up about two hours later.';
  const SURRENDERED =
    "Another dozen other people who were there for a Christmas party managed to get out safely, '' Fanning said. Police locked down the neighbourhood before the suspect turned himself in around 6 p.m.";

  it('does not read the doings of the sentence after "4 p.m." as the time\'s (ECB+ 18_16ecb / 18_3ecb)', () => {
    expect(conflictFigures(ENTERED, SURRENDERED)).toEqual([]);
  });

  it('still compares two times of one doing, and reads on past a weekday', () => {
    expect(conflictFigures(ENTERED, ENTERED.replace('4 p.m.', '5 p.m.'))).toHaveLength(1);
    const entered = (t: string) =>
      `Fanning says at least a dozen people were at the party when the gunman entered about ${t} Friday and police locked down the neighborhood.`;
    expect(
      conflictFigures(entered('4 p.m.'), SURRENDERED.replace('turned himself in', 'entered')),
    ).toHaveLength(1);
  });
});
