// Which event a year is the date of, where its own words say so without the sentence's verbs:
// - edition-year: a year right before a capitalised event name names an edition of that event ("Set As
//   Oscars Host For 2014 Academy Awards", "the 2008 Olympics", "his 2007 World Series ring"), not the
//   date of whatever else the other report tells ("her performance as the host of the show in 2007").
// - birth-date: a year told with "born" or "birth" is a person's birth ("Born in 1923 in Nashville"),
//   never the date of the events of their life ("a screen test in 1955").
// A marked year is compared only with a year of the same mark: two editions ("the 2014 Academy Awards" /
// "the 2013 Academy Awards") or two births still conflict.
import type { Quantity } from '../types';
import { classOf } from '../unit-class';
import { figureIn } from './around-figure';

export type DateEvent = 'edition' | 'birth';

/** A capitalised name right after the year, no comma between: "2014 Academy Awards", "2008 Olympics". */
const NAME_AFTER = /^\s+([A-Z][a-z][\w'-]*)/;
/** A month or weekday after a year opens a date or a new clause, not a name. */
const NOT_A_NAME =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|He|She|It|They|We|I|His|Her|Their|Its|This|That|But|And|When|After|Before)$/;
/** A preposition of time before the year makes it the date of a clause ("In 2009 Palmer voters approved"). */
const TIME_PREPOSITION_BEFORE =
  /\b(?:in|on|since|until|till|by|from|through|to|before|after|during|of|between|and|or|circa|around|about)\s*$/i;
/** "Born in 1923", "born in Nashville in 1923", "the year of her birth, 1923": no other figure in between. */
const BORN_BEFORE = /(?<![\w-])(?:born|birth)(?![\w-])[^.;:()\d]{0,30}$/i;

/** The event a year names by its own words ("edition", "birth"), or null when they say none. */
export function dateEventOf(claimText: string, q: Quantity): DateEvent | null {
  const u = classOf(q);
  if (u.family !== 'date' || u.unit !== 'year') return null;
  const f = figureIn(claimText, q);
  if (!f) return null;
  const before = f.before(40);
  if (BORN_BEFORE.test(before)) return 'birth';
  const name = NAME_AFTER.exec(f.after(40));
  if (name && !NOT_A_NAME.test(name[1]!) && !TIME_PREPOSITION_BEFORE.test(before)) return 'edition';
  return null;
}
