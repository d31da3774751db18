// The compare page in real Chromium, at 1440 px and on a 390 px phone: nav → compare → paste two
// reports → their facts on number lines and where they differ; nothing sideways on the phone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipBrowserTests } from './chromium';
import { browserSession, SCREENSHOTS } from './session';

const seed = (file: string) => readFileSync(new URL(`../../seeds/${file}`, import.meta.url), 'utf8');

describe.skipIf(skipBrowserTests())('the compare page in Chromium', () => {
  const session = browserSession('compare', {
    server: { firstAdmin: false, seed: false },
    screenshots: true,
  });

  for (const width of [1440, 390]) {
    it(`at ${width} px: paste two reports, see the fact on a number line and the difference`, async () => {
      await session.page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await session.page.goto(session.server.url);
      await Promise.all([
        session.page.waitForURL(/\/compare$/),
        session.page.locator('nav a[href="/compare"]').click(),
      ]);
      await session.page.locator('input[name="source_1"]').fill('CNN');
      await session.page.locator('textarea[name="text_1"]').fill(seed('cnn-austin-kyiv-visit.txt'));
      await session.page.locator('input[name="source_2"]').fill('DOD');
      await session.page.locator('textarea[name="text_2"]').fill(seed('dod-ukraine-assistance-briefing.txt'));
      await Promise.all([
        session.page.waitForLoadState('load'),
        session.page.locator('.compare-form button[type="submit"]').click(),
      ]);
      await session.page.locator('.compare-summary').waitFor();
      expect(await session.page.locator('.compare-summary').textContent()).toMatch(/2 texts/);
      const fact = session.page.locator('.compare-fact', { hasText: 'How many countries?' });
      expect(await fact.locator('svg.number-line circle').count()).toBeGreaterThan(0);
      expect(await fact.locator('table.fact-table tbody tr').count()).toBe(3);
      expect(await session.page.locator('.compare-pairs li').first().textContent()).toMatch(/57 countries/);
      // Nothing stored: the articles list is still empty.
      expect(await session.page.locator('input[name="source_1"]').inputValue()).toBe('CNN');
      const pageWidth = await session.page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(width);
      await session.page.screenshot({ path: join(SCREENSHOTS, `compare-${width}.png`), fullPage: true });
      await session.page.goto(new URL('/api/articles', session.server.url).href);
      expect(await session.page.locator('body').textContent()).not.toMatch(/CNN/);
      expect(session.problems).toEqual([]);
    }, 60_000);
  }
});
