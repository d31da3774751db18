// `npm run bench [-- --quick] [-- --json]`: the performance figures of issue 7 on this machine, as a
// table (or one JSON object): extraction MB/s, bulk ingest, cross-reference scaling with the archive,
// dashboard throughput under wrk against a Hono hello-world, server RSS, the Worker bundle and CPU
// per request. The archive is synthesised from the ECB+ articles in ../shared/eval, replicated with
// varied outlets and numbers. Servers are child processes on 127.0.0.1 (random free port), killed at
// the end; wrk runs are bounded in time. The machine is shared and noisy: medians throughout.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractArticle } from '../../../src/core';
import { threadCompute } from '../../../src/node-compute/pool';
import { openNodeDb } from '../../../src/node-db';
import { ingestArticle } from '../../../src/services/ingest';
import { BULK_BATCH, ingestInBatches } from '../../../src/services/ingest-batches';
import {
  cpuNowMs,
  meterSqlite,
  processCpuMs,
  quantile,
  removeArticle,
  sqliteCpuMs,
} from '../measure/cpu-meter';
import type { CpuRow } from '../measure/measure-cpu';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const SELF = fileURLToPath(import.meta.url);

/**
 * Probes ingested and left out before the measured ones, at each archive size. Before the 1M probes the
 * bench spends minutes copying rows in SQL with no JavaScript running: V8's memory reducer shrinks the
 * heap and code unused over its GCs is flushed, and the probes after that pay for growing and compiling
 * them back (process CPU 516, 217, 127 … ms, still falling after 15 probes at load 10, against 60–90 ms
 * at 100k; docs/performance.md, session 15). Twenty probes (about 2 s at 1M) take that out of the
 * medians, so the growth they show is the archive's, not V8's after an idle spell; the first probe's
 * CPU is printed beside them.
 */
const PROBE_WARMUPS = 20;

interface Latency {
  rps: number;
  p50: number;
  p99: number;
  /** Responses that were not 2xx/3xx (wrk's count); non-zero means the figure is not the page's. */
  errors: number;
}

