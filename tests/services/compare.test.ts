import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../src/services/compare';

const seed = (file: string) => readFileSync(resolve(__dirname, '../../seeds', file), 'utf8');

describe('compare service', () => {
  const result = compareDocuments([
    { id: 'cnn', source: 'CNN', text: seed('cnn-austin-kyiv-visit.txt') },
    { id: 'dod', source: 'DOD', text: seed('dod-ukraine-assistance-briefing.txt') },
  ]);

  it('returns claims with ids "<document>:<n>" and offsets into the normalized text', () => {
    expect(result.claims.length).toBeGreaterThan(10);
    for (const c of result.claims) {
      expect(c.id).toMatch(/^(cnn|dod):\d+$/);
      const doc = result.documents.find((d) => d.id === c.document)!;
      expect(doc.text.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it('links the 57 countries with some 50 partners as a conflict, across documents', () => {
    const text = new Map(result.claims.map((c) => [c.id, c.text]));
    const conflict = result.links.find(
      (l) =>
        l.relation === 'conflict' &&
        [text.get(l.a), text.get(l.b)].some((s) => s?.includes('57 countries')) &&
        [text.get(l.a), text.get(l.b)].some((s) => s?.includes('some 50 partners')),
    );
    expect(conflict).toBeDefined();
    expect(conflict!.a.split(':')[0]).not.toBe(conflict!.b.split(':')[0]);
  });

  it('writes unbounded intervals as null, never Infinity', () => {
    const json = JSON.stringify(result);
    expect(json).not.toContain('Infinity');
    const roundTrip = JSON.parse(json);
    expect(roundTrip.claims.length).toBe(result.claims.length);
  });
});
