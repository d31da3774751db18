// Long facts and stories come in pages: a fact's rows (50 a page, every page on one scale), a story's
// facts and articles, its heat map folded to the outlets with the most figures; the JSON twins carry
// the same pages with their totals. Checked on 56 outlets reporting one fact, as a reader sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/services/ingest';
import { createTestApp, HTMX, type TestApp, visibleText } from '../helpers/app';
import { contactGroupReport } from '../helpers/many-reports';

const REPORTS = 56;
let t: TestApp;
let fact: number;
let story: number;
beforeAll(async () => {
  t = await createTestApp();
  for (let n = 0; n < REPORTS; n++) {
    const r = await ingestArticle(t.db, contactGroupReport(n));
    if (r.status !== 'created') throw new Error(`report ${n} not stored`);
  }
  const row = (await t.client.execute('select fact_id from links where fact_id is not null limit 1')).rows[0];
  fact = Number(row?.fact_id);
  const s = (await t.client.execute('select story_id from articles where story_id is not null limit 1'))
    .rows[0];
  story = Number(s?.story_id);
}, 120_000);
afterAll(() => t.cleanup());

interface FactJson {
  rows: { claimId: number; outlet: string }[];
  links: { claimA: number; claimB: number }[];
  page: { number: number; size: number; pages: number };
  totals: { rows: number; links: number; conflicts: number };
}

describe('a fact of 56 claims', () => {
  it('shows 50 rows on its first page and the other 6 on the second, each claim once, numbered on', async () => {
    const first = (await (await t.app.request(`/api/facts/${fact}`)).json()) as FactJson;
    const second = (await (await t.app.request(`/api/facts/${fact}?page=2`)).json()) as FactJson;
    expect(first.totals.rows).toBe(REPORTS);
    expect(first.page).toEqual({ number: 1, size: 50, pages: 2 });
    expect(second.page).toEqual({ number: 2, size: 50, pages: 2 });
    expect(first.rows).toHaveLength(50);
    expect(second.rows).toHaveLength(REPORTS - 50);
    const ids = [...first.rows, ...second.rows].map((r) => r.claimId);
    expect(new Set(ids).size).toBe(REPORTS);
    // The listed links each touch a claim of the page, and are fewer than the fact's.
    const here = new Set(second.rows.map((r) => r.claimId));
    expect(second.links.length).toBeGreaterThan(0);
    expect(second.links.every((l) => here.has(l.claimA) || here.has(l.claimB))).toBe(true);
    expect(first.links.length).toBeLessThanOrEqual(100);
    expect(first.totals.links).toBeGreaterThan(first.links.length);

    const html = await (await t.app.request(`/facts/${fact}?page=2`)).text();
    const text = visibleText(html);
    expect(text).toContain(`(${REPORTS} claims)`);
    expect(text).toContain(`page 2 of 2 (claims 51–${REPORTS} of ${REPORTS})`);
    expect(html).toContain(`href="/facts/${fact}" rel="prev"`);
    expect(html).not.toContain('rel="next"');
    // The number line's lanes and the table's rows go on counting from 51.
    expect(html).toMatch(/<text class="lane-label"[^>]*>51<\/text>/);
    expect(html).toContain('every page of this fact on the same scale');
    const page1 = await (await t.app.request(`/facts/${fact}`)).text();
    expect(page1).toContain(`href="/facts/${fact}?page=2" rel="next"`);
  });

  it('answers a page past the last with 404 and a malformed page with 400 (422 as JSON)', async () => {
    expect((await t.app.request(`/facts/${fact}?page=3`)).status).toBe(404);
    expect((await t.app.request(`/api/facts/${fact}?page=3`)).status).toBe(404);
    const bad = await t.app.request(`/facts/${fact}?page=zero`);
    expect(bad.status).toBe(400);
    expect(visibleText(await bad.text())).toContain('page must be a whole number from 1.');
    expect((await t.app.request(`/api/facts/${fact}?page=0`)).status).toBe(422);
  });
});

interface StoryJson {
  articles: { id: number }[];
  outlets: string[];
  facts: { id: number }[];
  pairs: { a: string; b: string; agree: number; disagree: number }[];
  matrix: { outlets: string[]; folded: number; pairs: { agree: number; disagree: number }[] };
  totals: { articles: number; outlets: number; facts: number; disputed: number };
  page: {
    facts: { number: number; pages: number };
    articles: { number: number; size: number; pages: number };
  };
}

