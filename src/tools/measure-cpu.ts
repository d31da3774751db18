// `npm run measure:cpu`: CPU time per request for the routes a Worker serves, measured on the same code
// path under Node (createApp over libSQL) with process.cpuUsage — workerd does not expose CPU time.
// The Workers Free plan allows 10 ms CPU per request. The embedded SQLite engine runs in this process,
// while on D1 or Turso it runs elsewhere and is not billed to the Worker: so the time spent inside the
// native libsql calls is metered and shown apart ("app" = total − SQLite). The machine is shared and
// noisy, so medians and p95 over many runs are printed.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app';
import { openNodeDb } from '../node-db';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ORIGIN = 'http://localhost';
const RUNS = Number(process.env.RUNS ?? 40);

type App = ReturnType<typeof createApp>;

/** Milliseconds of CPU spent inside libsql's native calls so far (@libsql/client's engine for file: URLs). */
let sqliteMs = 0;

function meterSqlite(): void {
  // The same module instance @libsql/client loads (CommonJS modules are cached by path).
  const Database = createRequire(import.meta.url)('libsql') as new (
    path: string,
  ) => {
    prepare(sql: string): object;
    close(): void;
  };
  let depth = 0;
  const metered = <F extends (...args: never[]) => unknown>(fn: F): F =>
    function (this: unknown, ...args: never[]) {
      if (depth > 0) return fn.apply(this, args);
      depth++;
      const start = process.cpuUsage();
      try {
        return fn.apply(this, args);
      } finally {
        const used = process.cpuUsage(start);
        sqliteMs += (used.user + used.system) / 1000;
        depth--;
      }
    } as F;
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<
    string,
    (...a: never[]) => unknown
  >;
  probe.close();
  const database = Database.prototype as unknown as Record<string, (...a: never[]) => unknown>;
  for (const name of ['prepare', 'exec']) database[name] = metered(database[name]!);
  for (const name of ['run', 'get', 'all']) statement[name] = metered(statement[name]!);
  const iterate = statement.iterate!;
  statement.iterate = metered(function (this: unknown, ...args: never[]) {
    const iter = iterate.apply(this, args) as { next: (...a: never[]) => unknown };
    iter.next = metered(iter.next);
    return iter;
  });
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

interface Sample {
  cpuMs: number;
  appMs: number;
  wallMs: number;
  status: number;
}

async function cpu(fn: () => Response | Promise<Response>): Promise<Sample> {
  const wall = performance.now();
  const sqliteBefore = sqliteMs;
  const before = process.cpuUsage();
  const res = await fn();
  await res.arrayBuffer();
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / 1000;
  return {
    cpuMs,
    appMs: cpuMs - (sqliteMs - sqliteBefore),
    wallMs: performance.now() - wall,
    status: res.status,
  };
}

async function measure(label: string, runs: number, fn: (i: number) => Response | Promise<Response>) {
  for (let i = 0; i < 3; i++) await (await fn(-1 - i)).arrayBuffer(); // warm the JIT, as a warm isolate is
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await cpu(() => fn(i));
    if (r.status >= 400) throw new Error(`${label}: HTTP ${r.status}`);
    samples.push(r);
  }
  const stat = (key: 'cpuMs' | 'appMs' | 'wallMs', q: number) =>
    quantile(
      samples.map((x) => x[key]).sort((a, b) => a - b),
      q,
    );
  const row = { label, cpu: stat('cpuMs', 0.5), app: stat('appMs', 0.5), appP95: stat('appMs', 0.95) };
  const f = (n: number) => n.toFixed(2).padStart(6);
  console.log(
    `| ${label.padEnd(42)} | ${f(row.cpu)} | ${f(row.app)} | ${f(row.appP95)} | ${f(stat('wallMs', 0.5))} |`,
  );
  return row;
}

/** News articles nobody wrote for this project (ECB+, beside the repo in ../shared/eval), as an archive. */
function archive(limit: number): { title: string; text: string }[] {
  const file = resolve(
    process.env.CROSSCHECK_EVAL ?? join(ROOT, '../shared/eval'),
    'ecbplus/ecbplus_dev.jsonl',
  );
  if (!existsSync(file)) {
    console.log(`(no ${file}: measuring over the seed articles alone)`);
    return [];
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, limit)
    .map((line) => JSON.parse(line) as { title: string; text: string })
    .filter((a) => a.text.trim() !== '');
}

const jsonPost = (app: App, path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(body),
  });

