// The start-up repair of unreadable text (issue 19) reads a table whole only once; later opens read the
// rows triggers noted since (issue 20: 85 s at every start of a million-claim archive). What
// unicode-store.test.ts guarantees must hold all the same: bytes written by any client between two
// opens are repaired by the second.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { checkText } from '../../db/queries/text-watch';
import * as schema from '../../db/schema';
import { createApp } from '../../src/app';
import { openNodeDb } from '../../src/node-db';
import { jsonPost } from '../helpers/app';
import { signedIn } from '../helpers/auth';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-textwatch-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs raw SQL as another client would (an SQL shell, an older version), then the check of an open. */
async function writeThenCheck(url: string, statements: string[]) {
  const raw = createClient({ url });
  try {
    if (statements.length > 0) await raw.batch(statements, 'write');
    return await checkText(drizzle(raw, { schema }) as unknown as Db);
  } finally {
    raw.close();
  }
}

async function stored(url: string, sql: string): Promise<string> {
  const raw = createClient({ url });
  try {
    return String((await raw.execute(sql)).rows[0]?.[0]);
  } finally {
    raw.close();
  }
}

async function databaseWithAnArticle(name: string): Promise<string> {
  const url = `file:${join(dir, name)}`;
  const opened = await openNodeDb(url);
  try {
    const ed = await signedIn(opened.db, 'editor', 'ed');
    const res = await createApp({ db: opened.db }).request(
      '/api/articles',
      jsonPost(
        {
          outlet: 'Wire',
          title: 'Café count',
          text: 'Officials said 61 countries joined. Another 57 countries sent 3,000 troops, Reuters reported.',
        },
        ed.bearer,
      ),
    );
    expect(res.status).toBe(201);
  } finally {
    opened.close();
  }
  return url;
}

describe('the start-up check of stored text', () => {
  it('reads no table whole once watched, and checks only rows written with text that may need repair', async () => {
    const url = await databaseWithAnArticle('watched.db');
    // The app's own write batches carry the mark that spares them the triggers ("Café" is not noted:
    // text-watch-app.test.ts); another client's non-ASCII text is noted, clean ASCII is not.
    const first = await writeThenCheck(url, [
      "update sources set homepage = 'https://wire.example'",
      "update articles set title = 'Café count, again'",
    ]);
    expect(first.scanned).toEqual([]);
    expect(first.fixed).toEqual([]);
    expect(first.checked).toBe(1);
    const quiet = await writeThenCheck(url, ["update sources set homepage = 'https://wire.example/2'"]);
    expect(quiet).toEqual({ fixed: [], scanned: [], checked: 0 });

    const bad = await writeThenCheck(url, [
      "update claims set text = cast(x'4f6666696369616c7320edbfbf20ff80' as text) where id = 1",
      `update claims set entities = '["\\udfff"]' where id = 2`,
    ]);
    expect(bad.scanned).toEqual([]);
    expect(bad.checked).toBe(2);
    expect(bad.fixed.map((f) => `${f.table}.${f.column} ${f.rowid}`).sort()).toEqual([
      'claims.entities 2',
      'claims.text 1',
    ]);
    expect(await stored(url, 'select text from claims where id = 1')).toMatch(/^Officials \ufffd+ \ufffd+$/);
    expect(await stored(url, 'select entities from claims where id = 2')).toBe('["\ufffd"]');
    // The repair's own writes were looked at again and forgotten.
    expect(await stored(url, 'select count(*) from text_checks')).toBe('0');
  });

  it('reads a table whole when it has no triggers yet (a database from before), then watches it', async () => {
    const url = await databaseWithAnArticle('before.db');
    const raw = createClient({ url });
    const triggers = await raw.execute(
      "select name from sqlite_master where type = 'trigger' and name like 'text_check_%'",
    );
    expect(triggers.rows.length).toBeGreaterThan(10);
    // As a database made before the triggers: none, and bad bytes already stored.
    await raw.batch(
      [
        ...triggers.rows.map((r) => `drop trigger "${String(r.name)}"`),
        "update articles set title = cast(x'436f616c6974696f6e20edbfbf' as text)",
        'delete from text_checks',
      ],
      'write',
    );
    raw.close();
    const check = await writeThenCheck(url, []);
    expect(check.scanned).toContain('articles');
    expect(check.scanned).toContain('claims');
    expect(check.fixed.map((f) => `${f.table}.${f.column}`)).toEqual(['articles.title']);
    expect(await writeThenCheck(url, [])).toEqual({ fixed: [], scanned: [], checked: 0 });
  });

  it('reads a table whole again when its text columns changed, and the server then reads every page', async () => {
    const url = await databaseWithAnArticle('altered.db');
    const check = await writeThenCheck(url, [
      'alter table sources add column motto text',
      "update sources set motto = cast(x'57697265ff' as text)",
    ]);
    expect(check.scanned).toEqual(['sources']);
    expect(check.fixed.map((f) => `${f.table}.${f.column}`)).toEqual(['sources.motto']);

    const raw = createClient({ url });
    await raw.execute("update sources set name = cast(x'57697265ff' as text)");
    raw.close();
    const again = await openNodeDb(url);
    try {
      const res = await createApp({ db: again.db }).request('/api/articles');
      expect(res.status).toBe(200);
    } finally {
      again.close();
    }
    expect(await stored(url, 'select name from sources')).toBe('Wire\ufffd');
  });
});
