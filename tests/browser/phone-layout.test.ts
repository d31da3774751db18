// What a reviewer sees first, at 1440 px and on a 390 px phone, signed in: the queue's first row is
// near the top (totals, filters and the bulk form fold behind a disclosure on a phone), every link of the
// top navigation and a story's whole heat map are on the screen, no page scrolls sideways, and the
// queue, a fact, a story, /feeds and the compare page are saved as screenshots to look at
// (tests/browser/screenshots).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/services/ingest';
import { skipBrowserTests } from './chromium';
import { browserSession, failedResponse, SCREENSHOTS } from './session';

const seed = (file: string) => readFileSync(join(import.meta.dirname, '../../seeds', file), 'utf8');

describe.skipIf(skipBrowserTests())('the first screen, in Chromium', () => {
  const session = browserSession('phone-layout', {
    accounts: [{ login: 'ana', displayName: 'Ana', role: 'reviewer', password: 'ana-password-1' }],
    server: { firstAdmin: false },
    screenshots: true,
    badResponse: failedResponse,
    async before({ server }) {
      // Two more outlets on the seeds' contact-group fact, so the story has a heat map to draw.
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
    after: (s) => s.signIn('ana', 'ana-password-1', '/'),
  });

  for (const width of [1440, 390]) {
    it(`at ${width} px: the queue's first row near the top; fact, story and compare pages`, async () => {
      const page = session.page;
      const height = width === 390 ? 844 : 900;
      await page.setViewportSize({ width, height });
      await page.goto(session.server.url);
      const top = await page
        .locator('ol.queue > li')
        .first()
        .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      await page.screenshot({ path: join(SCREENSHOTS, `first-queue-${width}.png`), fullPage: true });
      // On a phone the first row starts within the first half screen; on a desktop within the first.
      expect(top).toBeLessThan(width === 390 ? height / 2 : height);
      if (width === 390) {
        // The folded tools are one tap away, and the filters work from there.
        const tools = page.locator('details.queue-tools');
        expect(await tools.locator('select[name="status"]').isVisible()).toBe(false);
        await tools.locator('summary').click();
        expect(await tools.locator('select[name="status"]').isVisible()).toBe(true);
      } else {
        expect(await page.locator('select[name="status"]').isVisible()).toBe(true);
        expect(await page.locator('details.queue-tools summary').isVisible()).toBe(false);
      }
      await page.goto(session.url('/facts/1'));
      await page.screenshot({ path: join(SCREENSHOTS, `first-fact-${width}.png`), fullPage: true });
      // The number line fills its card (at 1440 px it was held to 48rem, ~60 % of the card).
      const figure = page.locator('figure.fact-figure');
      await figure.screenshot({ path: join(SCREENSHOTS, `fact-number-line-${width}.png`) });
      const fill = await figure.evaluate((el) => {
        const svg = el.querySelector('svg.number-line') as SVGSVGElement;
        const style = getComputedStyle(el);
        const inner =
          el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
        return svg.getBoundingClientRect().width / inner;
      });
      expect(fill).toBeGreaterThan(0.97);
      // The text table says the same in words.
      expect(await page.locator('table.fact-table tbody tr').count()).toBeGreaterThanOrEqual(3);
      await page.goto(session.url('/stories'));
      await Promise.all([
        page.waitForURL(/\/stories\/\d+$/),
        page.locator('main a[href^="/stories/"]').first().click(),
      ]);
      await page.screenshot({ path: join(SCREENSHOTS, `first-story-${width}.png`), fullPage: true });
      const story = new URL(page.url()).pathname;
      // The heat map of four outlets is whole in view: its header band inside the screen, nothing
      // scrolled away in its box (on a phone the columns are numbered as the rows).
      const heads = await page
        .locator('table.heat-map thead th')
        .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect()));
      expect(heads.length).toBe(4);
      for (const r of heads) {
        expect(r.left).toBeGreaterThanOrEqual(0);
        expect(r.right).toBeLessThanOrEqual(width);
      }
      const box = await page
        .locator('.table-scroll:has(table.heat-map)')
        .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(box.scroll).toBeLessThanOrEqual(box.client);
      // Every link of the top navigation is on the screen ("Feeds" was scrolled out of a phone's).
      const nav = session.page.locator('.site-header nav a');
      expect(await nav.count()).toBeGreaterThanOrEqual(6);
      for (const r of await nav.evaluateAll((as) => as.map((a) => a.getBoundingClientRect()))) {
        expect(r.left).toBeGreaterThanOrEqual(0);
        expect(r.right).toBeLessThanOrEqual(width);
      }
      await expect.poll(() => nav.filter({ hasText: 'Feeds' }).isVisible()).toBe(true);
      await page.goto(session.url('/compare'));
      await page.locator('input[name="source_1"]').fill('CNN');
      await page.locator('textarea[name="text_1"]').fill(seed('cnn-austin-kyiv-visit.txt'));
      await page.locator('input[name="source_2"]').fill('DOD');
      await page.locator('textarea[name="text_2"]').fill(seed('dod-ukraine-assistance-briefing.txt'));
      await Promise.all([
        page.waitForLoadState('load'),
        page.locator('.compare-form button[type="submit"]').click(),
      ]);
      await page.locator('.compare-summary').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, `first-compare-${width}.png`), fullPage: true });
      await page.goto(session.url('/feeds'));
      await page.screenshot({ path: join(SCREENSHOTS, `first-feeds-${width}.png`), fullPage: true });
      for (const path of ['/', '/facts/1', story, '/feeds', '/compare']) {
        await page.goto(session.url(path));
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
          width,
        );
      }
      expect(session.problems).toEqual([]);
    }, 90_000);
  }
});
