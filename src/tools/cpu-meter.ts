// CPU metering for the measuring tools: process CPU time, and the part of it spent inside libsql's
// native calls, which on D1 or Turso runs outside the Worker and is not billed to it, so
// "app" CPU = CPU − SQLite's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Process CPU milliseconds so far (process.cpuUsage). It also counts V8's background compiler and
 * GC threads, which a Worker's bill does not, so it errs high: a 0.1 ms SHA-256 right after an
 * extraction reads ~2 ms while TurboFan compiles in the background. Linux's per-thread schedstat was
 * tried and is no better: it only advances at scheduler ticks while the thread runs.
 */
export function cpuNowMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

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
