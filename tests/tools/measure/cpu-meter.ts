// CPU metering for the measuring tools: CPU time, and the part of it spent inside libsql's native
// calls, which on D1 or Turso runs outside the Worker and is not billed to it, so
// "app" CPU = CPU − SQLite's.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Process CPU milliseconds so far (process.cpuUsage), every thread of the process together. */
export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * The calling thread's CPU milliseconds (clock_gettime(CLOCK_THREAD_CPUTIME_ID), through the small
 * addon thread-cpu.c, compiled here on first use), or null where no C compiler or no Node headers are
 * at hand. Node 20 has no per-thread CPU clock of its own (process.threadCpuUsage came in Node 23).
 */
function loadThreadClock(): (() => number) | null {
  if (process.env.CROSSCHECK_CPU_CLOCK === 'process') return null;
  const headers = [join(dirname(process.execPath), '../include/node'), '/usr/include/node'].find((d) =>
    existsSync(join(d, 'node_api.h')),
  );
  if (!headers) return null;
  const source = join(dirname(fileURLToPath(import.meta.url)), 'thread-cpu.c');
  const addon = join(tmpdir(), `crosscheck-thread-cpu-${process.version}-${process.arch}.node`);
  try {
    if (!existsSync(addon)) {
      // Built aside and renamed into place, so that a process starting meanwhile never loads half a file.
      const building = `${addon}.${process.pid}`;
      execFileSync('cc', ['-O2', '-shared', '-fPIC', `-I${headers}`, source, '-o', building], {
        stdio: 'ignore',
      });
      renameSync(building, addon);
    }
    const clock = (createRequire(import.meta.url)(addon) as { threadCpuMs: () => number }).threadCpuMs;
    return typeof clock() === 'number' ? clock : null;
  } catch {
    return null;
  }
}

const threadClock = loadThreadClock();

/**
 * Which clock cpuNowMs reads. "thread": the CPU of the thread running the app, which is what a
 * Worker's isolate is billed for. "process": process.cpuUsage(), which also counts V8's background
 * compiler and GC threads (a Worker's bill does not), so it errs high: a 0.1 ms SHA-256 right after
 * an extraction reads ~2 ms while TurboFan compiles in the background.
 */
export const cpuClock: 'thread' | 'process' = threadClock ? 'thread' : 'process';

/** CPU milliseconds so far on cpuClock. */
export const cpuNowMs: () => number = threadClock ?? processCpuMs;

/** Milliseconds of CPU spent inside libsql's native calls so far (@libsql/client's engine for file: URLs). */
let sqliteMs = 0;

let meterInstalled = false;
/** Metered calls so far, and what one clock reading costs here (calibrated once). */
let meteredCalls = 0;
let clockCostMs = 0;

/** Meters libsql's native calls, once per process; sqliteCpuMs() reads the running total. */
export function meterSqlite(): void {
  if (meterInstalled) return;
  meterInstalled = true;
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
      meteredCalls++;
      const start = cpuNowMs();
      try {
        return fn.apply(this, args);
      } finally {
        sqliteMs += cpuNowMs() - start;
        depth--;
      }
    } as F;
  // Each metered call reads the clock twice, about once outside the metered span, where it would
  // count as app CPU (a row-by-row read makes hundreds of calls): measure that cost and charge it.
  const t0 = cpuNowMs();
  for (let i = 0; i < 2000; i++) cpuNowMs();
  clockCostMs = (cpuNowMs() - t0) / 2001;
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

/**
 * CPU ms attributed to SQLite so far: the metered native calls, plus the metering's own syscalls that
 * fell outside them, so that "app" = process CPU − sqliteCpuMs() is the app's work alone.
 */
export const sqliteCpuMs = () => sqliteMs + meteredCalls * clockCostMs;

export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/**
 * Deletes an article and everything stored with it, so the next probe meets the archive alone
 * (term_stats keeps its counts). A measuring tool's clean-up, not an app feature.
 */
export async function removeArticle(
  client: { batch(stmts: { sql: string; args: number[] }[], mode: 'write'): Promise<unknown> },
  id: number,
): Promise<void> {
  const claimsOf = 'select id from claims where article_id = ?';
  await client.batch(
    [
      { sql: `delete from links where claim_a in (${claimsOf}) or claim_b in (${claimsOf})`, args: [id, id] },
      { sql: `delete from claim_keys where claim_id in (${claimsOf})`, args: [id] },
      { sql: `delete from quantities where claim_id in (${claimsOf})`, args: [id] },
      { sql: 'delete from mentions where article_id = ?', args: [id] },
      { sql: 'delete from crossref_parts where article_id = ?', args: [id] },
      { sql: 'delete from claims where article_id = ?', args: [id] },
      { sql: 'delete from articles where id = ?', args: [id] },
    ],
    'write',
  );
}

/** The seed articles with their texts; the first is the probe the CPU tools ingest again and again. */
export function seedArticles(root: string) {
  const manifest = JSON.parse(readFileSync(join(root, 'seeds/manifest.json'), 'utf8')) as {
    file: string;
    outlet: string;
    title: string;
  }[];
  const seeds = manifest.map((m) => ({ ...m, text: readFileSync(join(root, 'seeds', m.file), 'utf8') }));
  const [probe, ...others] = seeds;
  if (!probe) throw new Error('seeds/manifest.json is empty');
  return { probe, others };
}

/** News articles nobody wrote for this project (ECB+, beside the repo in ../shared/eval), as an archive. */
export function ecbArchive(root: string, limit: number): { title: string; text: string }[] {
  const file = join(process.env.CROSSCHECK_EVAL ?? join(root, '../shared/eval'), 'ecbplus/ecbplus_dev.jsonl');
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
