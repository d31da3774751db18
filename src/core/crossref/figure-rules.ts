// The figure rules: an ordered list of named rules, each setting two figures apart for one reason (a
// different kind, rate, owner, giver, reference point …). measures.ts pairs the figures no rule sets apart.

import { isRoleMark } from '../age-roles';
import { isDescribedMark, isGivenMark, isKinMark } from '../ages';
import { isHomeMark, isOwnerMark, ownedAlike, ownerOf, populationOf, samePlaceKey } from '../owners';
import { sameGiver, sameParty } from '../parties';
import { WHOLE } from '../quantities';
import { keyOf } from '../terms';
import { comparedAcross } from '../time-units';
import type { Quantity } from '../types';
import { classOf, familyOf, isDateFamily } from '../unit-class';
import { agedByTheVerdict, isVerdictMark } from '../verdict-ages';
import { dateEventOf } from './date-events';
import { singleWithinEither } from './either-fate';
import {
  actOfTimes,
  conditionalFigure,
  conditionNear,
  differenceOf,
  earlierEvent,
  earlierValue,
  elapsedTime,
  giverFor,
  inOneRound,
  previousOccurrence,
  recipientFor,
  referencePoint,
  referencesApart,
  samePlace,
  soughtFigure,
  travelled,
} from './frame';
import { peopleOfAPlaceApart } from './from-a-place';
import { agesAtDifferentEvents } from './life-event-ages';
import { sameLocalContext } from './local-context';
import { oneCodeOfOneStory } from './sole-code';
import { differentSortsOfPeople } from './sorts-of-people';
import { stageOf } from './stages';
import { LISTED, SUM } from './sums';
import { differentTenures } from './tenures';
import type { ClaimView } from './view';
import { differentVoteSides } from './vote-sides';

/** A rule that sets two figures apart: they never meet, whatever their claims share. */
export interface FigureRule {
  name: string;
  /** What a rejection says, in a reviewer's words. */
  reason: string;
  rejects(va: ClaimView, vb: ClaimView, qa: Quantity, qb: Quantity): boolean;
}

/**
 * A bare percentage ("42 percent think") may be a share of anything the other names ("of Americans").
 * Money is one class per currency (money-one-class): what a sum pays for ("in jewelry", "for Q4", "offer")
 * says which fund, package or line it is, a subject the subject and group rules weigh, not another kind
 * of thing. "$102 million in jewelry" and "$108 million" of one heist are two values of one sum.
 */
function sameClass(x: string, y: string): boolean {
  if (x === y) return true;
  const a = classOf(x);
  const b = classOf(y);
  if (a.family === 'percent' && b.family === 'percent') return a.of === null || b.of === null;
  // Rule months-against-years: durations in units that convert exactly (measures.ts compares them in one).
  if (a.family === 'duration' && b.family === 'duration') return comparedAcross(a.unit, b.unit) !== null;
  return a.family === 'money' && b.family === 'money' && a.currency === b.currency;
}

/** Two readings that say something only where both figures give one: read on both sides and unlike. */
const bothReadAndApart = <T>(a: T | null, b: T | null) => a !== null && b !== null && a !== b;

/** Modifiers that say which group is counted ("North Korean"): not its part, total, owner or whole. */
const kept = (m: string) =>
  !m.startsWith('when:') &&
  !isRoleMark(m) &&
  !isDescribedMark(m) &&
  !isGivenMark(m) &&
  !isKinMark(m) &&
  !isVerdictMark(m) &&
  m !== 'part-of' &&
  m !== SUM &&
  m !== LISTED &&
  !isOwnerMark(m) &&
  !isHomeMark(m) &&
  !m.startsWith(WHOLE);

/** A sum the sentence before may say who gives: money with no owner of its own (different-owners judges those). */
const carriesGiver = (q: Quantity) => classOf(q).family === 'money' && ownerOf(q) === null;

const whenOf = (q: Quantity) => q.modifiers.find((m) => m.startsWith('when:')) ?? null;

const wholeOf = (q: Quantity) => q.modifiers.find((m) => m.startsWith(WHOLE)) ?? null;

