// The compare page in real Chromium, at 1440 px and on a 390 px phone: nav → compare → paste two
// reports → their facts on number lines and where they differ; nothing sideways on the phone.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/node';
import { type Chromium, launchChromium, skipBrowserTests } from './chromium';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const seed = (file: string) => readFileSync(new URL(`../../seeds/${file}`, import.meta.url), 'utf8');

describe.skipIf(skipBrowserTests())('the compare page in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-compare-'));
  let server: RunningServer;
  let chromium: Chromium;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer({
      port: 0,
      databaseUrl: `file:${join(dir, 'compare.db')}`,
      firstAdmin: false,
      seed: false,
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
    it(`at ${width} px: paste two reports, see the fact on a number line and the difference`, async () => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(server.url);
      await Promise.all([page.waitForURL(/\/compare$/), page.locator('nav a[href="/compare"]').click()]);
      await page.locator('input[name="source_1"]').fill('CNN');
      await page.locator('textarea[name="text_1"]').fill(seed('cnn-austin-kyiv-visit.txt'));
      await page.locator('input[name="source_2"]').fill('DOD');
      await page.locator('textarea[name="text_2"]').fill(seed('dod-ukraine-assistance-briefing.txt'));
      await Promise.all([
        page.waitForLoadState('load'),
        page.locator('.compare-form button[type="submit"]').click(),
      ]);
      await page.locator('.compare-summary').waitFor();
      expect(await page.locator('.compare-summary').textContent()).toMatch(/2 texts/);
      const fact = page.locator('.compare-fact', { hasText: 'How many countries?' });
      expect(await fact.locator('svg.number-line circle').count()).toBeGreaterThan(0);
      expect(await fact.locator('table.fact-table tbody tr').count()).toBe(3);
      expect(await page.locator('.compare-pairs li').first().textContent()).toMatch(/57 countries/);
      // Nothing stored: the articles list is still empty.
      expect(await page.locator('input[name="source_1"]').inputValue()).toBe('CNN');
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(SCREENSHOTS, `compare-${width}.png`), fullPage: true });
      await page.goto(new URL('/api/articles', server.url).href);
      expect(await page.locator('body').textContent()).not.toMatch(/CNN/);
      expect(problems).toEqual([]);
    }, 60_000);
  }
});
