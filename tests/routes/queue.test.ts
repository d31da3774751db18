import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/services/ingest';
import { createTestApp, HTMX, type TestApp, visibleText } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(() => t.cleanup());

describe('GET / (queue)', () => {
  it('shows counts and the 57 countries vs some 50 partners conflict with outlets, severity and status', async () => {
    const res = await t.app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('vary')).toMatch(/HX-Request/i);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'nonce-[^']+' 'self'/);
    expect(csp).not.toContain('unsafe-eval');
    const html = await res.text();
    const nonce = csp.match(/'nonce-([^']+)'/)![1]!;
    expect(html).toContain(`<script src="/static/htmx.min.js" nonce="${nonce}"`);
    const text = visibleText(html);
    expect(text).toMatch(/2 articles/);
    expect(text).toMatch(/open conflicts/);
    expect(text).toContain('57 countries');
    expect(text).toContain('some 50 partners');
    expect(text).toContain('CNN');
    expect(text).toMatch(/high/);
    expect(text).toMatch(/Open/);
  });

  it('answers an htmx filter request with the list alone', async () => {
    const res = await t.app.request('/?status=open&q=partners', { headers: HTMX });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<div id="queue-list"')).toBe(true);
    expect(html).not.toContain('<html');
    expect(visibleText(html)).toContain('some 50 partners');
  });

  it('filters by outlet and search words', async () => {
    const none = await t.app.request(`/?q=${encodeURIComponent('no such words anywhere')}`, {
      headers: HTMX,
    });
    expect(visibleText(await none.text())).toContain('No conflicts match.');
    const byOutlet = await t.app.request('/?outlet=CNN', { headers: HTMX });
    expect(visibleText(await byOutlet.text())).toContain('57 countries');
    const resolved = await t.app.request('/?status=resolved', { headers: HTMX });
    expect(visibleText(await resolved.text())).toContain('No conflicts match.');
  });

  it('filters by severity, entity (key or name), and searches claims with FTS, safely quoted', async () => {
    const get = async (qs: string) =>
      visibleText(await (await t.app.request(`/?${qs}`, { headers: HTMX })).text());
    // 57 against "about 50" / "some 50" (45–55): 3.5 % from the range's edge, hedged — medium
    // (src/core/crossref/severity.ts).
    expect(await get('severity=medium')).toContain('57 countries');
    expect(await get('severity=high')).toContain('No conflicts match.');
    expect(await get('entity=Austin')).toContain('57 countries');
    expect(await get('entity=e%3Aastn')).toContain('57 countries');
    expect(await get('entity=Nobody%20Known')).toContain('No conflicts match.');
    expect(await get('q=partn*')).toContain('some 50 partners');
    expect(await get('q=coalition%20countries')).toContain('57 countries');
    // FTS syntax in user input is only words: no error, no injection.
    for (const q of ['"', 'NEAR(a b)', 'text:foo', 'a OR', '*', '-x', '^a', "'; drop table claims; --"]) {
      const res = await t.app.request(`/?q=${encodeURIComponent(q)}`, { headers: HTMX });
      expect(res.status, q).toBe(200);
    }
  });

  it('sorts, pages and keeps every filter in the URLs it links to', async () => {
    // A second fact in disagreement, so that one entry a page makes two pages.
    for (const [outlet, n] of [
      ['Harbour Times', 12],
      ['Baltic Wire', 19],
    ] as const)
      await ingestArticle(t.db, {
        outlet,
        title: `Riga port (${outlet})`,
        text: `The Freeport of Riga handled ${n} million tonnes of cargo in 2023, the port authority said on Monday.`,
      });
    const res = await t.app.request('/?status=all&outlet=CNN&q=countries&sort=newest&limit=1', {
      headers: HTMX,
    });
    const html = await res.text();
    expect(visibleText(html)).toMatch(/Showing 1–1 of 1 disagreement/);
    // Unfolding the fact's row asks for its pairs under the same filters (not the page's limit).
    expect(html).toMatch(
      /hx-get="\/facts\/\d+\/pairs\?status=all&amp;outlet=CNN&amp;q=countries&amp;sort=newest"/,
    );
    const all = await (await t.app.request('/?status=all&sort=newest&limit=1', { headers: HTMX })).text();
    expect(all).toMatch(/href="\/\?status=all&amp;sort=newest&amp;limit=1&amp;offset=1"/);
    expect(all).toContain('hx-push-url="true"');
    expect(visibleText(all)).toMatch(/Showing 1–1 of 2 disagreements/);
    const next = await (
      await t.app.request('/?status=all&sort=newest&limit=1&offset=1', { headers: HTMX })
    ).text();
    expect(next).toContain('rel="prev"');
    const facts = (h: string) => [...new Set([...h.matchAll(/href="\/facts\/(\d+)"/g)].map((m) => m[1]))];
    expect(facts(next)).toHaveLength(1);
    expect(facts(next)).not.toEqual(facts(all));
    const page = await (await t.app.request('/?sort=score&severity=medium')).text();
    expect(page).toMatch(/<option value="score" selected/);
    expect(page).toMatch(/<option value="medium" selected/);
    expect((await t.app.request('/?sort=bogus')).status).toBe(400);
  });

  it('rejects a bad filter with a clear 400', async () => {
    const res = await t.app.request('/?status=bogus');
    expect(res.status).toBe(400);
    expect(visibleText(await res.text())).toMatch(/status/);
  });

  it('has a JSON twin', async () => {
    const res = await t.app.request('/api/conflicts');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.counts.articles).toBe(4);
    expect(body.items.length).toBeGreaterThan(0);
    // One entry per fact, naming its pairs by id; `items` holds those pairs, flat, each once.
    expect(body.entries.length).toBe(body.total);
    expect(body.entries.flatMap((e: { pairIds: number[] }) => e.pairIds)).toEqual(
      body.items.map((i: { id: number }) => i.id),
    );
    expect(body.entries[0].pairs).toBeUndefined();
    expect(body.items[0]).toMatchObject({ relation: expect.any(String), severity: 'high', status: 'open' });
    expect(body.items[0].a.outlet).toEqual(expect.any(String));
  });
});
