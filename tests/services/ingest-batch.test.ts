// The bulk path: several articles in one candidate lookup and one insert batch, exact REALs, per-key caps.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exactReal } from '../../db/queries/article-insert';
import { CANDIDATES_PER_KEY, candidateClaims } from '../../db/queries/candidates';
import { listConflicts } from '../../db/queries/links';
import { termStats } from '../../db/queries/term-stats';
import { articles, claims, quantities } from '../../db/schema';
import { readManifest, SEEDS_MANIFEST } from '../../seeds/load';
import { extractArticle } from '../../src/core';
import { ingestArticle, ingestArticles } from '../../src/services/ingest';
import { createTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

const seeds = async () =>
  (await readManifest(SEEDS_MANIFEST)).map((e) => ({
    outlet: e.outlet,
    title: e.title ?? e.file,
    text: readFileSync(join(SEEDS_MANIFEST, '..', e.file), 'utf8'),
  }));

/** Links between a claim of article `x` and one of article `y`. */
async function linksBetween(x: number, y: number): Promise<number> {
  const r = await t.client.execute({
    sql: `select count(*) as n from links l join claims a on a.id = l.claim_a join claims b on b.id = l.claim_b
      where (a.article_id = ?1 and b.article_id = ?2) or (a.article_id = ?2 and b.article_id = ?1)`,
    args: [x, y],
  });
  return Number(r.rows[0]!.n);
}

describe('ingestArticles (bulk)', () => {
  it('stores a batch as one ingest would, cross-referencing the batch within itself', async () => {
    const inputs = await seeds();
    const results = await ingestArticles(t.db, [
      ...inputs,
      { ...inputs[0]!, title: 'Again' }, // the same text from the same outlet inside the batch
      { ...inputs[0]!, outlet: 'Copycat' }, // another outlet's verbatim reprint: stored as a copy
      { outlet: 'X', title: 'empty', text: '<p> </p>', format: 'html' },
    ]);
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'duplicate', 'created', 'invalid']);
    const [a, b, dup, copy] = results;
    if (a?.status !== 'created' || b?.status !== 'created' || dup?.status !== 'duplicate') throw new Error();
    if (copy?.status !== 'created') throw new Error();
    expect(dup.articleId).toBe(a.articleId);
    expect(a.claims + b.claims).toBe(inputs.reduce((n, i) => n + extractArticle(i.text).claims.length, 0));
    expect(copy.claims).toBe(a.claims);
    expect((await t.db.select({ n: count() }).from(claims).get())?.n).toBe(a.claims * 2 + b.claims);
    const copyRow = await t.db.select().from(articles).where(eq(articles.id, copy.articleId)).get();
    expect(copyRow?.copyOf).toBe(a.articleId);
    // The copy is linked to b as a is, and never to a: one source.
    const ab = await linksBetween(a.articleId, b.articleId);
    expect(ab).toBeGreaterThan(0);
    expect(await linksBetween(b.articleId, copy.articleId)).toBe(ab);
    expect(await linksBetween(a.articleId, copy.articleId)).toBe(0);

    const { items } = await listConflicts(t.db, { status: 'open' });
    const pair = items.find((l) =>
      [l.a.text, l.b.text]
        .join(' | ')
        .match(/57 countries[\s\S]*some 50 partners|some 50 partners[\s\S]*57 countries/),
    );
    expect(pair, 'the 57-vs-some-50 conflict across two articles of one batch').toBeDefined();
    // Term statistics count every claim once, whichever way the articles came in.
    expect((await termStats(t.db, [])).total).toBe(a.claims * 2 + b.claims);
  });

  it('finds the same links as ingesting one by one', async () => {
    const inputs = await seeds();
    await ingestArticles(t.db, inputs);
    const batched = (await listConflicts(t.db, { status: 'all', limit: 500 })).items.length;
    const other = await createTestDb();
    try {
      for (const i of inputs) await ingestArticle(other.db, i);
      expect((await listConflicts(other.db, { status: 'all', limit: 500 })).items.length).toBe(batched);
    } finally {
      other.cleanup();
    }
  });

  it('reports stored duplicates without storing anything', async () => {
    const inputs = await seeds();
    await ingestArticles(t.db, inputs);
    const again = await ingestArticles(t.db, inputs);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect((await t.db.select({ n: count() }).from(articles).get())?.n).toBe(2);
  });
});

