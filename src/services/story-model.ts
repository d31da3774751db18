// Stories as a reader sees them (pure): which articles form which story, and what a story page shows —
// each fact with every outlet's figure, and how often each pair of outlets agrees or disagrees.
// No I/O: src/services/story-upkeep.ts and stories.ts read and write, views/ draw.

import type { Pair, PairEvidence } from '../../db/queries/stories';
import type { OutletPairCount, StoryFactHead, StoryFactsRead } from '../../db/queries/story-page';
import { agreementGroups } from './fact-model';

export type { OutletPairCount, StoryArticle, StoryFactsRead } from '../../db/queries/story-page';

/**
 * Whether two articles a fact links are about one event: they name a common entity, and either share
 * two or more facts, or a part of the entities they name (Jaccard over all the entities either names)
 * that depends on whether they agree on the fact they share: STORY_ENTITY_OVERLAP when they agree on
 * a figure that tells a story (`agreed`: not a date, nor a small count like "five people"), twice as
 * much when they only dispute it or agree on a small count. Two incidents of one kind in one place
 * share names (Athens, Greece, the EU) and give different figures, or agree only on a count any two
 * incidents have: one riot's "five young men" and a bank fire's "five people" chained the Athens riots
 * of 2008 with the bank firebombing of 2010. Two reports of one incident mostly agree on something
 * they share. On the ECB+ dev articles (`npm run eval:stories`): stories mixing incidents 3 → 2,
 * pairwise precision 89.0 → 95.6 %, same-incident pairs kept together 54.3 → 48.6 % (F1 0.675 →
 * 0.645): a story that mixes two incidents misleads its reader, one split in two only shows less.
 */
export function isStoryEdge(p: Omit<PairEvidence, 'a' | 'b'>): boolean {
  if (p.shared < 1) return false;
  if (p.facts >= 2) return true;
  const union = p.entitiesA + p.entitiesB - p.shared;
  if (union <= 0) return false;
  const share = p.shared / union;
  return share >= (p.agreed >= 1 ? STORY_ENTITY_OVERLAP : STORY_ENTITY_OVERLAP_DISPUTED);
}

/**
 * The share of named entities two articles with one fact in common, agreeing on a telling figure of
 * it, must share to be one story. Chosen on the ECB+ dev articles (`npm run eval:stories`, its first
 * threshold table): of the thresholds keeping pairwise precision of "same story" at 95 % or more, the
 * one with the best F1 (0.10 gives 93.6 %).
 */
export const STORY_ENTITY_OVERLAP = 0.15;

/**
 * The share they must share when they do not agree on a telling figure of the one fact they share
 * (they dispute it, or agree on a date or a small count). Chosen like STORY_ENTITY_OVERLAP, on the
 * eval's second table: 0.15–0.25 keep the Athens riots and firebombing together (precision 89 %),
 * 0.3 separates them (95.6 %, F1 0.645), higher ones lose more same-incident pairs.
 */
export const STORY_ENTITY_OVERLAP_DISPUTED = 0.3;

/** The story edges among article pairs a fact links. */
export function storyEdges(pairs: readonly PairEvidence[]): Pair[] {
  return pairs.filter(isStoryEdge).map((p) => [p.a, p.b] as const);
}

/**
 * Connected components over article pairs (story edges: `isStoryEdge`), each
 * with the story id it keeps: the smallest story id it owns (a merge keeps the older story). A story
 * id is owned by the component holding the article of that id, or, when that article is gone, by the
 * first component carrying it; other parts are named after their smallest article. An article left
 * alone belongs to no story (null). Returns only the articles whose story changes.
 */
