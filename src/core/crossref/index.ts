// Cross-referencing: find claims about the same thing through the blocking keys, then decide whether
// their numbers agree (intervals overlap) or conflict (they do not), and say why. The rules, in the
// order they run, are listed in docs/detection.md.
import type { ClaimForMatching, LinkDraft, TermStats } from '../types';
import { type Agreement, dropContradictedConflicts, type Voices } from './agreements';
import { blockingRejection, blocksOf, forEachCandidate } from './blocking';
import { compareClaims } from './compare';
import { idfFor } from './similarity';
import { conclude, type Names, type PairTrail, type TrailStep } from './trail';
import { ClaimView } from './view';

export { oneEditApart } from '../entities';
export { describeInterval } from './explain';
export { FIGURE_RULES } from './figure-rules';
export { overlaps } from './intervals';
export { localContext, periodOf } from './local-context';
export { countedNames } from './names';
export { type CrossReferencePart, crossReferencePart, joinParts, type LinkPart } from './parts';
export { contextSimilarity, termStatsFrom, weightedTerms } from './similarity';
export { differentSubject, SUBJECT_RULES, sameSubject } from './subject';
export { withSums } from './sums';
export { type PairTrail, PIPELINE_RULES, RULE_NAMES, type TrailStep } from './trail';

/**
 * Links between the incoming claims (among themselves, within and across articles) and between
 * incoming and stored claims. Stored claims are assumed already cross-referenced with each other.
 * `names` maps entity keys to display names for explanations.
 */
export function crossReference(
  incoming: ClaimForMatching[],
  stored: ClaimForMatching[],
  stats: TermStats,
  names: Names = new Map(),
): LinkDraft[] {
  return run(incoming, stored, stats, names, null).links;
}

/**
 * crossReference, plus the trail of every pair compared in which a claim `focus` accepts takes part:
 * the same links, and for each such pair the rules that ran and the one that decided.
 */
export function crossReferenceExplained(
  incoming: ClaimForMatching[],
  stored: ClaimForMatching[],
  stats: TermStats,
  names: Names,
  focus: (ref: string) => boolean,
): { links: LinkDraft[]; trails: PairTrail[] } {
  return run(incoming, stored, stats, names, focus);
}

function run(
  incoming: ClaimForMatching[],
  stored: ClaimForMatching[],
  stats: TermStats,
  names: Names,
  focus: ((ref: string) => boolean) | null,
): { links: LinkDraft[]; trails: PairTrail[] } {
  const links: LinkDraft[] = [];
  const agreements: Agreement[] = [];
  const voices: Voices = new Map();
  const idf = idfFor(stats);
  const trails: { a: string; b: string; steps: TrailStep[]; link: LinkDraft | null }[] = [];
  forEachCandidate(blocksOf(incoming, stored), incoming.length, (a, b, key) => {
    if (focus === null || !(focus(a.c.ref) || focus(b.c.ref))) {
      const link = compareClaims(a, b, idf, names, agreements, voices);
      if (link) links.push(link);
      return;
    }
    const steps: TrailStep[] = [{ rule: 'no-shared-key', outcome: 'pass', detail: `both under ${key}` }];
    const link = compareClaims(a, b, idf, names, agreements, voices, steps);
    if (link) links.push(link);
    trails.push({ a: a.c.ref, b: b.c.ref, steps, link });
  });
  const kept = dropContradictedConflicts(links, agreements, voices);
  if (focus === null) return { links: kept, trails: [] };
  const survived = new Set(kept);
  return {
    links: kept,
    trails: trails.map((t) => {
      if (t.link && !survived.has(t.link)) {
        t.steps.push({
          rule: 'agreed-elsewhere',
          outcome: 'reject',
          detail: `"${t.link.explanation.a?.text}" against "${t.link.explanation.b?.text}" was a conflict, but one of the articles states the other's figure elsewhere`,
        });
        return conclude(t.a, t.b, t.steps, null);
      }
      return conclude(t.a, t.b, t.steps, t.link);
    }),
  };
}

/**
 * The trail of any two claims, compared or not: whether blocking lets them meet, then every rule the
 * cross-referencer runs on them. `blockSize` says how many claims share a key (an archive's counts);
 * without it no key counts as crowded. A conflict the rest of an article answers (agreed-elsewhere)
 * needs the whole comparison: crossReferenceExplained says so.
 */
export function explainPair(
  a: ClaimForMatching,
  b: ClaimForMatching,
  stats: TermStats,
  names: Names = new Map(),
  blockSize: (key: string) => number = () => 0,
): PairTrail {
  const blocking = blockingRejection(a, b, blockSize);
  if (blocking.rule !== null)
    return conclude(
      a.ref,
      b.ref,
      [{ rule: blocking.rule, outcome: 'reject', detail: blocking.detail }],
      null,
    );
  const steps: TrailStep[] = [
    { rule: 'no-shared-key', outcome: 'pass', detail: `both under ${blocking.key}` },
  ];
  const link = compareClaims(new ClaimView(a), new ClaimView(b), idfFor(stats), names, [], new Map(), steps);
  return conclude(a.ref, b.ref, steps, link);
}
