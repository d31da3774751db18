// Facts: claims linked as stating one measurable fact, kept at ingest (immediate and deferred alike),
// merged when a new article joins two, read as one page with its JSON twin.
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { links } from '../../db/schema';
import { loadSeeds } from '../../seeds/load';
import {
  agreementGroups,
  type Figure,
  factAssignments,
  likelyUpdates,
  shapeOf,
} from '../../src/services/fact-model';
import { refreshFacts } from '../../src/services/fact-upkeep';
import { factDetail } from '../../src/services/facts';
import { scaleOf } from '../../views/components/number-scale';
import { createTestApp, type TestApp } from '../helpers/app';

const fig = (low: number, high = low, hedge: string | null = null): Figure => ({
  low,
  high,
  lowInclusive: true,
  highInclusive: true,
  hedge,
  text: String(low),
});

describe('fact model', () => {
  it('joins links into components per unit family, keeping the oldest fact id on a merge', () => {
    const edges = [
      { id: 5, claimA: 1, claimB: 2, unit: 'country', factId: 5 },
      { id: 9, claimA: 3, claimB: 4, unit: 'country', factId: 9 },
      { id: 12, claimA: 2, claimB: 3, unit: 'country', factId: null },
      // Same claims, another unit family: another fact.
      { id: 13, claimA: 1, claimB: 2, unit: 'troop', factId: null },
    ];
    const assign = factAssignments(edges);
    expect(assign.get(5)?.sort()).toEqual([12, 9].sort());
    expect(assign.get(13)).toEqual([13]);
    expect(assign.has(9)).toBe(false);
    // Nothing to do once every link is at its fact.
    const settled = edges.map((e) => ({ ...e, factId: e.unit === 'troop' ? 13 : 5 }));
    expect(factAssignments(settled).size).toBe(0);
  });

  it('draws exact figures as dots, ranges and hedges as bars, open bounds as arrows', () => {
    expect(shapeOf(fig(57))).toBe('dot');
    expect(shapeOf(fig(45, 55))).toBe('bar');
    expect(shapeOf(fig(50, 50, 'about'))).toBe('bar');
    expect(shapeOf({ ...fig(1250), high: Number.POSITIVE_INFINITY, lowInclusive: false })).toBe('open-above');
    expect(shapeOf({ ...fig(0, 20), lowInclusive: false })).toBe('open-below');
  });

  it('groups agreeing claims (corroborations), and keeps conflicting ones apart', () => {
    const groups = agreementGroups(
      [1, 2, 3, 4],
      [
        { claimA: 1, claimB: 2, relation: 'corroboration' },
        { claimA: 2, claimB: 3, relation: 'conflict' },
        { claimA: 3, claimB: 4, relation: 'corroboration' },
      ],
    );
    expect(groups.get(1)).toBe(groups.get(2));
    expect(groups.get(3)).toBe(groups.get(4));
    expect(groups.get(1)).not.toBe(groups.get(3));
  });

  it('marks a toll that only grows across later reports as likely updates, and nothing when it falls', () => {
    const rows = [
      { claimId: 1, publishedAt: '2024-05-01T08:00', figure: fig(11) },
      { claimId: 2, publishedAt: '2024-05-01T12:00', figure: fig(11) },
      { claimId: 3, publishedAt: '2024-05-02T09:00', figure: fig(24) },
    ];
    expect([...likelyUpdates(rows, 'death')]).toEqual([[3, { from: 11, at: '2024-05-01T12:00' }]]);
    expect(
      likelyUpdates([...rows, { claimId: 4, publishedAt: '2024-05-03', figure: fig(20) }], 'death').size,
    ).toBe(0);
    // Not a toll: a coalition's size does not "develop".
    expect(likelyUpdates(rows, 'country').size).toBe(0);
    // Undated: no order to read.
    expect(
      likelyUpdates(
        rows.map((r) => ({ ...r, publishedAt: null })),
        'death',
      ).size,
    ).toBe(0);
  });

  it('marks an age told years later, older by the years between, as the person having aged', () => {
    // ECB+-like: a boxer 35 in a report of March 2010, 37 in one of May 2012, 36 in one of April 2011.
    const rows = [
      { claimId: 1, publishedAt: '2010-03-01', figure: fig(35) },
      { claimId: 2, publishedAt: '2012-05-20T10:00', figure: fig(37) },
      { claimId: 3, publishedAt: '2011-04-02', figure: fig(36) },
      { claimId: 4, publishedAt: '2010-03-02', figure: fig(35) },
    ];
    expect([...likelyUpdates(rows, 'age')]).toEqual([
      [3, { from: 35, at: '2010-03-02', years: 1 }],
      [2, { from: 36, at: '2011-04-02', years: 1 }],
    ]);
    // Two years apart but five years older: no single birth date fits, the reports disagree.
    expect(
      likelyUpdates(
        [
          { claimId: 1, publishedAt: '2010-03-01', figure: fig(35) },
          { claimId: 2, publishedAt: '2012-03-01', figure: fig(40) },
        ],
        'age',
      ).size,
    ).toBe(0);
    // Older in the earlier report: never an update.
    expect(
      likelyUpdates(
        [
          { claimId: 1, publishedAt: '2010-03-01', figure: fig(37) },
          { claimId: 2, publishedAt: '2012-03-01', figure: fig(35) },
        ],
        'age',
      ).size,
    ).toBe(0);
    // The same day: ages cannot have grown.
    expect(
      likelyUpdates(
        [
          { claimId: 1, publishedAt: '2010-03-01T08:00', figure: fig(35) },
          { claimId: 2, publishedAt: '2010-03-01T20:00', figure: fig(36) },
        ],
        'age',
      ).size,
    ).toBe(0);
    // Undated, or an age given as a range ("in his 30s"): nothing to read.
    expect(likelyUpdates([{ ...rows[0]!, publishedAt: null }, rows[1]!], 'age').size).toBe(0);
    expect(likelyUpdates([{ ...rows[0]!, figure: fig(30, 39) }, rows[1]!], 'age').size).toBe(0);
  });

  it('scales the line over the finite figures with round ticks', () => {
    const s = scaleOf([fig(45, 55), fig(57), { ...fig(50), high: Number.POSITIVE_INFINITY }]);
    expect(s.min).toBeLessThanOrEqual(45);
    expect(s.max).toBeGreaterThanOrEqual(57);
    expect(s.ticks.length).toBeGreaterThan(2);
    expect(s.ticks.every((t) => t >= s.min && t <= s.max)).toBe(true);
    // Labelled every 5, marked every 1 between: 54 and 57 fall on marks of their own.
    expect(s.ticks).toEqual([45, 50, 55]);
    expect(s.fine).toEqual([46, 47, 48, 49, 51, 52, 53, 54, 56, 57]);
    expect(s.fine.some((t) => s.ticks.includes(t))).toBe(false);
    expect(scaleOf([fig(0), fig(9)]).fine).toEqual([1, 3, 5, 7, 9]);
  });
});

