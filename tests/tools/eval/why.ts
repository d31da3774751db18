// Why the detector did or did not link two claims: walks the stages of crossReference for one pair of
// claims (read as POST /api/compare reads two documents) with the core's exported functions, and names
// the first stage that stopped a conflict, or what made one. For `npm run eval:why`; never used by the
// product, and it changes nothing in the core. Where the core's own trail (explainPair) names the rule,
// the stage is that name (`figure:<rule>`, `rule:<rule>`): the names of the rule lists of src/core/crossref.
import {
  crossReference,
  entityNames,
  extractArticle,
  type LinkDraft,
  type Quantity,
  termStatsFrom,
  toMatchable,
} from '../../../src/core';
import { explainPair, overlaps, periodOf, withSums } from '../../../src/core/crossref';
import type { ClaimForMatching, ExtractedArticle } from '../../../src/core/types';

export interface ComparedPair {
  articles: [ExtractedArticle, ExtractedArticle];
  claims: [ClaimForMatching[], ClaimForMatching[]];
  stats: ReturnType<typeof termStatsFrom>;
  names: Map<string, string>;
  links: LinkDraft[];
}

/** Two documents read and cross-referenced exactly as compareDocuments does. */
export function readPair(textA: string, textB: string): ComparedPair {
  const articles: [ExtractedArticle, ExtractedArticle] = [extractArticle(textA), extractArticle(textB)];
  const claims = articles.map((art, i) => {
    const id = i === 0 ? 'a' : 'b';
    return art.claims.map((c) => toMatchable(c, `${id}:${c.position}`, id));
  }) as [ClaimForMatching[], ClaimForMatching[]];
  const incoming = [...claims[0], ...claims[1]];
  const stats = termStatsFrom(incoming);
  const names = entityNames(articles);
  return { articles, claims, stats, names, links: crossReference(incoming, [], stats, names) };
}

// Mirrors the core's too-far-apart figure rule: the largest ratio two reports of one figure can have.
const MAX_CONFLICT_RATIO = 4;

const open = (q: Quantity) => q.high === Number.POSITIVE_INFINITY || (q.low === 0 && q.value > 0);
const ratio = (x: Quantity, y: Quantity) =>
  Math.max(Math.abs(x.value), Math.abs(y.value)) /
  Math.max(1e-9, Math.min(Math.abs(x.value), Math.abs(y.value)));
const interval = (q: Quantity) =>
  `[${q.low}, ${Number.isFinite(q.high) ? q.high : '∞'}]${q.hedge ? ` hedge "${q.hedge}"` : ''}${q.rate ? ` per ${q.rate}` : ''}`;
export const describe = (q: Quantity) =>
  `"${q.text}" = ${q.value} ${q.unit} (class ${q.unitClass || '—'}${q.modifiers.length ? `, modifiers ${q.modifiers.join('/')}` : ''}) ${interval(q)}`;

/** The claim of an article holding a span of its text (a sentence start, a figure's offset). */
export const claimAt = (p: ComparedPair, side: 0 | 1, at: number) =>
  p.claims[side].find((_, i) => {
    const c = p.articles[side].claims[i]!;
    return c.start <= at && at < c.end;
  }) ?? null;

/** A quantity of the claim whose words cover the figure (by value when the text was re-read). */
export function figureIn(c: ClaimForMatching, figure: string, value: number): Quantity | null {
  const words = figure.trim();
  return (
    c.quantities.find((q) => q.text.includes(words) || words.includes(q.text)) ??
    c.quantities.find((q) => q.value === value) ??
    null
  );
}

export interface Verdict {
  /** The stage, as a short machine-readable name. */
  stage: string;
  /** What happened there, in words, with the figures. */
  detail: string;
  relation: LinkDraft['relation'] | null;
}

const linkBetween = (links: LinkDraft[], a: string, b: string) =>
  links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a)) ?? null;

/**
 * Why the pair of claims (a, b) did or did not get a conflict, for figures qa and qb (null when the
 * extractor read no quantity there). The stages follow crossReference: blocking key, comparable
 * measure, interval overlap, ratio, similarity, subject identity, period scope, and the final drop of
 * conflicts another claim of the article answers.
 */
