// The ingest's reads walk indexes, never whole tables: the planner once chose to scan every claim
// (and every term_stats row) for a few hundred candidates, which made the one-statement candidate
// lookup three times slower than the two statements it replaced. SQLite's plan says so before any
// archive is large enough for a timing to show it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statement } from '../../db/queries/batch';
import { articleCandidatesQuery, articleClaimsQuery, candidatesQuery } from '../../db/queries/candidates';
import { pendingArticleQuery } from '../../db/queries/crossref-pending';
import { tiesOfFactsStatement } from '../../db/queries/facts';
import { entryPageQuery, factPairsQuery, statementOf } from '../../db/queries/queue-facts';
import { articleTermDfQuery, termDfQuery } from '../../db/queries/term-stats';
import { extractArticle } from '../../src/core';
import { ingestArticle } from '../../src/services/ingest';
import { createTestDb, type TestDb } from '../helpers/db';

// What a plan may scan: the statements' own CTEs and subqueries, json_each over a parameter or a
// column, a constant row. A table (by name or by its alias: c, x, y, q, t…) must be searched.
const SCANNABLE =
  /^SCAN (k|s|counts|plan|ids|all_ids|rare|common|u|r|j|json_each|CONSTANT ROW|\(subquery-\d+\))( |$)/;
const read = (file: string) => readFileSync(join('seeds', file), 'utf8');

let t: TestDb;
let pending: number;
let keys: string[];
beforeAll(async () => {
  t = await createTestDb();
  await ingestArticle(t.db, {
    outlet: 'DOD',
    title: 'Briefing',
    text: read('dod-ukraine-assistance-briefing.txt'),
  });
  const cnn = read('cnn-austin-kyiv-visit.txt');
  const r = await ingestArticle(
    t.db,
    { outlet: 'CNN', title: 'Kyiv', text: cnn },
    { crossReferenceLater: async () => {} },
  );
  if (r.status !== 'created') throw new Error('not stored');
  pending = r.articleId;
  keys = extractArticle(cnn).claims.flatMap((c) => c.keys);
});
afterAll(() => t.cleanup());

async function fullScans(statement: Statement): Promise<string[]> {
  const plan = await t.client.execute({ sql: `explain query plan ${statement.sql}`, args: statement.args });
  return plan.rows.map((r) => String(r.detail)).filter((d) => d.startsWith('SCAN ') && !SCANNABLE.test(d));
}

describe('query plans of the ingest', () => {
  it('find candidates, their terms and the pending article through indexes only', async () => {
    const statements: [string, Statement][] = [
      ['candidates', candidatesQuery(keys).statement],
      ['candidates before a claim', candidatesQuery(keys, { before: 40 }).statement],
      ["an article's candidates", articleCandidatesQuery(pending).statement],
      [
        "a chunk of an article's candidates",
        articleCandidatesQuery(pending, { index: 2, size: 40 }).statement,
      ],
      ['term frequencies', termDfQuery(['e:austin', 'u:country']).statement],
      ["an article's term frequencies", articleTermDfQuery(pending).statement],
      ["an article's claims", articleClaimsQuery(pending).statement],
      ['the pending article', pendingArticleQuery(pending).statement],
    ];
    for (const [name, statement] of statements) expect(await fullScans(statement), name).toEqual([]);
  });
});

describe('query plans of the queue by fact', () => {
  const statement = statementOf;
  it('page the entries, read their pairs and their rulings through indexes only', async () => {
    const facts = [1, 2, 3];
    const statements: [string, Statement][] = [
      ['entries, most severe first', statement(entryPageQuery(t.db, { status: 'open' }))],
      ['entries, newest', statement(entryPageQuery(t.db, { status: 'open', sort: 'newest' }))],
      ['entries, a page further', statement(entryPageQuery(t.db, { status: 'open', limit: 10, offset: 20 }))],
      ['entries of high severity', statement(entryPageQuery(t.db, { status: 'open', severity: 'high' }))],
      ["the entries' pairs", statement(factPairsQuery(t.db, { status: 'open' }, facts))],
      [
        "the entries' pairs, by score",
        statement(factPairsQuery(t.db, { status: 'all', sort: 'score' }, facts)),
      ],
      ['rulings in the facts', tiesOfFactsStatement(facts)],
    ];
    for (const [name, s] of statements) expect(await fullScans(s), name).toEqual([]);
  });
});
