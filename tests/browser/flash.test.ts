// A failure that is not the form's own (here the write rate limit, 429) in real Chromium: htmx puts
// the message in the page's #flash box (HX-Retarget), the review box stays with the note as typed,
// the next request clears the box, and nothing breaks the CSP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/node';
import { addAccount } from '../../src/services/accounts';
import { type Chromium, launchChromium, skipBrowserTests } from './chromium';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

describe.skipIf(skipBrowserTests())('the #flash box in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-flash-'));
  let server: RunningServer;
  let chromium: Chromium;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    // Two writes a minute: the sign-in and one review; the second review is over the limit.
    server = await startServer({
      port: 0,
      databaseUrl: `file:${join(dir, 'f.db')}`,
      firstAdmin: false,
      writesPerMinute: 2,
    });
    await addAccount(server.db, {
      login: 'ana',
      displayName: 'Ana',
      role: 'reviewer',
      password: 'ana-password-1',
    });
    chromium = await launchChromium();
    await chromium.context.exposeBinding('__reportCsp', (_s, v: string) => {
      problems.push(`CSP: ${v}`);
    });
    await chromium.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`,
        );
      });
    });
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
        problems.push(`console: ${msg.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a 429 over the page, keeps the review box and the note, and clears on the next request', async () => {
    await page.goto(new URL('/signin?next=%2F', server.url).href);
    await page.locator('input[name="login"]').fill('ana');
    await page.locator('input[name="password"]').fill('ana-password-1');
    await Promise.all([
      page.waitForURL(server.url),
      page.locator('form.signin button[type="submit"]').click(),
    ]);
    await page.locator('details.fact-pairs summary').first().click();
    await page.locator('details.fact-pairs a.row-link').first().click();
    await page.waitForURL(/\/conflicts\/\d+$/);
    await page.waitForFunction(() => 'htmx' in window);

    const claimBox = page.locator('article.side-card section.review').first();
    await claimBox.locator('button[name="status"][value="verified"]').click();
    await page.waitForFunction(() =>
      /Verified/.test(document.querySelector('article.side-card .badge')?.textContent ?? ''),
    );

    const box = page.locator('section.review[id^="link-review-"]');
    await box.locator('textarea[name="note"]').first().fill('typed before the limit');
    await box.locator('button[name="resolution"][value="a_holds"]').click();
    await page.waitForFunction(() =>
      /Too many changes/.test(document.querySelector('#flash')?.textContent ?? ''),
    );
    expect(await page.locator('#flash').isVisible()).toBe(true);
    // The box htmx targeted is untouched: same buttons, the note as typed, still open.
    expect(await box.locator('textarea[name="note"]').first().inputValue()).toBe('typed before the limit');
    expect(await box.locator('button[name="resolution"]').count()).toBeGreaterThan(0);
    expect((await box.locator('[id^="link-badge-"]').textContent())?.trim()).toBe('Open');
    await page.screenshot({ path: join(SCREENSHOTS, 'flash-429.png'), fullPage: false });

    // A click on the box dismisses it; any next htmx request would too.
    await page.locator('#flash').click();
    expect(await page.locator('#flash').isVisible()).toBe(false);
    expect(problems).toEqual([]);
  }, 60_000);
});