describe('facts over the seeds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadSeeds(t.db);
  });
  afterAll(() => t.cleanup());

  it('puts every conflict and corroboration with a unit family into a fact at ingest', async () => {
    const all = await t.db.select().from(links);
    const measurable = all.filter(
      (l) =>
        (l.relation === 'conflict' || l.relation === 'corroboration') &&
        (l.explanation as { unitClass?: string | null }).unitClass,
    );
    expect(measurable.length).toBeGreaterThan(0);
    expect(measurable.every((l) => l.factId !== null)).toBe(true);
    expect(all.filter((l) => l.relation === 'quote_differs').every((l) => l.factId === null)).toBe(true);
    // Every fact is one unit family, and links sharing a claim and a unit share a fact.
    for (const l of measurable) {
      const unit = (l.explanation as { unitClass: string }).unitClass;
      for (const m of measurable) {
        const shares = [m.claimA, m.claimB].some((c) => c === l.claimA || c === l.claimB);
        if (shares && (m.explanation as { unitClass: string }).unitClass === unit)
          expect(m.factId).toBe(l.factId);
      }
    }
  });

  it('reads the UDCG fact: one row per claim with outlet, date and sentence; a quoted figure names its speaker', async () => {
    const conflict = (await t.db.select().from(links).where(isNotNull(links.factId))).find(
      (l) => l.relation === 'conflict' && (l.explanation as { unitClass: string }).unitClass === 'country',
    )!;
    const fact = await factDetail(t.db, conflict.factId!);
    if ('movedTo' in fact) throw new Error('moved');
    expect(fact.unit).toBe('country');
    expect(fact.rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(fact.rows.map((r) => r.claimId)).size).toBe(fact.rows.length);
    expect(fact.rows.some((r) => r.figure.text.includes('57'))).toBe(true);
    expect(fact.groups).toBeGreaterThan(1);
    expect(fact.openConflicts).toBeGreaterThan(0);
    for (const r of fact.rows) {
      expect(r.outlet).toEqual(expect.any(String));
      expect(r.text.length).toBeGreaterThan(0);
    }
  });

  it('refreshing again changes nothing, and a merged-away fact leads to the one that kept its id', async () => {
    const before = await t.db.select({ id: links.id, factId: links.factId }).from(links);
    await refreshFacts(t.db, [1, 2, 3, 4, 5, 6]);
    expect(await t.db.select({ id: links.id, factId: links.factId }).from(links)).toEqual(before);
    // Move one link into a fact of its own, as if it had formed apart, then refresh: it merges back.
    const l = before.find((r) => r.factId !== null && r.factId !== r.id)!;
    await t.db.update(links).set({ factId: l.id }).where(eq(links.id, l.id));
    const res = await t.app.request(`/facts/${l.id}`);
    expect(res.status).toBe(200);
    await refreshFacts(t.db, [1, 2, 3, 4, 5, 6]);
    expect((await t.db.select().from(links).where(eq(links.id, l.id)).get())!.factId).toBe(l.factId);
    const moved = await t.app.request(`/facts/${l.id}`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/facts/${l.factId}`);
  });

  it('serves the page with a number line and a table, and its JSON twin', async () => {
    const factId = (await t.db.select().from(links).where(isNotNull(links.factId)))[0]!.factId!;
    const html = await (await t.app.request(`/facts/${factId}`)).text();
    expect(html).toContain('<svg class="number-line"');
    expect(html).toContain('<table class="fact-table"');
    expect(html).not.toMatch(/ style=/);
    const json = await (await t.app.request(`/api/facts/${factId}`)).json();
    expect(json.id).toBe(factId);
    expect(json.rows[0]).toMatchObject({ outlet: expect.any(String), text: expect.any(String) });
    expect((await t.app.request('/facts/99999999')).status).toBe(404);
    expect((await t.app.request('/api/facts/99999999')).status).toBe(404);
  });
});
