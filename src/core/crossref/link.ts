// A link between two claims that passed every rule: which figures it sets side by side, its relation
// (conflict, corroboration, different periods), severity and explanation.
import type { ClaimForMatching, Explanation, LinkDraft, Quantity, Relation } from '../types';
import { isDateFamily } from '../unit-class';
import type { Agreement, ConflictSide, Voices } from './agreements';
import { statedElsewhere } from './compare';
import { round, side, summarize } from './explain';
import { open } from './intervals';
import { frameCloseness, periodOf } from './local-context';
import type { QuantityPair } from './measures';
import type { QuoteMatch } from './quotes';
import { edgeGap, severityOf } from './severity';
import { LISTED, SUM } from './sums';
import type { ClaimView } from './view';

/** One speaker quoted with different words in two sources: a low quote_differs link. */
export function quoteLink(
  a: ClaimForMatching,
  b: ClaimForMatching,
  quote: QuoteMatch,
  score: number,
  sharedNames: string[],
): LinkDraft {
  return {
    a: a.ref,
    b: b.ref,
    relation: 'quote_differs',
    score: round(score),
    severity: 'low',
    explanation: {
      summary: `Both quote ${quote.speaker} but with different words (${Math.round(quote.similarity * 100)}% of words shared).`,
      unitClass: null,
      a: null,
      b: null,
      sharedTerms: sharedNames,
      gap: null,
    },
  };
}

/** The link two claims' comparable figures make, recording the figures they agree on in `agreements`. */
export function figureLink(
  va: ClaimView,
  vb: ClaimView,
  pairs: QuantityPair[],
  score: number,
  sharedNames: string[],
  agreements: Agreement[],
  voices: Voices,
): LinkDraft {
  const a = va.c;
  const b = vb.c;
  for (const p of pairs) {
    // Only a figure stated as a closed interval answers a conflict: "at least $160 million" admits
    // "$208 million" without saying it ("over $2.6 million" against "$3.9m"). A bound stated alike
    // ("at least $6" and "at least $6") is one figure told alike, and answers as any other.
    if (!p.overlap || ((open(p.qa) || open(p.qb)) && !statedAlike(p.qa, p.qb))) continue;
    const closeness = frameCloseness(a, p.qa, b, p.qb);
    agreements.push({
      claim: a.ref,
      text: p.qa.text,
      article: b.article,
      voice: vb.voice(p.qb),
      closeness,
      sources: vb.sources,
    });
    agreements.push({
      claim: b.ref,
      text: p.qb.text,
      article: a.article,
      voice: va.voice(p.qa),
      closeness,
      sources: va.sources,
    });
  }
  // A total conflicts only where nothing else of the two claims agrees: "45 police" against "100
  // Iranians, 45 police" is one agreeing figure, not a disagreement with the total.
  const isSum = (p: QuantityPair) => p.qa.modifiers.includes(SUM) || p.qb.modifiers.includes(SUM);
  const anyAgreement = pairs.some((p) => p.overlap);
  // A group of a list against a figure its list's total agrees with is answered by that total: "two
  // women" of "two women and a man" against "at least three people". (Not against another group:
  // "12 women" against "17 women" still conflict.)
  const totalAgrees = (group: Quantity, other: Quantity) =>
    group.modifiers.includes(LISTED) &&
    pairs.some(
      (t) =>
        t.overlap &&
        (t.qa.modifiers.includes(SUM) ? t.qb === other : t.qa === other && t.qb.modifiers.includes(SUM)),
    );
  const answered = (p: QuantityPair) => totalAgrees(p.qa, p.qb) || totalAgrees(p.qb, p.qa);
  // A hard conflict (literal intervals apart) before a soft one (bounds.ts), then the widest gap.
  const conflicts = pairs
    .filter((p) => !p.overlap && !(anyAgreement && isSum(p)) && !answered(p))
    .sort(
      (x, y) =>
        Number(x.soft !== null) - Number(y.soft !== null) ||
        Number(statedElsewhere(x, va, vb)) - Number(statedElsewhere(y, va, vb)) ||
        y.difference - x.difference,
    );
  // With no conflict left, the link shows a pair that agrees (not a group its list's total answers).
  const shown = pairs.find((p) => p.overlap) ?? pairs[0]!;
  const link = linkOn(va, vb, conflicts[0] ?? null, shown, score, sharedNames);
  // Rule other-conflict-stands: the other conflicting pairs, in the same order, for when the first is
  // answered elsewhere (agreements.ts).
  const sharedSources = va.sources.filter((t) => vb.sources.includes(t));
  const sideOf = (p: QuantityPair): ConflictSide => ({
    voices: [va.voice(p.qa), vb.voice(p.qb), a.article, b.article],
    closeness: frameCloseness(a, p.qa, b, p.qb),
    texts: [p.qa.text, p.qb.text],
    sharedSources,
  });
  const chosen = conflicts[0] ?? shown;
  const spoken = new Set(pairs.filter((p) => p.overlap).flatMap((p) => [p.qa, p.qb]));
  voices.set(link, {
    ...sideOf(chosen),
    // A figure that agrees with another figure of the other claim is spoken for: its disagreement
    // with a third figure ("$ 80 million contract" against "$ 82 million", where the other sentence
    // also says "$ 80 million") pairs two facts, and never stands in for the answered conflict.
    others: conflicts
      .slice(1)
      .filter((p) => !spoken.has(p.qa) && !spoken.has(p.qb))
      .map((p) => ({
        ...sideOf(p),
        relink: () => linkOn(va, vb, p, p, score, sharedNames),
      })),
  });
  return link;
}

