// Stories in real Chromium, at 1440 px and on a 390 px phone: nav → stories → one story (its articles,
// each fact with every outlet's figures, the outlet × outlet heat map) → a figure's claim; no sideways
// scrolling of the page on the phone (wide tables scroll in their own box).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/node';
import { ingestArticle } from '../../src/services/ingest';
import { type Chromium, launchChromium, skipBrowserTests } from './chromium';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

describe.skipIf(skipBrowserTests())('stories in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-stories-'));
  let server: RunningServer;
  let chromium: Chromium;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer({
      port: 0,
      databaseUrl: `file:${join(dir, 'stories.db')}`,
      firstAdmin: false,
    });
    // Two more outlets on the seeds' contact-group story, one agreeing with the DOD's "some 50".
    for (const [outlet, figure] of [
      ['Reuters', 'some 50'],
      ['Associated Press', '54'],
    ] as const)
      await ingestArticle(server.db, {
        outlet,
        title: `Austin rallies the contact group (${outlet})`,
        publishedAt: '2024-04-20',
        text: `Defense Secretary Lloyd Austin III has also continued to rally the Ukraine Defense Contact Group, a global network of ${figure} partners committed to Ukraine's near-term battlefield needs.`,
      });
    chromium = await launchChromium();
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
        problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const width of [1440, 390]) {
    it(`at ${width} px: stories → a story → a figure's claim`, async () => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(server.url);
      await Promise.all([page.waitForURL(/\/stories$/), page.locator('nav a[href="/stories"]').click()]);
      const entry = page.locator('.story-list li').first();
      expect(await entry.textContent()).toMatch(/4 articles/);
      await page.screenshot({ path: join(SCREENSHOTS, `stories-${width}.png`), fullPage: true });
      await Promise.all([page.waitForURL(/\/stories\/\d+$/), entry.locator('a').first().click()]);
      expect(await page.locator('.story-articles li').count()).toBe(4);
      // The contact group's size: one row, every outlet's figure in its own column.
      const row = page.locator('table.story-facts tbody tr', { hasText: 'How many countries?' });
      expect(await row.count()).toBe(1);
      expect(await row.locator('td[data-outlet="CNN"]').textContent()).toMatch(/57 countries/);
      expect(await row.locator('td[data-outlet="Reuters"]').textContent()).toMatch(/some 50/);
      expect(await row.getAttribute('class')).toMatch(/disputed/);
      // The heat map: every outlet on both axes; CNN against the AP disagrees.
      const heat = page.locator('table.heat-map');
      expect(await heat.locator('thead th').count()).toBe(
        (await page.locator('table.story-facts thead th').count()) - 1,
      );
      expect(await heat.locator('td.heat:not(.none)').count()).toBeGreaterThan(0);
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(SCREENSHOTS, `story-${width}.png`), fullPage: true });
      await Promise.all([
        page.waitForURL(/\/claims\/\d+$/),
        row.locator('td[data-outlet="CNN"] a.figure-chip').first().click(),
      ]);
      expect(await page.locator('h1').textContent()).toBeTruthy();
      expect(problems).toEqual([]);
    }, 60_000);
  }
});
