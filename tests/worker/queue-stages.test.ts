// The queue consumer's two stages inside workerd, delivered as a real queue may deliver them: twice,
// and with the send of the next stage failing once; and the links stage in chunks of candidates. Nothing may be stored twice or lost: the rows end
// as an ingest that cross-references in the request stores them (links, facts, stories, copy marks).
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import cnn from '../../seeds/cnn-austin-kyiv-visit.txt?raw';
import dod from '../../seeds/dod-ukraine-assistance-briefing.txt?raw';
import { type IngestInput, ingestArticle } from '../../src/services/ingest';
import { consumeCrossReferences, databaseFor } from '../../src/worker';
import { message } from './fake-message';

type D1 = {
  prepare(sql: string): { all(): Promise<{ results: Record<string, unknown>[] }> };
  batch(statements: unknown[]): Promise<unknown>;
};
const d1 = env.DB as D1;
const rows = async (sql: string) => (await d1.prepare(sql).all()).results;

const reports = [
  'Milken was given a 10-year sentence on Tuesday. Prosecutors said Milken paid $600 million in fines.',
  'A judge sentenced Michael Milken to 12 years on Tuesday, and Milken paid $500 million, prosecutors said.',
  'Authorities seized 6,700 pounds of marijuana in Texas on Friday. "We found 40 bales," Sheriff Ray Ortiz said.',
  'Some 8,710 pounds of marijuana had been seized in Texas, Sheriff Ray Ortiz said on Friday. "We found 41 bales," Ortiz said.',
  'Defense Secretary Lloyd Austin met Ukrainian leaders in Kyiv. Some 50 countries have sent aid, Austin said.',
  'Lloyd Austin, 69, visited Kyiv on Monday. The 69-year-old secretary said 57 countries back Ukraine.',
];
const corpus: IngestInput[] = [
  { outlet: 'CNN', title: 'cnn', text: cnn },
  { outlet: 'DOD', title: 'dod', text: dod },
  // A wire copy of the CNN report with another ending: marked as a copy, never linked to it.
  { outlet: 'Reprint', title: 'cnn copy', text: `${cnn}\n\nThis report was first published by CNN.` },
  ...reports.map((text, i) => ({ outlet: `Wire ${i % 3}`, title: `report ${i}`, text })),
];

/** Every stored row that cross-referencing decides, with ids replaced by what they name. */
/** Every table an ingest writes, emptied (the tests of this file share one database). */
const clear = () =>
  d1.batch(
    ['links', 'claim_keys', 'quantities', 'mentions', 'claims', 'articles', 'entities', 'term_stats'].map(
      (t) => (env.DB as { prepare(sql: string): unknown }).prepare(`delete from ${t}`),
    ),
  );

async function snapshot() {
  const articles = await rows(
    'select id, title, copy_of, story_id, crossref_pending, upkeep_pending from articles',
  );
  const title = new Map(articles.map((a) => [a.id, a.title]));
  const claims = await rows('select id, article_id, position from claims');
  const claim = new Map(claims.map((c) => [c.id, `${title.get(c.article_id)}#${c.position}`]));
  const links = await rows(
    'select id, claim_a, claim_b, relation, score, severity, fact_id, explanation from links order by id',
  );
  const linkIndex = new Map(links.map((l, i) => [l.id, i]));
  return {
    articles: articles.map((a) => [
      a.title,
      a.copy_of === null ? null : title.get(a.copy_of),
      a.story_id === null ? null : (title.get(a.story_id) ?? 'gone'),
      a.crossref_pending,
      a.upkeep_pending,
    ]),
    links: links
      .map((l) => {
        const explanation = JSON.parse(String(l.explanation)) as {
          a?: { claim?: string };
          b?: { claim?: string };
        };
        delete explanation.a?.claim;
        delete explanation.b?.claim;
        return [
          claim.get(l.claim_a),
          claim.get(l.claim_b),
          l.relation,
          l.score,
          l.severity,
          l.fact_id === null ? null : (linkIndex.get(l.fact_id) ?? 'gone'),
          explanation,
        ];
      })
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
  };
}