export function storyAssignments(
  articles: ReadonlyMap<number, number | null>,
  pairs: readonly (readonly [number, number])[],
): Map<number, number | null> {
  const parent = new Map<number, number>([...articles.keys()].map((a) => [a, a]));
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as number;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const byRoot = new Map<number, number[]>();
  for (const a of [...articles.keys()].sort((x, y) => x - y)) {
    const list = byRoot.get(find(a)) ?? [];
    list.push(a);
    byRoot.set(find(a), list);
  }
  const parts = [...byRoot.values()].filter((p) => p.length > 1);
  const partOf = new Map<number, number>();
  parts.forEach((p, i) => {
    for (const a of p) partOf.set(a, i);
  });
  const carried = parts.map(
    (p) => new Set(p.flatMap((a) => (articles.get(a) == null ? [] : [articles.get(a) as number]))),
  );
  const owner = new Map<number, number>();
  carried.forEach((ids, i) => {
    for (const s of ids) {
      const home = partOf.get(s);
      if (home !== undefined && carried[home]?.has(s)) owner.set(s, home);
      else if (!owner.has(s)) owner.set(s, i);
    }
  });
  const taken = new Set(owner.keys());
  const out = new Map<number, number | null>();
  for (const [a, s] of articles) if (!partOf.has(a) && s !== null) out.set(a, null);
  parts.forEach((p, i) => {
    const owned = [...(carried[i] ?? [])].filter((s) => owner.get(s) === i);
    const fresh = p.filter((a) => !taken.has(a));
    const story = owned.length ? Math.min(...owned) : (fresh[0] ?? (p[0] as number));
    taken.add(story);
    for (const a of p) if (articles.get(a) !== story) out.set(a, story);
  });
  return out;
}

/** One figure as an outlet states it for a fact: its words, its group, a claim stating it, and how many do. */
export interface StoryFigure {
  text: string;
  group: number;
  claimId: number;
  claims: number;
}

/** The most distinct figures one outlet's cell lists for one fact. */
export const FIGURES_PER_CELL = 3;

/** One fact of a story: per outlet, the figures its articles give, with their agreement group. */
export interface StoryFact {
  id: number;
  unit: string;
  /**
   * Outlet → its distinct figures for this fact (a figure's group: figures that agree share one), the
   * most stated first, at most FIGURES_PER_CELL.
   */
  figures: Map<string, StoryFigure[]>;
  /** Outlet → how many more distinct figures it gives than `figures` lists (the fact page has them all). */
  more: Record<string, number>;
  conflicts: number;
  openConflicts: number;
  groups: number;
}

/** Agree and disagree counts for one pair of outlets (a ≤ b by name; a = b: an outlet with itself). */
export interface OutletPair {
  a: string;
  b: string;
  agree: number;
  disagree: number;
  /** The heat map's shade, 0 (all agree) … 4 (all disagree): the share of their figures that disagree. */
  shade: number;
}

/**
 * Each fact of one page of a story (`heads`: its conflict counts, from the page read), from its claims
 * in the story and the pairs of them that agree (`read`: what readStoryPage read for them).
 */
export function storyFacts(heads: readonly StoryFactHead[], read: StoryFactsRead): StoryFact[] {
  const claimsOf = new Map<number, StoryFactsRead['claims']>();
  for (const c of read.claims) {
    const list = claimsOf.get(c.factId);
    if (list) list.push(c);
    else claimsOf.set(c.factId, [c]);
  }
  const agreementsOf = new Map<number, { claimA: number; claimB: number; relation: string }[]>();
  for (const a of read.agreements) {
    const link = { claimA: a.claimA, claimB: a.claimB, relation: 'corroboration' };
    const list = agreementsOf.get(a.factId);
    if (list) list.push(link);
    else agreementsOf.set(a.factId, [link]);
  }
  return heads.flatMap((head): StoryFact[] => {
    const own = (claimsOf.get(head.factId) ?? []).slice().sort((x, y) => x.claimId - y.claimId);
    if (own.length === 0) return [];
    const groups = agreementGroups(
      own.map((c) => c.claimId),
      agreementsOf.get(head.factId) ?? [],
    );
    // Per outlet its distinct figures (as written, and in which group), the most stated first, at
    // most FIGURES_PER_CELL: a story copied round after round states one figure hundreds of times.
    const stated = new Map<string, Map<string, StoryFigure>>();
    for (const c of own) {
      const group = groups.get(c.claimId) ?? 0;
      const figures = stated.get(c.outlet) ?? new Map<string, StoryFigure>();
      const key = JSON.stringify([c.text, group]);
      const f = figures.get(key);
      if (f) f.claims++;
      else figures.set(key, { text: c.text, group, claimId: c.claimId, claims: 1 });
      stated.set(c.outlet, figures);
    }
    const figures = new Map<string, StoryFigure[]>();
    const more: Record<string, number> = {};
    for (const [outlet, byText] of stated) {
      const list = [...byText.values()].sort((x, y) => y.claims - x.claims || x.claimId - y.claimId);
      figures.set(outlet, list.slice(0, FIGURES_PER_CELL));
      if (list.length > FIGURES_PER_CELL) more[outlet] = list.length - FIGURES_PER_CELL;
    }
    return [
      {
        id: head.factId,
        unit: read.units.get(head.factId) ?? '',
        figures,
        more,
        conflicts: head.conflicts,
        openConflicts: head.openConflicts,
        groups: new Set(groups.values()).size,
      },
    ];
  });
}

