// `npm run deploy` (D1) or `npm run deploy -- --turso` (remote libSQL): migrate the database, then deploy.
// Walk-through with the one-time set-up steps: README.md, "Deploy to Cloudflare Workers".
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { libsqlFromEnv } from '../config';
import { buildAssets } from './build-assets';
import { migrateLibsql } from './migrate-libsql';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler');
const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';

function wrangler(args: string[]): void {
  console.log(`\n$ wrangler ${args.join(' ')}`);
  const run = spawnSync(WRANGLER, args, { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

/** The queues wrangler.toml names (CROSSREF, FEEDS), each created once per account. */
const QUEUES = [
  ...new Set(
    [...readFileSync(join(ROOT, 'wrangler.toml'), 'utf8').matchAll(/^queue\s*=\s*"([^"]+)"/gm)].map(
      (m) => m[1]!,
    ),
  ),
];

function ensureQueue(): void {
  for (const queue of QUEUES) {
    const info = spawnSync(WRANGLER, ['queues', 'info', queue], { cwd: ROOT, encoding: 'utf8' });
    if (info.status === 0) continue;
    wrangler(['queues', 'create', queue]);
  }
}

const args = process.argv.slice(2);
const turso = args.includes('--turso');
const passThrough = args.filter((a) => a !== '--turso');

buildAssets(ROOT);
if (turso) {
  const { url, authToken } = libsqlFromEnv(process.env);
  if (!url) {
    console.error(
      'Set LIBSQL_URL (and LIBSQL_AUTH_TOKEN) in your shell: they are used to migrate the database,',
    );
    console.error('and LIBSQL_URL is passed to the Worker as a variable. See README.md.');
    process.exit(2);
  }
  console.log(`migrating ${new URL(url).host}`);
  await migrateLibsql(url, authToken);
  ensureQueue();
  wrangler(['deploy', '--env', 'turso', '--var', `LIBSQL_URL:${url}`, ...passThrough]);
} else {
  if (readFileSync(join(ROOT, 'wrangler.toml'), 'utf8').includes(PLACEHOLDER_ID)) {
    console.error('wrangler.toml still has the placeholder D1 database_id.');
    console.error(
      'Run `npx wrangler d1 create crosscheck` and paste the database_id it prints into wrangler.toml.',
    );
    process.exit(2);
  }
  wrangler(['d1', 'migrations', 'apply', 'DB', '--remote']);
  ensureQueue();
  wrangler(['deploy', ...passThrough]);
}
