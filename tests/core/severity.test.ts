// Severity (src/core/crossref/severity.ts): exact-vs-exact ranks at least as high as hedged (issue 16).
import { describe, expect, it } from 'vitest';
import {
  type ClaimForMatching,
  crossReference,
  extractArticle,
  termStatsFrom,
  toMatchable,
} from '../../src/core';

function severities(docs: Record<string, string>) {
  const claims: ClaimForMatching[] = [];
  for (const [id, text] of Object.entries(docs))
    for (const c of extractArticle(text).claims) claims.push(toMatchable(c, `${id}:${c.position}`, id));
  return crossReference(claims, [], termStatsFrom(claims)).map((l) => [l.relation, l.severity]);
}

const order = { low: 0, medium: 1, high: 2 } as const;

describe('severity', () => {
  // ECB+ 20: two reports of the Qeshm quake (the injured), told exactly and hedged.
  const exact = severities({
    a: 'The earthquake on Qeshm island injured 54 people, Iranian officials said.',
    b: 'The earthquake on Qeshm island injured 57 people, Iranian officials said.',
  });
  const hedged = severities({
    a: 'The earthquake on Qeshm island injured some 50 people, Iranian officials said.',
    b: 'The earthquake on Qeshm island injured 57 people, Iranian officials said.',
  });

  it('an exact disagreement ranks at least as high as a hedged one', () => {
    expect(exact[0]![0]).toBe('conflict');
    expect(hedged[0]![0]).toBe('conflict');
    expect(order[exact[0]![1] as keyof typeof order]).toBeGreaterThanOrEqual(
      order[hedged[0]![1] as keyof typeof order],
    );
    expect(exact[0]![1]).toBe('high');
  });
});
