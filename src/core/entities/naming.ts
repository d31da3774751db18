// Naming differences: one entity written differently by two articles, for a reviewer to see.

import type { EntityMention } from '../types';

/** One entity written differently by two articles: information for a reviewer, never a conflict. */
export interface NamingDifference {
  key: string;
  /** The spellings each article uses, most frequent first. */
  a: string[];
  b: string[];
}

/**
 * Names the two articles share under different spellings: transliterations (Kyiv/Kiev), acronyms
 * against full names (UDCG / Ukraine Defense Contact Group), a surname against a full name. Compared
 * on letters only, so case and punctuation ("U.S." / "US") are not differences.
 */
export function namingDifferences(a: EntityMention[], b: EntityMention[]): NamingDifference[] {
  const forms = (mentions: EntityMention[]) => {
    const byKey = new Map<string, Map<string, number>>();
    for (const m of mentions) {
      const counts = byKey.get(m.key) ?? new Map<string, number>();
      counts.set(m.surface, (counts.get(m.surface) ?? 0) + 1);
      byKey.set(m.key, counts);
    }
    return byKey;
  };
  const letters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const fa = forms(a);
  const fb = forms(b);
  const out: NamingDifference[] = [];
  for (const [key, ca] of fa) {
    const cb = fb.get(key);
    if (!cb) continue;
    const la = new Set([...ca.keys()].map(letters));
    const lb = new Set([...cb.keys()].map(letters));
    // Only when the articles have no spelling in common.
    if ([...la].some((x) => lb.has(x))) continue;
    const sorted = (c: Map<string, number>) => [...c.entries()].sort((x, y) => y[1] - x[1]).map(([s]) => s);
    out.push({ key, a: sorted(ca), b: sorted(cb) });
  }
  return out.sort((x, y) => x.key.localeCompare(y.key));
}

/** Whether two strings differ by at most one inserted, deleted or replaced letter. */
export function oneEditApart(x: string, y: string): boolean {
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i === x.length && i === y.length) return true;
  return x.slice(i + 1) === y.slice(i + 1) || x.slice(i) === y.slice(i + 1) || x.slice(i + 1) === y.slice(i);
}
