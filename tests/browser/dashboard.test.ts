// The reviewer's path in real Chromium against the real Node server: queue → 57-vs-50 conflict →
// mark a claim verified (swapped in place by htmx, no reload) → restart → the status is still there.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/node';
import { addAccount } from '../../src/services/accounts';
import { type Chromium, launchChromium, skipBrowserTests } from './chromium';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

describe.skipIf(skipBrowserTests())('dashboard in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-browser-'));
  const databaseUrl = `file:${join(dir, 'browser.db')}`;
  let server: RunningServer;
  let chromium: Chromium;
  let page: Page;
  /** Console errors, page errors and CSP violations, from every page this test opens. */
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer({ port: 0, databaseUrl });
    // Reviewing needs an account: one in the test database, signed in through the real form below.
    await addAccount(server.db, {
      login: 'browser',
      displayName: 'Browser Reviewer',
      role: 'reviewer',
      password: 'browser-password',
    });
    chromium = await launchChromium();
    await chromium.context.exposeBinding('__reportCsp', (_source, violation: string) => {
      problems.push(`CSP: ${violation}`);
    });
    await chromium.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp;
        report(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('console', (msg) => {
      // A failed load is reported below with its URL; the console line alone does not say which.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
        problems.push(`console: ${msg.text()}`);
      }
    });
    page.on('response', (res) => {
      // Chromium asks for /favicon.ico on its own; the pages do not link one.
      if (res.status() >= 400 && new URL(res.url()).pathname !== '/favicon.ico') {
        problems.push(`HTTP ${res.status()}: ${res.url()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in through the sign-in page and comes back to where it started', async () => {
    await page.goto(new URL('/signin?next=%2F%3Fstatus%3Dopen', server.url).href);
    await page.locator('input[name="login"]').fill('browser');
    await page.locator('input[name="password"]').fill('browser-password');
    await page.locator('form.signin button[type="submit"]').click();
    await page.waitForURL(/\/\?status=open$/);
    const header = await page.locator('header.site-header').textContent();
    expect(header).toContain('Browser Reviewer');
    expect(header).toContain('Sign out');
  }, 60_000);

  it('opens the 57-vs-50 conflict, marks a claim verified in place, and keeps it across a restart', async () => {
    await page.goto(server.url);
    expect(await page.title()).toContain('crosscheck');
    await page.screenshot({ path: join(SCREENSHOTS, 'queue.png'), fullPage: true });

    // The fact's row, then its pairs (folded under it), then the pair.
    const fact = page.locator('li.fact-entry').filter({ hasText: '57 countries' }).first();
    await fact.locator('details.fact-pairs summary').click();
    const row = fact
      .locator('li.queue-row')
      .filter({ hasText: '57 countries' })
      .filter({ hasText: 'some 50 partners' })
      .first();
    await row.locator('a.row-link').click();
    await page.waitForURL(/\/conflicts\/\d+$/);
    const conflictUrl = page.url();
    // htmx is ours, loaded from /static under the CSP nonce.
    await page.waitForFunction(() => 'htmx' in window);

    const marked = await page.locator('.diff mark').allTextContents();
    expect(marked.join(' ')).toContain('57');
    expect(marked.join(' ')).toContain('50');

    // Survives only if the badge is swapped in place rather than by a page load.
    await page.evaluate(() => {
      (window as unknown as { __noReload: string }).__noReload = 'still here';
    });

    const side = page.locator('article.side-card').filter({ hasText: '57 countries' }).first();
    const review = side.locator('section.review');
    const reviewId = await review.getAttribute('id');
    const claimId = Number(reviewId?.replace('claim-review-', ''));
    expect(claimId).toBeGreaterThan(0);
    const badge = page.locator(`#claim-badge-${claimId}`);
    expect(await badge.textContent()).toMatch(/unreviewed/i);

    // Older review forms asked for a name; with sign-in the reviewer is the signed-in user.
    const name = review.locator('input[name="name"]');
    if ((await name.count()) > 0) await name.fill('Browser Reviewer');
    await review.locator('button[name="status"][value="verified"]').click();
    await page.waitForFunction(
      (id) => document.querySelector(`#claim-badge-${id}`)?.textContent?.trim() === 'Verified',
      claimId,
    );
    expect(await page.evaluate(() => (window as unknown as { __noReload?: string }).__noReload)).toBe(
      'still here',
    );
    expect(page.url()).toBe(conflictUrl);
    await page.screenshot({ path: join(SCREENSHOTS, 'conflict-verified.png'), fullPage: true });

    // Same database file, new server process state: the status was stored, not just swapped.
    const port = server.port;
    await server.close();
    server = await startServer({ port, databaseUrl });
    await page.goto(conflictUrl);
    expect((await page.locator(`#claim-badge-${claimId}`).textContent())?.trim()).toBe('Verified');
    const api = await (await fetch(new URL(`/api/claims/${claimId}`, server.url))).json();
    expect(api.claim.status).toBe('verified');

    expect(problems).toEqual([]);
  }, 60_000);
});
