// Stories group reports of one incident, and a generic figure between two incidents no longer chains
// them: two articles a fact links are one story when they share two facts, or a large part of the
// entities they name (twice as large when they do not agree on a telling figure of the one fact).
// Checked on eight real ECB+ reports: two of the 2008 Qeshm earthquake, three of two Paris jewellery
// heists (2008 and 2013) that share one figure, "four robbers", and one name, and three of two Athens
// incidents (the riots of December 2008, the bank firebombing of May 2010) that share places and a
// small count of people.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allStoryPairs } from '../../db/queries/stories';
import { loadManifest, SEEDS_MANIFEST } from '../../seeds/load';
import { ingestArticle } from '../../src/services/ingest';
import {
  isStoryEdge,
  STORY_ENTITY_OVERLAP,
  STORY_ENTITY_OVERLAP_DISPUTED,
} from '../../src/services/story-model';
import { rebuildStories } from '../../src/services/story-upkeep';
import { createTestDb, type TestDb } from '../helpers/db';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/ecbplus-stories.json', import.meta.url), 'utf8'),
) as {
  articles: { doc_id: string; subtopic: string; title: string; text: string }[];
};

let t: TestDb;
const ids = new Map<string, number>();
beforeAll(async () => {
  t = await createTestDb();
  for (const d of fixture.articles) {
    const r = await ingestArticle(t.db, {
      outlet: `ECB+ ${d.doc_id}`,
      title: d.title,
      text: `${d.title}\n${d.text}`,
    });
    if (r.status !== 'created') throw new Error(`${d.doc_id} not stored`);
    ids.set(d.doc_id, r.articleId);
  }
});
afterAll(() => t.cleanup());

const storyOf = async (doc: string) =>
  (await t.client.execute({ sql: 'select story_id from articles where id = ?', args: [ids.get(doc)!] }))
    .rows[0]?.story_id ?? null;

describe('the story rule on real reports', () => {
  it('keeps the two reports of one earthquake together (three facts in common)', async () => {
    expect(await storyOf('20_2ecb')).not.toBeNull();
    expect(await storyOf('20_2ecb')).toBe(await storyOf('20_3ecb'));
  });

  it('does not chain two heists through "four robbers" and one common name', async () => {
    const { pairs } = await allStoryPairs(t.db);
    const later = ids.get('24_9ecbplus')!;
    const across = pairs.filter((p) => p.a === later || p.b === later);
    // What the old rule joined on: one fact linking them and a name in common (Paris) …
    expect(across.length).toBeGreaterThan(0);
    for (const p of across) {
      expect(p.facts).toBe(1);
      expect(p.shared).toBeGreaterThanOrEqual(1);
      // … but a small share of the 17 entities the 2013 report names: not one story.
      expect(p.shared / (p.entitiesA + p.entitiesB - p.shared)).toBeLessThan(STORY_ENTITY_OVERLAP);
      expect(isStoryEdge(p)).toBe(false);
    }
    // The 2013 report is in no story; the two of 2008 may be one (they name the same store).
    expect(await storyOf('24_9ecbplus')).toBeNull();
    expect(await storyOf('24_1ecb')).toBe(await storyOf('24_8ecb'));
    // Kept at ingest and rebuilt from scratch alike.
    expect((await rebuildStories(t.db, false)).moved).toBe(0);
  });

  it('does not join two Athens incidents through places and a small count of people', async () => {
    const { pairs } = await allStoryPairs(t.db);
    const riots = ids.get('19_4ecb')!;
    const bombing = new Set([ids.get('8_5ecbplus')!, ids.get('8_7ecbplus')!]);
    const across = pairs.filter(
      (p) => (p.a === riots && bombing.has(p.b)) || (p.b === riots && bombing.has(p.a)),
    );
    // A small count of people ("five young men"): one fact, agreed on no telling figure, and Athens, Greece,
    // Thessaloniki, the EU in common: a fifth of the names, which was enough. (The "five people" rescued
    // from a balcony in 8_5ecbplus are read as rescued since rule fate-past-aside: no fact with the riots.)
    expect(across.length).toBe(1);
    for (const p of across) {
      const share = p.shared / (p.entitiesA + p.entitiesB - p.shared);
      expect({ facts: p.facts, agreed: p.agreed }).toEqual({ facts: 1, agreed: 0 });
      expect(share).toBeGreaterThanOrEqual(STORY_ENTITY_OVERLAP);
      expect(share).toBeLessThan(STORY_ENTITY_OVERLAP_DISPUTED);
      expect(isStoryEdge(p)).toBe(false);
    }
    const riotStory = await storyOf('19_4ecb');
    expect(riotStory === null || riotStory !== (await storyOf('8_5ecbplus'))).toBe(true);
    expect(riotStory === null || riotStory !== (await storyOf('8_7ecbplus'))).toBe(true);
    expect((await rebuildStories(t.db, false)).moved).toBe(0);
  });

  it('weighs facts, agreement and entity overlap as documented', () => {
    const pair = { facts: 1, agreed: 1, shared: 3, entitiesA: 5, entitiesB: 8 };
    expect(isStoryEdge(pair)).toBe(3 / 10 >= STORY_ENTITY_OVERLAP);
    expect(isStoryEdge({ ...pair, facts: 2, agreed: 0, entitiesA: 40, entitiesB: 40 })).toBe(true);
    expect(isStoryEdge({ ...pair, facts: 3, shared: 0 })).toBe(false);
    expect(isStoryEdge({ facts: 1, agreed: 1, shared: 1, entitiesA: 1, entitiesB: 17 })).toBe(false);
    // One fact only disputed: a fifth of the names is not enough, a third is.
    const disputed = { facts: 1, agreed: 0, shared: 4, entitiesA: 12, entitiesB: 12 };
    expect(isStoryEdge(disputed)).toBe(4 / 20 >= STORY_ENTITY_OVERLAP_DISPUTED);
    expect(isStoryEdge({ ...disputed, agreed: 1 })).toBe(true);
    expect(isStoryEdge({ ...disputed, shared: 6 })).toBe(6 / 18 >= STORY_ENTITY_OVERLAP_DISPUTED);
  });
});

describe('the story rule on the seed articles', () => {
  it('keeps CNN and the DOD in one story: they dispute 57 but agree on "about 50" countries', async () => {
    const seeds = await createTestDb();
    try {
      await loadManifest(seeds.db, SEEDS_MANIFEST);
      const { pairs } = await allStoryPairs(seeds.db);
      expect(pairs.length).toBe(1);
      const p = pairs[0]!;
      // One fact ("how many countries?"), agreed on a telling figure, and a fifth of the names:
      // enough with the agreement, not without it.
      expect({ facts: p.facts, agreed: p.agreed }).toEqual({ facts: 1, agreed: 1 });
      expect(isStoryEdge(p)).toBe(true);
      expect(isStoryEdge({ ...p, agreed: 0 })).toBe(false);
      const rows = (await seeds.client.execute('select distinct story_id from articles')).rows;
      expect(rows.map((r) => r.story_id)).toEqual([p.a]);
    } finally {
      seeds.cleanup();
    }
  });
});
