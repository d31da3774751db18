// Stories as a reader sees them (pure): which articles form which story, and what a story page shows —
// each fact with every outlet's figure, and how often each pair of outlets agrees or disagrees.
// No I/O: src/services/story-upkeep.ts and stories.ts read and write, views/ draw.
import type { StoryArticle, StoryLink } from '../../db/queries/stories';
import { agreementGroups } from './fact-model';

export type { StoryArticle, StoryLink } from '../../db/queries/stories';

/**
 * Connected components over article pairs (two articles share a fact and name a common entity), each
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

/** A fact link inside a story, as the story page reads it. */
/** One fact of a story: per outlet, the figures its articles give, with their agreement group. */
export interface StoryFact {
  id: number;
  unit: string;
  /** Outlet → its figures for this fact (a figure's group: figures that agree share one). */
  figures: Map<string, { text: string; group: number; claimId: number }[]>;
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

export function storyFacts(
  links: readonly StoryLink[],
  articles: ReadonlyMap<number, StoryArticle>,
): StoryFact[] {
  const byFact = new Map<number, StoryLink[]>();
  for (const l of links) byFact.set(l.factId, [...(byFact.get(l.factId) ?? []), l]);
  const facts = [...byFact].map(([id, list]): StoryFact => {
    const texts = new Map<number, { text: string; article: number }>();
    for (const l of list) {
      texts.set(l.claimA, { text: l.textA, article: l.articleA });
      texts.set(l.claimB, { text: l.textB, article: l.articleB });
    }
    const claims = [...texts.keys()].sort((x, y) => x - y);
    const groups = agreementGroups(claims, list);
    const figures = new Map<string, { text: string; group: number; claimId: number }[]>();
    for (const c of claims) {
      const t = texts.get(c) as { text: string; article: number };
      const outlet = articles.get(t.article)?.outlet ?? '?';
      figures.set(outlet, [
        ...(figures.get(outlet) ?? []),
        { text: t.text, group: groups.get(c) ?? 0, claimId: c },
      ]);
    }
    const conflicts = list.filter((l) => l.relation === 'conflict');
    return {
      id,
      unit: list[0]?.unit ?? '',
      figures,
      conflicts: conflicts.length,
      openConflicts: conflicts.filter((l) => l.status === 'open').length,
      groups: new Set(groups.values()).size,
    };
  });
  // Facts the outlets disagree on first, then the most widely reported.
  return facts.sort(
    (x, y) => y.openConflicts - x.openConflicts || y.figures.size - x.figures.size || x.id - y.id,
  );
}

/** The outlet × outlet matrix: per pair of outlets, how many of their figures agree and disagree. */
export function outletPairs(
  links: readonly StoryLink[],
  articles: ReadonlyMap<number, StoryArticle>,
): OutletPair[] {
  const pairs = new Map<string, OutletPair>();
  for (const l of links) {
    const x = articles.get(l.articleA)?.outlet;
    const y = articles.get(l.articleB)?.outlet;
    if (x === undefined || y === undefined) continue;
    const [a, b] = x <= y ? [x, y] : [y, x];
    const key = JSON.stringify([a, b]);
    const p = pairs.get(key) ?? { a, b, agree: 0, disagree: 0, shade: 0 };
    if (l.relation === 'corroboration') p.agree++;
    else if (l.status !== 'dismissed') p.disagree++;
    pairs.set(key, p);
  }
  return [...pairs.values()].map((p) => ({ ...p, shade: disagreementShade(p) }));
}

/** A heat-map cell's shade, 0 (all agree) … 4 (all disagree), from the share that disagrees. */
export function disagreementShade(p: Pick<OutletPair, 'agree' | 'disagree'>): number {
  const n = p.agree + p.disagree;
  return n === 0 ? 0 : Math.round((p.disagree / n) * 4);
}
