import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('rejects a bad filter with a clear 400', async () => {
    const res = await t.app.request('/?status=bogus');
    expect(res.status).toBe(400);
    expect(visibleText(await res.text())).toMatch(/status/);
  });

  it('has a JSON twin', async () => {
    const res = await t.app.request('/api/conflicts');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.counts.articles).toBe(2);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items[0]).toMatchObject({ relation: expect.any(String), severity: 'high', status: 'open' });
    expect(body.items[0].a.outlet).toEqual(expect.any(String));
  });
});
