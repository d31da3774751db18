// Which figures of two claims measure the same thing the same way: the figures no figure rule sets apart
// (figure-rules.ts), then the choice of the pair to compare.

import { comparedAcross } from '../time-units';
import type { Quantity } from '../types';
import { classOf, isDateFamily } from '../unit-class';
import { listedTotal, softConflict } from './bounds';
import { oneCounterpart } from './counterpart';
import { figureRejection, figuresApart } from './figure-rules';
import { informativeAgreement, MAX_CONFLICT_RATIO, overlaps, ratioOf, relativeDifference } from './intervals';
import { frameCloseness } from './local-context';
import { pricesApart, roundedAlike } from './rounding';
import { scaleSlip } from './scale-slip';
import type { ClaimView } from './view';

export interface QuantityPair {
  qa: Quantity;
  qb: Quantity;
  overlap: boolean;
  difference: number;
  /** Why the figures disagree as a reader takes them though their literal intervals overlap (bounds.ts). */
  soft: string | null;
}

/** Rules that choose among the figures that measure the same thing: which pair, if any, is compared. */
export const CHOICE_RULES = {
  uninformative: {
    name: 'uninformative-agreement',
    reason: 'the figures agree only through an open-ended bound far from the other figure',
  },
  roundedAlike: {
    name: 'rounded-alike',
    reason: 'one figure is the other rounded ("600" and "612" killed): they agree (rounding.ts)',
  },
  pragmaticBounds: {
    name: 'pragmatic-bounds',
    reason:
      'two floors, two ceilings or two ranges whose literal intervals overlap but which a reader takes as different figures (bounds.ts): a soft conflict, low severity',
  },
  listedTotal: {
    name: 'listed-total',
    reason:
      'a bound and the part its claim adds to it ("and another 7,000") make the other bound: no soft conflict',
  },
  scaleSlip: {
    name: 'scale-slip',
    reason:
      'the same digits under another scale word ("$1.65 billion" and "$165 million"): one figure with its scale slipped, compared past the ratio cap',
  },
  tooFar: {
    name: 'too-far-apart',
    reason: `the figures are more than ${MAX_CONFLICT_RATIO} times apart: different quantities, not one figure told two ways`,
  },
} as const;

/** The outcome of one figure of b against a's figures: compared with one, or why not. */
export type FigureOutcome =
  | { qb: Quantity; pair: QuantityPair }
  | { qb: Quantity; rejected: { qa: Quantity; rule: string; reason: string }[] };

/** Pairs of quantities that measure the same thing the same way. */
export function comparableQuantities(va: ClaimView, vb: ClaimView): QuantityPair[] {
  const pairs: QuantityPair[] = [];
  for (const qb of vb.sums) {
    const pair = pairFor(va, vb, qb, null);
    if (pair) pairs.push(pair);
  }
  return oneCounterpart(va, vb, pairs);
}

/** For a trail: each figure of b, and the figure of a it is compared with or every rule that said no. */
export function figureOutcomes(va: ClaimView, vb: ClaimView): FigureOutcome[] {
  return vb.sums.map((qb) => {
    const rejected: { qa: Quantity; rule: string; reason: string }[] = [];
    const pair = pairFor(va, vb, qb, rejected);
    return pair ? { qb, pair } : { qb, rejected };
  });
}

