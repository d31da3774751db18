// Cross-referencing short made-up reports in tests: each document's claims matched against the others'.
import {
  type ClaimForMatching,
  crossReference,
  extractArticle,
  termStatsFrom,
  toMatchable,
} from '../../src/core';

export function links(docs: Record<string, string>) {
  const claims: ClaimForMatching[] = [];
  for (const [id, text] of Object.entries(docs)) {
    for (const c of extractArticle(text).claims) claims.push(toMatchable(c, `${id}:${c.position}`, id));
  }
  return crossReference(claims, [], termStatsFrom(claims));
}

export const quantities = (text: string) => extractArticle(text).claims.flatMap((c) => c.quantities);
