// `npm run measure:stall [-- --runs N --only REGEX --inline]`: how long one heavy request stalls the
// others (issue 19; the bound is docs/performance.md "Stall bound"). A server process (npm start's,
// on 127.0.0.1, over a temporary database with the seeds; the client is this process) gets, per case, one heavy request of the largest size allowed:
// a POST /api/compare of 1 MB of text together (each adversarial text of
// tests/tools/adversarial/inputs.ts, twenty real ECB+ documents, seven documents of ~2,000 claims each)
// or a POST /api/articles of one ~2,000-claim article. While it runs, one client sends GET / and
// GET /api/conflicts one after the other and times each. Printed per case, over N runs: the heavy
// request's status and time (median), and the small requests' waits: median of the runs' worst wait,
// and p50 / p99 / max of every small request. `--inline` runs extraction on the event loop (no
// worker thread: the behaviour before the bound), for before/after figures on the same machine.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { insertApiToken, insertUser } from '../../../db/queries/users';
import { loadSeeds } from '../../../seeds/load';
import { newToken, tokenHash } from '../../../src/auth/tokens';
import { MAX_COMPARE_TEXT_BYTES } from '../../../src/middleware/limits';
import { openNodeDb } from '../../../src/node-db';
import { ADVERSARIES, repeatTo } from '../adversarial/inputs';
import { freePort, startServerProcess } from '../server-process';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    data: { type: 'string' },
    only: { type: 'string' },
    inline: { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const EVAL = args.data ?? join(import.meta.dirname, '../../../../shared/eval');
const ONLY = args.only ? new RegExp(args.only, 'i') : null;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const quantile = (xs: number[], q: number) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ecbDocuments(): { id: string; text: string }[] | null {
  try {
    const texts = readFileSync(join(EVAL, 'ecbplus/ecbplus_dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).text as string);
    // The cap counts UTF-8 bytes: each document is cut to its share in bytes, not characters.
    const per = Math.floor(MAX_COMPARE_TEXT_BYTES / 20) - 16;
    return Array.from({ length: 20 }, (_, i) => {
      let t = '';
      for (let k = i * 7; Buffer.byteLength(t) < per; k++) t += `${texts[k % texts.length]}\n\n`;
      while (Buffer.byteLength(t) > per) t = t.slice(0, t.length - (Buffer.byteLength(t) - per));
      return { id: `d${i}`, text: t };
    });
  } catch {
    return null;
  }
}

/** One sentence with one claim, 1,990 times (the cap is 2,000 claims per document). */
const manyClaims = (k: number) =>
  Array.from(
    { length: 1990 },
    (_, i) => `At least ${i + k} people were killed in Kyiv, Ukraine, officials said. `,
  ).join('');

interface Case {
  name: string;
  request: (run: number) => { path: string; body: unknown };
}

const compare = (documents: { id: string; text: string }[]) => () => ({
  path: '/api/compare',
  body: { documents },
});

const cases: Case[] = ADVERSARIES.map((a) => {
  const text = repeatTo(a.unit, MAX_COMPARE_TEXT_BYTES / 2 - 16);
  return {
    name: a.name,
    request: compare([
      { id: 'a', text },
      { id: 'b', text },
    ]),
  };
});
const ecb = ecbDocuments();
if (ecb) cases.push({ name: '20 ECB+ documents', request: compare(ecb) });
cases.push({
  name: '7 × 2,000 claims',
  request: compare(Array.from({ length: 7 }, (_, d) => ({ id: `d${d}`, text: manyClaims(d) }))),
});
cases.push({
  name: 'ingest 2,000 claims',
  request: (run) => ({
    path: '/api/articles',
    body: { outlet: 'Stall', title: `Stall ${run}`, text: manyClaims(run * 10_000), format: 'text' },
  }),
});

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-stall-'));
const dbFile = join(dir, 'stall.db');
// The seeds and an editor's API token, written before the server (its own process) starts.
const setup = await openNodeDb(`file:${dbFile}`);
await loadSeeds(setup.db);
const user = await insertUser(setup.db, { login: 'stall', displayName: 'Stall', role: 'editor' });
const token = newToken();
await insertApiToken(setup.db, { tokenHash: await tokenHash(token), userId: user.id, label: 'stall' });
setup.close();
const port = await freePort();
const { child } = await startServerProcess(port, `file:${dbFile}`, {
  EXTRACTION_THREADS: args.inline ? '0' : '1',
  FEED_POLLING: 'off',
});
const server = { url: `http://127.0.0.1:${port}/` };

/**
 * One small GET on a new connection, timed to its last byte: a kept-alive one can be closed by the
 * server (its idle timeout fires as soon as a long stall ends) just as it is reused.
 */
function timed(path: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((ok, fail) => {
    get(new URL(path, server.url), { agent: false }, (res) => {
      res.resume();
      res.on('end', () => ok(performance.now() - t0));
      res.on('error', fail);
    }).on('error', fail);
  });
}

try {
  // Warm up the JIT and the page cache, and take the idle figure.
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) idle.push(await timed(i % 2 ? '/api/conflicts' : '/'));
  console.log(
    `stall under one max-size request (${args.inline ? 'extraction on the event loop' : 'extraction in a worker thread'}), ${RUNS} runs each; ${new Date().toISOString()}`,
  );
  console.log(`idle: GET / and /api/conflicts p50 ${median(idle).toFixed(0)} ms`);
  console.log(`${'input'.padEnd(22)} status  heavy ms  worst wait ms (median)  small p50  p99   max   (n)`);
  const allWorst: number[] = [];
  const allSmall: number[] = [];
  for (const c of cases.filter((c) => !ONLY || ONLY.test(c.name))) {
    const heavies: number[] = [];
    const worst: number[] = [];
    const small: number[] = [];
    const statuses = new Set<number>();
    for (let r = 0; r < RUNS; r++) {
      const { path, body } = c.request(r);
      const t0 = performance.now();
      let done = false;
      const heavy = fetch(new URL(path, server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }).then(async (res) => {
        await res.arrayBuffer();
        statuses.add(res.status);
        done = true;
        return performance.now() - t0;
      });
      await sleep(20);
      const waits: number[] = [];
      for (let i = 0; !done; i++) waits.push(await timed(i % 2 ? '/api/conflicts' : '/'));
      heavies.push(await heavy);
      small.push(...waits);
      worst.push(Math.max(...waits));
    }
    allWorst.push(...worst);
    allSmall.push(...small);
    console.log(
      `${c.name.padEnd(22)} ${[...statuses].join('/').padEnd(7)} ${median(heavies).toFixed(0).padStart(8)}  ${median(worst).toFixed(0).padStart(22)}  ${median(small).toFixed(0).padStart(9)} ${quantile(small, 0.99).toFixed(0).padStart(5)} ${Math.max(
        ...small,
      )
        .toFixed(0)
        .padStart(5)}   (${small.length})`,
    );
  }
  console.log(
    `all cases: ${allSmall.length} small requests p50 ${median(allSmall).toFixed(0)} ms, p99 ${quantile(allSmall, 0.99).toFixed(0)} ms`,
  );
  console.log(
    `all cases: worst wait per run p50 ${median(allWorst).toFixed(0)} ms, p99 ${quantile(allWorst, 0.99).toFixed(0)} ms, max ${Math.max(...allWorst).toFixed(0)} ms`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  rmSync(dir, { recursive: true, force: true });
}
