// One stored article must never take the server down (issue 19). A lone UTF-16 surrogate sent as JSON
// ("\udfff") used to reach SQLite through json_each as bytes that are no UTF-8; libSQL's client then
// panicked (killing the process) on every later read of the row: GET /, the article page, the exports.
// Text is now made well-formed and free of control characters before it is stored; labels lose
// invisible and bidirectional characters; and a database that already holds such bytes is repaired
// when it is opened.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { repairText } from '../../db/queries/repair-text';
import * as schema from '../../db/schema';
import { createApp } from '../../src/app';
import { openNodeDb } from '../../src/node-db';
import { createTestApp, jsonPost, type TestApp } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

const LONE = '\udfff';
const TEXT = `Officials said a coalition of 61 countries ${LONE} joined. Another 57 countries ${'\ud800'} sent 3,000 troops, Reuters reported.`;

/** Every page and export that shows an article, its claims or its outlet. */
const READS = (id: number) => [
  '/',
  '/?q=countries',
  `/articles/${id}`,
  '/articles',
  `/api/articles/${id}`,
  '/api/articles',
  '/api/conflicts',
  '/api/export/claims.json?status=all',
  '/api/export/claims.csv?status=all',
  '/api/export/conflicts.json',
  '/api/export/claimreview',
];

async function readAll(app: TestApp['app'], id: number, headers: Record<string, string>) {
  const out: string[] = [];
  for (const path of READS(id)) {
    const res = await app.request(path, { headers });
    expect(res.status, path).toBeLessThan(500);
    out.push(await res.text());
  }
  return out.join('\n');
}

describe('text with lone surrogates, controls and invisible characters', () => {
  let t: TestApp;
  let ed: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    ed = await signedIn(t.db, 'editor');
  });
  afterAll(() => t.cleanup());

  it('stores a lone surrogate as U+FFFD, and every page and export that reads it answers', async () => {
    const res = await t.app.request(
      '/api/articles',
      jsonPost({ outlet: `Out${LONE}let`, title: `Coalition ${LONE} grows`, text: TEXT }, ed.bearer),
    );
    expect(res.status).toBe(201);
    const { articleId } = await res.json();
    const all = await readAll(t.app, articleId, { ...ed.cookie, ...ed.bearer });
    expect(all).toContain('61 countries \ufffd');
    expect(all).not.toMatch(/[\ud800-\udfff](?![\udc00-\udfff])/);
    // Read a second time, as after a restart.
    await readAll(t.app, articleId, { ...ed.cookie, ...ed.bearer });
  });

  it('removes control characters, and invisible and bidi characters from titles and outlets', async () => {
    const a = await t.app.request(
      '/api/articles',
      jsonPost(
        {
          outlet: 'Reuters',
          title: 'Plain',
          text: 'Crews counted 12 trucks in Kyiv on Monday, officials said.',
        },
        ed.bearer,
      ),
    );
    const b = await t.app.request(
      '/api/articles',
      jsonPost(
        {
          outlet: 'Reu\u200bters',
          title: 'Ti\u0000tle \u202eesrever\u202c and\u00ad more\u0007',
          text: 'Crews counted 14 trucks in Kyiv on Monday, officials said.',
        },
        ed.bearer,
      ),
    );
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    const da = await (
      await t.app.request(`/api/articles/${(await a.json()).articleId}`, { headers: ed.bearer })
    ).json();
    const db = await (
      await t.app.request(`/api/articles/${(await b.json()).articleId}`, { headers: ed.bearer })
    ).json();
    const flat = JSON.stringify(db);
    expect(flat).not.toMatch(/[\u0000-\u0008\u200b\u202e\u202c\u00ad]/);
    expect(flat).toContain('Title esrever and more');
    // One outlet, not two that look alike.
    expect(JSON.stringify(da)).toContain('"Reuters"');
    expect(flat).toContain('"Reuters"');
    expect(flat).not.toContain('Reu\u200bters');
  });

  it('says so when a title is nothing but invisible characters', async () => {
    const res = await t.app.request(
      '/api/articles',
      jsonPost(
        { outlet: 'Reuters', title: '\u200b\u202e', text: 'Crews counted 16 trucks in Lviv.' },
        ed.bearer,
      ),
    );
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toMatch(/visible characters/);
  });
});

describe('a database that already holds bytes that are no UTF-8', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-badrows-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is repaired when opened, and the server then reads every page', async () => {
    const url = `file:${join(dir, 'bad.db')}`;
    // Stored as today's main stored it, then bytes that are no UTF-8 written in by SQL.
    const first = await openNodeDb(url);
    const ed0 = await signedIn(first.db, 'editor', 'ed0');
    const res = await createApp({ db: first.db }).request(
      '/api/articles',
      jsonPost(
        { outlet: 'Wire', title: 'Coalition', text: TEXT.replace(/[\ud800-\udfff]/g, '') },
        ed0.bearer,
      ),
    );
    expect(res.status).toBe(201);
    first.close();
    const raw = createClient({ url });
    await raw.batch(
      [
        // ED BF BF: what json_each made of "\udfff"; FF and a lone continuation byte.
        "update claims set text = cast(x'4f6666696369616c7320edbfbf20ff80' as text) where id = 1",
        "update articles set title = cast(x'436f616c6974696f6e20edbfbf' as text)",
        "update sources set name = cast(x'57697265ff' as text)",
        `update claims set terms = '["e:cntr","\\udfff"]' where id = 1`,
      ],
      'write',
    );
    // The panic this guards against: reading the value back as TEXT. As a BLOB it is readable.
    const bytes = await raw.execute('select hex(text) h from claims where id = 1');
    expect(String(bytes.rows[0]!.h)).toContain('EDBFBF');
    raw.close();

    // The repair alone finds the four values.
    const probe = createClient({ url });
    const fixed = await repairText(drizzle(probe, { schema }) as unknown as Db);
    expect(fixed.map((f) => `${f.table}.${f.column}`).sort()).toEqual([
      'articles.title',
      'claims.terms',
      'claims.text',
      'sources.name',
    ]);
    expect(await repairText(drizzle(probe, { schema }) as unknown as Db)).toEqual([]);
    // Written bad again, and opened as the server opens it.
    await probe.execute("update claims set text = cast(x'4f6666696369616c7320edbfbf' as text) where id = 1");
    probe.close();

    const again = await openNodeDb(url);
    try {
      const ed = await signedIn(again.db, 'editor', 'ed1');
      const all = await readAll(createApp({ db: again.db }), 1, { ...ed.cookie, ...ed.bearer });
      expect(all).toContain('Officials \ufffd');
      expect(all).toContain('Coalition \ufffd');
    } finally {
      again.close();
    }
  });
});
