// Long facts and stories in Chromium: the queue's fact row loads its pairs when unfolded (htmx), a
// fact of 56 claims and a story of 56 articles page with plain links, at 1440 and 390 px.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/services/ingest';
import { contactGroupReport } from '../helpers/many-reports';
import { skipBrowserTests } from './chromium';
import { browserSession, failedResponse, SCREENSHOTS } from './session';

const REPORTS = 56;

describe.skipIf(skipBrowserTests())('paging in Chromium', () => {
  const session = browserSession('paging', {
    server: { firstAdmin: false, seed: false },
    screenshots: true,
    badResponse: failedResponse,
    before: async (s) => {
      for (let n = 0; n < REPORTS; n++) await ingestArticle(s.server.db, contactGroupReport(n));
    },
  });

  for (const width of [1440, 390]) {
    it(`at ${width} px: unfold a fact's row, page through the fact and the story`, async () => {
      const page = session.page;
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(session.server.url);
      await page.waitForFunction(() => 'htmx' in window);
      const entry = page.locator('li.fact-entry').first();
      // Folded, the row holds no pair; unfolded, htmx brings the 20 most severe.
      expect(await entry.locator('.queue-row').count()).toBe(0);
      await entry.locator('details.fact-pairs summary').click();
      await entry.locator('details.fact-pairs .queue-row').nth(19).waitFor();
      expect(await entry.locator('details.fact-pairs .queue-row').count()).toBe(20);
      expect(await entry.locator('details.fact-pairs').textContent()).toMatch(/The 20 most severe/);

      await Promise.all([page.waitForURL(/\/facts\/\d+$/), entry.locator('a.fact-link').click()]);
      expect(await page.locator('table.fact-table tbody tr').count()).toBe(50);
      await page.screenshot({ path: join(SCREENSHOTS, `fact-paged-${width}.png`), fullPage: true });
      await Promise.all([page.waitForURL(/\?page=2$/), page.locator('a[rel="next"]').first().click()]);
      expect(await page.locator('table.fact-table tbody tr').count()).toBe(REPORTS - 50);
      expect(await page.locator('table.fact-table tbody tr').first().textContent()).toMatch(/^\s*51/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      await page.goto(session.url('/stories'));
      await Promise.all([
        page.waitForURL(/\/stories\/\d+$/),
        page.locator('main a[href^="/stories/"]').first().click(),
      ]);
      expect(await page.locator('ol.story-articles li').count()).toBe(50);
      expect(await page.locator('table.heat-map thead th').count()).toBe(13);
      await page.screenshot({ path: join(SCREENSHOTS, `story-paged-${width}.png`), fullPage: true });
      await Promise.all([
        page.waitForURL(/\?articles=2$/),
        page.locator('nav[aria-label="Pages of articles"] a[rel="next"]').click(),
      ]);
      expect(await page.locator('ol.story-articles li').count()).toBe(REPORTS - 50);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(session.problems).toEqual([]);
    }, 60_000);
  }
});
