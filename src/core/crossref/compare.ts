// Two claims compared: the decision pipeline from figures to link, each step a named rule. With a trail
// (explain mode) every step that ran is recorded; without one nothing extra is worked out.
import { ANOTHER_TIME, onePersonsAge } from '../ages';
import { storyFigureKey } from '../story';
import { isMarker, isTerm, keyOf, term } from '../terms';
import type { LinkDraft, Quantity } from '../types';
import { classOf, isDateFamily } from '../unit-class';
import type { Agreement, Voices } from './agreements';
import { onePlacesDistance } from './fixed-distance';
import { earlierValue, quarterOf } from './frame';
import { figureLink, quoteLink } from './link';
import { comparableQuantities, type QuantityPair } from './measures';
import { compareQuotes, misattributedQuote } from './quotes';
import { byWeight, MIN_SCORE_ACROSS, MIN_SCORE_WITHIN, similarity } from './similarity';
import { SUBJECT_RULES, SubjectContext, subjectRejection } from './subject';
import { figuresStep, type Names, similarityStep, subjectTrail, type TrailStep } from './trail';
import type { ClaimView } from './view';

export function compareClaims(
  va: ClaimView,
  vb: ClaimView,
  idf: (t: string) => number,
  names: Names,
  agreements: Agreement[] = [],
  voices: Voices = new Map(),
  trail?: TrailStep[],
): LinkDraft | null {
  const a = va.c;
  const b = vb.c;
  let pairs = datesWithAgreeingRest(comparableQuantities(va, vb), va, vb);
  const quote = pairs.length === 0 ? compareQuotes(a, b) : null;
  if (trail) trail.push(figuresStep(va, vb, pairs, quote));
  if (pairs.length === 0 && !quote) return null;
  const { score, shared } = similarity(va, vb, idf);
  // One quote under two names: the people differ by construction, so no subject test applies.
  if (quote?.otherSpeaker) return misattributedQuote(a, b, quote, score);
  // Too little in common is no link whatever the subject test says: asked first, as it is cheaper.
  const threshold = a.article === b.article ? MIN_SCORE_WITHIN : MIN_SCORE_ACROSS;
  if (trail) trail.push(similarityStep(score, threshold, a.article === b.article));
  if (score < threshold) return null;
  const subject = new SubjectContext(
    va,
    vb,
    claimedTimes(pairs),
    pairs.map((p) => [p.qa, p.qb] as const),
  );
  const why = trail ? subjectTrail(subject, names, trail) : subjectRejection(subject);
  if (why !== null) {
    // Two claims about different events may still give one person's age (see onePersonsAge).
    // Whatever rule rejected first, one that shows another time (ANOTHER_TIME) keeps a person's two
    // ages apart: asked only of a pair that has two ages.
    const another =
      pairs.some((p) => p.qa.unitClass === 'age' && p.qb.unitClass === 'age') &&
      TIME_RULES.some((r) => !(r.skipsRetold && subject.retold) && r.rejects(subject));
    const ages = pairs.filter((p) => onePersonsAge(a, p.qa, b, p.qb, why.name, another));
    // A distance between two fixed places is theirs whatever event a report tells (fixed-distance.ts).
    pairs = ages.length > 0 ? ages : pairs.filter((p) => onePlacesDistance(a, p.qa, b, p.qb));
    if (pairs.length === 0) return null;
    trail?.push({
      rule: ages.length > 0 ? 'one-persons-age' : 'one-places-distance',
      outcome: 'keep',
      detail: `kept despite ${why.name}: ${pairs.map((p) => `"${p.qa.text}" and "${p.qb.text}"`).join(', ')} give ${ages.length > 0 ? "one person's age" : 'the distance between two fixed places'}`,
    });
  }
  const sharedNames = byWeight(shared)
    .filter((t) => !isMarker(t))
    .slice(0, 6)
    .map((t) => (isTerm(t, 'entity') ? (names.get(t) ?? keyOf(t)) : t));
  if (quote) return quoteLink(a, b, quote, score, sharedNames);
  return figureLink(va, vb, pairs, score, sharedNames, agreements, voices);
}

const TIME_RULES = SUBJECT_RULES.filter((r) => ANOTHER_TIME.has(r.name));