async function main() {
  meterSqlite();
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cpu-'));
  const manifest = JSON.parse(readFileSync(join(ROOT, 'seeds/manifest.json'), 'utf8')) as {
    file: string;
    outlet: string;
    title: string;
  }[];
  const seeds = manifest.map((m) => ({ ...m, text: readFileSync(join(ROOT, 'seeds', m.file), 'utf8') }));
  const [probe, ...others] = seeds;
  if (!probe) throw new Error('seeds/manifest.json is empty');
  const words = probe.text.split(/\s+/).filter(Boolean).length;

  // The database a deployment would have: an archive of unrelated news plus the other seed articles.
  const basePath = join(dir, 'base.db');
  const base = await openNodeDb(`file:${basePath}`);
  const baseApp = createApp({ db: base.db, reviewer: 'cpu' });
  const cold = await cpu(() =>
    jsonPost(baseApp, '/api/articles', {
      outlet: others[0]?.outlet,
      title: others[0]?.title,
      text: others[0]?.text,
    }),
  );
  for (const s of others.slice(1)) await jsonPost(baseApp, '/api/articles', s);
  const stored = archive(Number(process.env.ARCHIVE ?? 300));
  for (const [i, a] of stored.entries()) {
    await jsonPost(baseApp, '/api/articles', {
      outlet: `Archive ${i % 12}`,
      title: a.title || `archive ${i}`,
      text: a.text,
    });
  }
  await base.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  base.close();
  console.log(
    `archive: ${stored.length + others.length} articles; the probe is ${probe.file} (${words} words)\n` +
      `cold: first request of a fresh process (an ingest): CPU ${cold.cpuMs.toFixed(1)} ms, app ${cold.appMs.toFixed(1)} ms\n`,
  );
  console.log(`| ${'request'.padEnd(42)} | CPU ms | app ms | app p95 | wall ms |`);
  console.log(`| ${'-'.repeat(42)} | -----: | -----: | ------: | ------: |`);

  const rows = [];
  // Ingest: every run stores the probe into its own copy of the archive, so each run does the same
  // work (no run finds an earlier run's copy as a near-duplicate). Opening the copy is not measured.
  let run = 0;
  const copies: { close(): void }[] = [];
  rows.push(
    await measure(`POST /api/articles  (${words}-word article)`, RUNS, async () => {
      const path = join(dir, `run-${run++}.db`);
      copyFileSync(basePath, path);
      const copy = await openNodeDb(`file:${path}`);
      copies.push(copy);
      return jsonPost(createApp({ db: copy.db, reviewer: 'cpu' }), '/api/articles', probe);
    }),
  );
  for (const c of copies) c.close();

  const { db, close } = await openNodeDb(`file:${join(dir, `run-${run - 1}.db`)}`);
  const app: App = createApp({ db, reviewer: 'cpu' });
  try {
    const queue = (await (await app.request('/api/conflicts')).json()) as {
      items: { id: number; a: { id: number } }[];
    };
    const link = queue.items[0];
    if (!link) throw new Error('no conflict found to measure the side-by-side page with');
    const claimId = link.a.id;
    const claim = (await (await app.request(`/api/claims/${claimId}`)).json()) as {
      claim: { version: number; articleId: number };
    };
    let version = claim.claim.version;

    rows.push(await measure('GET /  (conflict queue page)', RUNS, () => app.request('/')));
    rows.push(
      await measure('GET /?q=countries  (htmx queue fragment)', RUNS, () =>
        app.request('/?q=countries', { headers: { 'HX-Request': 'true' } }),
      ),
    );
    rows.push(
      await measure('GET /conflicts/:id  (side by side + diff)', RUNS, () =>
        app.request(`/conflicts/${link.id}`),
      ),
    );
    rows.push(
      await measure('GET /articles/:id  (highlighted article)', RUNS, () =>
        app.request(`/articles/${claim.claim.articleId}`),
      ),
    );
    rows.push(await measure('GET /api/conflicts  (JSON twin)', RUNS, () => app.request('/api/conflicts')));
    const statuses = ['verified', 'disputed'] as const;
    rows.push(
      await measure('POST /claims/:id/status  (htmx review)', RUNS, async (i) => {
        const res = await app.request(`/claims/${claimId}/status`, {
          method: 'POST',
          headers: { origin: ORIGIN, 'HX-Request': 'true' },
          body: new URLSearchParams({
            status: statuses[Math.abs(i) % 2]!,
            version: String(version),
            name: 'cpu',
          }),
        });
        version++;
        return res;
      }),
    );
    const worst = rows.reduce((a, b) => (b.appP95 > a.appP95 ? b : a));
    console.log(
      `\nmedians over ${RUNS} warm runs; "app" excludes SQLite's own work (not billed to a Worker on D1/Turso).`,
    );
    console.log(
      `worst app p95: ${worst.appP95.toFixed(2)} ms (${worst.label}); Workers Free allows 10 ms CPU`,
    );
  } finally {
    close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
