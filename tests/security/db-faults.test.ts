// Database faults under a running Node server (a real file, a real HTTP server): deleted, replaced,
// read-only, full. Every write answers 503 with Retry-After, nothing is acknowledged that is not in
// the database file, and the server recovers without a restart once the fault clears. (A locked
// database and a libSQL server that goes away: tests/security/db-unavailable.test.ts.)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from '../../src/node';
import { type SignedIn, signedIn } from '../helpers/auth';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-dbfaults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

let n = 0;
async function start(name: string, opts: Partial<ServerOptions> = {}) {
  const file = join(dir, `${name}.db`);
  server = await startServer({ port: 0, databaseUrl: `file:${file}`, firstAdmin: false, ...opts });
  const reviewer = await signedIn(server.db, 'reviewer');
  return { file, reviewer, at: (path: string) => new URL(path, server!.url) };
}

/** A new article through the JSON API (unique text, so never a duplicate). */
function postArticle(at: (p: string) => URL, who: SignedIn, title = `Fault ${++n}`) {
  return fetch(at('/api/articles'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...who.bearer },
    body: JSON.stringify({
      outlet: 'Fault Wire',
      title,
      text: `${title}: officials said 1${n}4 people were evacuated from 3${n} villages on Monday.`,
    }),
  });
}

async function titlesIn(file: string): Promise<string[]> {
  const c = createClient({ url: `file:${file}` });
  try {
    return (await c.execute('select title from articles order by id')).rows.map((r) => String(r.title));
  } finally {
    c.close();
  }
}

async function expect503(res: Response, what: string) {
  expect(res.status, what).toBe(503);
  expect(res.headers.get('retry-after'), what).toBe('5');
  await res.arrayBuffer();
}

async function eventually(ok: () => Promise<boolean>, ms = 10_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await ok()) return true;
    await new Promise((r) => setTimeout(r, 150));
  }
  return false;
}

describe('the database file deleted under a running server', () => {
  it('answers 503 to every request (writes acknowledge nothing), creates no empty file, and recovers when a backup is put back', async () => {
    const { file, reviewer, at } = await start('deleted');
    expect((await postArticle(at, reviewer, 'Before the fault')).status).toBe(201);
    const backup = join(dir, 'deleted-backup.db');
    const c = createClient({ url: `file:${file}` });
    await c.execute(`VACUUM INTO '${backup}'`);
    c.close();

    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    // Used to be 201 three times (into the deleted inode, lost), then 500 "no such table".
    for (const title of ['Lost 1', 'Lost 2', 'Lost 3'])
      await expect503(await postArticle(at, reviewer, title), title);
    await expect503(await fetch(at('/')), 'GET /');
    await expect503(await fetch(at('/api/conflicts')), 'GET /api/conflicts');
    await expect503(
      await fetch(at('/api/claims/1/status'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...reviewer.bearer },
        body: JSON.stringify({ status: 'verified', version: 1 }),
      }),
      'a review',
    );
    // The server did not make itself a new, empty database at the path.
    expect(existsSync(file)).toBe(false);
    // Static files need no database: the process is alive.
    expect((await fetch(at('/static/app.css'))).status).toBe(200);

    // The operator restores the backup: no restart needed. (The reviewer's token is in the backup.)
    copyFileSync(backup, file);
    expect(await eventually(async () => (await fetch(at('/'))).status === 200)).toBe(true);
    expect((await postArticle(at, reviewer, 'After the restore')).status).toBe(201);
    expect(await titlesIn(file)).toEqual(expect.arrayContaining(['Before the fault', 'After the restore']));
    expect((await titlesIn(file)).filter((t) => t.startsWith('Lost'))).toEqual([]);
  });

  it('refuses an empty or foreign file put at the path (still 503), rather than serving an empty database', async () => {
    const { file, reviewer, at } = await start('foreign');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    const other = createClient({ url: `file:${file}` });
    await other.execute('create table notes (x)');
    other.close();
    await new Promise((r) => setTimeout(r, 1100));
    await expect503(await postArticle(at, reviewer), 'write to a foreign file');
    await expect503(await fetch(at('/')), 'read from a foreign file');
  });

  it('only the main file deleted (WAL left behind): writes are refused too', async () => {
    const { file, reviewer, at } = await start('main-only');
    expect((await postArticle(at, reviewer)).status).toBe(201);
    rmSync(file);
    await expect503(await postArticle(at, reviewer), 'write');
  });

  it('a write that commits while the file is being deleted is answered 503, not 201', async () => {
    let file = '';
    // Runs inside the ingest request, after the article's batch committed and before the answer.
    const deleteMidRequest = async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    };
    const started = await start('mid-request', { crossReferenceLater: deleteMidRequest });
    file = started.file;
    const res = await postArticle(started.at, started.reviewer, 'Committed into a deleted file');
    await expect503(res, 'the ingest');
  });
});

