// Ingest is all or nothing: the database fails in the middle of storing an article (a trigger aborts
// the Nth claim, a quantity, or a link) and afterwards no table holds any part of it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/services/ingest';
import { createTestApp, jsonPost, type TestApp } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let ed: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  ed = await signedIn(t.db, 'editor');
});
afterAll(() => t.cleanup());

/** Row counts of every table (FTS shadow tables included): the whole database state an ingest can touch. */
async function snapshot(): Promise<Record<string, number>> {
  const tables = await t.client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
  );
  const out: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row.name);
    const r = await t.client.execute(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`);
    out[name] = Number(r.rows[0]!.n);
  }
  return out;
}

// Reports the CNN seed disagrees with, so the batch holds claims, quantities, keys and links.
const text =
  'Defense Secretary Lloyd Austin said the Ukraine Defense Contact Group is a coalition of 61 countries. ' +
  'Austin told reporters that about 70 countries had joined. North Korea sent 15,000 troops to Kursk, officials said. ' +
  'Russia suffered more than 2,000 casualties per day in September, Austin said.';

const failures: [string, string][] = [
  [
    'at the third claim',
    `CREATE TRIGGER inject_failure BEFORE INSERT ON claims
       WHEN (SELECT count(*) FROM claims WHERE article_id = NEW.article_id) >= 2
       BEGIN SELECT RAISE(ABORT, 'injected failure: disk went away'); END`,
  ],
  [
    'at the first quantity',
    `CREATE TRIGGER inject_failure BEFORE INSERT ON quantities
       BEGIN SELECT RAISE(ABORT, 'injected failure: disk went away'); END`,
  ],
  [
    'at the first link',
    `CREATE TRIGGER inject_failure BEFORE INSERT ON links
       BEGIN SELECT RAISE(ABORT, 'injected failure: disk went away'); END`,
  ],
];

describe('atomic ingest', () => {
  for (const [where, trigger] of failures) {
    it(`leaves no partial article when the database fails ${where}`, async () => {
      const before = await snapshot();
      await t.client.execute(trigger);
      try {
        await expect(
          ingestArticle(t.db, { outlet: `Fault Wire ${where}`, title: 'Partial?', text, format: 'text' }),
        ).rejects.toThrow();
        expect(await snapshot()).toEqual(before);
        // Through the API: a 5xx answer, and still nothing stored.
        const res = await t.app.request(
          '/api/articles',
          jsonPost({ outlet: `Fault Wire ${where}`, title: 'Partial?', text }, ed.bearer),
        );
        expect(res.status).toBeGreaterThanOrEqual(500);
        expect(await snapshot()).toEqual(before);
      } finally {
        await t.client.execute('DROP TRIGGER IF EXISTS inject_failure');
      }
      // With the fault gone the same article goes in whole.
      const ok = await ingestArticle(t.db, {
        outlet: `Fault Wire ${where}`,
        title: 'Whole',
        text,
        format: 'text',
      });
      expect(ok.status).toBe('created');
      const after = await snapshot();
      expect(after.articles).toBe(before.articles! + 1);
      expect(after.claims).toBeGreaterThan(before.claims!);
      await t.db.run(sql`DELETE FROM articles WHERE id = ${ok.articleId}`);
    });
  }
});
