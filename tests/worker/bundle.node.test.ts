// The Worker bundle as `wrangler deploy` would upload it: built without a login, held to the gzip
// budget, and started as it is in workerd. The workerd test pool imports the sources inside a test,
// where a module's global scope may do what a deployed Worker's may not (random values, timers, I/O):
// only the bundle itself, loaded the way Cloudflare loads it, shows that the Worker starts at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newToken, tokenHash } from '../../src/auth/tokens';
import {
  BUDGET_GZIP_BYTES,
  type BundleSize,
  compatibilityDateOf,
  kib,
  measureBundle,
} from '../tools/measure/bundle-size';

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
    // As wrangler.toml binds it: the ingest stores, the queue consumer cross-references.
    queueProducers: { CROSSREF: 'crosscheck-crossref' },
    queueConsumers: { 'crosscheck-crossref': { maxBatchSize: 1, maxBatchTimeout: 0 } },
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

it('the uploaded bundle ingests through its queue: received at once, extracted and cross-referenced by its consumer', async () => {
  const d1 = await mf.getD1Database('DB');
  const token = newToken();
  await d1
    .prepare("insert into users (login, display_name, role) values ('bundle', 'Bundle test', 'reviewer')")
    .run();
  await d1
    .prepare(
      "insert into api_tokens (user_id, token_hash, label) select id, ?, 'bundle test' from users where login = 'bundle'",
    )
    .bind(await tokenHash(token))
    .run();
  const manifest = JSON.parse(readFileSync(join(root, 'seeds/manifest.json'), 'utf8')) as {
    file: string;
    outlet: string;
    title: string;
  }[];
  const ids: number[] = [];
  for (const entry of manifest) {
    const res = await mf.dispatchFetch('http://localhost/api/articles', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({
        outlet: entry.outlet,
        title: entry.title,
        text: readFileSync(join(root, 'seeds', entry.file), 'utf8'),
      }),
    });
    // Received: its claims are extracted and stored by the consumer's first stage (`extract`).
    const body = (await res.json()) as { status: string; progress: string };
    expect(res.status, JSON.stringify(body)).toBe(202);
    expect(body.status).toBe('queued');
    let item: { status: string; articleId: number } | undefined;
    await expect
      .poll(
        async () => {
          const progress = await mf.dispatchFetch(`http://localhost${body.progress}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          item = ((await progress.json()) as { items: (typeof item)[] }).items[0];
          return item?.status;
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe('stored');
    ids.push(item!.articleId);
  }
  for (const id of ids) {
    await expect
      .poll(
        async () =>
          (
            (await (await mf.dispatchFetch(`http://localhost/api/articles/${id}`)).json()) as {
              crossrefPending: boolean;
            }
          ).crossrefPending,
        { timeout: 20_000, interval: 100 },
      )
      .toBe(false);
  }
  const queue = (await (await mf.dispatchFetch('http://localhost/api/conflicts?limit=200')).json()) as {
    items: { a: { text: string }; b: { text: string } }[];
  };
  expect(queue.items.some((l) => `${l.a.text} ${l.b.text}`.includes('some 50 partners'))).toBe(true);
}, 60_000);
