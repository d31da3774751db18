import { describe, expect, it } from 'vitest';
import {
  type ClaimForMatching,
  crossReference,
  extractArticle,
  termStatsFrom,
  toMatchable,
  wordDiff,
} from '../../src/core';
import { compareDocuments } from '../../src/services/compare';

function compare(docs: Record<string, string>) {
  const claims: ClaimForMatching[] = [];
  const names = new Map<string, string>();
  for (const [id, text] of Object.entries(docs)) {
    const article = extractArticle(text);
    for (const e of article.entities) names.set(e.key, e.name);
    for (const c of article.claims) claims.push(toMatchable(c, `${id}:${c.position}`, id));
  }
  const text = new Map(claims.map((c) => [c.ref, c.text]));
  return crossReference(claims, [], termStatsFrom(claims), names).map((l) => ({
    ...l,
    textA: text.get(l.a)!,
    textB: text.get(l.b)!,
  }));
}

const cnn =
  'Defense Secretary Lloyd Austin arrived in Kiev on Monday. Austin considers the Ukraine Defense Contact Group a key accomplishment. It is a coalition of 57 countries and the European Union. "We have mobilized about 50 countries to join in that support," Austin told reporters. North Korea provided 11,000 ammunition containers. Russia suffered more than 1,250 casualties per day in September.';
const dod =
  "Secretary of Defense Lloyd J. Austin III has continued to rally the Ukraine Defense Contact Group, a global network of some 50 partners committed to Ukraine's needs. Approximately 12,000 North Korean troops have deployed to the Kursk region alongside Russia. Those troops have suffered several hundred casualties, Russia admits.";

describe('cross-referencing', () => {
  const links = compare({ cnn, dod });
  const find = (relation: string, x: RegExp, y: RegExp) =>
    links.find(
      (l) =>
        l.relation === relation &&
        ((x.test(l.textA) && y.test(l.textB)) || (y.test(l.textA) && x.test(l.textB))),
    );

  it('flags 57 countries against some 50 partners, and explains why', () => {
    const link = find('conflict', /57 countries/, /some 50 partners/);
    expect(link).toBeDefined();
    expect(link!.explanation.summary).toMatch(/57/);
    expect(link!.explanation.summary).toMatch(/some/);
    expect(link!.explanation.sharedTerms.join(' ')).toMatch(/Ukraine Defense Contact Group|Austin/);
  });

  it('lets a quoted "about 50" agree with "some 50" and conflict with its own article\'s 57', () => {
    expect(find('corroboration', /about 50 countries/, /some 50 partners/)).toBeDefined();
    expect(find('conflict', /about 50 countries/, /57 countries/)).toBeDefined();
  });

  it('never links numbers about different things', () => {
    expect(links.some((l) => /11,000/.test(l.textA + l.textB) && /12,000/.test(l.textA + l.textB))).toBe(
      false,
    );
    expect(
      links.some((l) => /1,250/.test(l.textA + l.textB) && /several hundred/.test(l.textA + l.textB)),
    ).toBe(false);
  });

  it('keeps different events of one kind apart when they name different places', () => {
    const quake = compare({
      a: 'A magnitude 6.1 earthquake struck Lombok on Sunday, killing 20 people, officials in Lombok said.',
      b: 'A magnitude 5.2 earthquake struck Sumbawa on Tuesday, killing 3 people, officials in Sumbawa said.',
    });
    expect(quake.filter((l) => l.relation === 'conflict')).toEqual([]);
  });

  it('does not flag one writer against themselves in narration', () => {
    const own = compare({
      a: 'The Red Cross said 20 people were killed in Lombok. By evening the Red Cross said 35 people were killed in Lombok.',
    });
    expect(own).toEqual([]);
  });
});

describe('word diff', () => {
  it('marks the parts that carry differing numbers', () => {
    const parts = wordDiff('a coalition of 57 countries', 'a network of some 50 partners');
    expect(parts.some((p) => p.removed && p.number && p.value.includes('57'))).toBe(true);
    expect(parts.some((p) => p.added && p.number && p.value.includes('50'))).toBe(true);
    expect(parts.filter((p) => !p.added && !p.removed).map((p) => p.value.trim())).toContain('of');
  });
});

describe('compare service output', () => {
  it('lists names the documents write differently as information, never as conflicts', () => {
    const result = compareDocuments([
      { id: 'a', text: 'Defense Secretary Lloyd Austin arrived in Kyiv on Monday.' },
      { id: 'b', text: 'Austin visited Kiev on Monday.' },
    ]);
    expect(result.namingDifferences).toEqual([
      { entity: 'Kyiv', documentA: 'a', documentB: 'b', a: ['Kyiv'], b: ['Kiev'] },
    ]);
    expect(result.links).toEqual([]);
  });
});
