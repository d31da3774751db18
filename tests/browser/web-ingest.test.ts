// Adding from the web in real Chromium: an article by its URL through the Add article form, then a
// feed on /feeds, whose first poll brings in its items; the table shows the poll and the counts.
// The pages come from a loopback fixture server, reachable only through the test-only setting.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/node';
import { addAccount } from '../../src/services/accounts';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';
import { type Chromium, firstPage, launchChromium, skipBrowserTests } from './chromium';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

describe.skipIf(skipBrowserTests())('adding from the web in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-web-'));
  let server: RunningServer;
  let web: FixtureServer;
  let chromium: Chromium;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    web = await startFixtureServer();
    server = await startServer({
      port: 0,
      databaseUrl: `file:${join(dir, 'w.db')}`,
      firstAdmin: false,
      seed: false,
      allowLoopbackForTests: true,
    });
    await addAccount(server.db, {
      login: 'pat',
      displayName: 'Pat',
      role: 'reviewer',
      password: 'pat-password-1',
    });
    chromium = await launchChromium();
    page = await firstPage(chromium, problems);
    await page.goto(new URL('/signin?next=%2Farticles%2Fnew', server.url).href);
    await page.locator('input[name="login"]').fill('pat');
    await page.locator('input[name="password"]').fill('pat-password-1');
    await Promise.all([
      page.waitForURL(/\/articles\/new$/),
      page.locator('form.signin button[type="submit"]').click(),
    ]);
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    await web?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds an article by URL through the form, with the page’s own title and outlet', async () => {
    await page.locator('input[name="url"]').fill(web.url('/news/budget-meta'));
    await Promise.all([
      page.waitForURL(/\/articles\/\d+\?added=1$/),
      page.locator('#article-form button[type="submit"]').click(),
    ]);
    expect(await page.locator('h1').first().textContent()).toContain('Regional council passes 2027 budget');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('Valley Courier');
    expect(body).toContain('480 million');
    expect(body).not.toContain('Subscribe for');
    await page.screenshot({ path: join(SCREENSHOTS, 'article-from-url.png'), fullPage: false });

    // The same URL again: refused in place, with a link to the article that has it.
    await page.goto(new URL('/articles/new', server.url).href);
    await page.locator('input[name="url"]').fill(web.url('/news/budget-meta'));
    await page.locator('#article-form button[type="submit"]').click();
    await expect
      .poll(() => page.locator('#url-error').textContent())
      .toMatch(/already stored as article \d+/);
    expect(await page.locator('#article-form a[href^="/articles/"]').count()).toBe(1);
  }, 60_000);

  it('subscribes to a feed and shows its first poll and items', async () => {
    await page.goto(new URL('/feeds', server.url).href);
    await page.locator('#feed-form input[name="url"]').fill(web.url('/feeds/rss.xml'));
    await page.locator('#feed-form input[name="intervalMinutes"]').fill('15');
    await Promise.all([
      page.waitForURL(/\/feeds\?notice=/),
      page.locator('#feed-form button[type="submit"]').click(),
    ]);
    // The budget article came in by URL above: that item is not fetched again.
    expect(await page.locator('p.notice').textContent()).toMatch(/Polled: 2 new items/);
    // Items are added in the background; the table asks again every 2 s until none is left.
    await expect
      .poll(() => page.locator('#feeds-table').textContent(), { timeout: 20_000 })
      .toMatch(/2 done of 2: 1 stored, 0 already stored, 1 failed/);
    const table = (await page.locator('#feeds-table').textContent()) ?? '';
    expect(table).toContain('Coastal Ledger: News');
    expect(table).toMatch(/ok/);
    await page.screenshot({ path: join(SCREENSHOTS, 'feeds.png'), fullPage: false });
    expect(problems).toEqual([]);
  }, 60_000);
});