/** The figure of a that qb is compared with, or null (`why`, when given, hears every rejection). */
function pairFor(
  va: ClaimView,
  vb: ClaimView,
  qb: Quantity,
  why: { qa: Quantity; rule: string; reason: string }[] | null,
): QuantityPair | null {
  const qsA = va.sums;
  const qsB = vb.sums;
  const options: Quantity[] = [];
  for (const qa of qsA) {
    if (why === null) {
      if (!figuresApart(va, vb, qa, qb)) options.push(inUnitOf(qa, qb));
      continue;
    }
    const rule = figureRejection(va, vb, qa, qb);
    if (rule === null) options.push(inUnitOf(qa, qb));
    else why.push({ qa, rule: rule.name, reason: rule.reason });
  }
  if (options.length === 0) return null;
  // When any of a's quantities agrees with qb, qb is corroborated, whatever the others say.
  // A round figure agrees with the figures that round to it ("600 were killed" and "612 people").
  const agreeing = options.find(
    (qa) =>
      !pricesApart(va, qa, vb, qb) &&
      ((overlaps(qa, qb) && softConflict(qa, qb) === null) || roundedAlike(qa, qb)),
  );
  if (agreeing) {
    if (informativeAgreement(agreeing, qb))
      return { qa: agreeing, qb, overlap: true, difference: 0, soft: null };
    why?.push({
      qa: agreeing,
      rule: CHOICE_RULES.uninformative.name,
      reason: CHOICE_RULES.uninformative.reason,
    });
    return null;
  }
  // Literal intervals that overlap but pragmatic readings that do not ("more than 40" against "more
  // than 59"): a soft conflict, unless the figures are too far apart to be one figure told two ways.
  const bounded = options.find((qa) => overlaps(qa, qb));
  if (bounded) {
    if (ratioOf(bounded, qb) > MAX_CONFLICT_RATIO) {
      why?.push({ qa: bounded, rule: CHOICE_RULES.tooFar.name, reason: CHOICE_RULES.tooFar.reason });
      return null;
    }
    // "At least 15 deaths in Serbia and another five in Bosnia" states "at least 20" in parts.
    if (listedTotal(va.c.text, qsA, bounded, qb) || listedTotal(vb.c.text, qsB, qb, bounded))
      return { qa: bounded, qb, overlap: true, difference: 0, soft: null };
    const soft = softConflict(bounded, qb);
    return { qa: bounded, qb, overlap: false, difference: relativeDifference(bounded, qb), soft };
  }
  // A figure of a that another figure of b agrees with is spoken for: "5.35 % against the label's
  // 5.5 %" and "8.02 % against the label's 5.5 %" differ on 5.35 against 8.02, not 5.5 against 8.02.
  const free = options.filter((qa) => !qsB.some((other) => other !== qb && overlaps(qa, other)));
  // Rule frame-first: the figure whose own words match qb's best ("earnings from continuing operations
  // of $132.4 million" → "earnings from continuing operations were $130.4 million", not "adjusted
  // earnings … $127.1 million"), then the nearest value.
  const closeness = new Map(
    (free.length > 0 ? free : options).map((qa) => [qa, frameCloseness(va.c, qa, vb.c, qb)]),
  );
  const closest = [...closeness.keys()].reduce((best, qa) => {
    const d = closeness.get(qa)! - closeness.get(best)!;
    return d > 0 || (d === 0 && relativeDifference(qa, qb) < relativeDifference(best, qb)) ? qa : best;
  });
  // Outlets that disagree on a figure disagree by a margin; one figure several times the other is a
  // different quantity (a part and its whole, one day and a season, another incident).
  // (Dates are points on a calendar, not amounts: "January" and "May" are no factor apart.)
  // Rule scale-slip: "$1.65 billion" against "$165 million" is one figure with its scale word slipped,
  // the commonest real disagreement of this size: compared, not set apart by the ratio cap.
  // Rule no-change-is-zero: a change of nothing ("no discount") against any change is no matter of scale.
  if (
    !isDateFamily(qb) &&
    ratioOf(closest, qb) > MAX_CONFLICT_RATIO &&
    !scaleSlip(closest, qb) &&
    closest.value !== 0 &&
    qb.value !== 0
  ) {
    why?.push({ qa: closest, rule: CHOICE_RULES.tooFar.name, reason: CHOICE_RULES.tooFar.reason });
    return null;
  }
  return { qa: closest, qb, overlap: false, difference: relativeDifference(closest, qb), soft: null };
}

/** Each figure told in another time unit, by that unit's class key: one copy, so pairs keep one identity. */
const CONVERTED = new WeakMap<Quantity, Map<string, Quantity>>();

/**
 * Rule months-against-years: a duration of qa told in qb's time unit, when the two differ ("about two
 * years" against "roughly 18 months" is 21.6 to 26.4 months against 16.2 to 19.8); qa itself otherwise.
 * The copy keeps qa's words, so the explanation quotes what was written.
 */
function inUnitOf(qa: Quantity, qb: Quantity): Quantity {
  if (qa.unitClass === qb.unitClass) return qa;
  const a = classOf(qa);
  const b = classOf(qb);
  if (a.family !== 'duration' || b.family !== 'duration') return qa;
  const f = comparedAcross(a.unit, b.unit);
  if (f === null) return qa;
  let told = CONVERTED.get(qa);
  if (!told) {
    told = new Map();
    CONVERTED.set(qa, told);
  }
  let q = told.get(qb.unitClass);
  if (!q) {
    q = {
      ...qa,
      value: tidy(qa.value * f),
      low: tidy(qa.low * f),
      high: tidy(qa.high * f),
      unit: b.unit,
      unitClass: qb.unitClass,
    };
    told.set(qb.unitClass, q);
  }
  return q;
}

/** 1.5 × 12 is 18, not 17.999999999999996 (Infinity stays Infinity). */
const tidy = (n: number) => (Number.isFinite(n) ? Number(n.toPrecision(12)) : n);