/** Per pair of outlets (a ≤ b by name), agree and disagree counts summed over both orders. */
export function outletPairs(counts: readonly OutletPairCount[]): OutletPair[] {
  const pairs = new Map<string, OutletPair>();
  for (const c of counts) {
    const [a, b] = c.a <= c.b ? [c.a, c.b] : [c.b, c.a];
    const key = JSON.stringify([a, b]);
    const p = pairs.get(key) ?? { a, b, agree: 0, disagree: 0, shade: 0 };
    p.agree += c.agree;
    p.disagree += c.disagree;
    pairs.set(key, p);
  }
  return [...pairs.values()].map((p) => ({ ...p, shade: disagreementShade(p) }));
}

/** The heat map as drawn: at most `max` outlets, the rest folded into one row and column. */
export interface OutletMatrix {
  /** Row and column heads: the kept outlets in order of first report, then the folded ones' label. */
  outlets: string[];
  pairs: OutletPair[];
  /** How many outlets the last row and column fold together (0: none). */
  folded: number;
}

/**
 * The agreement matrix kept readable however many outlets a story has: the `max` outlets with the most
 * figures compared keep their row and column (in order of first report); the others are summed into
 * one "N other outlets" row and column. Every count is kept, only grouped.
 */
export function outletMatrix(
  outlets: readonly string[],
  pairs: readonly OutletPair[],
  max = 12,
): OutletMatrix {
  if (outlets.length <= max) return { outlets: [...outlets], pairs: [...pairs], folded: 0 };
  const weight = new Map<string, number>();
  for (const p of pairs) {
    const n = p.agree + p.disagree;
    weight.set(p.a, (weight.get(p.a) ?? 0) + n);
    if (p.b !== p.a) weight.set(p.b, (weight.get(p.b) ?? 0) + n);
  }
  const order = new Map(outlets.map((o, i) => [o, i]));
  const kept = new Set(
    [...outlets]
      .sort(
        (x, y) => (weight.get(y) ?? 0) - (weight.get(x) ?? 0) || (order.get(x) ?? 0) - (order.get(y) ?? 0),
      )
      .slice(0, max),
  );
  const folded = outlets.length - kept.size;
  const other = `${folded} other ${folded === 1 ? 'outlet' : 'outlets'}`;
  const label = (o: string) => (kept.has(o) ? o : other);
  const regrouped = outletPairs(
    pairs.map((p) => ({ a: label(p.a), b: label(p.b), agree: p.agree, disagree: p.disagree })),
  );
  return { outlets: [...outlets.filter((o) => kept.has(o)), other], pairs: regrouped, folded };
}

/** A heat-map cell's shade, 0 (all agree) … 4 (all disagree), from the share that disagrees. */
export function disagreementShade(p: Pick<OutletPair, 'agree' | 'disagree'>): number {
  const n = p.agree + p.disagree;
  return n === 0 ? 0 : Math.round((p.disagree / n) * 4);
}
