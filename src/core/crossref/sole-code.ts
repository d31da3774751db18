// Rule one-code-in-one-story: a code's name says what it numbers ("Toby 3632", "Flight 370", "Route 66").
// Two texts of one story (one-story) that each state one code only, under one name, speak of one code:
// a summary's "Jo. Toby 6362" retells the document's "Toby 3632". Between two stories, or where either
// text states several codes ("Flight 17" beside "Flight 370"), the numbers may name different things.
import { oneStory } from '../story';
import { keyOf } from '../terms';
import type { Quantity } from '../types';
import { familyOf } from '../unit-class';
import type { ClaimView } from './view';

/** The text states one code value in all among its story figures. */
function soleCode(v: ClaimView): boolean {
  let n = 0;
  for (const t of v.story.figures) if (keyOf(t).startsWith('code=') && ++n > 1) return false;
  return n === 1;
}

/** Two codes of one name, each its text's only code, in two texts of one story: one code. */
export function oneCodeOfOneStory(va: ClaimView, vb: ClaimView, qa: Quantity, qb: Quantity): boolean {
  if (familyOf(qa) !== 'code' || qa.unitClass !== qb.unitClass || va.c.article === vb.c.article) return false;
  return soleCode(va) && soleCode(vb) && oneStory(va.story, vb.story);
}