/** chattr +i (needs root or CAP_LINUX_IMMUTABLE on ext4/xfs/btrfs); else plain permissions when not root. */
function canMakeReadOnly(): boolean {
  const probe = join(dir, 'probe');
  copyFileSync(__filename, probe);
  const on = spawnSync('chattr', ['+i', probe]);
  spawnSync('chattr', ['-i', probe]);
  return on.status === 0 || process.getuid?.() !== 0;
}
function setReadOnly(paths: string[], readOnly: boolean) {
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const r = spawnSync('chattr', [readOnly ? '+i' : '-i', p]);
    if (r.status !== 0) spawnSync('chmod', [readOnly ? '444' : '644', p]);
  }
}
const readOnlyWorks = canMakeReadOnly();
if (!readOnlyWorks)
  console.warn('\nneither chattr nor permissions can make a file read-only here: skipping\n');

describe.skipIf(!readOnlyWorks)('a read-only database file', () => {
  it('answers writes 503 while read-only and takes writes again once writable, without a restart', async () => {
    const { file, reviewer, at } = await start('readonly');
    const paths = [file, `${file}-wal`];
    expect((await postArticle(at, reviewer)).status).toBe(201);
    setReadOnly(paths, true);
    try {
      for (let i = 0; i < 3; i++)
        await expect503(await postArticle(at, reviewer, `Read-only ${i}`), `write ${i}`);
      // Requests at once make the connection pool open new connections while the file is read-only:
      // SQLite opens those read-only, and they stayed read-only after the file was writable again.
      const burst = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          i % 2 ? fetch(at('/api/conflicts?q=troops')) : postArticle(at, reviewer, `Read-only burst ${i}`),
        ),
      );
      for (const [i, res] of burst.entries()) {
        await res.arrayBuffer();
        if (i % 2 === 0) expect(res.status, `burst write ${i}`).toBe(503);
      }
    } finally {
      setReadOnly(paths, false);
    }
    // Used to stay 503 SQLITE_READONLY for good (30 s and more) until a restart.
    let status = 0;
    expect(
      await eventually(async () => {
        status = (await postArticle(at, reviewer)).status;
        return status === 201;
      }),
      `last status ${status}`,
    ).toBe(true);
    // And it stays recovered: every write of a burst lands, whichever connection serves it.
    const after = await Promise.all(Array.from({ length: 6 }, () => postArticle(at, reviewer)));
    expect(after.map((r) => r.status)).toEqual(after.map(() => 201));
    expect((await titlesIn(file)).filter((t) => t.startsWith('Read-only'))).toEqual([]);
  });
});

describe('a full database', () => {
  it('answers 503 with nothing stored, and takes writes again once there is room', async () => {
    const { file, reviewer, at } = await start('full');
    // The server's connection may not grow the file: SQLITE_FULL on the next page it needs.
    const client = (server!.db as unknown as { $client: Client }).$client;
    const pages = Number((await client.execute('PRAGMA page_count')).rows[0]![0]);
    await client.execute(`PRAGMA max_page_count = ${pages}`);
    const big = `${'Officials said 57 countries sent 1,200 troops to the border. '.repeat(400)}`;
    const res = await fetch(at('/api/articles'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...reviewer.bearer },
      body: JSON.stringify({ outlet: 'Full Wire', title: 'Too big to fit', text: big }),
    });
    await expect503(res, 'full');
    expect(await titlesIn(file)).not.toContain('Too big to fit');
    // Room again (here: the connection is reopened without the cap, as after freeing disk space).
    expect(await eventually(async () => (await postArticle(at, reviewer, 'Fits now')).status === 201)).toBe(
      true,
    );
  });
});
