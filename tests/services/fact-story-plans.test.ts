// The reads that keep facts and stories at ingest, and the story page's, walk indexes, never whole
// tables: the fact lookup once walked every conflict in the archive (through the queue's relation
// index) at each recursive step and scanned every link at its last. SQLite's plan says so before any
// archive is large enough for a timing to show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statement } from '../../db/queries/batch';
import { factOutlineStatements, reachableFactLinks } from '../../db/queries/facts';
import { storyPairsStatements } from '../../db/queries/stories';
import { storyPageStatements } from '../../db/queries/story-page';
import { loadSeeds } from '../../seeds/load';
import { createTestDb, type TestDb } from '../helpers/db';

// What a plan may scan: the statements' own CTEs (story pairs: l0, l1, fl, pa; story_links and its
// aggregates: sl, pf, fo, page; a page's facts: fl, ends, last, f),
// json_each over a parameter.
const SCANNABLE =
  /^SCAN (n|l0|l1|fl|pa|e|ends|last|f|page|json_each|story_links|sl|per_fact|pf|fo|\(subquery-\d+\)|CONSTANT ROW)( |$)/;

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await loadSeeds(t.db);
});
afterAll(() => t.cleanup());

async function plan(statement: Statement): Promise<string[]> {
  const rows = await t.client.execute({ sql: `explain query plan ${statement.sql}`, args: statement.args });
  return rows.rows.map((r) => String(r.detail));
}

describe('query plans of facts and stories', () => {
  it('search by index: no table is scanned, the relation index is not walked', async () => {
    const [pairs, ends] = storyPairsStatements([1, 2]);
    const statements: [string, Statement][] = [
      ['reachable fact links', reachableFactLinks([1, 2])],
      ['story pairs', pairs],
      ['story pair ends', ends],
      ...storyPageStatements({
        storyId: 1,
        facts: { offset: 25, limit: 25 },
        articles: { offset: 0, limit: 50 },
      }).map((s, i): [string, Statement] => [`story page read ${i + 1}`, s]),
      ...factOutlineStatements(1).map((s, i): [string, Statement] => [`fact outline read ${i + 1}`, s]),
    ];
    for (const [name, statement] of statements) {
      const details = await plan(statement);
      // CTE names (n, fl, e) are co-routines; a real table would be SEARCHed by index or rowid.
      expect(
        details.filter((d) => d.startsWith('SCAN ') && !SCANNABLE.test(d)),
        name,
      ).toEqual([]);
      expect(
        details.filter((d) => d.includes('links_queue')),
        name,
      ).toEqual([]);
    }
  });
});
