// Cross-referencing short made-up reports in tests: each document's claims matched against the others'.
import {
  type ClaimForMatching,
  crossReference,
  extractArticle,
  termStatsFrom,
  toMatchable,
} from '../../src/core';
import { compareDocuments } from '../../src/services/compare';

export function links(docs: Record<string, string>) {
  const claims: ClaimForMatching[] = [];
  for (const [id, text] of Object.entries(docs)) {
    for (const c of extractArticle(text).claims) claims.push(toMatchable(c, `${id}:${c.position}`, id));
  }
  return crossReference(claims, [], termStatsFrom(claims));
}

export const quantities = (text: string) => extractArticle(text).claims.flatMap((c) => c.quantities);

/** The figures of each conflict between two whole texts, as POST /api/compare finds them: [a's, b's]. */
export function conflictFigures(a: string, b: string): [string | undefined, string | undefined][] {
  return compareDocuments([
    { id: 'a', text: a },
    { id: 'b', text: b },
  ])
    .links.filter((l) => l.relation === 'conflict')
    .map((l) => [l.explanation.a?.text, l.explanation.b?.text]);
}