describe('a large article', () => {
  it('stores rows that take more than one JSON chunk (over 500,000 characters)', async () => {
    // Under the 2,000 claims read from one article (MAX_CLAIMS_PER_DOCUMENT).
    const text = Array.from(
      { length: 1900 },
      (_, i) =>
        `Officials in Town${i} and Region${i} said ${100 + i} families had left Village${i} and Hamlet${i} since the storm began on the coast.`,
    ).join(' ');
    const r = await ingestArticle(t.db, { outlet: 'Wire', title: 'long', text });
    if (r.status !== 'created') throw new Error(r.status);
    const expected = extractArticle(text).claims;
    expect(JSON.stringify(expected).length).toBeGreaterThan(500_000);
    expect(r.claims).toBe(expected.length);
    const stored = await t.db
      .select({ n: count() })
      .from(claims)
      .where(eq(claims.articleId, r.articleId))
      .get();
    expect(stored?.n).toBe(expected.length);
    const q = await t.db
      .select({ n: count() })
      .from(quantities)
      .innerJoin(claims, eq(claims.id, quantities.claimId))
      .where(eq(claims.articleId, r.articleId))
      .get();
    expect(q?.n).toBe(expected.reduce((n, c) => n + c.quantities.length, 0));
  });
});

describe('stored numbers', () => {
  it('round-trips every REAL bit-exactly (JSON alone is off by an ulp for some 17-digit numbers)', () => {
    for (const x of [
      55.00000000000001,
      0.1 + 0.2,
      1150000000.0000002,
      2721.911413404727,
      1e-7 / 3,
      -0.5,
      57,
    ]) {
      const e = exactReal(x);
      const back = Array.isArray(e) ? e[0] / 2 ** e[1] / 2 ** e[2] : e;
      expect(back).toBe(x);
    }
  });

  it('stores quantities exactly as extracted', async () => {
    const text =
      'About 50 countries sent aid, officials said. Nearly 3.7 million people fled, while some 1.2 billion dollars arrived.';
    const r = await ingestArticle(t.db, { outlet: 'Wire', title: 'q', text });
    if (r.status !== 'created') throw new Error(r.status);
    const stored = await t.db
      .select({ low: quantities.low, high: quantities.high, value: quantities.value })
      .from(quantities)
      .innerJoin(claims, eq(claims.id, quantities.claimId))
      .where(eq(claims.articleId, r.articleId))
      .orderBy(quantities.start);
    const extracted = extractArticle(text).claims.flatMap((c) => c.quantities);
    expect(stored).toEqual(
      extracted.map((q) => ({ low: q.low, high: Number.isFinite(q.high) ? q.high : null, value: q.value })),
    );
  });
});

describe('candidate lookup', () => {
  it('takes at most CANDIDATES_PER_KEY claims per key, newest first', async () => {
    const sentence = (i: number) =>
      `The Ukraine Defense Contact Group has ${40 + (i % 30)} member countries, Lloyd Austin said in edition ${i}.`;
    // One article (whose claims are not compared among themselves) gives one key more claims than the cap.
    const text = Array.from({ length: CANDIDATES_PER_KEY + 30 }, (_, i) => sentence(i)).join(' ');
    const r = await ingestArticle(t.db, { outlet: 'Wire', title: 'many', text });
    expect(r.status === 'created' && r.claims).toBeGreaterThan(CANDIDATES_PER_KEY);
    const keys = extractArticle(sentence(0)).claims.flatMap((c) => c.keys);
    const found = await candidateClaims(t.db, keys.slice(0, 1));
    expect(found.length).toBe(CANDIDATES_PER_KEY);
    const newest = Math.max(...found.map((c) => Number(c.ref)));
    const maxId = (await t.db.select({ id: claims.id }).from(claims).orderBy(claims.id).all()).at(-1)!.id;
    expect(newest).toBe(maxId);
  });
});
