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

/**
 * Rule `relative-to-event`: a duration told before or after another event ("married three weeks before
 * he was murdered", "two weeks after Ortiz's death", "two weeks before the shooting") is timed by that
 * event, not by the day its report tells of: a report of the sentencing, years on, tells the wedding
 * against the murder as a report of the murder does. A weekday, month or number after "before"/"after"
 * makes it a date instead ("three days after Monday"). Returns the side of the event it is told on
 * ("ago" is before the telling), or null when it is told against no event.
 */
export function sideOfEvent(claimText: string, q: Quantity): 'before' | 'after' | 'ago' | null {
  if (classOf(q).family !== 'duration') return null;
  const f = figureIn(claimText, q);
  if (f === null) return null;
  const after = f.after(40);
  if (/^\s+ago\b/i.test(after)) return 'ago';
  const m = RELATIVE_TO_EVENT.exec(after);
  return m ? (m[1]!.toLowerCase() as 'before' | 'after') : null;
}
const RELATIVE_TO_EVENT =
  /^\s+(before|after)\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d|that\b|this\b)[a-z]/i;

/**
 * Two durations of which one is told against another event, and neither after an event the other is
 * told before ("three weeks before he was murdered" against "two weeks after Ortiz's death" are two
 * spans): the report's weekday does not date them.
 */
export function relativeToOneEvent(ta: string, qa: Quantity, tb: string, qb: Quantity): boolean {
  const [sa, sb] = [sideOfEvent(ta, qa), sideOfEvent(tb, qb)];
  if (sa !== 'before' && sa !== 'after' && sb !== 'before' && sb !== 'after') return false;
  const later = (s: string | null) => s === 'after';
  const earlier = (s: string | null) => s === 'before' || s === 'ago';
  return !((later(sa) && earlier(sb)) || (earlier(sa) && later(sb)));
}