describe('a story of 56 articles from 56 outlets', () => {
  it('lists 50 articles a page, and folds the heat map to 12 outlets without losing a count', async () => {
    const first = (await (await t.app.request(`/api/stories/${story}`)).json()) as StoryJson;
    const second = (await (await t.app.request(`/api/stories/${story}?articles=2`)).json()) as StoryJson;
    expect(first.totals.articles).toBe(REPORTS);
    expect(first.totals.outlets).toBe(REPORTS);
    expect(first.outlets).toHaveLength(REPORTS);
    expect(first.page.articles).toEqual({ number: 1, size: 50, pages: 2 });
    expect(first.articles).toHaveLength(50);
    expect(second.articles).toHaveLength(REPORTS - 50);
    expect(new Set([...first.articles, ...second.articles].map((a) => a.id)).size).toBe(REPORTS);
    expect(first.totals.facts).toBe(first.facts.length);
    expect(first.totals.disputed).toBe(1);
    // Drawn: 12 outlets and one row for the other 44; every count is still there, summed.
    expect(first.matrix.outlets).toHaveLength(13);
    expect(first.matrix.folded).toBe(REPORTS - 12);
    expect(first.matrix.outlets.at(-1)).toBe(`${REPORTS - 12} other outlets`);
    const sum = (ps: { agree: number; disagree: number }[]) =>
      ps.reduce((n, p) => n + p.agree + p.disagree, 0);
    expect(sum(first.matrix.pairs)).toBe(sum(first.pairs));
    expect(sum(first.pairs)).toBeGreaterThan(0);

    const html = await (await t.app.request(`/stories/${story}?articles=2`)).text();
    const text = visibleText(html);
    expect(text).toContain(`page 2 of 2 (articles 51–${REPORTS} of ${REPORTS})`);
    expect(text).toContain(`${REPORTS - 12} other outlets`);
    expect(html).toContain('<ol class="story-articles" start="51">');
    const heads = html.slice(html.indexOf('<table class="heat-map"')).match(/<th scope="col">/g) ?? [];
    expect(heads).toHaveLength(13);
    // The facts table folds its columns the same way: the fact, 12 outlets, the others counted.
    const facts = html.slice(
      html.indexOf('<table class="story-facts"'),
      html.indexOf('<table class="heat-map"'),
    );
    const factHeads = facts.slice(0, facts.indexOf('</thead>')).match(/<th scope="col">[^<]*/g) ?? [];
    expect(factHeads).toHaveLength(14);
    expect(factHeads.at(-1)).toMatch(/<th scope="col">\d+ other outlets/);
    expect(facts).toMatch(/\d+ figures? from \d+ outlets?/);
  });

  it('answers pages past the last with 404 and malformed ones with 400 (422 as JSON)', async () => {
    expect((await t.app.request(`/stories/${story}?articles=3`)).status).toBe(404);
    expect((await t.app.request(`/stories/${story}?page=2`)).status).toBe(404);
    expect((await t.app.request(`/api/stories/${story}?articles=9`)).status).toBe(404);
    expect((await t.app.request(`/stories/${story}?page=-1`)).status).toBe(400);
    expect((await t.app.request(`/api/stories/${story}?articles=x`)).status).toBe(422);
  });
});

describe("the queue's row of a fact with hundreds of pairs", () => {
  it('carries none of its pairs; unfolding it reads the 20 most severe, under the queue’s filters', async () => {
    const queue = await (await t.app.request('/', { headers: HTMX })).text();
    expect(queue).toContain(`id="fact-${fact}"`);
    expect(queue).not.toContain('id="row-');
    expect(queue).toContain(`hx-get="/facts/${fact}/pairs"`);
    expect(queue).toContain('hx-trigger="toggle once"');
    // Its summary names the outlets of its first pairs only, and says so.
    expect(visibleText(queue)).toMatch(/\(from 3 of its \d{3,} pairs\)/);

    const part = await t.app.request(`/facts/${fact}/pairs`, { headers: HTMX });
    expect(part.status).toBe(200);
    const html = await part.text();
    expect(html).not.toContain('<html');
    expect(html.match(/id="row-\d+"/g)).toHaveLength(20);
    expect(visibleText(html)).toContain('The 20 most severe; all of them on the fact page');
    // Filters apply: a severity no pair of it has lists none.
    const rows = await t.client.execute({
      sql: "select severity, count(*) as n from links where fact_id = ? and relation = 'conflict' group by severity",
      args: [fact],
    });
    const severities = new Set(rows.rows.map((r) => String(r.severity)));
    const absent = ['high', 'medium', 'low'].find((s) => !severities.has(s));
    if (absent) {
      const none = await (
        await t.app.request(`/facts/${fact}/pairs?severity=${absent}`, { headers: HTMX })
      ).text();
      expect(visibleText(none)).toContain('No pair of this fact matches the filters.');
    }
    const present = [...severities][0]!;
    const some = await (
      await t.app.request(`/facts/${fact}/pairs?severity=${present}`, { headers: HTMX })
    ).text();
    expect(some).toMatch(new RegExp(`class="queue-row severity-${present}"`));
    expect(some).not.toMatch(new RegExp(`class="queue-row severity-(?!${present})`));
    // Opened on its own it is a page; a bad filter is a clear 400.
    expect(await (await t.app.request(`/facts/${fact}/pairs`)).text()).toContain('its pairs in the queue');
    expect((await t.app.request(`/facts/${fact}/pairs?severity=huge`, { headers: HTMX })).status).toBe(400);
  });
});
