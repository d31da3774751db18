// `npm run dev:worker`: the dashboard in local workerd. Builds the assets, migrates the local D1,
// starts `wrangler dev` on 127.0.0.1, posts the seed articles through the Worker, prints the cold start.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAssets } from './build-assets';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler');
const HOST = '127.0.0.1';
// 8787 is `npm start`'s port; the two can run side by side.
const PORT = Number(process.env.WORKER_PORT ?? 8788);
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

/** Posts every article of seeds/manifest.json to a running crosscheck; duplicates are reported, not errors. */
export async function postSeeds(base: string, headers: Record<string, string> = {}): Promise<void> {
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
  }
}

async function main() {
  buildAssets(ROOT);
  const migrate = spawnSync(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local'], {
    cwd: ROOT,
    env: { ...env, CI: 'true' }, // non-interactive: no confirmation prompt
    stdio: 'inherit',
  });
  if (migrate.status !== 0) process.exit(migrate.status ?? 1);

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
    await postSeeds(base);
    console.log(`\ncrosscheck (workerd, local D1) on ${base}/ — Ctrl-C to stop\n`);
  } catch (error) {
    console.error(error);
    stop();
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
