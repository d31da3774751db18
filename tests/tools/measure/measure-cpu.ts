// `npm run measure:cpu`: CPU time per request for the routes a Worker serves, measured on the same code
// path under Node (createApp over libSQL) — workerd does not expose CPU time. The clock is the CPU
// time of the thread running the app (cpu-meter.ts), as a Worker's isolate is billed; without a C
// compiler it falls back to process.cpuUsage, which also counts V8's background threads and errs high.
// The Workers Free plan allows 10 ms CPU per request. The embedded SQLite engine runs in this process,
// while on D1 or Turso it runs elsewhere and is not billed to the Worker: so the time spent inside the
// native libsql calls is metered and shown apart ("app" = total − SQLite). The machine is shared and
// noisy, so medians and p95 over many runs are printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../../db/client';
import { type AppDeps, createApp } from '../../../src/app';
import { openNodeDb } from '../../../src/node-db';
import { crossReferenceStored } from '../../../src/services/crossref-later';
import type { User } from '../../../src/shared/user';
import {
  cpuClock,
  cpuNowMs,
  ecbArchive,
  meterSqlite,
  quantile,
  removeArticle,
  seedArticles,
  sqliteCpuMs,
} from './cpu-meter';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ORIGIN = 'http://localhost';

type App = ReturnType<typeof createApp>;

interface Sample {
  body: ArrayBuffer;
  cpuMs: number;
  appMs: number;
  wallMs: number;
  status: number;
}

export async function cpu(fn: () => Response | Promise<Response>): Promise<Sample> {
  const wall = performance.now();
  const sqliteBefore = sqliteCpuMs();
  const before = cpuNowMs();
  const res = await fn();
  const body = await res.arrayBuffer();
  const cpuMs = cpuNowMs() - before;
  return {
    body,
    cpuMs,
    appMs: cpuMs - (sqliteCpuMs() - sqliteBefore),
    wallMs: performance.now() - wall,
    status: res.status,
  };
}

export interface CpuRow {
  label: string;
  /** Median CPU ms, all of it. */
  cpu: number;
  /** Median CPU ms without SQLite's own work. */
  app: number;
  appP95: number;
  wall: number;
}

async function measure(
  label: string,
  runs: number,
  fn: (i: number, prepared: number) => Response | Promise<Response>,
  /** Clean-up after each run (given the response body), not measured. */
  after?: (body: ArrayBuffer) => Promise<void>,
  /** Set-up before each run, not measured; its answer is handed to `fn`. */
  before?: () => Promise<number>,
): Promise<CpuRow> {
  // Warm the JIT, as a warm isolate is.
  for (let i = 0; i < 3; i++) {
    const prepared = (await before?.()) ?? 0;
    await after?.(await (await fn(-1 - i, prepared)).arrayBuffer());
  }
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const prepared = (await before?.()) ?? 0;
    const r = await cpu(() => fn(i, prepared));
    if (r.status >= 400) throw new Error(`${label}: HTTP ${r.status}`);
    await after?.(r.body);
    samples.push(r);
  }
  const stat = (key: 'cpuMs' | 'appMs' | 'wallMs', q: number) =>
    quantile(
      samples.map((x) => x[key]).sort((a, b) => a - b),
      q,
    );
  const row = {
    label,
    cpu: stat('cpuMs', 0.5),
    app: stat('appMs', 0.5),
    appP95: stat('appMs', 0.95),
    wall: stat('wallMs', 0.5),
  };
  const f = (n: number) => n.toFixed(2).padStart(6);
  logLine(`| ${label.padEnd(42)} | ${f(row.cpu)} | ${f(row.app)} | ${f(row.appP95)} | ${f(row.wall)} |`);
  return row;
}

const jsonPost = (app: App, path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(body),
  });

const CLOCK_NAMES = {
  thread: "the app thread's CPU time",
  process: 'process CPU time (all threads; the thread clock needs cc and Node headers)',
} as const;

let logLine = (line: string) => console.log(line);

export interface CpuOptions {
  /** Warm runs per request (default 40). */
  runs?: number;
  /** ECB+ articles in the archive the requests run against (default 300). */
  archive?: number;
  log?: (line: string) => void;
}

