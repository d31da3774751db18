// `npm run measure:stall [-- --runs N]`: how long one heavy request stalls the others (issue 19). A
// server on 127.0.0.1 (a temporary database with the seeds) gets, for each adversarial text of
// tests/tools/adversarial/inputs.ts and for twenty real ECB+ documents, a POST /api/compare of the
// largest size allowed (1 MB of text together), and 20 ms later a GET /; printed: the compare's status
// and time, and how long the GET / waited (medians of N runs). Extraction runs on the event loop, so
// the GET's wait is the bound README "Limits" states.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_COMPARE_TEXT_BYTES } from '../../../src/middleware/limits';
import { startServer } from '../../../src/node';
import { ADVERSARIES, repeatTo } from '../adversarial/inputs';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, data: { type: 'string' } },
});
const RUNS = Math.max(1, Number(args.runs));
const EVAL = args.data ?? join(import.meta.dirname, '../../../../shared/eval');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ecbDocuments(): { id: string; text: string }[] | null {
  try {
    const texts = readFileSync(join(EVAL, 'ecbplus/ecbplus_dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).text as string);
    const per = Math.floor(MAX_COMPARE_TEXT_BYTES / 20) - 16;
    return Array.from({ length: 20 }, (_, i) => {
      let t = '';
      for (let k = i * 7; t.length < per; k++) t += `${texts[k % texts.length]}\n\n`;
      return { id: `d${i}`, text: t.slice(0, per) };
    });
  } catch {
    return null;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-stall-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: `file:${join(dir, 'stall.db')}`,
  firstAdmin: false,
});
try {
  const cases: { name: string; documents: { id: string; text: string }[] }[] = ADVERSARIES.map((a) => {
    const text = repeatTo(a.unit, MAX_COMPARE_TEXT_BYTES / 2 - 16);
    return {
      name: a.name,
      documents: [
        { id: 'a', text },
        { id: 'b', text },
      ],
    };
  });
  const ecb = ecbDocuments();
  if (ecb) cases.push({ name: '20 ECB+ documents', documents: ecb });
  // Warm up the JIT and the page cache.
  await fetch(new URL('/', server.url));
  console.log(`stall under one max-size compare (1 MB of text together), medians of ${RUNS} runs`);
  console.log(`${'input'.padEnd(22)} status  compare ms  GET / waited ms`);
  for (const c of cases) {
    const compares: number[] = [];
    const waits: number[] = [];
    let status = 0;
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const compare = fetch(new URL('/api/compare', server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ documents: c.documents }),
      }).then(async (res) => {
        await res.arrayBuffer();
        status = res.status;
        return performance.now() - t0;
      });
      await sleep(20);
      const g0 = performance.now();
      const get = await fetch(new URL('/', server.url));
      await get.arrayBuffer();
      waits.push(performance.now() - g0);
      compares.push(await compare);
    }
    console.log(
      `${c.name.padEnd(22)} ${String(status).padEnd(7)} ${median(compares).toFixed(0).padStart(10)}  ${median(waits).toFixed(0).padStart(15)}`,
    );
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
