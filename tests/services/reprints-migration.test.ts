// Migration 0015 (the same text once per outlet, not once in all) on a database created at the schema
// before it, as `npm start`, `npm run migrate:libsql` and wrangler apply it: every stored row survives,
// the old unique index is gone, and a reprint that index refused can now be stored as a copy.
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import * as schema from '../../db/schema';
import { loadSeeds } from '../../seeds/load';
import { ingestArticle } from '../../src/services/ingest';

const MIGRATION = '0015_reprints_per_outlet';
let dir: string;
let client: Client;
let db: Db;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-migration-'));
  // The migrations as they were before this one: the folder without it, and its journal without its entry.
  const before = join(dir, 'before');
  cpSync('db/migrations', before, { recursive: true });
  unlinkSync(join(before, `${MIGRATION}.sql`));
  const journalFile = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < MIGRATION);
  writeFileSync(journalFile, JSON.stringify(journal));
  client = createClient({ url: `file:${join(dir, 'old.db')}` });
  db = drizzle(client, { schema }) as unknown as Db;
});
afterAll(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every row of every table, in rowid order. */
async function everyRow(): Promise<Record<string, unknown[]>> {
  const tables = await client.execute(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like 'claims_fts%' order by name",
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.rows)
    out[String(name)] = (await client.execute(`select * from "${String(name)}" order by rowid`)).rows.map(
      (r) => JSON.stringify(r),
    );
  return out;
}

const indexesOfArticles = async () =>
  (
    await client.execute("select name, sql from sqlite_master where type = 'index' and tbl_name = 'articles'")
  ).rows.map((r) => [String(r.name), String(r.sql ?? '')]);

describe(`migration ${MIGRATION}`, () => {
  it('keeps every stored row and lets another outlet’s reprint in, as a copy', async () => {
    await migrate(drizzle(client), { migrationsFolder: join(dir, 'before') });
    expect((await indexesOfArticles()).map(([n]) => n)).toContain('articles_content_hash');
    const seeded = await loadSeeds(db);
    expect(seeded.map((r) => r.status)).toEqual(['created', 'created']);
    const [first] = (await client.execute('select body from articles order by id limit 1')).rows;
    const reprint = { outlet: 'Reprint Daily', title: 'Reprinted', text: String(first!.body) };
    // At the old schema the text is stored once in all: another outlet's reprint is refused.
    await expect(ingestArticle(db, reprint)).rejects.toThrow(/UNIQUE/);
    const before = await everyRow();
    expect(before.articles).toHaveLength(2);
    expect(before.links!.length).toBeGreaterThan(0);

    await migrate(drizzle(client), { migrationsFolder: 'db/migrations' });
    expect(await everyRow()).toEqual(before);
    const indexes = await indexesOfArticles();
    expect(indexes.map(([n]) => n)).not.toContain('articles_content_hash');
    expect(indexes.find(([n]) => n === 'articles_content_hash_source')?.[1]).toMatch(
      /^CREATE UNIQUE INDEX .*\(`content_hash`,`source_id`\)/,
    );

    const stored = await ingestArticle(db, reprint);
    if (stored.status !== 'created') throw new Error(stored.status);
    const row = await client.execute(`select copy_of from articles where id = ${stored.articleId}`);
    expect(row.rows[0]!.copy_of).toBe(1);
    const between = await client.execute(`select count(*) as n from links l join claims a on a.id = l.claim_a
      join claims b on b.id = l.claim_b where a.article_id in (1, ${stored.articleId}) and b.article_id in (1, ${stored.articleId}) and a.article_id <> b.article_id`);
    expect(between.rows[0]!.n).toBe(0);
    // The same outlet's text again is still one article.
    expect(await ingestArticle(db, { ...reprint, title: 'Again' })).toMatchObject({ status: 'duplicate' });
  });
});
