// The ingest reads a candidate's context terms only when the cross-referencer does (candidates parse
// them lazily). That must change nothing: every link and every stored row are those of candidates
// parsed in full up front, as the ingest read them before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as candidatesModule from '../../db/queries/candidates';
import {
  type ClaimForMatching,
  crossReference,
  extractArticle,
  termStatsFrom,
  toMatchable,
} from '../../src/core';
import { ingestArticle } from '../../src/services/ingest';
import { createTestDb, type TestDb } from '../helpers/db';

// When set, candidates come as plain, fully parsed objects: the ingest as it was before.
const mode = vi.hoisted(() => ({ eager: false }));
vi.mock('../../db/queries/candidates', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../db/queries/candidates')>();
  return {
    ...real,
    candidatesQuery: (...args: Parameters<typeof real.candidatesQuery>) => {
      const query = real.candidatesQuery(...args);
      return {
        ...query,
        decode: (...rows: Parameters<typeof query.decode>) => {
          const found = query.decode(...rows);
          return mode.eager ? { ...found, claims: found.claims.map((c) => ({ ...c })) } : found;
        },
      };
    },
  };
});

const manifest = JSON.parse(readFileSync(join('seeds', 'manifest.json'), 'utf8')) as {
  file: string;
  outlet: string;
  title: string;
}[];
const seeds = manifest.map((m) => ({ ...m, text: readFileSync(join('seeds', m.file), 'utf8') }));
// Reports of the seeds' events and of others, with maybe-names (a capitalised first word), names in
// the neighbourhood only, quotes and figures that agree and disagree.
const reports = [
  'Milken was given a 10-year sentence on Tuesday. Prosecutors said Milken paid $600 million in fines.',
  'A judge sentenced Michael Milken to 12 years on Tuesday, and Milken paid $500 million, prosecutors said.',
  'Authorities seized 6,700 pounds of marijuana in Texas on Friday. "We found 40 bales," Sheriff Ray Ortiz said.',
  'Some 8,710 pounds of marijuana had been seized in Texas, Sheriff Ray Ortiz said on Friday. "We found 41 bales," Ortiz said.',
  'Boesky paid $100 million in fines to settle the insider trading charges.',
  'Prosecutors praised Boesky in court. The financier paid $120 million in fines to settle the insider trading charges.',
  'Austin said the United States had committed about $6.8 billion in security assistance. "We will stay the course," Austin said.',
  'Defense Secretary Lloyd Austin met Ukrainian leaders in Kyiv. Some 50 countries have sent aid, Austin said, and $7 billion was pledged.',
  'Lloyd Austin, 69, visited Kyiv on Monday. The 69-year-old secretary said 57 countries back Ukraine.',
].map((text, i) => ({ outlet: `Wire ${i % 3}`, title: `report ${i}`, text }));
const articles = [...seeds, ...reports];

const dump = async (t: TestDb) => {
  const out: Record<string, unknown[]> = {};
  const tables = await t.client.execute(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'claims_fts%' and name not like '__drizzle%' order by name",
  );
  for (const { name } of tables.rows as unknown as { name: string }[]) {
    const r = await t.client.execute(`select * from ${name} order by rowid`);
    // Timestamps differ between the two runs, and say nothing about what was found.
    out[name] = r.rows.map((row) => r.columns.map((c, i) => (/_at$/.test(c) ? null : row[i])));
  }
  return out;
};

let lazy: TestDb;
let lazyParses = 0;
let eager: TestDb;
beforeAll(async () => {
  lazy = await createTestDb();
  eager = await createTestDb();
});
afterAll(() => {
  lazy.cleanup();
  eager.cleanup();
});

describe('lazily parsed candidates', () => {
  it('give the links of candidates parsed in full', async () => {
    let candidates = 0;
    let linked = 0;
    for (const [i, article] of articles.entries()) {
      const incoming = extractArticle(article.text).claims.map((c) =>
        toMatchable(c, `n0:${c.position}`, 'n0'),
      );
      const keys = [...new Set(incoming.flatMap((c) => c.keys))];
      const found = await candidatesModule.candidateClaims(lazy.db, keys);
      const full: ClaimForMatching[] = found.map((c) => ({ ...c }));
      const fresh = await candidatesModule.candidateClaims(lazy.db, keys);
      const stats = termStatsFrom([...incoming, ...full]);
      const links = crossReference(incoming, fresh, stats);
      expect(links).toEqual(crossReference(incoming, full, stats));
      candidates += found.length;
      linked += links.length;
      const before = candidatesModule.contextTermsParsed();
      expect((await ingestArticle(lazy.db, article)).status, `article ${i}`).toBe('created');
      lazyParses += candidatesModule.contextTermsParsed() - before;
    }
    expect(candidates).toBeGreaterThan(20);
    expect(linked).toBeGreaterThan(5);
    // The point of it: most candidates' context terms are never parsed.
    expect(lazyParses).toBeLessThan(candidates / 2);
  });

  it('store the same rows as candidates parsed in full', async () => {
    mode.eager = true;
    const before = candidatesModule.contextTermsParsed();
    try {
      for (const article of articles) await ingestArticle(eager.db, article);
    } finally {
      mode.eager = false;
    }
    // Every candidate was parsed in full this time.
    expect(candidatesModule.contextTermsParsed() - before).toBeGreaterThan(2 * lazyParses);
    const [a, b] = [await dump(lazy), await dump(eager)];
    expect(a.links!.length).toBeGreaterThan(5);
    expect(a).toEqual(b);
  });
});
