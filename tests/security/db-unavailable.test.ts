// The database locked or gone: a clear 503 (page, fragment or JSON, with Retry-After), the server keeps
// running, and it answers normally again once the database is back.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import * as schema from '../../db/schema';
import { loadSeeds } from '../../seeds/load';
import { createApp } from '../../src/app';
import { isDatabaseUnavailable } from '../../src/middleware/db-unavailable';
import { type RunningServer, startServer } from '../../src/node';
import { openNodeDb } from '../../src/node-db';
import { formPost, HTMX, jsonPost, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-dbdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isDatabaseUnavailable', () => {
  it('knows busy, locked, unreachable and closed databases from bugs', () => {
    const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' }))).toBe(true);
    expect(
      isDatabaseUnavailable(wrapped(Object.assign(new Error('y'), { code: 'SQLITE_IOERR_WRITE' }))),
    ).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error('database is locked')))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new TypeError('fetch failed')))).toBe(true);
    expect(isDatabaseUnavailable(new Error('D1_ERROR: Network connection lost.'))).toBe(true);
    expect(
      isDatabaseUnavailable(wrapped(Object.assign(new Error('z'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))),
    ).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
  });
});

describe('a locked database (another writer holds the write lock)', () => {
  const url = `file:${join(dir, 'locked.db')}`;
  let db: Db;
  let close = () => {};
  let ed: SignedIn;
  let claimId: number;
  beforeAll(async () => {
    const opened = await openNodeDb(url);
    await loadSeeds(opened.db);
    opened.close();
    // The app's own client, with a short busy timeout so the test does not wait the production 5 s.
    const client = createClient({ url, timeout: 300 });
    await client.execute('PRAGMA journal_mode=WAL');
    db = drizzle(client, { schema }) as unknown as Db;
    close = () => client.close();
    claimId = (await db.select().from(schema.claims).limit(1).get())!.id;
    ed = await signedIn(db, 'editor');
  });
  afterAll(() => close());

  it('answers writes with 503 while locked, and stores them once the lock is released', async () => {
    const app = createApp({ db });
    const locker = createClient({ url });
    const tx = await locker.transaction('write');
    await tx.execute('UPDATE claims SET version = version WHERE id = -1');
    try {
      const version = (await db.select().from(schema.claims).where(eq(schema.claims.id, claimId)).get())!
        .version;
      const page = await app.request(
        `/claims/${claimId}/status`,
        formPost({ status: 'verified', version: String(version) }, ed.cookie),
      );
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('5');
      const html = await page.text();
      expect(html).toContain('<html');
      expect(visibleText(html)).toMatch(/database is unavailable or busy.*Nothing was changed/);

      const part = await app.request(
        `/claims/${claimId}/status`,
        formPost({ status: 'verified', version: String(version) }, { ...HTMX, ...ed.cookie }),
      );
      expect(part.status).toBe(503);
      expect(await part.text()).not.toContain('<html');
      // Into the page's #flash box, not over the review box htmx targeted (the form stays as it was).
      expect(part.headers.get('hx-retarget')).toBe('#flash');

      const api = await app.request(
        `/api/claims/${claimId}/status`,
        jsonPost({ status: 'verified', version }, ed.bearer),
      );
      expect(api.status).toBe(503);
      expect((await api.json()).error).toMatchObject({
        status: 503,
        message: expect.stringMatching(/try again/),
      });
      // Reads still work under WAL while a writer holds the lock.
      expect((await app.request('/')).status).toBe(200);
    } finally {
      await tx.rollback();
      tx.close();
      locker.close();
    }
    const version = (await db.select().from(schema.claims).where(eq(schema.claims.id, claimId)).get())!
      .version;
    const again = await app.request(
      `/claims/${claimId}/status`,
      formPost({ status: 'verified', version: String(version) }, ed.cookie),
    );
    expect(again.status).toBe(303);
  });
});

function findSqld(): string | null {
  if (process.env.SQLD_PATH) return existsSync(process.env.SQLD_PATH) ? process.env.SQLD_PATH : null;
  const which = spawnSync('sh', ['-c', 'command -v sqld'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}
const sqldPath = findSqld();
const inCI = process.env.CI === 'true';
if (!sqldPath && !inCI)
  console.warn('\nsqld not found (set SQLD_PATH): skipping the "database goes away" test.\n');

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? ok(a.port) : fail(new Error('no port'))));
    });
  });

describe.skipIf(!sqldPath && !inCI)('a database server that goes away and comes back (sqld)', () => {
  let sqld: ChildProcess | undefined;
  let server: RunningServer | undefined;
  let port: number;
  const dbPath = join(dir, 'sqld-data');

  async function startSqld() {
    if (!sqldPath) throw new Error('CI=true but sqld was not found: set SQLD_PATH');
    sqld = spawn(sqldPath, ['--db-path', dbPath, '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('sqld did not start');
  }
  async function stopSqld() {
    const child = sqld;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((ok) => {
      child.once('exit', () => ok());
      child.kill('SIGKILL');
    });
  }

  beforeAll(async () => {
    port = await freePort();
    await startSqld();
    server = await startServer({
      port: 0,
      databaseUrl: `http://127.0.0.1:${port}`,
      // Reads and a review write are enough to tell "down" from "back".
      seed: false,
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await stopSqld();
  });

  it('serves 503 pages while it is gone, keeps running, and recovers when it returns', async () => {
    const at = (path: string) => new URL(path, server!.url);
    expect((await fetch(at('/'))).status).toBe(200);

    await stopSqld();
    const down = await fetch(at('/'));
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(visibleText(await down.text())).toMatch(/database is unavailable/);
    const api = await fetch(at('/api/conflicts'));
    expect(api.status).toBe(503);
    expect((await api.json()).error.status).toBe(503);
    const review = () =>
      fetch(at('/api/claims/1/status'), {
        method: 'POST',
        body: JSON.stringify({ status: 'verified', version: 1 }),
        headers: { 'Content-Type': 'application/json' },
      });
    // 503 once it reaches the database (401 first where writes need a signed-in user: no credentials here).
    expect([401, 503]).toContain((await review()).status);
    // Static files do not need the database: the server process is alive.
    expect((await fetch(at('/static/app.css'))).status).toBe(200);

    await startSqld();
    let back = 0;
    for (let i = 0; i < 50 && back !== 200; i++) {
      back = (await fetch(at('/'))).status;
      if (back !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(back).toBe(200);
    // The database answers again: not 503 (this empty database has no claim 1, and no user).
    const after = (await review()).status;
    expect(after).toBeGreaterThanOrEqual(400);
    expect(after).toBeLessThan(500);
    expect((await fetch(at('/api/conflicts'))).status).toBe(200);
  }, 60_000);
});
