// Subject identity: whether two claims are about the same event, as an ordered list of named rules.
// Each rule rejects the pair for one reason or lets it pass; the first to reject decides.

import { oneStory } from '../story';
import { keyOf } from '../terms';
import type { ClaimForMatching, Quantity } from '../types';
import { relativeToOneEvent } from './date-events';
import { describedPeople } from './described-person';
import { measuredAlike } from './local-context';
import { oneCodeOfOneStory } from './sole-code';
import { ClaimView } from './view';
import {
  figurePhraseToldAlike,
  figuresToldAlike,
  inventoryToldAlike,
  restated,
  sameFigure,
  sameWording,
  sharedRangeBound,
  type WordingShare,
  wordingShare,
} from './wording';

/**
 * A name missing from the other report says something only when that report names enough others:
 * a two-line snippet leaves most names out.
 */
const MIN_NAMES_FOR_ABSENCE = 5;

/** What the rules of one pair work out once and share. */
export class SubjectContext {
  readonly a: ClaimView;
  readonly b: ClaimView;
  /** Both reports name enough to say what they leave out (whole reports, not snippets). */
  readonly whole: boolean;
  /**
   * Years and months that are the figures compared ("guided for 2023" against "2024"), as bare terms
   * ("2023", "jul"): what is in dispute never sets the claims apart as different times.
   */
  readonly claimed: ReadonlySet<string>;
  /** The figures compared, one of each claim per pair (none when the pair is judged as a whole). */
  readonly figures: readonly (readonly [Quantity, Quantity])[];
  constructor(
    a: ClaimView,
    b: ClaimView,
    claimed: ReadonlySet<string> = NONE,
    figures: readonly (readonly [Quantity, Quantity])[] = [],
  ) {
    // Rule described-person-named: a holder one sentence describes by age alone is the person the other
    // report names with that age (described-person.ts).
    const da = describedPeople(a, b);
    const db = describedPeople(b, a);
    this.a = da.length > 0 ? a.naming(da) : a;
    this.b = db.length > 0 ? b.naming(db) : b;
    this.claimed = claimed;
    this.figures = figures;
    this.whole = a.names.size >= MIN_NAMES_FOR_ABSENCE && b.names.size >= MIN_NAMES_FOR_ABSENCE;
  }
  private _share: WordingShare | undefined = undefined;
  /** The wording the two own sentences share (sameWording and restated weigh the same one). */
  get share() {
    this._share ??= wordingShare(this.a, this.b);
    return this._share;
  }
  private _retold: boolean | undefined = undefined;
  /** One sentence told twice: only what the two sentences themselves say can set them apart. */
  get retold() {
    this._retold ??= restated(this.a, this.b, this.share);
    return this._retold;
  }
  private _story: boolean | undefined = undefined;
  /** The two texts tell one story (story.ts, rule `one-story`): the same event by construction. */
  get sameStory() {
    this._story ??= this.a.c.article !== this.b.c.article && oneStory(this.a.story, this.b.story);
    return this._story;
  }
}

export interface SubjectRule {
  name: string;
  /** What a rejection says, in a reviewer's words. */
  reason: string;
  /** Not asked of one sentence told twice (the days, names and dates around it say nothing). */
  skipsRetold?: boolean;
  /**
   * Finds a report's main subject or actors missing from the other, or other people around a sentence:
   * not asked of two texts that tell one story (rule `one-story`), which have one subject and one cast
   * by what they share.
   */
  skipsOneStory?: boolean;
  rejects(x: SubjectContext): boolean;
}

const NONE: ReadonlySet<string> = new Set();

/** Both lists say something, and nothing in common. */
const disjoint = (x: string[], y: string[]) => x.length > 0 && y.length > 0 && !x.some((t) => y.includes(t));

/** Both name people, none in common, and each names one it does not only cite. */
function differentPeople(a: ClaimView, x: string[], b: ClaimView, y: string[]): boolean {
  return disjoint(x, y) && a.hasUncited(x) && b.hasUncited(y);
}

/**
 * Anchored: an entity named in one claim's own sentence appears around the other. Without one, the
 * two sentences themselves must say mostly the same thing (two content words beyond the counted
 * noun, covering half of the shorter sentence): "Authorities seize 6,700 pounds of marijuana" and
 * "8,710 pounds of marijuana had been seized".
 * A maybe-name (a capitalised first word) anchors only against a name of the other claim.
 * A name inside a figure's own words is what is counted ("7 AK-47 rifles", "26 Somali pirates"), the
 * same in every incident of one kind: between two whole reports it does not anchor. (Between two
 * snippets it may be all they name: "87 percent of Americans" and "61 percent of Americans".)
 */
