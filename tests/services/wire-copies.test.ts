// Wire copies at ingest: a reprint of a stored article (another headline, an added paragraph, a trimmed
// end) is marked as its copy, and their claims are never linked to each other, while both are still
// compared with an independent report. The same whether the comparison runs in the ingest (Node) or
// later in the queue consumer (Workers), and within one batch (a manifest).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crossReferenceStored } from '../../src/services/crossref-later';
import { ingestArticle, ingestArticles } from '../../src/services/ingest';
import { createTestDb, type TestDb } from '../helpers/db';

const WIRE = `The ferry operator said 412 passengers were evacuated from the burning ship on Tuesday night, and 23 of them were taken to hospital.
The fire started in the engine room at about 9 p.m., when the ferry was 14 kilometres from the port, the coast guard said.
Four rescue boats and two helicopters took part in the operation, which lasted three hours.
The company said the ship, built in 1998, had passed its last safety inspection in March.
An investigation into the cause of the fire has been opened, the transport ministry said.`;
const REPRINT = `Passengers described scenes of panic as smoke filled the decks.\n${WIRE.split('\n').slice(0, -1).join('\n')}`;
const OWN = `Some 415 passengers were evacuated from the burning ferry on Tuesday, the coast guard said, and 23 of them were taken to hospital.
Relatives waited on the quay through the night for news of passengers.
The fire broke out in the engine room when the ship was 15 kilometres from the port, a crew member said.`;

async function linkedArticles(t: TestDb): Promise<string[]> {
  const r =
    await t.client.execute(`select distinct min(ca.article_id, cb.article_id) || '-' || max(ca.article_id, cb.article_id) as pair
from links l join claims ca on ca.id = l.claim_a join claims cb on cb.id = l.claim_b
where ca.article_id <> cb.article_id order by pair`);
  return r.rows.map((row) => String(row.pair));
}
const copyOf = async (t: TestDb) =>
  (await t.client.execute('select id, copy_of from articles order by id')).rows.map((r) => [r.id, r.copy_of]);

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

describe('wire copies at ingest', () => {
  it('marks a reprint as a copy and never links their claims to each other', async () => {
    const a = await ingestArticle(t.db, { outlet: 'Wire Service', title: 'Ferry fire', text: WIRE });
    const b = await ingestArticle(t.db, { outlet: 'Harbour Post', title: 'Panic on ferry', text: REPRINT });
    const c = await ingestArticle(t.db, { outlet: 'Coastal Ledger', title: 'Ferry rescue', text: OWN });
    expect([a.status, b.status, c.status]).toEqual(['created', 'created', 'created']);
    expect(await copyOf(t)).toEqual([
      [1, null],
      [2, 1],
      [3, null],
    ]);
    // The independent report is compared with both (412 vs some 415 passengers; 14 vs 15 kilometres).
    expect(await linkedArticles(t)).toEqual(['1-3', '2-3']);
  });

  it('does the same in one batch, and when the comparison runs later (the queue consumer)', async () => {
    await ingestArticles(t.db, [
      { outlet: 'Wire Service', title: 'Ferry fire', text: WIRE },
      { outlet: 'Harbour Post', title: 'Panic on ferry', text: REPRINT },
      { outlet: 'Coastal Ledger', title: 'Ferry rescue', text: OWN },
    ]);
    expect(await copyOf(t)).toEqual([
      [1, null],
      [2, 1],
      [3, null],
    ]);
    expect(await linkedArticles(t)).toEqual(['1-3', '2-3']);

    const later = await createTestDb();
    try {
      const queued: number[] = [];
      const crossReferenceLater = async (ids: number[]) => void queued.push(...ids);
      for (const [outlet, text] of [
        ['Wire Service', WIRE],
        ['Harbour Post', REPRINT],
        ['Coastal Ledger', OWN],
      ] as const)
        await ingestArticle(later.db, { outlet, title: outlet, text }, { crossReferenceLater });
      for (const id of queued) await crossReferenceStored(later.db, id);
      expect(await copyOf(later)).toEqual(await copyOf(t));
      expect(await linkedArticles(later)).toEqual(['1-3', '2-3']);
    } finally {
      later.cleanup();
    }
  });
});
