// Two claims compared: the decision pipeline from figures to link, each step a named rule. With a trail
// (explain mode) every step that ran is recorded; without one nothing extra is worked out.
import { onePersonsAge } from '../ages';
import { isMarker, isTerm, keyOf } from '../terms';
import type { LinkDraft } from '../types';
import type { Agreement, Voices } from './agreements';
import { figureLink, quoteLink } from './link';
import { comparableQuantities } from './measures';
import { compareQuotes, misattributedQuote } from './quotes';
import { byWeight, MIN_SCORE_ACROSS, MIN_SCORE_WITHIN, similarity } from './similarity';
import { SubjectContext, subjectRejection } from './subject';
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
  let pairs = comparableQuantities(va, vb);
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
  const subject = new SubjectContext(va, vb);
  const why = trail ? subjectTrail(subject, names, trail) : subjectRejection(subject);
  if (why !== null) {
    // Two claims about different events may still give one person's age (see onePersonsAge).
    pairs = pairs.filter((p) => onePersonsAge(a, p.qa, b, p.qb, why.name));
    if (pairs.length === 0) return null;
    trail?.push({
      rule: 'one-persons-age',
      outcome: 'keep',
      detail: `kept despite ${why.name}: ${pairs.map((p) => `"${p.qa.text}" and "${p.qb.text}"`).join(', ')} give one person's age`,
    });
  }
  const sharedNames = byWeight(shared)
    .filter((t) => !isMarker(t))
    .slice(0, 6)
    .map((t) => (isTerm(t, 'entity') ? (names.get(t) ?? keyOf(t)) : t));
  if (quote) return quoteLink(a, b, quote, score, sharedNames);
  return figureLink(va, vb, pairs, score, sharedNames, agreements, voices);
}