function anchored({ a, b, whole }: SubjectContext): boolean {
  return a.anchors(whole).some((t) => b.all.has(t)) || b.anchors(whole).some((t) => a.all.has(t));
}

/**
 * Rule `story-frame`: inside one story (`one-story`) a figure is anchored by its own words: two compared
 * figures whose nearby words or clauses say they measure one thing ("the allowance for credit losses as
 * a percentage of loans outstanding was unchanged from June 30 at 1.62%", "with the allowance for credit
 * losses increasing to 1.63%") are one figure told twice, though the two sentences share no name and
 * little else (a summary merges several sentences into one).
 */
function framedAlike({ a, b, figures }: SubjectContext): boolean {
  // Rule one-code-in-one-story: the two texts' only codes, of one name, are one code (sole-code.ts).
  return figures.some(([qa, qb]) => measuredAlike(a.c, qa, b.c, qb) || oneCodeOfOneStory(a, b, qa, qb));
}

/**
 * A figure its own sentence dates to a month or a year ("in February", "in 2003") belongs to that
 * time: a report that dates its figure to no time and never names that month or year anywhere, while
 * naming enough else to be a whole report, is about another event (the background quake of
 * February against this Sunday's).
 * A calendar day ("June 24, 2005") counts by its month: the other report may leave the year out.
 */
export function undated(c: ClaimView, other: ClaimView, claimed: ReadonlySet<string> = NONE): boolean {
  const own = claimed.size === 0 ? c.times : c.times.filter((t) => !claimed.has(t));
  if (own.length === 0 || other.times.length > 0) return false;
  if (other.names.size < MIN_NAMES_FOR_ABSENCE) return false;
  const named = other.timesNamed;
  return !own.some((t) => named.has(t));
}

/** Year terms (`y:2023`) that are not the years in dispute. */
const unclaimed = (x: SubjectContext, years: string[]) =>
  x.claimed.size === 0 ? years : years.filter((t) => !x.claimed.has(keyOf(t)));

/** The other report names enough to say what it leaves out. */
const namesEnough = (other: ClaimView) => other.names.size >= MIN_NAMES_FOR_ABSENCE;

function foreign(c: ClaimView, other: ClaimView): boolean {
  return namesEnough(other) && other.missesAny(c.actors);
}

function strangers(c: ClaimView, other: ClaimView): boolean {
  return namesEnough(other) && other.missesAny(c.contextWith('protagonist'));
}

function centralUnknown(c: ClaimView, other: ClaimView): boolean {
  return namesEnough(other) && other.missesAny(c.contextWith('central-actor'));
}

/**
 * One side alone is enough when the actor is named in the claim's own sentence and its article keeps
 * coming back to it: "INS Sukanya … nabbed 26 pirates" against a report that never names the ship.
 */
function ownActorsUnknown(c: ClaimView, other: ClaimView): boolean {
  if (!namesEnough(other)) return false;
  const own = c.ownActors;
  return own.length > 0 && other.missing(own) >= own.length / 2;
}

/**
 * Between two whole reports, every name a figure's own sentence gives is one the other report never
 * mentions: "a masked bandit made off with $136M of diamonds from the Carlton Intercontinental Hotel
 * in Cannes", told as background in a report on another raid, against a report that never names
 * Cannes or the hotel. (A snippet names too little to say what it leaves out: the rule applies only
 * between whole reports.)
 */
function strangerSentence(c: ClaimView, other: ClaimView): boolean {
  const own = c.sentenceNames;
  return own.length > 0 && other.missing(own) === own.length;
}

/**
 * The subject rules in the order they run. Rule functions are module-level arrow functions made once:
 * with keepNames (wrangler's default, and tsx) every named closure made per call costs a
 * defineProperty, ~15 % of a profile here.
 */