/**
 * The figure rules in the order they run. Rule functions are module functions, not closures made per
 * call: with keepNames (wrangler's default, and tsx) every named closure made costs a defineProperty.
 */
export const FIGURE_RULES: readonly FigureRule[] = [
  {
    name: 'different-kind',
    reason: 'the figures count different kinds of thing',
    rejects: (_va, _vb, x, y) => !x.unitClass || !sameClass(x.unitClass, y.unitClass),
  },
  {
    name: 'different-rate',
    reason: 'one figure is a rate and the other is not, or they are rates per different periods',
    rejects: (_va, _vb, x, y) => x.rate !== y.rate,
  },
  {
    // "Thirteen members of the group" is a part of the group, not its size.
    name: 'part-against-whole',
    reason: 'one figure is a part of a group, the other is not',
    rejects: (_va, _vb, x, y) => x.modifiers.includes('part-of') !== y.modifiers.includes('part-of'),
  },
  {
    // "35 of the 40 missiles" is compared with another part of 40 only: not with "two other bullets"
    // (the rest of a group) nor with a part of another whole.
    name: 'different-whole',
    reason: 'the figures are parts of different wholes',
    rejects: (_va, _vb, x, y) => wholeOf(x) !== wholeOf(y),
  },
  {
    // "until 1997" and "in 1987" date different things: the end of a span and an event.
    name: 'different-date-relation',
    reason: 'one date says when something happened, the other since or until when',
    rejects: (_va, _vb, x, y) => isDateFamily(x) && whenOf(x) !== whenOf(y),
  },
  {
    // "The fire was extinguished by 7 a.m." / "By 6:40 a.m. the fire was under control": each time is
    // only a moment by which something had happened (dates.ts, clockRelation); both may hold.
    name: 'two-deadlines',
    reason: 'both times of day are deadlines ("by 7 a.m."), no later than, which two reports may both meet',
    rejects: (_va, _vb, x, y) => whenOf(x) === 'when:by' && whenOf(y) === 'when:by',
  },
  {
    // "North Korean troops" and "Russian troops" are different groups.
    name: 'different-groups',
    reason: 'the figures count differently described groups',
    rejects: (_va, _vb, x, y) => {
      const mx = x.modifiers.filter(kept);
      const my = y.modifiers.filter(kept);
      return mx.length > 0 && my.length > 0 && !mx.some((m) => my.includes(m));
    },
  },
  {
    // ownedAlike holds for two figures no party owns: asked only when one is owned.
    name: 'different-owners',
    reason: 'the figures belong to different parties',
    rejects: (va, vb, qa, qb) => !((!ownerOf(qa) && !ownerOf(qb)) || ownedAlike(va.c, qa, vb.c, qb)),
  },
  {
    // "Bandar Abbas, a city of 500, 000 people" and "Qeshm Island, home to 200, 000 people" (owners.ts).
    name: 'population-of-a-place',
    reason: 'the counts are the populations of different places ("Bandar Abbas, a city of 500,000")',
    rejects: (_va, _vb, qa, qb) => {
      const a = populationOf(qa);
      const b = populationOf(qb);
      return a !== null && b !== null && !samePlaceKey(a, b);
    },
  },
  {
    // One writer does not contradict themselves; inside one article only different voices can differ
    // (the narration against a quoted speaker, or two speakers).
    name: 'same-voice',
    reason: 'both figures are stated by the same voice of one article',
    rejects: (va, vb, qa, qb) => va.c.article === vb.c.article && va.voice(qa) === vb.voice(qb),
  },
  {
    // "the Red Sox offered … $200MM" and "the Orioles … have offered … between $140 million and $150
    // million": two parties' offers, not two reports of one.
    name: 'different-givers',
    reason: 'the sums are offered, pledged or paid by different parties',
    rejects: (va, vb, qa, qb) => {
      // Each side's giver only when the other side may have one: the carried giver reads the stored
      // claim's context terms, which are parsed on first read (db/queries/candidates.ts).
      const ga = giverFor(va.c.text, qa);
      const gb = giverFor(vb.c.text, qb);
      if ((ga === null && !carriesGiver(qa)) || (gb === null && !carriesGiver(qb))) return false;
      const giverA = ga ?? va.carriedGiver;
      if (giverA === null) return false;
      const giverB = gb ?? vb.carriedGiver;
      return giverB !== null && !sameGiver(giverA, giverB, samePlace);
    },
  },
  {
    // "the $90 million deal they gave to Torii Hunter" and "the Red Sox offer Teixeira $200 million":
    // sums that go to different parties are two deals, not two reports of one.
    name: 'different-recipients',
    reason: 'the sums are offered, given or paid to different parties',
    rejects: (va, vb, qa, qb) => {
      const ra = recipientFor(va.c.text, qa);
      const rb = recipientFor(vb.c.text, qb);
      return ra !== null && rb !== null && !sameParty(ra, rb);
    },
  },
  {
    // "13 miles east of Cloverdale" and "23 miles north of Santa Rosa" place one fire from two towns.
    name: 'different-reference-points',
    reason: 'the distances are measured from different places',
    rejects: (va, vb, qa, qb) => {
      const ra = referencePoint(va.c.text, qa);
      const rb = referencePoint(vb.c.text, qb);
      return ra !== null && rb !== null && referencesApart(ra, rb);
    },
  },
  {
    // "broke the school record of 2,116 points" is the record that was; "2,117 points" the one that is.
    name: 'earlier-value',
    reason: 'one figure is a value that was (an old record, an initial offer), the other the one now stated',
    rejects: (va, vb, qa, qb) => earlierValue(va.c.text, qa) !== earlierValue(vb.c.text, qb),
  },
  {
    // "shot and killed by police in Athens eight days ago" dates the shooting; "sparked five days of
    // rioting" says how long the rioting lasted: a point in time and a length are not one figure.
    name: 'elapsed-against-length',
    reason: 'one duration dates an event ("eight days ago"), the other says how long something lasted',
    rejects: (va, vb, qa, qb) => elapsedTime(va.c.text, qa) !== elapsedTime(vb.c.text, qb),
  },
  {
    // "The raid comes little over a month after a masked bandit made off with $136M" (frame.ts). An
    // age is its holder's whatever event the clause tells ("came a day after 36-year-old Duncan Rait
    // was killed"): ages are compared by holder (ages.ts).
    name: 'earlier-event',
    reason:
      'one figure belongs to an earlier event the report sets its own against ("comes a month after …")',
    rejects: (va, vb, qa, qb) =>
      familyOf(qa) !== 'age' && earlierEvent(va.c.text, qa) !== earlierEvent(vb.c.text, qb),
  },
  {
    // "previously hosted the Oscars in 2007" / "Set As Oscars Host For 2014 Academy Awards" (frame.ts).
    name: 'previous-occurrence',
    reason:
      'one figure is of an earlier time the same thing happened ("previously", "first hosted", "last time")',
    // The same value told with and without "previously" is one past event told twice ("was previously
    // in Betty Ford in 2010" / "During Lohan's stay at Betty Ford in 2010"): compared as before.
    rejects: (va, vb, qa, qb) =>
      familyOf(qa) !== 'age' &&
      qa.value !== qb.value &&
      previousOccurrence(va.c.text, qa) !== previousOccurrence(vb.c.text, qb),
  },
  {
    // "Set As Oscars Host For 2014 Academy Awards" / "her performance as the host of the show in 2007" (date-events.ts).
    name: 'edition-year',
    reason:
      'one year names an edition of an event ("the 2014 Academy Awards"), the other dates something else',
    rejects: (va, vb, qa, qb) =>
      (dateEventOf(va.c.text, qa) === 'edition') !== (dateEventOf(vb.c.text, qb) === 'edition'),
  },
  {
    // "Born in 1923 in Nashville" / "a screen test in 1955" (date-events.ts).
    name: 'birth-date',
    reason: 'one year is a birth ("born in 1923"), the other the date of something in that life',
    rejects: (va, vb, qa, qb) =>
      (dateEventOf(va.c.text, qa) === 'birth') !== (dateEventOf(vb.c.text, qb) === 'birth'),
  },
  {
    // "even if one or two jurors voted against it" against "saved from a death sentence by three jurors".
    name: 'hypothetical-figure',
    reason: 'one figure is said of a case that may not happen ("if …"), the other of what happened',
    // A sentence with an "if" of its own may tell the same case in another order ("a risk of losing 10
    // million dollars if they were late" / "if we're late we lose 5 million"): compared as before. Rule
    // if-of-its-own: the "if" must stand between the stops around the figure (frame.ts).
    rejects: (va, vb, qa, qb) =>
      conditionalFigure(va.c.text, qa) !== conditionalFigure(vb.c.text, qb) &&
      !(conditionNear(va.c.text, qa) && conditionNear(vb.c.text, qb)) &&
      !(va.c.text.includes('?') && vb.c.text.includes('?')),
  },
  {
    // "landed 28 of his 68 punches thrown during the round" against "178 of 369 punches thrown" in the fight.
    name: 'one-round-of-a-match',
    reason: 'one figure is counted in one round, quarter or half of a match, the other in the whole',
    rejects: (va, vb, qa, qb) => inOneRound(va.c.text, qa) !== inOneRound(vb.c.text, qb),
  },
  {
    // "the nine voting to put Nichols to death" against "three voting for life without parole".
    name: 'different-vote-sides',
    reason: 'the counts of votes were cast for different sides',
    rejects: (va, vb, qa, qb) => differentVoteSides(va.c.text, qa, vb.c.text, qb),
  },
  {
    // "Teixeira is seeking a 10-year contract for at least $20 million per season" against "the Orioles
    // … between $140 million and $150 million": what one party asks for is not what another offers.
    name: 'sought-not-offered',
    reason: 'one figure is what a party asks for, the other what is offered, paid or agreed',
    rejects: (va, vb, qa, qb) => soughtFigure(va.c.text, qa) !== soughtFigure(vb.c.text, qb),
  },
  {
    // "finished the fight five rounds sooner than" is a gap between two fights, not a fight's length.
    name: 'difference-not-value',
    reason: 'one figure is the gap between two values ("five rounds sooner than"), the other a value',
    rejects: (va, vb, qa, qb) => differenceOf(va.c.text, qa) !== differenceOf(vb.c.text, qb),
  },
  {
    // "chased him for 30 miles" against "a motorist 50 miles north of Detroit" (frame.ts).
    name: 'position-against-travel',
    reason: 'one distance says how far someone went, the other where something is',
    // A distance gone from somewhere ("falling about 60 metres (200 feet) from a ridge") is travel too.
    rejects: (va, vb, qa, qb) =>
      travelled(va.c.text, qa) !== travelled(vb.c.text, qb) &&
      ((travelled(va.c.text, qa) && referencePoint(vb.c.text, qb) !== null) ||
        (travelled(vb.c.text, qb) && referencePoint(va.c.text, qa) !== null)),
  },
  {
    // "arrested four times" and "shot eleven times" count different acts.
    name: 'times-of-what',
    reason: 'the two counts of times count different acts ("arrested four times", "shot eleven times")',
    rejects: (va, vb, qa, qb) => bothReadAndApart(actOfTimes(va.c.text, qa), actOfTimes(vb.c.text, qb)),
  },
  {
    // "five boats were seen approaching" against "captured three boats" (stages.ts).
    name: 'different-stages',
    reason: 'the two counts are told at different stages of the event ("seen approaching", "captured")',
    rejects: (va, vb, qa, qb) => bothReadAndApart(stageOf(va.c.text, qa), stageOf(vb.c.text, qb)),
  },
  {
    // "played for the Sixers for 11 seasons" against "seven seasons as an assistant coach" (tenures.ts).
    name: 'different-tenures',
    reason: 'the two lengths are of different tenures ("with the 76ers", "as an assistant coach")',
    rejects: (va, vb, qa, qb) => differentTenures(va.c.text, qa, vb.c.text, qb),
  },
  {
    // "found four people in the break room" against "an altercation with the two women" (sorts-of-people.ts).
    name: 'sort-of-people',
    reason:
      'one count is of a sort of person ("two women") the other count of people may include, or of another sort',
    rejects: (_va, _vb, qa, qb) => differentSortsOfPeople(qa, qb),
  },
  {
    // "Two people from Zinbi village were hurt" against "injuring five people" (from-a-place.ts).
    name: 'people-from-a-place',
    reason: 'one count is of the people of a named place ("from Zinbi village"), a part of the other count',
    rejects: (va, vb, qa, qb) => peopleOfAPlaceApart(va.c.text, qa, vb.c.text, qb),
  },
  {
    // "flattening seven villages" against "destroyed or damaged … in about 15 villages" (either-fate.ts).
    name: 'either-fate',
    reason:
      'one count is of what met either of two fates ("destroyed or damaged"), the other of one fate, no more',
    rejects: (va, vb, qa, qb) => singleWithinEither(va.c.text, qa, vb.c.text, qb),
  },
  {
    // "Orozco, 27, was found hiding" against "the jury found Jose Luis Orozco, 29, guilty" (verdict-ages.ts).
    name: 'age-at-the-verdict',
    reason: 'one age is told at a verdict one to three years older than the other: one person at two times',
    rejects: (_va, _vb, qa, qb) => agedByTheVerdict(qa, qb),
  },
  {
    // "walked away from her career at the age of 35" against "passed away … at age 85" (life-event-ages.ts).
    name: 'age-at-a-life-event',
    reason: 'one age is told at an earlier event of a life ("at the age of 35"), the other at death or now',
    rejects: (va, vb, qa, qb) => agesAtDifferentEvents(va.c.text, qa, vb.c.text, qb),
  },
  {
    name: 'different-surroundings',
    reason: 'a duration, age or percentage whose surrounding words share nothing with the other figure',
    // Rule one-code-in-one-story (sole-code.ts): the only code of each of two texts of one story, one name.
    rejects: (va, vb, qa, qb) =>
      !sameLocalContext(va.c, qa, vb.c, qb, () => storyNames(va, vb, qa)) &&
      !oneCodeOfOneStory(va, vb, qa, qb),
  },
];

