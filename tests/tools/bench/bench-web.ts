// npm run bench:web — how long adding an article from the web takes on Node: extraction of the
// fixture pages grown to about 100 KB (the budget: ≤ 20 ms median) as Node does it
// (readability-extract.ts: Readability, or the port for pages with a lot of text), Readability over
// linkedom alone on the whole page (what Node did before), the Worker's port over htmlparser2's
// events, and fetch + extract from a loopback server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { Parser } from 'htmlparser2';
import { grabArticle, grabOptions } from '../../../src/web/grab-article';
import { nodeWebReader } from '../../../src/web/node-reader';
import { TreeBuilder, VOID_TAGS } from '../../../src/web/page-tree';
import { readabilityBlocks, readabilityExtract } from '../../../src/web/readability-extract';
import { grownPage } from '../../helpers/web-fixtures';

const RUNS = Number(process.argv[2] ?? 40);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

function portExtract(html: string) {
  const tree = new TreeBuilder();
  const parser = new Parser(
    {
      onopentag: (n, a) => tree.open(n, (k) => a[k] ?? null),
      onclosetag: (n) => {
        if (!VOID_TAGS.has(n)) tree.close(n);
      },
      ontext: (t) => tree.text(t),
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return grabArticle(tree.root, grabOptions({ metas: [] }));
}

/** Wall times, and the process's CPU times (all its threads: GC too), which a loaded machine moves less. */
async function time(fn: () => unknown): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < 5; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

const line = (label: string, { wall, cpu }: { wall: number[]; cpu: number[] }) =>
  console.log(
    `${label.padEnd(60)} median ${median(wall).toFixed(2)} ms (CPU ${median(cpu).toFixed(2)}), p95 ${p95(wall).toFixed(2)} ms`,
  );

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const kind of ['typical', 'long'] as const) {
  for (const name of ['harbour-jsonld', 'budget-meta', 'wire-graph']) {
    const page = grownPage(name, kind);
    const kb = (Buffer.byteLength(page) / 1024).toFixed(0);
    line(`Node's extraction, ${kind} ${name} (${kb} KB)`, await time(() => readabilityExtract(page)));
    line(`  Readability + linkedom alone, whole page`, await time(() => readabilityBlocks(page)));
    line(`  Worker's port (htmlparser2 events)`, await time(() => portExtract(page)));
  }
}

const page = grownPage('harbour-jsonld', 'typical');
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/a`;
const reader = nodeWebReader({ policy: { allowLoopbackForTests: true } });
line('fetch (loopback) + extract + metadata, 100 KB', await time(() => reader.readArticle(url)));
server.close();
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