export const SUBJECT_RULES: readonly SubjectRule[] = [
  {
    name: 'no-shared-anchor',
    reason: 'the two sentences share no name, and too little wording, to be about the same thing',
    rejects: (x) =>
      !(
        anchored(x) ||
        sameWording(x.share) ||
        sameFigure(x.a, x.b) ||
        figuresToldAlike(x.a, x.b) ||
        inventoryToldAlike(x.a, x.b) ||
        x.figures.some(([qa, qb]) => figurePhraseToldAlike(x.a, qa, x.b, qb)) ||
        sharedRangeBound(x.a, x.b) ||
        (x.sameStory && framedAlike(x))
      ),
  },
  {
    // The people each sentence itself names come first: "X has spent 19 seasons" and "Y played 11
    // seasons" are about different people even when both articles mention both. A person the sentence
    // only cites ("…, Nambiar said") is its source, not its subject; such a name counts when both name it.
    name: 'different-people',
    reason: 'the sentences name different people',
    rejects: ({ a, b }) => differentPeople(a, a.ownPeople, b, b.ownPeople),
  },
  {
    // One sentence told twice is one fact: only what the two sentences themselves say can set them
    // apart, not the days, names and dates around them (reports written on different days, of one event).
    name: 'different-people-around',
    skipsOneStory: true,
    reason: 'the sentences around them name different people',
    rejects: (x) => differentPeople(x.a, x.a.around(x.retold, 'person'), x.b, x.b.around(x.retold, 'person')),
  },
  {
    name: 'different-years',
    reason: 'they are dated to different years',
    rejects: (x) =>
      disjoint(unclaimed(x, x.a.around(x.retold, 'year')), unclaimed(x, x.b.around(x.retold, 'year'))),
  },
  {
    name: 'different-calendar-days',
    reason: 'they are dated to different calendar days',
    rejects: (x) => disjoint(x.a.around(x.retold, 'date'), x.b.around(x.retold, 'date')),
  },
  {
    // Different weekdays of the event: the claim's own, else the article's lede's.
    name: 'different-weekdays',
    reason: 'the reports date their events to different weekdays',
    // A figure told in passing ("the quake that killed 10 people") is dated by no day of the report.
    // Nor is a duration told against another event ("three weeks before he was murdered": rule
    // `relative-to-event`, date-events.ts).
    rejects: (x) =>
      !x.a.inPassing &&
      !x.b.inPassing &&
      !x.figures.some(([qa, qb]) => relativeToOneEvent(x.a.c.text, qa, x.b.c.text, qb)) &&
      (x.retold ? disjoint(x.a.ownDay, x.b.ownDay) : disjoint(x.a.day, x.b.day)),
  },
  {
    name: 'time-never-named',
    reason: 'one figure is dated to a month or year the other report never mentions',
    skipsRetold: true,
    rejects: ({ a, b, claimed }) => undated(a, b, claimed) || undated(b, a, claimed),
  },
  {
    // Each claim's neighbourhood names an actor (a person, or a name its own article keeps returning
    // to) that the other report never mentions: two different events.
    name: 'absent-actors',
    reason: 'each report names someone or something the other never mentions',
    skipsRetold: true,
    rejects: ({ a, b }) => foreign(a, b) && foreign(b, a),
  },
  {
    // Each report's protagonists (the names it returns to most) include one the other report never
    // mentions: the INS Mysore's capture against the INS Sukanya's.
    name: 'absent-protagonists',
    skipsOneStory: true,
    reason: "each report's main subject is never mentioned by the other",
    skipsRetold: true,
    rejects: ({ a, b }) => strangers(a, b) && strangers(b, a),
  },
  {
    // A report that returns to no name at all (a few lines naming each thing once) has no protagonist
    // of its own to compare; one that never names the other report's central actor (named in three
    // sentences or more: the INS Sukanya) is about another event.
    name: 'absent-central-actor',
    skipsOneStory: true,
    reason: "one report's main subject is never mentioned by the other, which has none of its own",
    skipsRetold: true,
    rejects: ({ a, b }) =>
      (a.noProtagonist && centralUnknown(b, a)) || (b.noProtagonist && centralUnknown(a, b)),
  },
  {
    name: 'absent-own-actors',
    skipsOneStory: true,
    reason: 'what the sentence is about is never mentioned by the other report',
    skipsRetold: true,
    rejects: ({ a, b }) => ownActorsUnknown(a, b) || ownActorsUnknown(b, a),
  },
  {
    name: 'absent-sentence-names',
    reason: 'no name in the sentence is mentioned by the other report',
    skipsRetold: true,
    rejects: ({ a, b, whole }) => whole && (strangerSentence(a, b) || strangerSentence(b, a)),
  },
];

/** The rule that sets two claims apart as different subjects, or null when none does. */
export function subjectRejection(x: SubjectContext): SubjectRule | null {
  for (const r of SUBJECT_RULES) {
    if (r.skipsRetold && x.retold) return null;
    if (r.skipsOneStory && x.sameStory) continue;
    if (r.rejects(x)) return r;
  }
  return null;
}

/**
 * Claims about the same event name the same people, places or bodies in the sentence itself, not
 * only in the article around it: topic words ("life sentence", "earthquake") and an article's
 * topic entities are shared by different events of one kind. Different named people, or different
 * years, mean different subjects.
 */
export function sameSubject(a: ClaimForMatching, b: ClaimForMatching): boolean {
  return differentSubject(a, b) === null;
}

/** Why two claims are about different things (for tests and debugging), or null when they are not. */
export function differentSubject(a: ClaimForMatching, b: ClaimForMatching): string | null {
  return subjectRejection(new SubjectContext(new ClaimView(a), new ClaimView(b)))?.reason ?? null;
}