/**
 * The keys of both reports' protagonists, asked only for a date (event-of-a-date, local-context.ts),
 * and only once two figures' surroundings share a word: reading them parses a stored claim's context terms.
 */
const storyNames = (va: ClaimView, vb: ClaimView, q: Quantity): string[] =>
  familyOf(q) === 'date'
    ? [...va.contextWith('protagonist'), ...vb.contextWith('protagonist')].map(keyOf)
    : [];

/** The first figure rule that sets qa and qb apart, or null when they measure the same thing. */
export function figureRejection(va: ClaimView, vb: ClaimView, qa: Quantity, qb: Quantity): FigureRule | null {
  for (const r of FIGURE_RULES) if (r.rejects(va, vb, qa, qb)) return r;
  return null;
}

/**
 * The figure rules in the order that answers "does any reject?" soonest, for a comparison that keeps no
 * trail (which rule rejects first matters only to a trail): the cheap tests of the figures themselves,
 * then different-surroundings, which sets most same-kind figures apart, and only then the rules that
 * read the words around each figure (frame.ts). Every rule still runs until one rejects, so the answer
 * is the same as in FIGURE_RULES' order; a stored claim's figure that no pair gets past its
 * surroundings is never framed.
 */
const REJECT_FIRST: readonly FigureRule[] = (() => {
  const at = FIGURE_RULES.findIndex((r) => r.name === 'different-givers');
  const surroundings = FIGURE_RULES.filter((r) => r.name === 'different-surroundings');
  const rest = FIGURE_RULES.slice(at).filter((r) => r.name !== 'different-surroundings');
  return [...FIGURE_RULES.slice(0, at), ...surroundings, ...rest];
})();

/** Whether any figure rule sets qa and qb apart (figureRejection without naming the rule). */
export function figuresApart(va: ClaimView, vb: ClaimView, qa: Quantity, qb: Quantity): boolean {
  for (const r of REJECT_FIRST) if (r.rejects(va, vb, qa, qb)) return true;
  return false;
}
