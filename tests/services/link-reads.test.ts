// The hand-written link reads (one JSON column per link) and the prepared history query answer what
// drizzle's query builder answered: same keys in the same order, exact scores, open intervals revived,
// previous sentences sliced from the body, each target's own history with its limit.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previousSentences } from '../../db/queries/claims';
import { getLink, listConflicts, reviveExplanation } from '../../db/queries/links';
import { listReviews } from '../../db/queries/reviews';
import { claims, links } from '../../db/schema';
import { ingestArticle } from '../../src/services/ingest';
import { markClaim } from '../../src/services/review';
import { createTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await ingestArticle(t.db, {
    outlet: 'Wire A',
    title: 'Contact group',
    text: 'Defense Secretary Lloyd Austin flew to Brussels. The Ukraine Defense Contact Group, a coalition of 57 countries, met there on Tuesday. More than 1,250 soldiers attended.',
  });
  await ingestArticle(t.db, {
    outlet: 'Wire B',
    title: 'Contact group meets',
    text: 'Lloyd Austin spoke in Brussels on Tuesday. The Ukraine Defense Contact Group, a coalition of 50 countries, met there. Some 900 soldiers attended on Tuesday.',
  });
});
afterAll(() => t.cleanup());

describe('link reads', () => {
  it('answer each link as drizzle read it', async () => {
    const { items } = await listConflicts(t.db, { status: 'all', limit: 50 });
    expect(items.length).toBeGreaterThan(0);
    const rows = await t.db.select().from(links);
    for (const l of items) {
      const row = rows.find((r) => r.id === l.id)!;
      const { a: _a, b: _b, ...record } = l;
      expect(Object.keys(record)).toEqual([
        'id',
        'claimA',
        'claimB',
        'relation',
        'score',
        'severity',
        'explanation',
        'status',
        'proposedStatus',
        'proposedBy',
        'assignee',
        'version',
        'createdAt',
        'factId',
      ]);
      const { severityRank: _r, ...stored } = row;
      expect(record).toEqual({ ...stored, explanation: reviveExplanation(row.explanation) });
      expect(l.score).toBe(row.score);
    }
  });

  it('revive an open interval and slice the sentence before each claim', async () => {
    // Stored explanations write an unbounded high as null; it reads back as Infinity.
    const [first] = (await listConflicts(t.db, { status: 'all', limit: 1 })).items;
    const stored = (await t.db.select().from(links).where(eq(links.id, first!.id)))[0]!;
    const explanation = stored.explanation as { a: { high: number | null } | null };
    if (explanation.a) {
      await t.db
        .update(links)
        .set({ explanation: { ...explanation, a: { ...explanation.a, high: null } } })
        .where(eq(links.id, first!.id));
      expect((await getLink(t.db, first!.id))!.explanation.a!.high).toBe(Number.POSITIVE_INFINITY);
    }
    const link = (await getLink(t.db, first!.id))!;
    const prev = await previousSentences(t.db, [link.claimA, link.claimB, link.claimA]);
    for (const id of [link.claimA, link.claimB]) {
      const c = (await t.db.select().from(claims).where(eq(claims.id, id)))[0]!;
      const want = c.prevStart !== null && c.prevEnd !== null && c.prevEnd > c.prevStart;
      expect(prev.get(id) ?? null).toBe(want ? link[id === link.claimA ? 'previousA' : 'previousB'] : null);
    }
    const firsts = [
      'Defense Secretary Lloyd Austin flew to Brussels.',
      'Lloyd Austin spoke in Brussels on Tuesday.',
    ];
    expect(firsts).toContain(link.previousA);
    expect(firsts).toContain(link.previousB);
    expect(await previousSentences(t.db, [])).toEqual(new Map());
    expect(await getLink(t.db, 999_999)).toBeNull();
  });

  it('give each target its own history, newest first, up to the limit, from one prepared statement', async () => {
    const [l] = (await listConflicts(t.db, { status: 'all', limit: 1 })).items;
    const actor = { login: 'rev', role: 'reviewer' as const };
    let version = l!.a.version;
    for (const status of ['verified', 'disputed', 'verified'] as const) {
      await markClaim(t.db, actor, { id: l!.claimA, version, status });
      version++;
    }
    const a = await listReviews(t.db, { type: 'claim', id: l!.claimA });
    expect(a.map((h) => h.toStatus)).toEqual(['verified', 'disputed', 'verified']);
    expect(a.every((h) => h.targetId === l!.claimA && h.targetType === 'claim')).toBe(true);
    expect(await listReviews(t.db, { type: 'claim', id: l!.claimA }, 1)).toEqual(a.slice(0, 1));
    expect(await listReviews(t.db, { type: 'claim', id: l!.claimB })).toEqual([]);
    expect(await listReviews(t.db, { type: 'link', id: l!.claimA })).toEqual([]);
  });
});