export function why(
  p: ComparedPair,
  a: ClaimForMatching,
  b: ClaimForMatching,
  qa: Quantity | null,
  qb: Quantity | null,
): Verdict {
  const inFull = linkBetween(p.links, a.ref, b.ref);
  if (inFull?.relation === 'conflict')
    return {
      stage: 'conflict',
      detail: `${inFull.explanation.a?.text} vs ${inFull.explanation.b?.text}: ${inFull.explanation.summary}`,
      relation: 'conflict',
    };
  if (!qa || !qb)
    return {
      stage: 'no-quantity',
      detail: `the extractor reads no quantity for the figure in ${!qa && !qb ? 'either sentence' : !qa ? 'sentence A' : 'sentence B'}${qa ? `; A: ${describe(qa)}` : ''}${qb ? `; B: ${describe(qb)}` : ''}`,
      relation: inFull?.relation ?? null,
    };
  const figs = `A ${describe(qa)}; B ${describe(qb)}`;
  if (!qa.unitClass || !qb.unitClass || qa.unitClass !== qb.unitClass)
    return {
      stage: 'unit-class',
      detail: `unit classes differ: ${figs}`,
      relation: inFull?.relation ?? null,
    };
  if (qa.rate !== qb.rate)
    return {
      stage: 'rate',
      detail: `one is a rate, the other not: ${figs}`,
      relation: inFull?.relation ?? null,
    };
  const shared = a.keys.filter((k) => b.keys.includes(k));
  if (shared.length === 0)
    return {
      stage: 'no-shared-key',
      detail: `never compared: no blocking key in common (A ${a.keys.slice(0, 6).join(' ')} | B ${b.keys.slice(0, 6).join(' ')}); ${figs}`,
      relation: null,
    };
  if (overlaps(qa, qb)) {
    const how =
      open(qa) || open(qb) ? 'open bound (floor or ceiling)' : qa.hedge || qb.hedge ? 'hedge' : 'range';
    return {
      stage: `overlap:${how}`,
      detail: `the intervals overlap (${how}): ${figs}`,
      relation: inFull?.relation ?? null,
    };
  }
  if (ratio(qa, qb) > MAX_CONFLICT_RATIO)
    return {
      stage: 'ratio',
      detail: `more than ${MAX_CONFLICT_RATIO}× apart, read as different quantities: ${figs}`,
      relation: inFull?.relation ?? null,
    };
  // The two figures alone (each claim keeping only its figure), with the documents' statistics: what
  // compareClaims makes of them; then the two claims with all their figures.
  const iso =
    crossReference(
      [
        { ...a, quantities: [qa] },
        { ...b, quantities: [qb] },
      ],
      [],
      p.stats,
      p.names,
    )[0] ?? null;
  if (iso?.relation === 'conflict') {
    const alone = crossReference([a, b], [], p.stats, p.names)[0] ?? null;
    if (alone?.relation === 'conflict')
      return {
        stage: 'dropped',
        detail: `a conflict on its own, dropped in the whole comparison: another claim of the other article states the figure (dropContradictedConflicts)${inFull ? `; linked as ${inFull.relation}` : ''}; ${figs}`,
        relation: inFull?.relation ?? null,
      };
    return {
      stage: 'other-figure-agrees',
      detail: `these two figures conflict, but another figure of the two claims agrees (or a listed total), so the pair is ${alone ? alone.relation : 'not linked'}${alone ? ` on ${alone.explanation.a?.text} / ${alone.explanation.b?.text}` : ''}; ${figs}`,
      relation: alone?.relation ?? null,
    };
  }
  if (iso?.relation === 'different_scope')
    return {
      stage: 'period',
      detail: `different periods: ${periodOf(a.text, qa)} vs ${periodOf(b.text, qb)}; ${figs}`,
      relation: 'different_scope',
    };
  // iso is null: the core's own trail of the two figures says which named rule stopped them (a figure
  // rule of measures.ts, the similarity threshold, or a subject rule of subject.ts).
  const trail = explainPair({ ...a, quantities: [qa] }, { ...b, quantities: [qb] }, p.stats, p.names);
  const figureRule =
    trail.decidedBy === 'no-comparable-figures' ? /: ([a-z-]+) \(/.exec(trail.verdict)?.[1] : null;
  const sums = withSums(a).length + withSums(b).length > a.quantities.length + b.quantities.length;
  return {
    stage: figureRule ? `figure:${figureRule}` : `rule:${trail.decidedBy}`,
    detail: `${trail.verdict}${sums ? ' (a listed total is involved)' : ''}; ${figs}`,
    relation: null,
  };
}

/** How far down crossReference a verdict's pair of figures got: the later the stage, the nearer a conflict. */
const PROGRESS: [RegExp, number][] = [
  [/^no-quantity/, 0],
  [/^(unit-class|rate)$/, 1],
  [/^no-shared-key$/, 2],
  [/^(overlap|ratio)/, 3],
  [/^figure:/, 4],
  [/^rule:too-little-in-common$/, 5],
  [/^rule:/, 6],
  [/^period$/, 7],
  [/^other-figure-agrees$/, 8],
  [/^dropped$/, 9],
  [/^conflict$/, 10],
];
export const progressOf = (v: Verdict) => PROGRESS.find(([re]) => re.test(v.stage))?.[1] ?? 0;

/**
 * The verdict for the labelled figures, unless another pair of figures of the same kind in the same
 * two claims got further (the labelled pair may be the wrong two of a sentence's figures: "$184 million
 * or $23 million per season"); the furthest is what stopped the conflict.
 */
export function furthest(
  p: ComparedPair,
  a: ClaimForMatching,
  b: ClaimForMatching,
  qa: Quantity | null,
  qb: Quantity | null,
): Verdict {
  let best = why(p, a, b, qa, qb);
  for (const x of a.quantities)
    for (const y of b.quantities) {
      if (x === qa && y === qb) continue;
      if (x.unitClass !== y.unitClass && x.value !== (qa?.value ?? Number.NaN)) continue;
      const v = why(p, a, b, x, y);
      if (progressOf(v) > progressOf(best))
        best = { ...v, detail: `${v.detail} [other figures of the pair]` };
    }
  return best;
}
