import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/services/ingest';
import { skipBrowserTests } from './chromium';
import { browserSession, SCREENSHOTS } from './session';

describe.skipIf(skipBrowserTests())('stories in Chromium', () => {
  const session = browserSession('stories', {
    server: { firstAdmin: false },
    screenshots: true,
    async before({ server }) {
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
    },
  });

  for (const width of [1440, 390]) {
    it(`at ${width} px: stories → a story → a figure's claim`, async () => {
      await session.page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await session.page.goto(session.server.url);
      await Promise.all([
        session.page.waitForURL(/\/stories$/),
        session.page.locator('nav a[href="/stories"]').click(),
      ]);
      const entry = session.page.locator('.story-list li').first();
      expect(await entry.textContent()).toMatch(/4 articles/);
      await session.page.screenshot({ path: join(SCREENSHOTS, `stories-${width}.png`), fullPage: true });
      await Promise.all([session.page.waitForURL(/\/stories\/\d+$/), entry.locator('a').first().click()]);
      expect(await session.page.locator('.story-articles li').count()).toBe(4);
      // The contact group's size: one row, every outlet's figure in its own column.
      const row = session.page.locator('table.story-facts tbody tr', { hasText: 'How many countries?' });
      expect(await row.count()).toBe(1);
      expect(await row.locator('td[data-outlet="CNN"]').textContent()).toMatch(/57 countries/);
      expect(await row.locator('td[data-outlet="Reuters"]').textContent()).toMatch(/some 50/);
      expect(await row.getAttribute('class')).toMatch(/disputed/);
      // The heat map: every outlet on both axes; CNN against the AP disagrees.
      const heat = session.page.locator('table.heat-map');
      expect(await heat.locator('thead th').count()).toBe(
        (await session.page.locator('table.story-facts thead th').count()) - 1,
      );
      expect(await heat.locator('td.heat:not(.none)').count()).toBeGreaterThan(0);
      const pageWidth = await session.page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(width);
      await session.page.screenshot({ path: join(SCREENSHOTS, `story-${width}.png`), fullPage: true });
      await Promise.all([
        session.page.waitForURL(/\/claims\/\d+$/),
        row.locator('td[data-outlet="CNN"] a.figure-chip').first().click(),
      ]);
      expect(await session.page.locator('h1').textContent()).toBeTruthy();
      expect(session.problems).toEqual([]);
    }, 60_000);
  }
});
