import { count, eq, isNull } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateClaims } from '../../db/queries/candidates';
import { listConflicts } from '../../db/queries/links';
import { articles, claimKeys, claims, links, quantities, reviews, sources, termStats } from '../../db/schema';
import { loadSeeds } from '../../seeds/load';
import { ingestArticle } from '../../src/services/ingest';
import { createTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const n = async (table: SQLiteTable) => (await t.db.select({ n: count() }).from(table).get())?.n ?? 0;

describe('ingest service', () => {
  it('stores the seeds with claims, quantities, keys, term stats and the 57-vs-50 conflict', async () => {
    const results = await loadSeeds(t.db);
    expect(results.map((r) => r.status)).toEqual(['created', 'created']);
    expect(await n(articles)).toBe(2);
    expect(await n(claims)).toBeGreaterThan(10);
    expect(await n(quantities)).toBeGreaterThan(5);
    expect(await n(claimKeys)).toBeGreaterThan(0);
    expect(await n(termStats)).toBeGreaterThan(0);
    expect(await n(reviews)).toBe(0);

    const { items } = await listConflicts(t.db, { status: 'open' });
    const pair = items.find((l) => {
      const texts = [l.a.text, l.b.text].join(' | ');
      return texts.includes('57 countries') && texts.includes('some 50 partners');
    });
    expect(pair, 'a conflict between "57 countries" and "some 50 partners"').toBeDefined();
    expect(pair!.a.outlet).not.toBe(pair!.b.outlet);
    expect(pair!.explanation.summary.length).toBeGreaterThan(0);
  });

  it('links within one article too (quoted "about 50 countries" vs its own 57)', async () => {
    const { items } = await listConflicts(t.db, { status: 'all' });
    expect(items.some((l) => l.a.articleId === l.b.articleId)).toBe(true);
  });

  it('treats the same text from the same outlet as one article and says so', async () => {
    const before = await n(articles);
    const [seedArticle] = await t.db
      .select({ id: articles.id, body: articles.body, outlet: sources.name })
      .from(articles)
      .innerJoin(sources, eq(sources.id, articles.sourceId))
      .limit(1);
    const again = await ingestArticle(t.db, {
      outlet: seedArticle!.outlet,
      title: 'copy',
      text: seedArticle!.body,
    });
    expect(again).toMatchObject({ status: 'duplicate', articleId: seedArticle!.id });
    expect(await n(articles)).toBe(before);
  });

  it('stores an unbounded interval as NULL high and reads it back as Infinity', async () => {
    const r = await ingestArticle(t.db, {
      outlet: 'Test Wire',
      title: 'bounds',
      text: 'Officials in Rafah said more than 300 trucks crossed the border on Monday. Another 40 trucks waited in Rafah.',
    });
    expect(r.status).toBe('created');
    const id = r.status === 'created' ? r.articleId : 0;
    const rows = await t.db
      .select({ high: quantities.high, claimId: quantities.claimId })
      .from(quantities)
      .innerJoin(claims, eq(claims.id, quantities.claimId))
      .where(eq(claims.articleId, id));
    const open = rows.filter((q) => q.high === null);
    expect(open.length).toBeGreaterThan(0);
    const keys = await t.db
      .select({ key: claimKeys.key })
      .from(claimKeys)
      .where(eq(claimKeys.claimId, open[0]!.claimId));
    const found = await candidateClaims(
      t.db,
      keys.map((k) => k.key),
    );
    const back = found.find((c) => c.ref === String(open[0]!.claimId));
    expect(back?.quantities.some((q) => q.high === Number.POSITIVE_INFINITY)).toBe(true);
    expect(await t.db.select().from(quantities).where(isNull(quantities.low))).toHaveLength(0);
  });

  it('excludes an article from candidates when asked', async () => {
    const keys = (await t.db.select({ key: claimKeys.key }).from(claimKeys)).map((k) => k.key);
    const all = await candidateClaims(t.db, keys);
    const firstArticle = Number(all[0]!.article);
    const without = await candidateClaims(t.db, keys, { excludeArticle: firstArticle });
    expect(without.length).toBeLessThan(all.length);
    expect(without.every((c) => Number(c.article) !== firstArticle)).toBe(true);
  });

  it('rejects text that is empty once markup is removed, storing nothing', async () => {
    const before = await n(articles);
    await expect(
      ingestArticle(t.db, { outlet: 'X', title: 'empty', text: '<p> </p>', format: 'html' }),
    ).rejects.toThrow(/no text/);
    expect(await n(articles)).toBe(before);
    expect(await n(links)).toBeGreaterThan(0);
  });
});
