// Facts in real Chromium, at 1440 px and on a 390 px phone: queue → fact → claim → conflict → review
// (B holds, which marks both claims in place) → exports; and no page scrolls sideways on the phone.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/node';
import { addAccount } from '../../src/services/accounts';
import { type Chromium, firstPage, launchChromium, skipBrowserTests } from './chromium';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

describe.skipIf(skipBrowserTests())('facts in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-facts-'));
  let server: RunningServer;
  let chromium: Chromium;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer({ port: 0, databaseUrl: `file:${join(dir, 'facts.db')}`, firstAdmin: false });
    await addAccount(server.db, {
      login: 'ana',
      displayName: 'Ana',
      role: 'reviewer',
      password: 'ana-password-1',
    });
    chromium = await launchChromium();
    page = await firstPage(chromium, problems);
    await page.goto(new URL('/signin?next=%2F', server.url).href);
    await page.locator('input[name="login"]').fill('ana');
    await page.locator('input[name="password"]').fill('ana-password-1');
    await page.locator('form.signin button[type="submit"]').click();
    await page.waitForURL(server.url);
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const width of [1440, 390]) {
    it(`at ${width} px: queue → fact → claim → review → export, the drill-down to a pair, and the number line`, async () => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(server.url);
      // One entry per fact, naming every source's figure, a quoted speaker as such.
      const head = page.locator('.fact-head').first();
      expect(await head.textContent()).toMatch(/CNN 57 countries/);
      expect(await head.textContent()).toMatch(/Austin, quoted by CNN, about 50 countries/);
      if (width === 390) {
        // The first item within the first two screens.
        const top = await head.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
        expect(top).toBeLessThan(2 * 844);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `queue-facts-${width}.png`), fullPage: true });
      await Promise.all([page.waitForURL(/\/facts\/\d+$/), page.locator('a.fact-link').first().click()]);
      const svg = page.locator('svg.number-line');
      expect(await svg.count()).toBe(1);
      expect(await svg.locator('circle').count()).toBeGreaterThan(0);
      expect(await svg.locator('rect').count()).toBeGreaterThan(0);
      expect(await page.locator('table.fact-table tbody tr').count()).toBe(3);
      expect(await page.locator('.key-hints').textContent()).toMatch(/j.*k/);
      expect(await page.locator('a[href="/api/export/claimreview"]').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SCREENSHOTS, `fact-${width}.png`), fullPage: true });
      await Promise.all([
        page.waitForURL(/\/claims\/\d+$/),
        // The DOD's claim: the conflict resolved below (#1) is between the other two.
        page
          .locator('table.fact-table tbody tr')
          .filter({ hasText: 'some 50 partners' })
          .locator('a.claim-link')
          .first()
          .click(),
      ]);
      const claimUrl = page.url();
      expect(await page.locator('a[href^="/facts/"]').count()).toBeGreaterThan(0);
      expect(await page.locator('a[href="/api/export/claims.csv"]').count()).toBe(1);
      // Review: a verdict that contradicts nothing, given in place; then the export has it.
      const [verdict, word] = width === 390 ? ['unverifiable', 'Unverifiable'] : ['disputed', 'Disputed'];
      await page.waitForFunction(() => 'htmx' in window);
      await page.locator(`form.verdict button[value="${verdict}"]`).first().click();
      await page.waitForFunction(
        (word) => new RegExp(word).test(document.querySelector('[id^="claim-badge-"]')?.textContent ?? ''),
        word,
      );
      await page.reload();
      await Promise.all([
        page.waitForURL(/\/api\/export\/claimreview$/),
        page.locator('a[href="/api/export/claimreview"]').first().click(),
      ]);
      const exported = JSON.parse((await page.locator('body').textContent()) ?? '{}') as {
        '@graph': { url: string; reviewRating: { alternateName: string } }[];
      };
      const mine = exported['@graph'].find((g) => g.url === claimUrl);
      expect(mine?.reviewRating.alternateName).toBe(word);
      await page.goto(server.url);
      // The drill-down: a fact's pairs, folded under its row, each one a conflict page away.
      await page.locator('details.fact-pairs summary').first().click();
      await Promise.all([
        page.waitForURL(/\/conflicts\/\d+$/),
        page.locator('details.fact-pairs a.row-link').first().click(),
      ]);
      expect(await page.locator('h1').textContent()).toMatch(/quoted by CNN|CNN vs U\.S\./);
      expect(await page.locator('.key-hints').textContent()).toMatch(/Esc/);
      if (width === 390) {
        const b = await page
          .locator('article[aria-label="Claim B"]')
          .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
        expect(b).toBeLessThan(2 * 844);
      }
      expect(problems).toEqual([]);
    }, 60_000);
  }

  it('resolving "B holds" marks both claims in place; Esc leaves a text box so keys work', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(new URL('/conflicts/1', server.url).href);
    await page.waitForFunction(() => 'htmx' in window);
    const note = page.locator('#link-review-1 textarea[name="note"]').first();
    await note.fill('the DOD figure is the official one');
    await note.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA');
    await page.locator('#link-review-1 button[name="resolution"][value="b_holds"]').click();
    await page.waitForFunction(() =>
      /B holds/.test(document.querySelector('#link-badge-1')?.textContent ?? ''),
    );
    const badges = await page.locator('[id^="claim-badge-"]').allTextContents();
    expect(badges.map((b) => b.trim()).sort()).toEqual(['False', 'Verified']);
    await page.screenshot({ path: join(SCREENSHOTS, 'conflict-b-holds.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);

  it('no page scrolls sideways at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of [
      '/',
      '/facts/1',
      '/conflicts/1',
      '/claims/9',
      '/articles',
      '/articles/1',
      '/articles/new',
    ]) {
      await page.goto(new URL(path, server.url).href);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
    }
  }, 60_000);
});