/**
 * Rule date-needs-agreeing-rest: a date is a claim only about an event the two sentences otherwise
 * tell alike. Where another figure of the pair differs ("$5 million in 2019" against "$7 million in
 * 2020") the dates are the figures' periods, two facts, and are not compared; so too where both
 * sentences state other figures and none of them agree ("$0.29 in the third quarter of 2019" against
 * "up 17% in the third quarter of 2020"): nothing shows the two dates date one event.
 */
export function datesWithAgreeingRest(pairs: QuantityPair[], va: ClaimView, vb: ClaimView): QuantityPair[] {
  if (!pairs.some((p) => isDateFamily(p.qa))) return pairs;
  const rest = pairs.filter((p) => !isDateFamily(p.qa));
  // Rule spoken-for-rest: a disagreement whose figure agrees with another figure of the pair joins two
  // facts by value alone ("$1.67 billion in the prior year" against the "$441 million" of the quarter,
  // when both sentences state "$1.67 billion"): it says nothing against the rest agreeing.
  const spoken = new Set(rest.filter((p) => p.overlap).flatMap((p) => [p.qa, p.qb]));
  const told = rest.filter(
    (p) => p.overlap || !(spoken.has(p.qa) || spoken.has(p.qb) || statedElsewhere(p, va, vb)),
  );
  const agreeing = told.some((p) => p.overlap);
  // A change of nothing ("they have no discounts", no-change-is-zero) is no figure the dates could be periods of.
  const bare = (v: ClaimView) => v.c.quantities.every((q) => isDateFamily(q) || q.value === 0);
  if (told.every((p) => p.overlap) && (agreeing || bare(va) || bare(vb)) && !periods(va) && !periods(vb))
    return pairs;
  return rest;
}

/**
 * Rule stated-elsewhere: a figure of one sentence that the other article states in another sentence
 * ("consolidated sales were $441 million" in the document, "sales increased to $441 million, with a
 * projected sales forecast for 2020 …" in the summary) is accounted for there: its disagreement with a
 * third figure of this pair ("$1.67 billion in the prior year") joins two facts, and says nothing
 * against the rest of the pair agreeing.
 */
export function statedElsewhere(p: QuantityPair, va: ClaimView, vb: ClaimView): boolean {
  const told = (q: Quantity, other: ClaimView) => {
    const k = storyFigureKey(q);
    return k !== null && other.story.figures.has(term('story-figure', k));
  };
  return told(p.qb, va) || told(p.qa, vb);
}

/**
 * A sentence that dates things to different times of one kind ("$2.09 billion for the third quarter of
 * 2020, down 22.4% from the third quarter of 2019") compares periods: its dates are its figures'
 * periods, not a claim about when one thing happened. Rule moments-not-periods: calendar dates only. A
 * time of day is the moment of an act, never the span a figure covers: "departing at 1:34 PM, reaching
 * Bedford at 7:55 PM" tells two moments, each a claim of its own.
 */
function periods(v: ClaimView): boolean {
  const seen = new Map<string, number>();
  for (const q of v.c.quantities) {
    if (classOf(q).family !== 'date') continue;
    // Rule quarter-of-a-year: the base of a comparison ("compared to the third quarter of 2019") is
    // compared only with another base (earlier-value), and years of different quarters ("$1.30 to
    // $1.40 for Q4 2019 … net sales for Q3 2020") date two figures, not one figure's two periods: each
    // is compared with the year of its own quarter.
    if (earlierValue(v.c.text, q)) continue;
    const key = `${q.unitClass}|${quarterOf(v.c.text, q) ?? ''}`;
    const other = seen.get(key);
    if (other !== undefined && other !== q.value) return true;
    seen.set(key, q.value);
  }
  return false;
}

/** The years and months compared as figures, as the bare terms the subject rules know ("2023", "jul"). */
function claimedTimes(pairs: QuantityPair[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const p of pairs) {
    if (!isDateFamily(p.qa)) continue;
    for (const q of [p.qa, p.qb]) {
      const u = classOf(q);
      if (u.family !== 'date') continue;
      if (u.unit === 'year') out.add(String(q.value));
      else if (u.unit === 'month') out.add(q.text.slice(0, 3).toLowerCase());
    }
  }
  return out;
}