/** Two figures stated with the same interval and the same hedge ("at least $6" twice). */
const statedAlike = (x: Quantity, y: Quantity) =>
  x.low === y.low && x.high === y.high && x.hedge === y.hedge && x.unitClass === y.unitClass;

/** The link made on one pair of figures: `conflict` when they disagree, else `chosen` corroborates. */
function linkOn(
  va: ClaimView,
  vb: ClaimView,
  conflict: QuantityPair | null,
  first: QuantityPair,
  score: number,
  sharedNames: string[],
): LinkDraft {
  const a = va.c;
  const b = vb.c;
  const chosen = conflict ?? first;
  // Different periods ("in September" against "this year"): related figures, not a disagreement.
  const scopes = conflict ? [periodOf(a.text, conflict.qa), periodOf(b.text, conflict.qb)] : [null, null];
  // (A date's own month is the figure in dispute, not its period.)
  const scoped =
    scopes[0] !== null && scopes[1] !== null && scopes[0] !== scopes[1] && !isDateFamily(conflict!.qa);
  const relation: Relation = conflict ? (scoped ? 'different_scope' : 'conflict') : 'corroboration';
  const severity =
    conflict && !scoped ? severityOf(conflict.qa, conflict.qb, score, conflict.soft !== null) : 'low';
  const sideA = side(a.ref, chosen.qa);
  const sideB = side(b.ref, chosen.qb);
  const explanation: Explanation = {
    summary: scoped
      ? `One source says "${sideA.text}" for ${scopes[0]}, the other "${sideB.text}" for ${scopes[1]}: different periods, so not compared as a disagreement.`
      : summarize(relation, sideA, sideB, sharedNames, a.article === b.article, conflict?.soft ?? null),
    unitClass: chosen.qa.unitClass,
    a: sideA,
    b: sideB,
    sharedTerms: sharedNames,
    // For a disagreement, the gap between the ranges' nearest edges (severity.ts); 0 when they agree.
    gap:
      conflict && conflict.soft === null
        ? round(edgeGap(chosen.qa, chosen.qb).gap)
        : round(chosen.difference),
  };
  return { a: a.ref, b: b.ref, relation, score: round(score), severity, explanation };
}
