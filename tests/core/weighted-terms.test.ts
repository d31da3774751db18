// weightedTerms() lists every term crossReference can weigh: the ingest reads stored document
// frequencies for that list only, so a term it left out would silently weigh as never stored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ClaimForMatching,
  crossReference,
  extractArticle,
  type TermStats,
  termStatsFrom,
  toMatchable,
  weightedTerms,
} from '../../src/core';

const seeds = (JSON.parse(readFileSync(join('seeds', 'manifest.json'), 'utf8')) as { file: string }[]).map(
  (m) => readFileSync(join('seeds', m.file), 'utf8'),
);
// Short reports with maybe-names (a capitalised first word that the other text may name) and
// quotes, beside the two seed articles.
const snippets = [
  'Milken was given a 10-year sentence on Tuesday. Prosecutors said Milken paid $600 million in fines.',
  'A judge sentenced Michael Milken to 12 years on Tuesday, and Milken paid $500 million, prosecutors said.',
  'Authorities seized 6,700 pounds of marijuana in Texas on Friday. "We found 40 bales," Sheriff Ray Ortiz said.',
  'Some 8,710 pounds of marijuana had been seized in Texas, Sheriff Ray Ortiz said on Friday. "We found 41 bales," Ortiz said.',
  // A maybe-name ("Boesky" opening the sentence) against the name in the other claim's neighbourhood.
  'Boesky paid $100 million in fines to settle the insider trading charges.',
  'Prosecutors praised Boesky in court. The financier paid $120 million in fines to settle the insider trading charges.',
  // The same maybe-name opening a sentence in both, named nowhere else: each weighs it as the name it
  // may be (e:three), which neither text spells out (found on ECB+ text).
  'Three people were killed when the bus overturned on the highway, police said on Monday.',
  'Three people died after the bus overturned on the highway on Monday, officials said.',
];
const texts = [...seeds, ...snippets];
const claimsOf = (text: string, article: string): ClaimForMatching[] =>
  extractArticle(text).claims.map((c) => toMatchable(c, `${article}:${c.position}`, article));

describe('weightedTerms', () => {
  it('covers every term crossReference asks the statistics for, and restricting them changes nothing', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(2);
    let linked = 0;
    for (const [i, text] of texts.entries()) {
      const incoming = claimsOf(text, `n${i}`);
      const stored = texts.flatMap((other, k) => (k === i ? [] : claimsOf(other, String(k))));
      // Every term "stored" (df ≥ 1), so a missing one would change a weight.
      const full = termStatsFrom([...incoming, ...stored]);
      const asked = new Set<string>();
      const recording: TermStats = {
        total: full.total + 10,
        df: (t) => {
          asked.add(t);
          return full.df(t) + 1;
        },
      };
      const listed = new Set(weightedTerms(incoming, stored));
      const restricted: TermStats = {
        total: recording.total,
        df: (t) => (listed.has(t) ? full.df(t) + 1 : 0),
      };
      const links = crossReference(incoming, stored, recording);
      linked += links.length;
      expect([...asked].filter((t) => !listed.has(t))).toEqual([]);
      expect(crossReference(incoming, stored, restricted)).toEqual(links);
    }
    expect(linked).toBeGreaterThan(0);
  });
});
