// `npm run dev:worker`: the dashboard in local workerd. Builds the assets, migrates the local D1,
// starts `wrangler dev` on 127.0.0.1, posts the seed articles through the Worker, prints the cold start.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '../auth/password';
import { newToken, tokenHash } from '../auth/tokens';
import { devWorkerPortFromEnv } from '../config';
import { randomPassword } from '../services/accounts';
import { buildAssets } from './build-assets';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler');
const HOST = '127.0.0.1';
// 8787 is `npm start`'s port; the two can run side by side.
const PORT = devWorkerPortFromEnv(process.env);
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };

interface ManifestEntry {
  file: string;
  outlet: string;
  title: string;
  url?: string | null;
  published?: string | null;
  publishedAt?: string | null;
}

/** Polls `url` until it answers 200; returns milliseconds since `since`. */
export async function waitFor200(url: string, since: number, child: ChildProcess, timeoutMs = 60_000) {
  while (Date.now() - since < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return Date.now() - since;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/**
 * Posts every article of seeds/manifest.json to a running crosscheck; duplicates are reported, not
 * errors. On a Worker with the CROSSREF queue the answers say 'pending': this then waits until the
 * queue consumer has compared each with the archive, so the dashboard shows their conflicts.
 */
export async function postSeeds(base: string, headers: Record<string, string> = {}): Promise<void> {
  const pending: number[] = [];
  const manifest = JSON.parse(readFileSync(join(ROOT, 'seeds/manifest.json'), 'utf8')) as ManifestEntry[];
  for (const entry of manifest) {
    const text = readFileSync(join(ROOT, 'seeds', entry.file), 'utf8');
    const res = await fetch(`${base}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      // Absent rather than null: the API takes optional fields, not nullable ones.
      body: JSON.stringify({
        outlet: entry.outlet,
        title: entry.title,
        url: entry.url ?? undefined,
        publishedAt: entry.publishedAt ?? entry.published ?? undefined,
        text,
      }),
    });
    const body = await res.text();
    if (!res.ok && res.status !== 409)
      throw new Error(`POST /api/articles ${entry.file}: ${res.status} ${body}`);
    console.log(`seed ${entry.file}: ${res.status} ${body.slice(0, 160)}`);
    const answer = JSON.parse(body) as { articleId?: number; crossReference?: string; progress?: string };
    if (answer.crossReference === 'pending' && answer.articleId) pending.push(answer.articleId);
    // Received (202): the queue consumer's extract stage stores it; its import names the article.
    if (answer.progress) pending.push(await storedFrom(`${base}${answer.progress}`, headers));
  }
  for (const id of pending) {
    const since = Date.now();
    for (;;) {
      const res = await fetch(`${base}/api/articles/${id}`, {
        headers: { accept: 'application/json', ...headers },
      });
      const article = (await res.json()) as { crossrefPending?: boolean };
      if (!article.crossrefPending) break;
      if (Date.now() - since > 30_000)
        throw new Error(`article ${id} is still being cross-referenced after 30 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`seed article ${id}: cross-referenced by the queue consumer in ${Date.now() - since} ms`);
  }
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Writes need an account: on the first run the local D1 gets an editor "admin" (password printed once,
 * as `npm start` does), and every run mints a fresh API token for posting the seeds.
 */
async function localAdmin(): Promise<{ token: string; password: string | null }> {
  const d1 = (sql: string) => {
    const run = spawnSync(WRANGLER, ['d1', 'execute', 'DB', '--local', '--json', '--command', sql], {
      cwd: ROOT,
      env: { ...env, CI: 'true' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`wrangler d1 execute failed: ${run.stderr || run.stdout}`);
    return JSON.parse(run.stdout) as { results?: Record<string, unknown>[] }[];
  };
  const users = Number(d1('SELECT count(*) AS n FROM users')[0]?.results?.[0]?.n ?? 0);
  const password = users === 0 ? randomPassword() : null;
  const token = newToken();
  d1(
    [
      password
        ? `INSERT INTO users (login, display_name, role, password_hash) VALUES ('admin', 'Administrator', 'editor', ${sqlString(await hashPassword(password))}) ON CONFLICT (login) DO NOTHING`
        : '',
      // The seeds go in as the first editor there is (admin, or whoever the local accounts are).
      `INSERT INTO api_tokens (user_id, token_hash, label) SELECT id, ${sqlString(await tokenHash(token))}, 'dev:worker seeds' FROM users WHERE role = 'editor' AND disabled = 0 ORDER BY id LIMIT 1`,
    ]
      .filter(Boolean)
      .join('; '),
  );
  return { token, password };
}

async function main() {
  buildAssets(ROOT);
  const migrate = spawnSync(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local'], {
    cwd: ROOT,
    env: { ...env, CI: 'true' }, // non-interactive: no confirmation prompt
    stdio: 'inherit',
  });
  if (migrate.status !== 0) process.exit(migrate.status ?? 1);
  const admin = await localAdmin();

  const started = Date.now();
  // Own process group (like setsid): wrangler starts workerd children, and they all stop together.
  const child = spawn(
    WRANGLER,
    [
      'dev',
      '--ip',
      HOST,
      '--port',
      String(PORT),
      '--show-interactive-dev-session=false',
      ...process.argv.slice(2),
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true },
  );
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('exit', stop);
  child.on('exit', (code) => process.exit(code ?? 0));

  const base = `http://${HOST}:${PORT}`;
  try {
    const coldStart = await waitFor200(`${base}/`, started, child);
    console.log(`\ncold start: ${coldStart} ms from launching wrangler dev to the first 200`);
    await postSeeds(base, { authorization: `Bearer ${admin.token}` });
    if (admin.password)
      console.log(`\nNo accounts yet: created editor "admin" with password ${admin.password} (shown once).`);
    console.log(`\ncrosscheck (workerd, local D1) on ${base}/ — Ctrl-C to stop\n`);
  } catch (error) {
    console.error(error);
    stop();
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

/** The article a one-item import stored, once the queue consumer has stored it (30 s at most). */
async function storedFrom(progress: string, headers: Record<string, string>): Promise<number> {
  const since = Date.now();
  for (;;) {
    const res = await fetch(progress, { headers: { accept: 'application/json', ...headers } });
    const { items } = (await res.json()) as {
      items: { status: string; articleId: number | null; reason: string | null }[];
    };
    const item = items[0];
    if (item?.articleId && (item.status === 'stored' || item.status === 'duplicate')) return item.articleId;
    if (item?.status === 'failed') throw new Error(`${progress}: the article was not stored: ${item.reason}`);
    if (Date.now() - since > 30_000) throw new Error(`${progress}: not stored after 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
