// The deferred half of an ingest (the Worker's queue consumer): an article stored first and
// cross-referenced later must end up with the links an immediate ingest finds, whenever and however
// often the consumer runs, and nothing may be lost when the queue is not there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  crossReferenceLinks,
  crossReferenceStored,
  PENDING_GRACE_MS,
  sweepPending,
  upkeepStored,
} from '../../src/services/crossref-later';
import { type IngestInput, ingestArticle } from '../../src/services/ingest';
import { createTestDb, type TestDb } from '../helpers/db';

const manifest = JSON.parse(readFileSync(join('seeds', 'manifest.json'), 'utf8')) as {
  file: string;
  outlet: string;
  title: string;
}[];
// The CNN report first: alone in an empty archive it still has links between its own claims.
const seeds = manifest
  .map((m) => ({ outlet: m.outlet, title: m.title, text: readFileSync(join('seeds', m.file), 'utf8') }))
  .sort((a, b) => Number(b.outlet === 'CNN') - Number(a.outlet === 'CNN'));
const reports: IngestInput[] = [
  'Milken was given a 10-year sentence on Tuesday. Prosecutors said Milken paid $600 million in fines.',
  'A judge sentenced Michael Milken to 12 years on Tuesday, and Milken paid $500 million, prosecutors said.',
  'Authorities seized 6,700 pounds of marijuana in Texas on Friday. "We found 40 bales," Sheriff Ray Ortiz said.',
  'Some 8,710 pounds of marijuana had been seized in Texas, Sheriff Ray Ortiz said on Friday. "We found 41 bales," Ortiz said.',
  'Three people were killed when the bus overturned on the highway, police said on Monday.',
  'Three people died after the bus overturned on the highway on Monday, officials said.',
  'Defense Secretary Lloyd Austin met Ukrainian leaders in Kyiv. Some 50 countries have sent aid, Austin said.',
  'Lloyd Austin, 69, visited Kyiv on Monday. The 69-year-old secretary said 57 countries back Ukraine.',
].map((text, i) => ({ outlet: `Wire ${i % 3}`, title: `report ${i}`, text }));
// Verbatim reprints by other outlets (one under 25 words, too short for the near-copy estimate): wire
// copies of the first, whether found before the insert (immediate) or marked by it (deferred).
const reprints: IngestInput[] = [
  { ...seeds[1]!, outlet: 'Reprint Daily', title: 'reprinted' },
  { ...reports[4]!, outlet: 'Wire 9', title: 'short reprint' },
];
const corpus = [...seeds, ...reports, ...reprints];

/** Every stored row, the deferral's own bookkeeping left out: what the two ways of ingesting must share. */
async function stored(t: TestDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of [
    'articles',
    'claims',
    'quantities',
    'claim_keys',
    'mentions',
    'entities',
    'term_stats',
  ]) {
    const r = await t.client.execute(`select * from ${table} order by rowid`);
    out[table] = r.rows.map((row) =>
      r.columns.filter((c) => !/_at$|^crossref_pending$|^pending_names$/.test(c)).map((c) => row[c]),
    );
  }
  out.links = await links(t);
  return out;
}

/** Links as the reviewer sees them; an explanation's claim refs are the only thing allowed to differ. */
async function links(t: TestDb) {
  const r = await t.client.execute(
    'select claim_a, claim_b, relation, score, severity, status, fact_id, explanation from links order by id',
  );
  return r.rows.map((row) => {
    const explanation = JSON.parse(String(row.explanation)) as {
      a?: { claim?: string };
      b?: { claim?: string };
    };
    delete explanation.a?.claim;
    delete explanation.b?.claim;
    return { ...row, explanation };
  });
}

let now: TestDb;
let later: TestDb;
let queued: number[];
const queue = async (ids: number[]) => {
  queued.push(...ids);
};
beforeEach(async () => {
  now = await createTestDb();
  later = await createTestDb();
  queued = [];
});
afterEach(() => {
  now.cleanup();
  later.cleanup();
});

