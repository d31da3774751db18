// The Worker bundle as `wrangler deploy` would upload it: built without a login, held to the gzip
// budget, and started as it is in workerd. The workerd test pool imports the sources inside a test,
// where a module's global scope may do what a deployed Worker's may not (random values, timers, I/O):
// only the bundle itself, loaded the way Cloudflare loads it, shows that the Worker starts at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  BUDGET_GZIP_BYTES,
  type BundleSize,
  compatibilityDateOf,
  kib,
  measureBundle,
} from '../../src/tools/bundle-size';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = join(root, 'dist/bundle');
let size: BundleSize;
let mf: Miniflare;

beforeAll(async () => {
  size = measureBundle(root, outdir);
  mf = new Miniflare({
    modules: true,
    scriptPath: join(outdir, 'worker.js'),
    modulesRoot: outdir,
    compatibilityDate: compatibilityDateOf(root),
    d1Databases: { DB: 'bundle-test' },
  });
  const d1 = await mf.getD1Database('DB');
  const migrations = readdirSync(join(root, 'db/migrations')).filter((f) => f.endsWith('.sql'));
  for (const file of migrations.sort()) {
    const statements = readFileSync(join(root, 'db/migrations', file), 'utf8').split(
      '--> statement-breakpoint',
    );
    for (const sql of statements) if (sql.trim()) await d1.prepare(sql).run();
  }
}, 180_000);

afterAll(async () => {
  await mf?.dispose();
});

it(`wrangler deploy --dry-run bundles the Worker within ${kib(BUDGET_GZIP_BYTES)} gzip`, () => {
  console.log(`worker bundle: ${kib(size.bytes)}, gzip ${kib(size.gzipBytes)} (${size.wranglerLine})`);
  expect(size.files.length).toBeGreaterThan(0);
  expect(size.gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});

it('the uploaded bundle starts in workerd and serves the dashboard over D1', async () => {
  const page = await mf.dispatchFetch('http://localhost/');
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain('crosscheck');
  // The page is served with this response's CSP nonce, never the cache's placeholder.
  const nonce = page.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(html).toContain(`nonce="${nonce}"`);
  expect(html).not.toMatch(/nonce[0-9a-f]{24}/);
  const api = await mf.dispatchFetch('http://localhost/api/conflicts');
  expect(api.status).toBe(200);
  expect(await api.json()).toMatchObject({ items: [] });
});