interface Figures {
  date: string;
  mode: 'full' | 'quick';
  machine: { cpus: number; node: string; load: number[] };
  extraction: { megabytes: number; mbPerSecond: number };
  bulkIngest: {
    /** CPU ms spent, all of it (extraction, cross-referencing, SQLite). */
    cpuMs: number;
    articles: number;
    claims: number;
    seconds: number;
    articlesPerSecond: number;
    claimsPerSecond: number;
    batch: number;
    /** Extraction threads beside the main thread (0: everything on the main thread). */
    threads: number;
  };
  /**
   * Medians after PROBE_WARMUPS; cpuMs is the process's CPU (V8's compiler and GC threads included),
   * threadMs the storing thread's alone (what a Worker is billed), firstCpuMs the process's CPU of the
   * first probe after the archive grew (the cost of meeting it cold: see PROBE_WARMUPS).
   */
  scaling: {
    claims: number;
    ms: number;
    cpuMs: number;
    appMs: number;
    threadMs: number;
    firstCpuMs: number;
  }[];
  /** Time (and CPU) per ingested article at the largest archive over the smallest. */
  growth: { from: number; to: number; ratio: number; cpuRatio: number; appRatio: number } | null;
  dashboard: {
    claims: number;
    seconds: number;
    connections: number;
    hello: Latency;
    queue: Latency;
    conflict: Latency;
    /** `/facts/:id` of the queue's first conflict, and `/stories/:id` of the largest recent story. */
    fact: Latency | null;
    story: Latency | null;
  } | null;
  /** The server's RSS after the pages' load, and its peak (see rss()). */
  memory: { claims: number; rssMb: number; peakMb: number }[];
  worker: { gzipKiB: number; cpu: CpuRow[] } | null;
  corpus: { articles: number; claims: number; links: number; dbMb: number; buildSeconds: number };
}

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      json: { type: 'boolean' },
      'max-claims': { type: 'string' },
      db: { type: 'string' },
      'skip-worker': { type: 'boolean' },
      /** Extraction threads of the bulk ingest (default: one core less than the machine has; 0: none). */
      threads: { type: 'string' },
      /** Ingest through the service up to this many claims, then grow by copying rows (default 100k). */
      'ingest-up-to': { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const INGEST_UP_TO = Number(values['ingest-up-to'] ?? 100_000);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const maxClaims = Number(values['max-claims'] ?? (quick ? 10_000 : 1_000_000));
  const sizes = [1_000, 10_000, 100_000, 1_000_000].filter((n) => n <= maxClaims);
  // Without wrk (apt-get install wrk) the dashboard figures are skipped, the rest still measured.
  const hasWrk = spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
  if (!hasWrk) log('wrk not found: dashboard throughput is skipped (apt-get install wrk)');
  const serveAt = !hasWrk ? -1 : quick ? 10_000 : Math.min(100_000, maxClaims);
  const rssAt = quick ? [10_000] : [100_000, 1_000_000].filter((n) => n <= maxClaims);
  const wrkSeconds = quick ? 3 : 10;
  const BATCH = BULK_BATCH;
  const threads = Number(values.threads ?? Math.max(1, availableParallelism() - 1));
  const dbFile = resolve(values.db ?? join(ROOT, 'data/bench.db'));

  const evalDir = resolve(process.env.CROSSCHECK_EVAL ?? join(ROOT, '../shared/eval'));
  const docs = readFileSync(join(evalDir, 'ecbplus/ecbplus_dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { title: string; text: string })
    .filter((d) => d.text.trim() !== '');
  const probeText = readFileSync(join(ROOT, 'seeds/cnn-austin-kyiv-visit.txt'), 'utf8');

  const figures: Figures = {
    date: new Date().toISOString().slice(0, 10),
    mode: quick ? 'quick' : 'full',
    machine: { cpus: cpus().length, node: process.version, load: loadAverage() },
    extraction: extraction(
      docs.map((d) => d.text),
      quick ? 3 : 7,
    ),
    bulkIngest: {
      cpuMs: 0,
      articles: 0,
      claims: 0,
      seconds: 0,
      articlesPerSecond: 0,
      claimsPerSecond: 0,
      batch: BATCH,
      threads,
    },
    scaling: [],
    growth: null,
    dashboard: null,
    memory: [],
    worker: null,
    corpus: { articles: 0, claims: 0, links: 0, dbMb: 0, buildSeconds: 0 },
  };
  log(`extraction: ${figures.extraction.mbPerSecond.toFixed(2)} MB/s`);

  meterSqlite();
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  const { db, client, close } = await openNodeDb(`file:${dbFile}`);
  const compute = threads > 0 ? threadCompute({ threads }) : undefined;
  await compute?.ready();
  const children: ChildProcess[] = [];
  const stopAll = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  };
  process.once('exit', stopAll);
  const report = () => (values.json ? JSON.stringify(figures) : table(figures));
  // Interrupted (a long full run, a CI timeout): print what was measured so far, then stop.
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => {
      stopAll();
      log(`interrupted: the figures so far${values.json ? '' : ' (partial)'}`);
      console.log(report());
      process.exit(130);
    });

  try {
    // The archive grows in rounds over the ECB+ articles: each copy gets its own outlet, its numbers
    // nudged (new figures, new text) and an edition line (a new content hash).
    let claims = 0;
    let articles = 0;
    let round = 0;
    let next = 0;
    const buildStart = performance.now();
    const bulkArticles = quick ? 300 : 2_000;
    // Through the bulk path `npm run ingest` takes (ingest-batches.ts): each batch read in the
    // extraction threads while the one before is stored. The bulk figure: the first bulkArticles
    // articles from an empty database: wall time and the process's CPU (every thread) while growing
    // (the probes between sizes left out).
    const grow = async (target: number) => {
      const start = {
        t: performance.now(),
        cpu: processCpuMs(),
        seconds: figures.bulkIngest.seconds,
        cpuMs: figures.bulkIngest.cpuMs,
      };
      const source = async () => {
        if (claims >= target) return null;
        const batch = [];
        for (let i = 0; i < BATCH; i++) {
          const d = docs[next]!;
          batch.push({
            outlet: `Outlet ${(next + round * 7) % 40}`,
            title: `${d.title || 'untitled'} (${round})`,
            text: `${variant(`${d.title}\n${d.text}`, round, next)}\nEdition ${round}.`,
          });
          next++;
          if (next === docs.length) {
            next = 0;
            round++;
          }
        }
        return batch;
      };
      await ingestInBatches(db, source, { batchSize: BATCH, compute }, (_, results) => {
        const counting = figures.bulkIngest.articles < bulkArticles;
        for (const r of results) {
          if (r.status !== 'created') continue;
          articles++;
          claims += r.claims;
          if (counting) {
            figures.bulkIngest.articles++;
            figures.bulkIngest.claims += r.claims;
          }
        }
        if (counting) {
          figures.bulkIngest.seconds = start.seconds + (performance.now() - start.t) / 1000;
          figures.bulkIngest.cpuMs = start.cpuMs + processCpuMs() - start.cpu;
        }
        if (articles % 2_000 < BATCH)
          log(
            `  archive: ${articles} articles, ${claims} claims (${((performance.now() - buildStart) / 1000).toFixed(0)} s)`,
          );
      });
    };

    // Past INGEST_UP_TO claims, cross-referencing every synthetic article through the service would
    // take about an hour on this machine; the archive grows instead by copying stored articles in
    // SQL (new outlet, content hash and title; quantities scaled, so the numbers differ), with their
    // claims, quantities, blocking keys and mentions. Links are not copied, and term_stats is scaled
    // to the new total. Every key's claims multiply, so the candidate lookup meets full keys.
    let copyRound = 0;
    const replicate = async (target: number): Promise<number> => {
      while (claims < target) {
        copyRound++;
        const maxId = Number((await client.execute('select max(id) as m from articles')).rows[0]!.m);
        // Copy the oldest articles, as many as the target still needs (at least a few).
        const perArticle = claims / Math.max(1, articles);
        const wanted = Math.max(10, Math.ceil((target - claims) / perArticle));
        const upTo = Number(
          (
            await client.execute({
              sql: 'select max(id) as m from (select id from articles where id <= ? order by id limit ?)',
              args: [maxId, wanted],
            })
          ).rows[0]!.m,
        );
        const suffix = `:copy${copyRound}`;
        const f = 1 + copyRound / 100;
        const map = `join articles n on n.content_hash = o.content_hash || '${suffix}'`;
        const t0 = performance.now();
        await client.batch(
          [
            {
              sql: `insert into articles (source_id, title, url, published_at, body, content_hash)
                select (select id from sources where name = 'Outlet ' || ((o.id + ${copyRound}) % 40)), o.title || ' (copy ${copyRound})', o.url, o.published_at, o.body, o.content_hash || '${suffix}'
                from articles o where o.id <= ? order by o.id`,
              args: [upTo],
            },
            {
              sql: `insert into claims (article_id, position, start, "end", text, kind, checkworthiness, terms, context_terms, entities, quotes, prev_start, prev_end)
                select n.id, c.position, c.start, c."end", c.text, c.kind, c.checkworthiness, c.terms, c.context_terms, c.entities, c.quotes, c.prev_start, c.prev_end
                from articles o ${map} join claims c on c.article_id = o.id where o.id <= ? order by n.id, c.position`,
              args: [upTo],
            },
            {
              sql: `insert into quantities (claim_id, start, "end", raw, value, low, high, low_inclusive, high_inclusive, unit, unit_class, modifiers, rate, hedge)
                select nc.id, q.start, q."end", q.raw, q.value * ${f}, q.low * ${f}, q.high * ${f}, q.low_inclusive, q.high_inclusive, q.unit, q.unit_class, q.modifiers, q.rate, q.hedge
                from articles o ${map} join claims oc on oc.article_id = o.id join claims nc on nc.article_id = n.id and nc.position = oc.position
                join quantities q on q.claim_id = oc.id where o.id <= ?`,
              args: [upTo],
            },
            {
              // CROSS JOIN fixes the loop order: with the covering index claim_keys(claim_id, key) the
              // planner otherwise scans every claim for "order by nc.id" and matches the copies by
              // position, which stalled the copy past 100k claims (session 15: no write for 11 minutes).
              sql: `insert into claim_keys (key, claim_id)
                select k.key, nc.id from articles o cross join articles n on n.content_hash = o.content_hash || '${suffix}'
                cross join claims oc on oc.article_id = o.id
                cross join claims nc on nc.article_id = n.id and nc.position = oc.position
                cross join claim_keys k on k.claim_id = oc.id where o.id <= ? order by nc.id`,
              args: [upTo],
            },
            {
              sql: `insert into mentions (article_id, entity_key, start, "end", surface)
                select n.id, m.entity_key, m.start, m."end", m.surface from articles o ${map} join mentions m on m.article_id = o.id where o.id <= ?`,
              args: [upTo],
            },
          ],
          'write',
        );
        const total = Number((await client.execute('select count(*) as n from claims')).rows[0]!.n);
        await client.execute({
          sql: `update term_stats set df = case when term = '' then ? else cast(round(df * ? / ?) as integer) end`,
          args: [total, total, claims],
        });
        articles = Number((await client.execute('select count(*) as n from articles')).rows[0]!.n);
        log(
          `  archive: copied articles 1–${upTo}: ${articles} articles, ${total} claims (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
        );
        claims = total;
      }
      return claims;
    };

    let probeRun = 0;
    const probe = async (runs: number) => {
      const wall: number[] = [];
      const cpu: number[] = [];
      const app: number[] = [];
      const thread: number[] = [];
      let firstCpuMs = 0;
      for (let r = 0; r < runs + PROBE_WARMUPS; r++) {
        probeRun++;
        const text = `${variant(probeText, 1000 + probeRun, 0)}\nProbe ${probeRun}.`;
        const sqlite = sqliteCpuMs();
        const c0 = processCpuMs();
        const own = cpuNowMs();
        const t0 = performance.now();
        const result = await ingestArticle(db, {
          outlet: `Probe ${probeRun % 3}`,
          title: `probe ${probeRun}`,
          text,
        });
        const ms = performance.now() - t0;
        const used = processCpuMs() - c0;
        const ownUsed = cpuNowMs() - own;
        // Each probe meets the archive alone: remove it again, or later probes would match earlier ones.
        await removeArticle(client, result.articleId);
        if (r === 0) firstCpuMs = used;
        if (r < PROBE_WARMUPS) continue;
        wall.push(ms);
        cpu.push(used);
        app.push(used - (sqliteCpuMs() - sqlite));
        thread.push(ownUsed);
      }
      const med = (xs: number[]) =>
        quantile(
          [...xs].sort((a, b) => a - b),
          0.5,
        );
      return { ms: med(wall), cpuMs: med(cpu), appMs: med(app), threadMs: med(thread), firstCpuMs };
    };

    for (const size of sizes) {
      if (size > INGEST_UP_TO && claims >= INGEST_UP_TO) claims = await replicate(size);
      else await grow(size);
      // The probe meets a settled archive, as one grown over months would: not one whose last few
      // hundred MB of copied rows still sit in the WAL (every read then looks there first).
      await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
      const p = await probe(quick ? 9 : 21);
      figures.scaling.push({ claims: claims, ...p });
      const first = figures.scaling[0]!;
      if (figures.scaling.length > 1)
        figures.growth = {
          from: first.claims,
          to: claims,
          ratio: p.ms / first.ms,
          cpuRatio: p.cpuMs / first.cpuMs,
          appRatio: p.appMs / first.appMs,
        };
      log(
        `ingest one more article with ${claims} claims stored: ${p.ms.toFixed(1)} ms (CPU ${p.cpuMs.toFixed(1)}, app ${p.appMs.toFixed(1)}, storing thread ${p.threadMs.toFixed(1)}; first probe ${p.firstCpuMs.toFixed(0)})`,
      );
      if (figures.bulkIngest.seconds > 0) {
        const b = figures.bulkIngest;
        b.articlesPerSecond = b.articles / b.seconds;
        b.claimsPerSecond = b.claims / b.seconds;
      }
      if (size === serveAt || rssAt.includes(size)) {
        await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
        const server = await startChild(['src/node.ts'], {
          DATABASE_URL: `file:${dbFile}`,
          PORT: '0',
          HOST: '127.0.0.1',
        });
        children.push(server.child);
        try {
          const conflictId = await firstConflict(server.url);
          if (size === serveAt) {
            const { factId, storyId } = await factAndStory(server.url);
            const hello = await startChild([SELF, '--hello'], {});
            children.push(hello.child);
            try {
              const conns = 16;
              const helloRun = await wrk(hello.url, wrkSeconds, conns);
              const queue = await wrk(server.url, wrkSeconds, conns);
              const conflict = await wrk(`${server.url}conflicts/${conflictId}`, wrkSeconds, conns);
              const fact =
                factId === null ? null : await wrk(`${server.url}facts/${factId}`, wrkSeconds, conns);
              const story =
                storyId === null ? null : await wrk(`${server.url}stories/${storyId}`, wrkSeconds, conns);
              figures.dashboard = {
                claims,
                seconds: wrkSeconds,
                connections: conns,
                hello: helloRun,
                queue,
                conflict,
                fact,
                story,
              };
              const p = (l: Latency | null) =>
                l ? `${l.rps.toFixed(0)} (p99 ${l.p99.toFixed(1)} ms)` : 'none';
              log(
                `wrk: hello ${helloRun.rps.toFixed(0)} req/s, queue ${p(queue)}, side by side ${p(conflict)}, fact #${factId} ${p(fact)}, story #${storyId} ${p(story)}`,
              );
            } finally {
              await stop(hello.child);
            }
          } else {
            // Load the pages for a while, as a dashboard in use would, before reading the RSS.
            if (hasWrk) {
              await wrk(server.url, Math.min(wrkSeconds, 5), 16);
              await wrk(`${server.url}conflicts/${conflictId}`, Math.min(wrkSeconds, 5), 16);
            } else {
              for (let i = 0; i < 20; i++) {
                await (await fetch(server.url)).arrayBuffer();
                await (await fetch(`${server.url}conflicts/${conflictId}`)).arrayBuffer();
              }
            }
          }
          if (rssAt.includes(size)) {
            const { rssMb, peakMb } = rss(server.child.pid!);
            figures.memory.push({ claims, rssMb, peakMb });
            log(`server RSS with ${claims} claims: ${rssMb.toFixed(0)} MB (peak ${peakMb.toFixed(0)})`);
          }
        } finally {
          await stop(server.child);
        }
      }
    }
    const count = async (table: string) =>
      Number((await client.execute(`select count(*) as n from ${table}`)).rows[0]!.n);
    figures.corpus = {
      articles: await count('articles'),
      claims: await count('claims'),
      links: await count('links'),
      dbMb: statSync(dbFile).size / 1e6,
      buildSeconds: (performance.now() - buildStart) / 1000,
    };
  } finally {
    await compute?.close();
    close();
    stopAll();
  }

  if (!values['skip-worker']) {
    log('worker bundle (wrangler deploy --dry-run) and CPU per request …');
    // Imported here: they load the whole app, which the archive building above does not need.
    const { measureBundle } = await import('../measure/bundle-size');
    const { measureCpu } = await import('../measure/measure-cpu');
    const bundle = measureBundle(ROOT);
    const cpu = await measureCpu({ runs: quick ? 20 : 40, archive: quick ? 60 : 300, log: () => {} });
    figures.worker = { gzipKiB: bundle.gzipBytes / 1024, cpu };
  }

  console.log(report());
}