describe('crossReferenceStored', () => {
  it('finds the links an immediate ingest stores, article by article', async () => {
    for (const [i, input] of corpus.entries()) {
      const immediate = await ingestArticle(now.db, input);
      const deferred = await ingestArticle(later.db, input, { crossReferenceLater: queue });
      expect(deferred).toMatchObject({ status: 'created', crossReference: 'pending' });
      if (immediate.status !== 'created' || deferred.status !== 'created') throw new Error('not stored');
      expect(queued.at(-1)).toBe(deferred.articleId);
      expect(await crossReferenceStored(later.db, deferred.articleId)).toEqual({
        status: 'done',
        conflicts: immediate.conflicts,
        corroborations: immediate.corroborations,
        links: immediate.links,
      });
      if (i === 0) expect(immediate.links, 'links inside the first article').toBeGreaterThan(0);
    }
    const [a, b] = [await stored(now), await stored(later)];
    expect(
      a.links!.filter((l) => (l as { relation: string }).relation === 'conflict').length,
    ).toBeGreaterThan(3);
    expect(b).toEqual(a);
    const left = await later.client.execute(
      'select count(*) as n from articles where crossref_pending = 1 or pending_names is not null',
    );
    expect(left.rows[0]!.n).toBe(0);
  });

  it('in chunks of candidates, one call each, stores what an immediate ingest stores', async () => {
    let chunked = 0;
    for (const input of corpus) {
      await ingestArticle(now.db, input);
      const r = await ingestArticle(later.db, input, { crossReferenceLater: queue });
      if (r.status !== 'created') throw new Error('not stored');
      // Chunks of 1 candidate; each chunk delivered twice, and the first chunk run again at the end
      // of a run (a message the sweeper sent again): nothing is stored twice or lost.
      let chunk: number | undefined = 0;
      let calls = 0;
      let repeatedStart = false;
      while (chunk !== undefined) {
        const first = await crossReferenceLinks(later.db, r.articleId, { chunkSize: 1, chunk });
        const again = await crossReferenceLinks(later.db, r.articleId, { chunkSize: 1, chunk });
        calls++;
        if (first.status === 'part') {
          expect(again).toEqual(first);
          if (first.next > 1 && !repeatedStart) {
            repeatedStart = true;
            expect(await crossReferenceLinks(later.db, r.articleId, { chunkSize: 1 })).toEqual({
              status: 'part',
              upkeep: false,
              next: 1,
            });
          }
        } else {
          expect(first.status).toBe('done');
          expect(again).toEqual({ status: 'skipped', upkeep: first.upkeep });
          if (first.upkeep) await upkeepStored(later.db, r.articleId);
        }
        chunk = first.next;
      }
      if (calls > 2) chunked++;
    }
    expect(chunked, 'articles compared in more than two chunks').toBeGreaterThan(2);
    expect(await stored(later)).toEqual(await stored(now));
    const parts = await later.client.execute('select count(*) as n from crossref_parts');
    expect(parts.rows[0]!.n).toBe(0);
  });

  it('starts over when the parts of a run do not fit together', async () => {
    for (const input of seeds) await ingestArticle(later.db, input, { crossReferenceLater: queue });
    const id = queued.at(-1)!;
    const first = await crossReferenceLinks(later.db, id, { chunkSize: 1 });
    expect(first).toMatchObject({ status: 'part', next: 1 });
    const total = Number((await later.client.execute('select total from crossref_parts')).rows[0]!.total);
    expect(total).toBeGreaterThan(2);
    // Chunk 1's message was lost: the join finds a part missing, and starts over.
    const join = await crossReferenceLinks(later.db, id, { chunkSize: 1, chunk: total + 1 });
    expect(join).toMatchObject({ status: 'part', next: 0 });
    expect(await crossReferenceLinks(later.db, id, { chunkSize: 1000 })).toMatchObject({ status: 'done' });
  });

  it('compares an article with what was stored before it, whatever came in meanwhile', async () => {
    for (const input of corpus) await ingestArticle(now.db, input);
    const ids: number[] = [];
    for (const input of corpus) {
      const r = await ingestArticle(later.db, input, { crossReferenceLater: queue });
      if (r.status !== 'created') throw new Error('not stored');
      ids.push(r.articleId);
    }
    // The consumer runs late, and the newest article first.
    for (const id of [...ids].reverse())
      expect((await crossReferenceStored(later.db, id)).status).toBe('done');
    // The same pairs, relations and severities as ingesting one after another; scores may differ a
    // little: term frequencies count what is stored when the consumer runs.
    const shape = (rows: Record<string, unknown>[]) =>
      rows.map((l) => [l.claim_a, l.claim_b, l.relation, l.severity].join()).sort();
    expect(shape(await links(later))).toEqual(shape(await links(now)));
  });

  it('does the work once: a repeated delivery and a deleted article change nothing', async () => {
    const [first, second] = await Promise.all(
      seeds.map(async (s) => ingestArticle(later.db, s, { crossReferenceLater: queue })),
    );
    if (first?.status !== 'created' || second?.status !== 'created') throw new Error('not stored');
    expect((await crossReferenceStored(later.db, first.articleId)).status).toBe('done');
    expect((await crossReferenceStored(later.db, second.articleId)).status).toBe('done');
    const once = await links(later);
    expect(once.length).toBeGreaterThan(0);
    expect(await crossReferenceStored(later.db, second.articleId)).toEqual({ status: 'skipped' });
    expect(await links(later)).toEqual(once);
    expect(await crossReferenceStored(later.db, 999_999)).toEqual({ status: 'skipped' });
  });

  it('stores another outlet’s verbatim reprint as a wire copy: marked when stored, never linked to it', async () => {
    for (const input of [...corpus.slice(0, 2), ...reprints]) {
      const r = await ingestArticle(later.db, input, { crossReferenceLater: queue });
      if (r.status !== 'created') throw new Error(r.status);
      await crossReferenceStored(later.db, r.articleId);
    }
    const rows = await later.client.execute('select id, copy_of from articles order by id');
    expect(rows.rows.map((r) => [r.id, r.copy_of])).toEqual([
      [1, null],
      [2, null],
      [3, 2],
      [4, null],
    ]);
    const between =
      await later.client.execute(`select count(*) as n from links l join claims a on a.id = l.claim_a
      join claims b on b.id = l.claim_b where a.article_id in (2, 3) and b.article_id in (2, 3) and a.article_id <> b.article_id`);
    expect(between.rows[0]!.n).toBe(0);
    // The reprint's claims are compared with the rest of the archive, as the original's were.
    const toFirst = async (id: number) =>
      (
        await later.client.execute({
          sql: `select count(*) as n from links l join claims a on a.id = l.claim_a join claims b on b.id = l.claim_b
            where (a.article_id = 1 and b.article_id = ?1) or (b.article_id = 1 and a.article_id = ?1)`,
          args: [id],
        })
      ).rows[0]!.n;
    // (Not necessarily as many: the reprint's claims raised its terms' document frequencies, so its
    // pairs weigh a little less than the original's did.)
    expect(await toFirst(3)).toBeGreaterThan(0);
  });

  it('reports the same text from the same outlet as a duplicate and queues nothing', async () => {
    const r = await ingestArticle(later.db, seeds[0]!, { crossReferenceLater: queue });
    const again = await ingestArticle(
      later.db,
      { ...seeds[0]!, title: 'Again' },
      { crossReferenceLater: queue },
    );
    expect(again).toMatchObject({ status: 'duplicate', articleId: r.articleId });
    expect(queued).toEqual([r.articleId]);
    const n = await later.client.execute('select count(*) as n from articles');
    expect(n.rows[0]!.n).toBe(1);
  });
});

describe('sweepPending', () => {
  it('keeps an article whose message could not be sent, and cross-references it once it is overdue', async () => {
    const failing = async () => {
      throw new Error('queue unavailable');
    };
    const r = await ingestArticle(later.db, seeds[0]!, { crossReferenceLater: failing });
    expect(r).toMatchObject({ status: 'created', crossReference: 'pending' });
    // Not overdue yet: left to the queue.
    expect(await sweepPending(later.db, undefined)).toBe(0);
    const overdue = Date.now() + PENDING_GRACE_MS + 1000;
    // A working queue gets it again…
    expect(await sweepPending(later.db, queue, overdue)).toBe(1);
    expect(queued).toEqual([r.articleId]);
    // …and with none (or one that refuses) the sweep does the work itself.
    expect(await sweepPending(later.db, failing, overdue)).toBe(1);
    const pending = await later.client.execute(
      'select count(*) as n from articles where crossref_pending = 1',
    );
    expect(pending.rows[0]!.n).toBe(0);
    expect(await sweepPending(later.db, undefined, overdue)).toBe(0);
  });
});
