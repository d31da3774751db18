// The app's own write batches skip the text-check triggers' test (db/queries/text-watch.ts,
// appWriteBatch): a mark row held inside the batch tells the triggers the writer is the app. The
// guarantee of text-watch.test.ts must hold all the same: whatever text that needs repair is stored,
// by the app or anyone else, the next open finds and repairs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { checkText, watchTriggers } from '../../db/queries/text-watch';
import * as schema from '../../db/schema';
import { createApp } from '../../src/app';
import { openNodeDb } from '../../src/node-db';
import { jsonPost } from '../helpers/app';
import { signedIn } from '../helpers/auth';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-textwatch-app-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function raw<T>(url: string, use: (c: ReturnType<typeof createClient>) => Promise<T>): Promise<T> {
  const client = createClient({ url });
  try {
    return await use(client);
  } finally {
    client.close();
  }
}
const one = (url: string, sql: string) => raw(url, async (c) => String((await c.execute(sql)).rows[0]?.[0]));
const check = (url: string) => raw(url, (c) => checkText(drizzle(c, { schema }) as unknown as Db));

/** A database with one article (non-ASCII title and text) stored by the app, then opened again by the app. */
async function opened(name: string) {
  const url = `file:${join(dir, name)}`;
  const first = await openNodeDb(url);
  try {
    const ed = await signedIn(first.db, 'editor', 'ed');
    const res = await createApp({ db: first.db }).request(
      '/api/articles',
      jsonPost(
        {
          outlet: 'Wire',
          title: 'Café count',
          text: 'Officials in Zürich said 61 countries joined. Another 57 countries sent 3,000 troops, Reuters reported.',
        },
        ed.bearer,
      ),
    );
    expect(res.status).toBe(201);
  } finally {
    first.close();
  }
  return { url, app: await openNodeDb(url) };
}

describe("the app's write batches and the text-check triggers", () => {
  it("notes none of the app's clean text, and never leaves the mark behind, even when a batch fails", async () => {
    const { url, app } = await opened('clean.db');
    try {
      expect(await one(url, 'select count(*) from text_checks')).toBe('0');
      await expect(
        app.client.batch(
          [
            { sql: 'update articles set title = ?', args: ['Zürich, again'] },
            { sql: 'insert into no_such_table values (1)', args: [] },
          ],
          'write',
        ),
      ).rejects.toThrow();
      expect(await one(url, 'select title from articles')).toBe('Café count');
      expect(await one(url, 'select count(*) from text_checks')).toBe('0');
      // Reads and writes answer as without the mark.
      const [updated] = await app.client.batch(
        [{ sql: 'update articles set title = ? returning title', args: ['Zürich'] }],
        'write',
      );
      expect(updated?.rows[0]?.title).toBe('Zürich');
      expect(await one(url, 'select count(*) from text_checks')).toBe('0');
    } finally {
      app.close();
    }
  });

  it('leaves a batch to the triggers when an argument could store text that needs repair', async () => {
    const { url, app } = await opened('escaped.db');
    try {
      // SQLite's JSON functions decode the escape of a lone surrogate into bytes that are no UTF-8.
      await app.client.batch(
        [
          {
            sql: 'update claims set text = (select value from json_each(?) limit 1) where id = 1',
            args: ['["Officials \\udfff said"]'],
          },
        ],
        'write',
      );
      expect(await one(url, 'select count(*) from text_checks')).toBe('1');
    } finally {
      app.close();
    }
    const after = await check(url);
    expect(after.fixed.map((f) => `${f.table}.${f.column} ${f.rowid}`)).toEqual(['claims.text 1']);
    expect(await one(url, 'select text from claims where id = 1')).toMatch(/^Officials \ufffd+ said$/);
  });

  it('leaves batches to the triggers while text written by others waits for its check (it could be copied)', async () => {
    const { url, app } = await opened('copied.db');
    try {
      await raw(url, (c) =>
        c.execute("update claims set text = cast(x'4f6666696369616c7320ff' as text) where id = 1"),
      );
      // The app's SQL copies the bad bytes; its arguments are clean.
      await app.client.batch(
        [{ sql: 'update articles set title = (select text from claims where id = ?)', args: [1] }],
        'write',
      );
    } finally {
      app.close();
    }
    const after = await check(url);
    expect(after.fixed.map((f) => `${f.table}.${f.column}`).sort()).toEqual([
      'articles.title',
      'claims.text',
    ]);
    expect(await one(url, 'select title from articles')).toBe('Officials \ufffd');
  });

  it('reads every table whole when a mark was ever committed, and replaces triggers of before the mark without reading', async () => {
    const { url, app } = await opened('marked.db');
    app.close();
    await raw(url, (c) =>
      c.batch(
        [
          "insert into text_checks (id, tbl, rid) values (-1, '', 0)",
          "update articles set title = cast(x'436f616c6974696f6e20edbfbf' as text)",
        ],
        'write',
      ),
    );
    const marked = await check(url);
    expect(marked.scanned).toContain('articles');
    expect(marked.scanned).toContain('claims');
    expect(marked.fixed.map((f) => `${f.table}.${f.column}`)).toEqual(['articles.title']);
    expect(await one(url, 'select count(*) from text_checks')).toBe('0');

    // The triggers as session 17 made them: current again without reading a table.
    const columns = await raw(url, async (c) =>
      (await c.execute("select name from pragma_table_info('sources') where type like '%text%'")).rows.map(
        (r) => String(r.name),
      ),
    );
    await raw(url, (c) =>
      c.batch(
        watchTriggers('sources', columns, true).flatMap((t) => [`drop trigger "${t.name}"`, t.sql]),
        'write',
      ),
    );
    expect(await check(url)).toEqual({ fixed: [], scanned: [], checked: 0 });
    const now = await raw(
      url,
      async (c) =>
        (await c.execute("select sql from sqlite_master where name = 'text_check_sources_insert'")).rows[0]
          ?.sql,
    );
    expect(now).toBe(watchTriggers('sources', columns)[0]?.sql);
  });
});