/** A variant of a real article: its numbers nudged, so each copy carries new figures. */
function variant(text: string, round: number, salt: number): string {
  if (round === 0) return text;
  return text.replace(/\d+/g, (d) => String(Number(d) + ((round + salt) % 9) + 1));
}

/**
 * Megabytes of ECB+ text extracted per second of this process's CPU time: on a machine shared with
 * other jobs the wall clock mostly measures them (one core, nothing else running: the two agree).
 */
function extraction(texts: string[], runs: number) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = processCpuMs();
    for (const t of texts) extractArticle(t);
    times.push((processCpuMs() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return { megabytes: bytes / 1e6, mbPerSecond: bytes / 1e6 / quantile(times, 0.5) };
}

function loadAverage(): number[] {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return [];
  }
}

/** Starts `node --import tsx <args>` and waits for it to print its URL. */
function startChild(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      fail(new Error(`${args.join(' ')} did not start within 60 s:\n${out}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ child, url: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${args.join(' ')} exited with ${code}:\n${out}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      ok();
    });
    child.kill('SIGTERM');
  });
}

async function firstConflict(base: string): Promise<number> {
  const res = await fetch(`${base}api/conflicts?limit=1`);
  if (!res.ok) throw new Error(`GET /api/conflicts: HTTP ${res.status}`);
  const body = (await res.json()) as { items: { id: number }[] };
  const id = body.items[0]?.id;
  if (id === undefined) throw new Error('the archive has no conflict to show side by side');
  return id;
}

/** The fact of the queue's first conflict, and the story with the most articles among the latest 100. */
async function factAndStory(base: string): Promise<{ factId: number | null; storyId: number | null }> {
  const conflicts = (await (await fetch(`${base}api/conflicts?limit=1`)).json()) as {
    items: { factId?: number | null; pairs?: { factId: number | null }[] }[];
  };
  const first = conflicts.items[0];
  const factId = first?.factId ?? first?.pairs?.[0]?.factId ?? null;
  const stories = (await (await fetch(`${base}api/stories`)).json()) as { id: number; articles: number }[];
  const largest = stories.reduce<{ id: number; articles: number } | null>(
    (m, s) => (m === null || s.articles > m.articles ? s : m),
    null,
  );
  return { factId, storyId: largest?.id ?? null };
}

/**
 * A process's RSS now and its peak so far (VmHWM), in MB. The reading after the pages' load lands
 * anywhere in V8's collection cycle: one revision on one archive read 211-264 MB in six runs, its peak
 * 244-268 (docs/performance.md, session 16), so both are printed.
 */
function rss(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rssMb: mb('VmRSS'), peakMb: mb('VmHWM') };
}

/** wrk on loopback: one warm-up second, then `seconds` measured; requests/s, p50/p99 in ms. */
async function wrk(url: string, seconds: number, connections: number): Promise<Latency> {
  const run = (d: number) =>
    new Promise<string>((ok, fail) => {
      const p = spawn('wrk', ['-t2', `-c${connections}`, `-d${d}s`, '--timeout', '5s', '--latency', url], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      p.stdout.on('data', (c: Buffer) => {
        out += c.toString();
      });
      p.stderr.on('data', (c: Buffer) => {
        out += c.toString();
      });
      const kill = setTimeout(() => p.kill('SIGKILL'), (d + 30) * 1000);
      p.once('error', fail);
      p.once('exit', (code) => {
        clearTimeout(kill);
        if (code === 0) ok(out);
        else fail(new Error(`wrk exited with ${code}: ${out}`));
      });
    });
  await run(1);
  const out = await run(seconds);
  const ms = (v: string, unit: string) => Number(v) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
  const pct = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
    return m ? ms(m[1]!, m[2]!) : Number.NaN;
  };
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN),
    p50: pct('50'),
    p99: pct('99'),
    errors: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
  };
}

const k = (n: number) =>
  n >= 999_000 ? `${Math.round(n / 100_000) / 10}M` : n >= 1_000 ? `${Math.round(n / 1_000)}k` : String(n);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mark = (ok: boolean) => (ok ? ' ✓' : ' ✗');

function table(f: Figures): string {
  const rows: [string, string, string][] = [];
  rows.push([
    'extraction (ECB+ text, one core, CPU time)',
    `${f.extraction.mbPerSecond.toFixed(2)} MB/s`,
    `≥ 2 MB/s${mark(f.extraction.mbPerSecond >= 2)}`,
  ]);
  const b = f.bulkIngest;
  rows.push([
    `bulk ingest, file database (${int(b.articles)} articles, batches of ${b.batch}, ${b.threads} extraction thread${b.threads === 1 ? '' : 's'})`,
    `${int(b.articlesPerSecond)} articles/s, ${int(b.claimsPerSecond)} claims/s (CPU ${(b.cpuMs / b.articles).toFixed(1)} ms an article: ${int((1000 * b.articles) / b.cpuMs)}/s of CPU)`,
    `≥ 300 articles/s${mark(b.articlesPerSecond >= 300)}`,
  ]);
  for (const s of f.scaling) {
    rows.push([
      `ingest one more article, ${k(s.claims)} claims stored (${int(s.claims)})`,
      `${s.ms.toFixed(1)} ms (CPU ${s.cpuMs.toFixed(1)} ms, app ${s.appMs.toFixed(1)} ms; storing thread ${s.threadMs.toFixed(1)} ms; first probe ${s.firstCpuMs.toFixed(0)} ms CPU)`,
      '',
    ]);
  }
  if (f.growth)
    rows.push([
      `growth, ${k(f.growth.from)} → ${k(f.growth.to)} claims`,
      `${f.growth.ratio.toFixed(2)}× the time (${f.growth.cpuRatio.toFixed(2)}× the CPU, app ${f.growth.appRatio.toFixed(2)}×)`,
      `≤ 2×, app ≤ 1.5×${mark(f.growth.ratio <= 2 && f.growth.cpuRatio <= 2 && f.growth.appRatio <= 1.5)}`,
    ]);
  const d = f.dashboard;
  if (d) {
    const lat = (l: Latency) =>
      `${int(l.rps)} req/s, p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms${l.errors ? ` (${l.errors} errors!)` : ''}`;
    const ratio = (l: Latency) => l.rps / d.hello.rps;
    rows.push([`Hono hello-world (wrk, ${d.connections} connections, ${d.seconds} s)`, lat(d.hello), '']);
    rows.push([
      `conflict queue \`/\`, ${k(d.claims)} claims`,
      `${lat(d.queue)}; ${(100 * ratio(d.queue)).toFixed(0)} % of hello-world`,
      `≥ 35 %, p99 ≤ 20 ms${mark(ratio(d.queue) >= 0.35 && d.queue.p99 <= 20 && !d.queue.errors)}`,
    ]);
    // Issue 16's budget for the pages of one conflict, one fact, one story.
    const page = (l: Latency | null): [string, string] =>
      l
        ? [
            `${lat(l)}; ${(100 * ratio(l)).toFixed(0)} % of hello-world`,
            `≥ 15 %, p99 ≤ 20 ms${mark(ratio(l) >= 0.15 && l.p99 <= 20 && !l.errors)}`,
          ]
        : ['none in the archive', ''];
    rows.push([`side by side \`/conflicts/:id\`, ${k(d.claims)} claims`, ...page(d.conflict)]);
    rows.push([`fact page \`/facts/:id\`, ${k(d.claims)} claims`, ...page(d.fact)]);
    rows.push([`story page \`/stories/:id\`, ${k(d.claims)} claims`, ...page(d.story)]);
  }
  for (const m of f.memory)
    rows.push([
      `server RSS, ${k(m.claims)} claims stored`,
      `${m.rssMb.toFixed(0)} MB (peak ${m.peakMb.toFixed(0)})`,
      m.claims >= 1_000_000 ? `≤ 250 MB${mark(m.rssMb <= 250)}` : '',
    ]);
  if (f.worker) {
    rows.push([
      'Worker bundle',
      `${f.worker.gzipKiB.toFixed(0)} KiB gzip`,
      `≤ 250 KiB${mark(f.worker.gzipKiB <= 250)}`,
    ]);
    for (const c of f.worker.cpu)
      rows.push([
        `CPU per request: ${c.label.replace(/\s{2,}/g, ' ')}`,
        `app ${c.app.toFixed(1)} ms (p95 ${c.appP95.toFixed(1)}), with SQLite ${c.cpu.toFixed(1)} ms`,
        `≤ 10 ms${mark(c.appP95 <= 10)}`,
      ]);
  }
  const c = f.corpus;
  const head = `crosscheck bench (${f.mode}, ${f.date}, ${f.machine.cpus} cores, Node ${f.machine.node}, load ${f.machine.load.join(' ')})`;
  const w = [0, 1, 2].map((i) =>
    Math.max(...rows.map((r) => r[i]!.length), ['what', 'figure', 'goal'][i]!.length),
  );
  const line = (r: string[]) => `| ${r.map((x, i) => x.padEnd(w[i]!)).join(' | ')} |`;
  return [
    head,
    '',
    line(['what', 'figure', 'goal']),
    `| ${w.map((n) => '-'.repeat(n)).join(' | ')} |`,
    ...rows.map(line),
    '',
    `archive: ${int(c.articles)} articles, ${int(c.claims)} claims, ${int(c.links)} links, ${c.dbMb.toFixed(0)} MB, built in ${c.buildSeconds.toFixed(0)} s`,
  ].join('\n');
}

// --hello: the baseline server, a Hono hello-world served exactly as src/node.ts serves the app.
if (process.argv.includes('--hello')) {
  const { serve } = await import('@hono/node-server');
  const { Hono } = await import('hono');
  const app = new Hono().get('/', (c) => c.text('Hello Hono!'));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    console.log(`listening at http://127.0.0.1:${info.port}/`),
  );
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  await main();
}
