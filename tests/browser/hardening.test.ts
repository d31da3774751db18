// Hostile content and the CSP in real Chromium: every page of the dashboard (and its htmx swaps) runs
// under the nonce-based policy with no violation, no console error and no dialog; injected markup stays
// text; htmx refuses to evaluate code (hx-on) even when such an attribute reaches the page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/node';
import { signedIn } from '../helpers/auth';
import { type Chromium, launchChromium, skipBrowserTests } from './chromium';

const EVIL =
  '<script>window.__xss = 1; alert(1)</script> "><img src=x onerror="window.__xss=2"> ' +
  '<svg onload="window.__xss=3"> <a href="javascript:window.__xss=4">x</a> ' +
  '<button hx-on:click="window.__xss=5">b</button> {{constructor.constructor("window.__xss=6")()}}';

describe.skipIf(skipBrowserTests())('hardening in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-hardening-'));
  let server: RunningServer;
  let chromium: Chromium;
  let page: Page;
  const problems: string[] = [];
  let articleId: number;

  beforeAll(async () => {
    server = await startServer({ port: 0, databaseUrl: `file:${join(dir, 'b.db')}` });
    // A signed-in editor: its token for the API, its session cookie for the browser (harmless where
    // sign-in is not required).
    const ed = await signedIn(server.db, 'editor');
    const res = await fetch(new URL('/api/articles', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...ed.bearer },
      body: JSON.stringify({
        outlet: `Evil Wire ${EVIL}`.slice(0, 200),
        title: `Hostile ${EVIL}`.slice(0, 500),
        url: 'https://example.com/?q="><script>window.__xss=7</script>',
        format: 'text',
        text:
          `Defense Secretary Lloyd Austin said the Ukraine Defense Contact Group is a coalition of 61 countries. ${EVIL} ` +
          `North\u200b Korea sent \u202e15,000\u202c troops, officials said. They counted 1e308 boats and 9,999,999,999,999,999 people. ${EVIL}`,
      }),
    });
    expect(res.status).toBe(201);
    articleId = (await res.json()).articleId;

    chromium = await launchChromium();
    const [name, value] = ed.cookie.Cookie.split('=') as [string, string];
    await chromium.context.addCookies([{ name, value, url: server.url }]);
    await chromium.context.exposeBinding('__reportCsp', (_s, v: string) => {
      problems.push(`CSP: ${v}`);
    });
    await chromium.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
        problems.push(`console: ${msg.text()}`);
      }
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const xss = () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

  it('renders every page under the CSP with no violation, and hostile text stays text', async () => {
    for (const path of [
      '/',
      '/articles',
      '/articles/new',
      `/articles/${articleId}`,
      '/nothing-here',
      '/?q=%3Cscript%3E',
    ]) {
      await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
      expect(await page.evaluate(() => 'htmx' in window), `htmx on ${path}`).toBe(true);
      expect(await xss(), path).toBeUndefined();
    }
    // The article page: the injected markup is visible as text, and the link is the escaped http(s) URL.
    await page.goto(new URL(`/articles/${articleId}`, server.url).href);
    await page.waitForFunction(() => 'htmx' in window);
    expect(await page.locator('main').textContent()).toContain('<script>window.__xss = 1; alert(1)</script>');
    expect(await page.locator('main img, main svg, main iframe').count()).toBe(0);
    for (const href of await page
      .locator('main a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href ?? '').toMatch(/^(\/|https?:)/);
    }
    // htmx swaps a claim panel in place (hx-get) under the same policy.
    const claim = page.locator('a.claim').first();
    await claim.click();
    await page.waitForSelector('#claim-panel *');
    expect(await xss()).toBeUndefined();

    // A conflict page, and a review posted through htmx with a hostile note and name.
    await page.goto(server.url);
    await page.locator('details.fact-pairs summary').first().click();
    await page.locator('details.fact-pairs a.row-link').first().click();
    await page.waitForURL(/\/conflicts\/\d+$/);
    await page.waitForFunction(() => 'htmx' in window);
    const review = page.locator('section.review').first();
    if ((await review.locator('input[name="name"]').count()) > 0) {
      await review.locator('input[name="name"]').fill('"><img src=x onerror="window.__xss=8">');
    }
    if ((await review.locator('input[name="note"]').count()) > 0) {
      await review.locator('input[name="note"]').fill(EVIL.slice(0, 1000));
    }
    const verdict = review.locator('button[name="status"]').first();
    if ((await verdict.count()) > 0) {
      await verdict.click();
      await page.waitForTimeout(500);
    }
    expect(await xss()).toBeUndefined();

    // The add-article form comes back with a 422 swapped in place, hostile values kept as values.
    await page.goto(new URL('/articles/new', server.url).href);
    await page.waitForFunction(() => 'htmx' in window);
    await page.locator('input[name="title"]').fill(`"><svg onload="window.__xss=9">`);
    await page.locator('input[name="outlet"]').fill('x');
    await page.locator('textarea[name="text"]').fill('   ');
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('[required]')) el.removeAttribute('required');
    });
    await page.locator('#article-form button[type="submit"]').click();
    await page.waitForSelector('#article-form .error, #article-form [role="alert"]');
    expect(await page.locator('input[name="title"]').inputValue()).toBe(`"><svg onload="window.__xss=9">`);
    expect(await xss()).toBeUndefined();

    expect(problems.filter((p) => !p.includes('/nothing-here'))).toEqual([]);
  }, 90_000);

  it('configures htmx with only our no-eval extension: an hx-on attribute on the page runs nothing', async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => 'htmx' in window);
    const config = await page.evaluate(() => {
      const h = (window as unknown as { htmx: { config: { extensions: string; mode: string } } }).htmx;
      return { extensions: h.config.extensions, mode: h.config.mode };
    });
    expect(config).toEqual({ extensions: 'no-eval', mode: 'same-origin' });
    problems.length = 0;
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'probe';
      b.setAttribute('hx-on:click', 'window.__xss = 10');
      document.body.append(b);
      (window as unknown as { htmx: { process(e: Element): void } }).htmx.process(b);
    });
    await page.locator('#probe').click();
    await page.waitForTimeout(200);
    expect(await xss()).toBeUndefined();
  });
});
