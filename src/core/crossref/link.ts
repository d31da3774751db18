// A link between two claims that passed every rule: which figures it sets side by side, its relation
// (conflict, corroboration, different periods), severity and explanation.

import type { ClaimForMatching, Explanation, LinkDraft, Relation } from '../types';
import { isDateFamily } from '../unit-class';
import type { Agreement, Voices } from './agreements';
import { round, side, summarize } from './explain';
import { open } from './intervals';
import { frameCloseness, periodOf } from './local-context';
import type { QuantityPair } from './measures';
import type { QuoteMatch } from './quotes';
import { edgeGap, severityOf } from './severity';
import { SUM } from './sums';
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
    // "$208 million" without saying it ("over $2.6 million" against "$3.9m").
    if (!p.overlap || open(p.qa) || open(p.qb)) continue;
    const closeness = frameCloseness(a, p.qa, b, p.qb);
    agreements.push({
      claim: a.ref,
      text: p.qa.text,
      article: b.article,
      voice: vb.voice(p.qb),
      closeness,
    });
    agreements.push({
      claim: b.ref,
      text: p.qb.text,
      article: a.article,
      voice: va.voice(p.qa),
      closeness,
    });
  }
  // A total conflicts only where nothing else of the two claims agrees: "45 police" against "100
  // Iranians, 45 police" is one agreeing figure, not a disagreement with the total.
  const isSum = (p: QuantityPair) => p.qa.modifiers.includes(SUM) || p.qb.modifiers.includes(SUM);
  const anyAgreement = pairs.some((p) => p.overlap);
  // A hard conflict (literal intervals apart) before a soft one (bounds.ts), then the widest gap.
  const conflict = pairs
    .filter((p) => !p.overlap && !(anyAgreement && isSum(p)))
    .sort((x, y) => Number(x.soft !== null) - Number(y.soft !== null) || y.difference - x.difference)[0];
  const chosen = conflict ?? pairs[0]!;
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
  const link: LinkDraft = { a: a.ref, b: b.ref, relation, score: round(score), severity, explanation };
  voices.set(link, {
    voices: [va.voice(chosen.qa), vb.voice(chosen.qb), a.article, b.article],
    closeness: frameCloseness(a, chosen.qa, b, chosen.qb),
  });
  return link;
}
