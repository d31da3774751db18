// The bulk path (src/services/ingest-batches.ts, issue 20): batches prepared in worker threads while the
// batch before is stored store exactly the rows that preparing everything in this thread stores, and an
// article that cannot be read, or a thread pool that fails, does not stop the others. How fast it is
// lives in `npm run bench` (bulk ingest), not here.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importItemsOf } from '../../db/queries/imports';
import { type ThreadCompute, threadCompute } from '../../src/node-compute/pool';
import type { Compute } from '../../src/services/compute';
import { inThreadCompute } from '../../src/services/compute';
import { runImportInBatches } from '../../src/services/import-runner';
import { createImport } from '../../src/services/imports';
import { type BulkIngestResult, ingestInBatches } from '../../src/services/ingest-batches';
import type { IngestInput } from '../../src/services/ingest-prepare';
import { MAX_CLAIMS_PER_DOCUMENT } from '../../src/services/work-limits';
import { createTestDb, type TestDb } from '../helpers/db';
import { contactGroupReport } from '../helpers/many-reports';

const seed = (file: string) => readFileSync(new URL(`../../seeds/${file}`, import.meta.url), 'utf8');
const CNN = seed('cnn-austin-kyiv-visit.txt');
const DOD = seed('dod-ukraine-assistance-briefing.txt');

/** Real reports, many outlets on one fact, a wire copy, a duplicate, an empty text and an oversized one. */
function corpus(): IngestInput[] {
  const reports = Array.from({ length: 14 }, (_, n) => contactGroupReport(n));
  return [
    { outlet: 'CNN', title: 'Austin in Kyiv', text: CNN },
    ...reports.slice(0, 5),
    { outlet: 'DOD', title: 'Briefing', text: DOD },
    { outlet: 'Wire', title: 'Austin in Kyiv (wire)', text: `${CNN}\nDistributed by Wire.` },
    ...reports.slice(5, 9),
    // The same text from the same outlet: a duplicate (another outlet's would be stored as a copy).
    { outlet: reports[2]!.outlet, title: 'The same text', text: reports[2]!.text },
    { outlet: 'Nowhere', title: 'Empty', text: '<p> </p>', format: 'html' },
    {
      outlet: 'Flood',
      title: 'Too many claims',
      text: Array.from(
        { length: MAX_CLAIMS_PER_DOCUMENT + 5 },
        (_, i) => `Officials said ${i + 10} trucks arrived.`,
      ).join(' '),
    },
    ...reports.slice(9),
  ];
}

/** Every stored row of every table, timestamps left out (they differ between two runs). */
async function rows(t: TestDb): Promise<Record<string, unknown[]>> {
  const tables = await t.client.execute(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    const r = await t.client.execute(`select * from "${String(name)}"`);
    const keep = r.columns.map((c, i) => [c, i] as const).filter(([c]) => !/_at$/.test(c));
    out[String(name)] = r.rows.map((row) => JSON.stringify(keep.map(([, i]) => row[i]))).sort();
  }
  return out;
}

const statuses = (results: BulkIngestResult[]) => results.map((r) => r.status);

let pool: ThreadCompute;
const dbs: TestDb[] = [];
const fresh = async () => {
  const t = await createTestDb();
  dbs.push(t);
  return t;
};
beforeAll(async () => {
  pool = threadCompute({ threads: 2 });
  await pool.ready();
}, 60_000);
afterAll(async () => {
  await pool.close();
  for (const t of dbs) t.cleanup();
});

describe('bulk ingest in batches', () => {
  it('stores the same rows with the batches read in worker threads as read in this thread', async () => {
    const here = await fresh();
    const threaded = await fresh();
    const a = await ingestInBatches(here.db, corpus(), { batchSize: 4 });
    // Every batch read in the threads (a failed one would be read here, unseen in the rows).
    let inThreads = 0;
    const counted: Compute = {
      ...pool,
      prepareEach: async (inputs) => {
        const prepared = await pool.prepareEach!(inputs);
        inThreads++;
        return prepared;
      },
    };
    const b = await ingestInBatches(threaded.db, corpus(), { batchSize: 4, compute: counted });
    expect(inThreads).toBe(5);
    expect(statuses(b)).toEqual(statuses(a));
    expect(statuses(a).filter((s) => s === 'created').length).toBe(17);
    // The duplicate (of an earlier batch), the empty text and the oversized one each answer alone.
    expect(statuses(a).slice(12, 15)).toEqual(['duplicate', 'invalid', 'invalid']);
    expect(a[14]).toMatchObject({ status: 'invalid', message: expect.stringMatching(/claims/) });
    const stored = await rows(here);
    expect(stored.links!.length).toBeGreaterThan(10);
    expect(await rows(threaded)).toEqual(stored);
  }, 120_000);

  it('reads a batch here when the threads fail, and stores everything the same', async () => {
    const here = await fresh();
    const failing = await fresh();
    const broken: Compute = {
      ...inThreadCompute,
      prepareEach: async () => {
        throw new Error('the extraction threads are closed');
      },
    };
    const a = await ingestInBatches(here.db, corpus(), { batchSize: 6 });
    const quiet = console.error;
    console.error = () => {};
    const b = await ingestInBatches(failing.db, corpus(), { batchSize: 6, compute: broken }).finally(() => {
      console.error = quiet;
    });
    expect(statuses(b)).toEqual(statuses(a));
    expect(await rows(failing)).toEqual(await rows(here));
  }, 120_000);

  it('runs an import in batches with each item its own outcome, as in this thread', async () => {
    const manifest = (t: TestDb) =>
      createImport(t.db, {
        kind: 'manifest',
        label: 'test',
        items: [
          ...corpus().map(({ outlet, title, text, format, publishedAt }, k) => ({
            target: `item-${k}.txt`,
            payload: { outlet, title, text, format, publishedAt: publishedAt ?? undefined },
          })),
          // Past the first batch of 25: the second is handed out before the first is stored, and
          // ended by the next item, which must wait for both.
          ...Array.from({ length: 10 }, (_, n) => ({
            target: `more-${n}.txt`,
            payload: contactGroupReport(30 + n),
          })),
          { target: 'missing.txt', payload: { error: 'the file could not be read (ENOENT)' } },
          { target: 'last.txt', payload: contactGroupReport(20) },
        ],
      });
    const outcomes = async (compute?: Compute) => {
      const t = await fresh();
      const job = await manifest(t);
      const heard: string[] = [];
      await runImportInBatches({ db: t.db, ingest: { compute } }, job.id, (d) =>
        heard.push(`${d.position}:${d.status}`),
      );
      const items = (await importItemsOf(t.db, job.id)).map((i) => [i.position, i.status, i.reason]);
      return { heard, items, rows: await rows(t) };
    };
    const here = await outcomes();
    const threaded = await outcomes(pool);
    // Heard in order, every item done, the failures with their reasons.
    expect(here.heard.map((h) => Number(h.split(':')[0]))).toEqual(here.items.map((i) => i[0]));
    expect(here.items.filter((i) => i[1] === 'failed').map((i) => i[2])).toEqual([
      expect.stringMatching(/no text/),
      expect.stringMatching(/claims/),
      'the file could not be read (ENOENT)',
    ]);
    expect(here.items.filter((i) => i[1] === 'stored')).toHaveLength(28);
    expect(threaded.heard).toEqual(here.heard);
    expect(threaded.rows).toEqual(here.rows);
  }, 120_000);
});
