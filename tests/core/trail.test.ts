// The why-not trail: for any two claims, which rules ran and which one decided; the same links as the
// ordinary cross-reference, and nothing worked out for pairs nobody asked about.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ClaimForMatching,
  crossReference,
  entityNames,
  extractArticle,
  termStatsFrom,
  toMatchable,
} from '../../src/core';
import { crossReferenceExplained, explainPair } from '../../src/core/crossref';

function claimsOf(docs: Record<string, string>) {
  const articles = Object.entries(docs).map(([id, text]) => [id, extractArticle(text)] as const);
  const claims: ClaimForMatching[] = articles.flatMap(([id, a]) =>
    a.claims.map((c) => toMatchable(c, `${id}:${c.position}`, id)),
  );
  return { claims, stats: termStatsFrom(claims), names: entityNames(articles.map(([, a]) => a)) };
}
const find = (claims: ClaimForMatching[], article: string, text: string) =>
  claims.find((c) => c.article === article && c.text.includes(text))!;

describe('the why-not trail', () => {
  it('gives the same links as crossReference, with trails only for the claims asked about', () => {
    const seeds = ['cnn-austin-kyiv-visit.txt', 'dod-ukraine-assistance-briefing.txt'].map((f) =>
      readFileSync(`seeds/${f}`, 'utf8'),
    );
    const { claims, stats, names } = claimsOf({ a: seeds[0]!, b: seeds[1]! });
    const plain = crossReference(claims, [], stats, names);
    const focus = claims.find((c) => c.article === 'b' && c.quantities.length > 0)!.ref;
    const explained = crossReferenceExplained(claims, [], stats, names, (ref) => ref === focus);
    expect(explained.links).toEqual(plain);
    expect(explained.trails.length).toBeGreaterThan(0);
    for (const t of explained.trails) expect([t.a, t.b]).toContain(focus);
    expect(crossReferenceExplained(claims, [], stats, names, () => false).trails).toEqual([]);
  });

  it('names the rule that kept two figures apart, with what it found', () => {
    const { claims, stats, names } = claimsOf({
      a: 'On Monday the Ukraine Defense Contact Group, a coalition of 57 countries, met in Brussels.',
      b: 'On Tuesday the Ukraine Defense Contact Group, a coalition of 54 countries, met in Brussels.',
    });
    const trail = explainPair(find(claims, 'a', '57'), find(claims, 'b', '54'), stats, names);
    expect(trail.linked).toBeNull();
    expect(trail.decidedBy).toBe('different-weekdays');
    expect(trail.verdict).toBe(
      'not linked: rule `different-weekdays` (the reports date their events to different weekdays) — Monday against Tuesday',
    );
    // Every rule before the deciding one ran and let the pair through.
    const ran = trail.steps.map((s) => `${s.rule}:${s.outcome}`);
    expect(ran.slice(0, 4)).toEqual([
      'no-shared-key:pass',
      'no-comparable-figures:pass',
      'too-little-in-common:pass',
      'no-shared-anchor:pass',
    ]);
    expect(ran.at(-1)).toBe('different-weekdays:reject');
  });

  it('says "linked as conflict" when the pair was linked, as crossReference links it', () => {
    const docs = {
      a: 'On Monday the Ukraine Defense Contact Group, a coalition of 57 countries, met in Brussels.',
      b: 'The Ukraine Defense Contact Group, a coalition of 54 countries, met in Brussels on Monday.',
    };
    const { claims, stats, names } = claimsOf(docs);
    const trail = explainPair(find(claims, 'a', '57'), find(claims, 'b', '54'), stats, names);
    expect(trail.verdict).toBe('linked as conflict');
    expect(crossReference(claims, [], stats, names).map((l) => l.relation)).toEqual(['conflict']);
  });

  it('says when two claims were never compared: no blocking key in common', () => {
    const { claims, stats } = claimsOf({
      a: 'The Ukraine Defense Contact Group, a coalition of 57 countries, met in Brussels.',
      b: 'The harvest reached 12 million tonnes of wheat in Kansas.',
    });
    const trail = explainPair(find(claims, 'a', '57'), find(claims, 'b', '12'), stats);
    expect(trail.decidedBy).toBe('no-shared-key');
    expect(trail.verdict).toMatch(/^not linked: rule `no-shared-key` \(never compared/);
  });

  it('says which figure rule set two figures apart', () => {
    const { claims, stats, names } = claimsOf({
      a: 'The Ukraine Defense Contact Group, a coalition of 57 countries, met in Brussels.',
      b: 'The Ukraine Defense Contact Group, a coalition of 240 countries, met in Brussels.',
    });
    const trail = explainPair(find(claims, 'a', '57'), find(claims, 'b', '240'), stats, names);
    expect(trail.decidedBy).toBe('no-comparable-figures');
    expect(trail.verdict).toContain('"57 countries" and "240 countries": too-far-apart');
  });
});