describe('queue consumer stages', () => {
  it('store what an ingest in one request stores, whatever is delivered twice or fails to send', async () => {
    const db = databaseFor({ DB: env.DB });
    const sent: unknown[] = [];
    const queue = {
      sendBatch: async (messages: { body: unknown }[]) => {
        sent.push(...messages.map((m) => m.body));
      },
    };
    const refusing = {
      sendBatch: async () => {
        throw new Error('queue unavailable');
      },
    };
    const working = { DB: env.DB, CROSSREF: queue };
    const failing = { DB: env.DB, CROSSREF: refusing };
    let upkeeps = 0;
    for (const input of corpus) {
      sent.length = 0;
      const r = await ingestArticle(db, input, {
        crossReferenceLater: async (ids) => {
          sent.push(...ids.map((articleId) => ({ articleId })));
        },
      });
      if (r.status !== 'created') throw new Error(`not stored: ${JSON.stringify(r)}`);
      expect(sent).toEqual([{ articleId: r.articleId }]);
      const links = { articleId: r.articleId };
      // The links are stored, but the upkeep message cannot be sent: back to the queue.
      const first = message(links);
      sent.length = 0;
      await consumeCrossReferences({ messages: [first] }, failing);
      const [state] = await rows(`select upkeep_pending from articles where id = ${r.articleId}`);
      const upkeep = state?.upkeep_pending === 1;
      expect([first.acked, first.retried]).toEqual(upkeep ? [false, true] : [true, false]);
      const stored = await rows('select count(*) as n from links');
      // Delivered again: nothing more is stored, and the upkeep message goes out this time.
      const again = message(links);
      await consumeCrossReferences({ messages: [again] }, working);
      expect([again.acked, again.retried]).toEqual([true, false]);
      expect(await rows('select count(*) as n from links')).toEqual(stored);
      expect(sent).toEqual(upkeep ? [{ articleId: r.articleId, stage: 'upkeep' }] : []);
      if (!upkeep) continue;
      upkeeps++;
      // The upkeep stage, delivered twice.
      for (let k = 0; k < 2; k++) {
        const m = message({ articleId: r.articleId, stage: 'upkeep' });
        await consumeCrossReferences({ messages: [m] }, working);
        expect([m.acked, m.retried]).toEqual([true, false]);
      }
    }
    expect(upkeeps).toBeGreaterThan(3);
    const queued = await snapshot();
    expect(queued.articles.map((a) => a[1])).toContain('cnn');
    expect(queued.links.some((l) => l[5] !== null)).toBe(true);
    expect(queued.articles.some((a) => a[2] !== null)).toBe(true);

    // The same articles ingested in one request each, from empty tables.
    await clear();
    for (const input of corpus) await ingestArticle(db, input);
    expect(queued).toEqual(await snapshot());
  });

  it('in chunks of candidates, each delivered twice, store what an ingest in one request stores', async () => {
    await clear();
    const db = databaseFor({ DB: env.DB });
    const sent: unknown[] = [];
    const queue = {
      sendBatch: async (messages: { body: unknown }[]) => {
        sent.push(...messages.map((m) => m.body));
      },
    };
    const working = { DB: env.DB, CROSSREF: queue };
    let chunks = 0;
    for (const input of corpus) {
      const r = await ingestArticle(db, input, {
        crossReferenceLater: async (ids) => {
          sent.push(...ids.map((articleId) => ({ articleId })));
        },
      });
      if (r.status !== 'created') throw new Error(`not stored: ${JSON.stringify(r)}`);
      // Drain the queue: every message delivered twice, in the order sent. The second delivery sends
      // the next chunk again: followed once (each repeat would double the chain that follows).
      const seen = new Set<string>();
      while (sent.length > 0) {
        const body = sent.shift() as { chunk?: number };
        if (seen.has(JSON.stringify(body))) continue;
        seen.add(JSON.stringify(body));
        if ((body.chunk ?? 0) > 0) chunks++;
        for (let k = 0; k < 2; k++) {
          const m = message(body);
          await consumeCrossReferences({ messages: [m] }, working, { chunkSize: 2 });
          expect([m.acked, m.retried]).toEqual([true, false]);
        }
      }
    }
    expect(chunks, 'messages for a chunk after the first').toBeGreaterThan(3);
    expect(await rows('select count(*) as n from crossref_parts')).toEqual([{ n: 0 }]);
    const queued = await snapshot();
    await clear();
    for (const input of corpus) await ingestArticle(db, input);
    expect(queued).toEqual(await snapshot());
  });

  it('drops a message that names no stage or chunk it knows', async () => {
    for (const body of [
      { articleId: 1, stage: 'later' },
      { articleId: 1, chunk: -1 },
      { articleId: 1, chunk: 1.5 },
    ]) {
      const m = message(body);
      await consumeCrossReferences({ messages: [m] }, { DB: env.DB });
      expect([m.acked, m.retried]).toEqual([true, false]);
    }
  });
});
