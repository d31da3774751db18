// What a figure is tied to beyond its unit, read once from the words right around it: the figure
// rules different-givers (who offers or pays a sum), different-recipients (to whom), different-reference-points (where a distance is
// measured from) and earlier-value (a record or offer that was), and the period marks frameCloseness
// weighs (local-context.ts).
import { stemmer } from 'stemmer';
import { giverOf, recipientOf } from '../parties';
import type { Quantity } from '../types';
import { classOf, isDateFamily } from '../unit-class';
import { type FigureInText, figureIn } from './around-figure';

/** Distances: measured from somewhere. */
const DISTANCE = new Set(['mile', 'kilometer', 'meter', 'foot', 'yard']);
const AFTER = 60;
const BEFORE = 48;
const GIVER_BEFORE = 200;
/**
 * "13 miles east of Cloverdale", "58km (36 miles) south-west of Bandar Abbas", "23 miles from Santa
 * Rosa", "20 km outside Tehran": the place the distance is measured from, a capitalised name, or a
 * landmark every report names in lower case ("12 nautical miles from shore", "from the coast").
 */
const REFERENCE =
  /^\)?\s*(?:\([^)]{0,30}\)\s*)?(?:(?:north|south|east|west)(?:[ -]?(?:east|west))?(?:ern|ward)?\s+(?:of|from)|from|outside(?:\s+of)?|off)\s+(?:the\s+)?(?:capital(?:\s+city)?,?\s+)?([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*|(?:shore|coast|coastline|border|epicent(?:er|re))\b|(?:an?|the)\s+([a-z][\w-]*(?:\s+(?!(?:when|and|or|but|which|who|that|in|on|at|of|to|as|after|before|while|with|by|for|near|where)\b)[a-z][\w-]*){0,2}))/;
/**
 * Rule common-noun-reference: a distance from a thing named by a common noun ("13 nautical miles (about
 * 24km) from the cargo ship", "60 metres from a ridge") is measured from that thing, marked `~`. It is set
 * apart only from another written in lower case (a landmark, or another common noun): "from the city" may
 * be the Tehran another report names.
 */
const COMMON = '~';
const LANDMARK = /^(?:shore|coast|coastline|border|epicent(?:er|re))$/;
const lowerCase = (ref: string) => ref.startsWith(COMMON) || LANDMARK.test(ref);

/** Two reference points set apart: different places, a common noun only against a word in lower case. */
export function referencesApart(x: string, y: string): boolean {
  if ((x.startsWith(COMMON) || y.startsWith(COMMON)) && !(lowerCase(x) && lowerCase(y))) return false;
  return !samePlace(x.replace(COMMON, ''), y.replace(COMMON, ''));
}

/**
 * The value a figure replaced or beat: "the previous record of 2,116", "the previous club record, the
 * $ 90 million", "their initial offer of $160 million", "broke Jones's record of 2,116 points", "surpassing
 * the $ 90 million deal they gave to Torii Hunter" (the value beaten, right after the verb). Rule
 * terms-of-the-value-beaten: the deal beaten may be told with its terms first, hyphenated words
 * between "the" and the sum ("dwarfing the four-year, $ 90 million deal that Torii Hunter got").
 */
const EARLIER =
  /(?:\b(?:surpass\w*|eclips\w*|exceed(?:s|ed|ing)?|top(?:s|ped|ping)|beat(?:s|ing)?|dwarf\w*)\s+(?:the|its|their|his|her)\s+(?:\w+(?:\s?-\s?\w+)+\s?,?\s+){0,2}|\b(?:previous|former|old|earlier|original|initial|prior|existing)\s+(?:[\w'-]+\s+){0,2}(?:[\w'-]+(?:\s+of|,\s+the)\s+)?|\b(?:broke|breaks?|breaking|surpass\w*|eclips\w*|top(?:s|ped|ping)?|pass(?:es|ed|ing)?|beat(?:s|ing)?)\s+(?:[\w'.-]+\s+){0,4}(?:record|mark)\s+(?:of\s+)?)$/i;

/**
 * Rule comparison-base: the standard a figure is measured against is a value that was, like an old
 * record: "compared with $1.67 billion in the prior year", "versus $946 million", "$437 million in the
 * prior year", "$0.29 a year earlier". So is the value a figure replaces (rule replaced-value): "starting
 * at $800/month (instead of $500)", "300 jobs rather than 500" state 800 and 300, not 500. Only the words that name a comparison or a period relative to
 * the one reported; "from" is left alone ("went from 337 pounds to 202 pounds" states both values).
 */
const BASE_BEFORE =
  /\b(?:compared\s+(?:with|to)|versus|vs\.?|instead\s+of|rather\s+than|in\s+place\s+of)\s+(?:(?:an?|the)\s+)?$/i;
const BASE_AFTER =
  /^\s*(?:(?:(?:in|for|during|of)\s+)?the\s+(?:prior|previous|preceding|year-ago|linked)\s+(?:year|quarter|period)|(?:(?:in|for|during)\s+)?the\s+same\s+(?:quarter|period)\s+(?:of\s+the\s+)?(?:last|prior|previous)\s+year|(?:a|one)\s+year\s+(?:earlier|ago|before))\b/i;

/**
 * A date is a base when the comparison names its period ("an 800 basis point improvement compared to
 * the third quarter of 2019", "decreased 22.4% from the third quarter of 2019"), or the phrase of a
 * comparison noun does ("despite difficult comparisons given our performance in 2020"): for a date
 * "from" is the start of the comparison, not a value changed.
 */
const BASE_DATE_BEFORE =
  /\b(?:compared\s+(?:with|to)|versus|vs\.?|from)\s+(?:the\s+)?(?:(?:first|second|third|fourth|same)\s+(?:quarter|half|period)\s+(?:of\s+)?|[QH][1-4]\s+|[1-4][QH]\s+|fiscal\s+(?:year\s+)?|full[ -]year\s+)?$|\bcomparisons?\s+(?:[\w'-]+\s+){0,4}$/i;

/**
 * Rule quarter-of-a-year: the quarter or half a year is named with ("Q4 2019", "the fourth quarter of
 * 2020", "4Q 2021", "first half 2020"), as "q4", "h1", or null.
 */
export function quarterOf(claimText: string, q: Quantity): string | null {
  const u = classOf(q);
  if (u.family !== 'date' || u.unit !== 'year') return null;
  // Rule quarter-named-alone: the year its article gives a quarter named alone ("Third quarter").
  const alone = QUARTER_ALONE.exec(q.text);
  if (alone) return alone[1] ? ORDINAL_QUARTER[alone[1].toLowerCase()]! : `q${alone[2] ?? alone[3]}`;
  const f = figureIn(claimText, q);
  if (!f) return null;
  const m = QUARTER_BEFORE.exec(f.around(30, 0));
  if (!m) return null;
  if (m[1]) return `${m[1].toLowerCase()}${m[2]}`;
  if (m[3]) return `${m[4]!.toLowerCase()}${m[3]}`;
  return `${m[6]!.toLowerCase() === 'half' ? 'h' : 'q'}${ORDINAL_QUARTER[m[5]!.toLowerCase()]!.slice(1)}`;
}
const QUARTER_ALONE = /^(?:(first|second|third|fourth)[ -]quarter|Q([1-4])|([1-4])Q)$/i;
const QUARTER_BEFORE =
  /(?:\b([QH])([1-4])|\b([1-4])([QH])|\b(first|second|third|fourth)[ -](quarter|half)(?:\s+of)?(?:\s+fiscal)?)\s*(?:19|20)\d\d$/i;

/** A duration followed by one of these is a point in time, not a length: "eight days ago". */
const ELAPSED = /^\s*(?:ago|earlier|before|later|after)\b/i;
/**
 * Rule earlier-event: news sets an event against the last one like it ("The raid comes little over a
 * month after a masked bandit made off with $136M worth of diamonds", "The attack came days after
 * gunmen killed 12", "It follows a quake that killed 26,000"). A figure told after such words is the
 * earlier event's, not the one the report is about: compared only with another earlier event's.
 */
const EARLIER_EVENT =
  /\b(?:(?:comes?|came|coming)\s+(?:(?:just|only|barely|little|more|less|than|over|under|about|nearly|almost|some|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|\d+|days?|weeks?|months?|years?|hours?)\s+){0,5}(?:after|on the heels of)|(?:follows?|followed)\s+(?:a|an|last\s+\w+'s))\s[^.;]*$/i;
const EVENT_BEFORE = 160;

/**
 * Rule previous-occurrence: "DeGeneres previously hosted the Oscars in 2007", "first hosted the Oscars
 * in 2007", "In 2008, last time the pair met, the bout went 11 rounds": a figure of an earlier time
 * the same thing happened, not of the one the report is about ("Set As Oscars Host For 2014").
 */
const PREVIOUS = /\b(?:last time|first\s+[a-z]+ed)\b[^.;]*$/i;
/** "Previously" dates an earlier time only for a date: "had previously been arrested four times" is a record. */
const PREVIOUS_DATE = /\b(?:previously|formerly)\b[^.;]*$/i;

/**
 * Rule difference-not-value: "five rounds sooner than", "10 more than last year": the figure is the
 * gap between two values, not a value.
 */
const DIFFERENCE =
  /^\s*(?:sooner|later|earlier|more|fewer|less|longer|shorter|faster|slower|higher|lower|older|younger|bigger|smaller)\s+than\b/i;

/**
 * Rule cut-from-a-whole: "attempting to slice 30bn euros from its deficit", "ripping $43 billion out of
 * their public services": the figure is what is taken out of a whole, a change, not the whole or
 * another sum of the story ("110 billion euros in loans").
 */
const CUT_BEFORE =
  /\b(?:cut(?:s|ting)?|slic(?:e|es|ed|ing)|slash(?:es|ed|ing)?|trim(?:s|med|ming)?|shav(?:e|es|ed|ing)|rip(?:s|ped|ping)?|strip(?:s|ped|ping)?|remov(?:e|es|ed|ing)|sav(?:e|es|ed|ing)|shed(?:s|ding)?|knock(?:s|ed|ing)?)\s+(?:(?:another|an?|some|about|around|nearly|almost|roughly|more|than|over|at|least|up|to)\s+){0,3}$/i;
const CUT_AFTER = /^\s*(?:\([^)]{0,20}\)\s*)?(?:from|out\s+of|off)\b/i;

/**
 * Rule hypothetical-figure: "to allow judges to approve death penalties even if one or two jurors voted
 * against it", "if the Sox are pushed to 10 years, they would likely deem it acceptable": a figure in
 * the clause an "if" or "unless" opens (no comma or stop between) is a case that may not happen, not
 * a report of what did.
 */
const CONDITIONAL = /\b(?:if|unless)\s+[^,.;:()]*$/i;

/**
 * Rule if-of-its-own: a sentence tells a condition of its own when an "if" or "unless" stands in the
 * stretch around its figure between two stops ("a risk of losing 10 million dollars if they were late");
 * one further on, past a stop, conditions something else ("the O ' s have reportedly only offered seven
 * years ... unless, of course, a new team can be wrangled in"). Read within a bounded window.
 */
const IF_BEFORE = /\b(?:if|unless)\b[^.;!?]*$/i;
const IF_AFTER = /^[^.;!?]*\b(?:if|unless)\b/i;
const IF_WINDOW = 160;

/**
 * Rule asked-about: a figure in a question about others ("Should the Yankees go higher than $25 million
 * a season?") is asked about, not reported: the first stop after it is a question mark. A question to
 * the listener about the speakers' own plans ("Should we meet at 6?", "Can you pay $20?") proposes its
 * figure, and a dialogue's summary retells it as what was planned.
 */
const ASKED = /^[^.!?]*\?/;
/** The question's words before the figure: back to the last stop. */
const QUESTION_BEFORE = /[^.!?]*$/;
/** How far around a figure its question is read: a bounded window keeps the scan linear. */
const QUESTION_WINDOW = 160;
const OWN_PLANS = /\b(?:we|I|you|us|me)\b/i;
function askedAbout(f: FigureInText): boolean {
  const after = ASKED.exec(f.after(QUESTION_WINDOW));
  if (!after) return false;
  const before = QUESTION_BEFORE.exec(f.before(QUESTION_WINDOW))![0];
  return !OWN_PLANS.test(before + f.text.slice(f.at, f.end) + after[0]);
}

/** A verb of asking that governs the figure's clause: "is seeking a … contract for at least $20 million". */
const SOUGHT =
  /\b(?:seek|seeks|seeking|sought|asking|demand|demands|demanding|demanded|requests?|requesting|requested)\b[^,.;:()]*$/i;

/** A stage of a match the clause after a figure scopes it to: "… thrown during the round", "in the first inning". */
const IN_ROUND = /^[^,.;:()]*?\b(?:during|in)\s+(?:the|that|this)\s+(?:\w+\s+)?(?:round|inning|set|lap)\b/i;

/**
 * Rule position-against-travel: "50 miles north of Detroit" says where something is; "chased him for
 * 30 miles", "a 30-mile pursuit", "fell 200 metres" how far someone went.
 */
const TRAVEL_BEFORE =
  /\b(?:for|chased|chasing|drove|driving|driven|walked|walking|ran|running|fell|falling|fallen|plunged|plunging|travell?ed|travell?ing|flew|flying|swam|hiked|dragged|pursued|covered)\s+(?:(?:about|some|nearly|almost|around|roughly|more|less|than|over|under|another|a|an|the)\s+){0,3}$/i;
const TRAVEL_AFTER =
  /^[\s-]*(?:pursuit|chase|drive|walk|journey|trip|fall|plunge|run|hike|march|flight|swim|trek)\b/i;

/** The verb a count of times counts: "arrested four times", "hitting Gray eleven times". */
const TIMES_VERB = /^(?:[a-z]+(?:ed|ing)|shot|hit|struck|won|lost|beat|met|ran|fell|held|sent)$/i;

/** What the words right around one figure tie it to. */
export interface Frame {
  /** The place a distance is measured from ("cloverdale"), or null. */
  reference: string | null;
  /** A value that was (an old record, an initial offer), not the one now stated. */
  earlier: boolean;
  /** A duration that dates an event by the time since or until it ("eight days ago", "a week later"). */
  elapsed: boolean;
  /** A figure of an earlier event the report sets its own against ("comes a month after … $136M"). */
  earlierEvent: boolean;
  /** A figure of an earlier time the same thing happened ("previously hosted … in 2007"). */
  previous: boolean;
  /** Said of a case that may not happen: "even if one or two jurors voted against it" (hypothetical-figure). */
  conditional: boolean;
  /** An "if" or "unless" stands between the stops around the figure (if-of-its-own). */
  ifNear: boolean;
  /** The gap between two values ("five rounds sooner than"), not a value. */
  difference: boolean;
  /** What a party asks for ("is seeking a 10-year contract for at least $20 million"), not what it gets. */
  sought: boolean;
  /** Counted in one round, quarter or half of a match ("68 punches thrown during the round"). */
  inRound: boolean;
  /** A distance someone went ("chased him for 30 miles"), not where something is. */
  travel: boolean;
  /** The verb a count of times counts ("arrest" in "arrested four times"), or null. */
  act: string | null;
  /** Who gives, offers or pays a sum ("red sox"), or null. */
  giver: string | null;
  /** Who a sum is given, offered or paid to ("torii hunter"), or null. */
  recipient: string | null;
}

/** The periods named right around a figure, which frameCloseness weighs (local-context.ts). */
export interface Periods {
  /** Years named right around the figure ("2020"), not the figure's own. */
  years: Set<string>;
  /** The quarter ("q4"), any quarter ("q": "in the quarter") or the full year ("year") it is for. */
  parts: Set<string>;
}

/**
 * The frame of a figure in its claim's sentence. Asked for every figure it is compared with, so read
 * once per quantity: finding the figure in its sentence is linear in the sentence.
 */
export function frameOf(claimText: string, q: Quantity): Frame {
  const known = FRAMES.get(q);
  if (known && known[0] === claimText) return known[1];
  const frame = read(claimText, q);
  FRAMES.set(q, [claimText, frame]);
  return frame;
}
const FRAMES = new WeakMap<Quantity, [string, Frame]>();

function read(claimText: string, q: Quantity): Frame {
  const f = figureIn(claimText, q);
  if (!f)
    return {
      reference: null,
      earlier: false,
      elapsed: false,
      earlierEvent: false,
      previous: false,
      conditional: false,
      ifNear: false,
      difference: false,
      sought: false,
      inRound: false,
      travel: false,
      act: null,
      giver: null,
      recipient: null,
    };
  const before = f.before(BEFORE);
  const ref = DISTANCE.has(q.unitClass) ? REFERENCE.exec(f.after(AFTER)) : null;
  return {
    reference: ref ? (ref[2] ? `${COMMON}${ref[2]}` : ref[1]!.replace(/[.']+$/, '').toLowerCase()) : null,
    earlier:
      (isDateFamily(q) && BASE_DATE_BEFORE.test(before)) ||
      EARLIER.test(before) ||
      BASE_BEFORE.test(before) ||
      BASE_AFTER.test(f.after(AFTER)),
    elapsed: classOf(q).family === 'duration' && ELAPSED.test(f.after(12)),
    earlierEvent: EARLIER_EVENT.test(f.before(EVENT_BEFORE)),
    previous: previousAt(f.before(EVENT_BEFORE), q),
    conditional: CONDITIONAL.test(before) || askedAbout(f),
    ifNear: IF_BEFORE.test(f.before(IF_WINDOW)) || IF_AFTER.test(f.after(IF_WINDOW)),
    difference: DIFFERENCE.test(f.after(20)) || (CUT_BEFORE.test(before) && CUT_AFTER.test(f.after(40))),
    sought: SOUGHT.test(before),
    inRound: IN_ROUND.test(f.after(AFTER)),
    travel: DISTANCE.has(q.unitClass) && (TRAVEL_BEFORE.test(before) || TRAVEL_AFTER.test(f.after(20))),
    act: q.unitClass === 'time' ? actOf(before) : null,
    giver: giverOf(f.before(GIVER_BEFORE), q),
    recipient: recipientOf(f.before(GIVER_BEFORE), f.after(AFTER), q),
  };
}

/**
 * The periods named around a figure in its claim's sentence: read once per quantity, and only for the
 * figures frameCloseness weighs (most figures a candidate brings are set apart before).
 */
export function periodsOf(claimText: string, q: Quantity): Periods {
  const known = PERIODS.get(q);
  if (known && known[0] === claimText) return known[1];
  const f = figureIn(claimText, q);
  const periods = f
    ? periodMarks(f.around(PERIOD_WINDOW, PERIOD_WINDOW), q)
    : { years: new Set<string>(), parts: new Set<string>() };
  PERIODS.set(q, [claimText, periods]);
  return periods;
}
const PERIODS = new WeakMap<Quantity, [string, Periods]>();

const previousAt = (before: string, q: Quantity) =>
  PREVIOUS.test(before) || (isDateFamily(q) && PREVIOUS_DATE.test(before));

/** The stem of the verb before a count of times ("arrest", "hit"), or null. */
function actOf(before: string): string | null {
  // The last verb of the three words before: "having been arrested three times" counts arrests.
  const words = before.trim().split(/\s+/).slice(-4).reverse();
  const verb = words.find((w) => TIMES_VERB.test(w));
  return verb ? stemmer(verb.toLowerCase()) : null;
}

export const inOneRound = (claimText: string, q: Quantity) => frameOf(claimText, q).inRound;
export const soughtFigure = (claimText: string, q: Quantity) => frameOf(claimText, q).sought;
export const referencePoint = (claimText: string, q: Quantity) => frameOf(claimText, q).reference;
export const earlierValue = (claimText: string, q: Quantity) => frameOf(claimText, q).earlier;
export const elapsedTime = (claimText: string, q: Quantity) => frameOf(claimText, q).elapsed;
export const earlierEvent = (claimText: string, q: Quantity) => frameOf(claimText, q).earlierEvent;
export const previousOccurrence = (claimText: string, q: Quantity) => frameOf(claimText, q).previous;
export const conditionalFigure = (claimText: string, q: Quantity) => frameOf(claimText, q).conditional;
export const conditionNear = (claimText: string, q: Quantity) => frameOf(claimText, q).ifNear;
export const differenceOf = (claimText: string, q: Quantity) => frameOf(claimText, q).difference;
export const travelled = (claimText: string, q: Quantity) => frameOf(claimText, q).travel;
export const actOfTimes = (claimText: string, q: Quantity) => frameOf(claimText, q).act;

const ORDINAL_QUARTER: Record<string, string> = { first: 'q1', second: 'q2', third: 'q3', fourth: 'q4' };
const PERIOD_WINDOW = 40;
const PERIOD_MARK =
  /\b(?:((?:19|20)\d\d)|[Qq]([1-4])|(first|second|third|fourth)[ -]quarter|(full[ -]year|fiscal year|for the year|annual)|(the quarter|quarterly))\b/gi;

/** The years, and the quarter or full year, named in the window around a figure: {2020}, {q4}. */
function periodMarks(window: string, q: Quantity): Periods {
  const out = { years: new Set<string>(), parts: new Set<string>() };
  const own = q.text.match(/\d{4}/)?.[0];
  for (const m of window.matchAll(PERIOD_MARK)) {
    if (m[1]) {
      if (m[1] !== own) out.years.add(m[1]);
    } else if (m[2]) out.parts.add(`q${m[2]}`);
    else if (m[3]) out.parts.add(ORDINAL_QUARTER[m[3].toLowerCase()]!);
    else out.parts.add(m[4] ? 'year' : 'q');
  }
  return out;
}

const apart = (x: Set<string>, y: Set<string>) => x.size > 0 && y.size > 0 && ![...x].some((v) => y.has(v));
/** "the quarter" (q) is any of q1–q4; the year is none of them. */
const sameParts = (u: string, v: string) =>
  u === v || (u === 'q' && v[0] === 'q') || (v === 'q' && u[0] === 'q');
const partsApart = (x: Set<string>, y: Set<string>) =>
  x.size > 0 && y.size > 0 && ![...x].some((u) => [...y].some((v) => sameParts(u, v)));

/** Dated to different years, quarters, or a quarter and the full year. */
export const periodsApart = (x: Periods, y: Periods) =>
  apart(x.years, y.years) || partsApart(x.parts, y.parts);

/** Two places, one of which names the other ("Bandar Abbas", "the port of Bandar Abbas"). */
export function samePlace(x: string, y: string): boolean {
  return x === y || x.includes(y) || y.includes(x);
}

export const giverFor = (claimText: string, q: Quantity) => frameOf(claimText, q).giver;
export const recipientFor = (claimText: string, q: Quantity) => frameOf(claimText, q).recipient;
