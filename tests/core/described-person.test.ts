// Whose a figure is, when one outlet names the person and another does not (ECB+ topic 23: Duncan Rait's
// fall at Aoraki Mount Cook, told by five outlets as 60 m, 150 m and 200 m). The sentences are quoted
// from ECB+ (Cybulska and Vossen, LREC 2014, CC BY 3.0).
import { describe, expect, it } from 'vitest';
import { reportingNames } from '../../src/core/attribution';
import type { EntityMention } from '../../src/core/types';
import { conflictFigures } from '../helpers/core';

// 23_1ecbplus: the climber is never named.
const UNNAMED =
  'Climber dead after Aoraki Mount Cook fall.\nA 36 - year - old Australian climber is dead after falling about 150 metres at Aoraki Mount Cook. ' +
  'The man, from Hampton East, fell in the Tasman Glacier area. ' +
  'A Westpac Rescue Helicopter from Christchurch was called about 3pm to assist with search and rescue co - ordination at the Mt Cook base. ' +
  'When it got there, the man had been transported to Mt Cook Village by a local helicopter service and pronounced dead by paramedics. ' +
  'The man is thought to have fallen much earlier in the day.';
// 23_8ecbplus: "A 36 - year - old man", with a police inspector quoted four times.
const QUOTED =
  'Second man dies in Mt Cook National Park.\nA second man has fallen to his death in Aoraki Mount Cook National Park. ' +
  'The man aged in his early 30s fell about 600m while climbing near the Mount Sefton Bivvy on Saturday afternoon. ' +
  'Rescue personnel were not able to reach him or his three companions, who were all from overseas, due to low light levels on Saturday, Mid - South Canterbury Area Commander Inspector Dave Gaskin said. ' +
  '"They managed to have a look at him and it was pretty clear that there was no signs of life and they\'ve flown in today to retrieve the body, " he told NZ Newswire on Sunday. ' +
  'The other three men were rescued by about 10am on Sunday morning. ' +
  '"We haven\'t been in a position to speak to the survivors at this stage, but it appears as if their equipment and preparation was limited, "Insp Gaskin said. ' +
  'It was the second death in the park in two days. ' +
  'A 36 - year - old man died about 11am on Friday after he slipped and fell about 200m down a steep icy gully. ' +
  'The man, a New Zealander living in Melbourne, was planning to go ski touring. ' +
  'Two deaths so close together was unusual for the time of year, Insp Gaskin said. ' +
  "\"We don't normally get too many climbing accidents at this time of year, it's still basically winter conditions here, so there's very little climbing done. " +
  '" The climbing season generally starts about late October / early November. ' +
  'Mr Gaskin urged people not to go into situations unprepared. ' +
  "\"This is an extremely dangerous area and if you're going to climb or come into this area and go up high in the mountains, you've got to make sure that you know what you're doing and you've got all the appropriate equipment. " +
  '"';

describe('a person who only speaks is a source: "urged" and "warned" report too', () => {
  it('reads "Mr Gaskin urged people not to go" as Gaskin speaking', () => {
    const text = 'Mr Gaskin urged people not to go into situations unprepared.';
    const mentions: EntityMention[] = [{ start: 0, end: 10, key: 'e:gskn', surface: 'Mr Gaskin' }];
    expect(reportingNames(text, { start: 0, end: text.length }, mentions)).toEqual(['e:gskn']);
  });

  it('so the inspector quoted in 23_8ecbplus is no main subject 23_1ecbplus leaves out', () => {
    expect(conflictFigures(UNNAMED, QUOTED)).toContainEqual(['about 150 metres', 'about 200m']);
  });
});
