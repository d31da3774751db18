// `npm run bench:ingest -- [--claims N] [--db FILE]`: the time to ingest one article into an empty
// database and into one already holding N claims (default 100,000), through the real ingest service.
// The stored corpus replicates the ECB+ articles with varied outlets and numbers, so keys repeat as
// they would in a real newsroom's archive. Prints medians; the machine is shared and noisy.
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openNodeDb } from '../node-db';
import { ingestArticle } from '../services/ingest';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const target = Number(opt('--claims', '100000'));
const dbFile = resolve(opt('--db', 'data/bench-ingest.db'));
const evalDir = resolve(process.env.CROSSCHECK_EVAL ?? join(import.meta.dirname, '../../../shared/eval'));
const docs = readFileSync(join(evalDir, 'ecbplus/ecbplus_dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { title: string; text: string });
const probe = readFileSync(join(import.meta.dirname, '../../seeds/cnn-austin-kyiv-visit.txt'), 'utf8');

/** A variant of a real article: numbers nudged so that each copy is new text with new figures. */
function variant(text: string, round: number): string {
  return text.replace(/\d+/g, (d) => String(Number(d) + (round % 7)));
}

async function timeProbe(db: Awaited<ReturnType<typeof openNodeDb>>['db'], label: string, runs = 9) {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const text = `${variant(probe, r + 1000)}\nProbe run ${label} ${r}.`;
    const t0 = performance.now();
    await ingestArticle(db, { outlet: `Probe ${r % 3}`, title: `probe ${label} ${r}`, text });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
const { db, client, close } = await openNodeDb(`file:${dbFile}`);
const empty = await timeProbe(db, 'empty');
console.log(`ingest one article (seed CNN text), empty database: ${empty.toFixed(1)} ms median`);

let claims = Number((await client.execute('select count(*) as n from claims')).rows[0]!.n);
let round = 0;
const t0 = performance.now();
while (claims < target) {
  for (const [i, d] of docs.entries()) {
    if (claims >= target) break;
    const result = await ingestArticle(db, {
      outlet: `Outlet ${(i + round) % 40}`,
      title: `${d.title} (${round})`,
      text: variant(`${d.title}\n${d.text}`, round) + `\nEdition ${round}.`,
    });
    if (result.status === 'created') claims += result.claims;
  }
  round++;
  console.log(`  stored ${claims} claims (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}
const full = await timeProbe(db, 'full');
console.log(`ingest one article, database holding ${claims} claims: ${full.toFixed(1)} ms median`);
console.log(`growth ratio: ${(full / empty).toFixed(2)}×`);
close();