/** CPU per request for the routes a Worker serves (see the top of this file); prints a table through `log`. */
export async function measureCpu(opts: CpuOptions = {}): Promise<CpuRow[]> {
  const RUNS = opts.runs ?? 40;
  const log = opts.log ?? ((line: string) => console.log(line));
  logLine = log;
  meterSqlite();
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cpu-'));
  const { probe, others } = seedArticles(ROOT);
  const words = probe.text.split(/\s+/).filter(Boolean).length;

  // The database a deployment would have: an archive of unrelated news plus the other seed articles.
  const basePath = join(dir, 'base.db');
  const base = await openNodeDb(`file:${basePath}`);
  // Requests are signed in as an editor vouched for by the entry, as Cloudflare Access does on Workers.
  await base.client.execute(
    "insert into users (login, display_name, role) values ('cpu', 'CPU probe', 'editor') on conflict do nothing",
  );
  const row = (await base.client.execute("select id from users where login = 'cpu'")).rows[0];
  const user: User = { id: Number(row?.id ?? 1), login: 'cpu', displayName: 'CPU probe', role: 'editor' };
  const deps = (db: Db): AppDeps => ({ db, identify: async () => user });
  const baseApp = createApp(deps(base.db));
  const cold = await cpu(() =>
    jsonPost(baseApp, '/api/articles', {
      outlet: others[0]?.outlet,
      title: others[0]?.title,
      text: others[0]?.text,
    }),
  );
  for (const s of others.slice(1)) await jsonPost(baseApp, '/api/articles', s);
  const stored = ecbArchive(ROOT, opts.archive ?? 300);
  for (const [i, a] of stored.entries()) {
    await jsonPost(baseApp, '/api/articles', {
      outlet: `Archive ${i % 12}`,
      title: a.title || `archive ${i}`,
      text: a.text,
    });
  }
  await base.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  base.close();
  log(
    `archive: ${stored.length + others.length} articles; the probe is ${probe.file} (${words} words)\n` +
      `cold: first request of a fresh process (an ingest): CPU ${cold.cpuMs.toFixed(1)} ms, app ${cold.appMs.toFixed(1)} ms\n`,
  );
  log(`| ${'request'.padEnd(42)} | CPU ms | app ms | app p95 | wall ms |`);
  log(`| ${'-'.repeat(42)} | -----: | -----: | ------: | ------: |`);

  const rows: CpuRow[] = [];
  const { db, client, close } = await openNodeDb(`file:${basePath}`);
  const app: App = createApp(deps(db));
  // Ingest into the warm app, as a warm isolate would. Every run stores the same probe and the
  // article is removed again outside the measured span, so each run does the same work (no run
  // finds an earlier run's copy as a near-duplicate); only term_stats keeps counting.
  rows.push(
    await measure(
      `POST /api/articles  (${words}-word article)`,
      RUNS,
      () => jsonPost(app, '/api/articles', probe),
      async (body) => {
        const { articleId } = JSON.parse(new TextDecoder().decode(body)) as { articleId?: number };
        if (articleId !== undefined) await removeArticle(client, articleId);
      },
    ),
  );
  // The same ingest split as on a Worker with the CROSSREF queue: the request, then the consumer.
  const queued: number[] = [];
  const queuedApp: App = createApp({
    ...deps(db),
    crossReferenceLater: async (ids) => {
      queued.push(...ids);
    },
  });
  const removeIngested = async (body: ArrayBuffer) => {
    const { articleId } = JSON.parse(new TextDecoder().decode(body)) as { articleId?: number };
    if (articleId !== undefined) await removeArticle(client, articleId);
  };
  rows.push(
    await measure(
      '  the same, queued: the request',
      RUNS,
      () => jsonPost(queuedApp, '/api/articles', probe),
      removeIngested,
    ),
  );
  rows.push(
    await measure(
      '  the same, queued: the queue consumer',
      RUNS,
      async (_i, articleId) => {
        const result = await crossReferenceStored(db, articleId);
        if (result.status !== 'done') throw new Error(`the consumer skipped article ${articleId}`);
        return Response.json({ articleId, ...result });
      },
      removeIngested,
      async () => {
        const res = await jsonPost(queuedApp, '/api/articles', probe);
        return ((await res.json()) as { articleId: number }).articleId;
      },
    ),
  );
  queued.length = 0;
  // The pages below show the probe's conflicts with the seeds: store it for good.
  await (await jsonPost(app, '/api/articles', probe)).arrayBuffer();

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

    // The queue page is cached per data version (src/routes/queue.tsx): measured warm, as a reader
    // reloading it sees it, and right after a write (outside the measured span), which renders it anew.
    rows.push(await measure('GET /  (conflict queue page)', RUNS, () => app.request('/')));
    rows.push(
      await measure(
        'GET /  (queue page just after a write)',
        RUNS,
        () => app.request('/'),
        async () => {
          await client.execute({
            sql: 'update articles set title = title where id = ?',
            args: [claim.claim.articleId],
          });
        },
      ),
    );
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
    log(
      `\nmedians over ${RUNS} warm runs of ${CLOCK_NAMES[cpuClock]}; "app" excludes SQLite's own work (not billed to a Worker on D1/Turso).`,
    );
    log(`worst app p95: ${worst.appP95.toFixed(2)} ms (${worst.label}); Workers Free allows 10 ms CPU`);
    return rows;
  } finally {
    close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await measureCpu({
    runs: process.env.RUNS ? Number(process.env.RUNS) : undefined,
    archive: process.env.ARCHIVE ? Number(process.env.ARCHIVE) : undefined,
  });
}
