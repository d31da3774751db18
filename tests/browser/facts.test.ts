import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipBrowserTests } from './chromium';
import { browserSession, SCREENSHOTS } from './session';

describe.skipIf(skipBrowserTests())('facts in Chromium', () => {
  const session = browserSession('facts', {
    accounts: [{ login: 'ana', displayName: 'Ana', role: 'reviewer', password: 'ana-password-1' }],
    server: { firstAdmin: false },
    screenshots: true,
    after: (s) => s.signIn('ana', 'ana-password-1', '/'),
  });

  for (const width of [1440, 390]) {
    it(`at ${width} px: queue → fact → claim → review → export, the drill-down to a pair, and the number line`, async () => {
      await session.page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await session.page.goto(session.server.url);
      // One entry per fact, naming every source's figure, a quoted speaker as such.
      const head = session.page.locator('.fact-head').first();
      expect(await head.textContent()).toMatch(/CNN 57 countries/);
      expect(await head.textContent()).toMatch(/Austin, quoted by CNN, about 50 countries/);
      if (width === 390) {
        // The first item within the first two screens.
        const top = await head.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
        expect(top).toBeLessThan(2 * 844);
      }
      await session.page.screenshot({ path: join(SCREENSHOTS, `queue-facts-${width}.png`), fullPage: true });
      await Promise.all([
        session.page.waitForURL(/\/facts\/\d+$/),
        session.page.locator('a.fact-link').first().click(),
      ]);
      const svg = session.page.locator('svg.number-line');
      expect(await svg.count()).toBe(1);
      expect(await svg.locator('circle').count()).toBeGreaterThan(0);
      expect(await svg.locator('rect').count()).toBeGreaterThan(0);
      expect(await session.page.locator('table.fact-table tbody tr').count()).toBe(3);
      expect(await session.page.locator('.key-hints').textContent()).toMatch(/j.*k/);
      expect(await session.page.locator('a[href="/api/export/claimreview"]').count()).toBeGreaterThan(0);
      await session.page.screenshot({ path: join(SCREENSHOTS, `fact-${width}.png`), fullPage: true });
      await Promise.all([
        session.page.waitForURL(/\/claims\/\d+$/),
        // The DOD's claim: the conflict resolved below (#1) is between the other two.
        session.page
          .locator('table.fact-table tbody tr')
          .filter({ hasText: 'some 50 partners' })
          .locator('a.claim-link')
          .first()
          .click(),
      ]);
      const claimUrl = session.page.url();
      expect(await session.page.locator('a[href^="/facts/"]').count()).toBeGreaterThan(0);
      expect(await session.page.locator('a[href="/api/export/claims.csv"]').count()).toBe(1);
      // Review: a verdict that contradicts nothing, given in place; then the export has it.
      const [verdict, word] = width === 390 ? ['unverifiable', 'Unverifiable'] : ['disputed', 'Disputed'];
      await session.page.waitForFunction(() => 'htmx' in window);
      await session.page.locator(`form.verdict button[value="${verdict}"]`).first().click();
      await session.page.waitForFunction(
        (word) => new RegExp(word).test(document.querySelector('[id^="claim-badge-"]')?.textContent ?? ''),
        word,
      );
      await session.page.reload();
      await Promise.all([
        session.page.waitForURL(/\/api\/export\/claimreview$/),
        session.page.locator('a[href="/api/export/claimreview"]').first().click(),
      ]);
      const exported = JSON.parse((await session.page.locator('body').textContent()) ?? '{}') as {
        '@graph': { url: string; reviewRating: { alternateName: string } }[];
      };
      const mine = exported['@graph'].find((g) => g.url === claimUrl);
      expect(mine?.reviewRating.alternateName).toBe(word);
      await session.page.goto(session.server.url);
      // The drill-down: a fact's pairs, folded under its row, each one a conflict page away.
      await session.page.locator('details.fact-pairs summary').first().click();
      await Promise.all([
        session.page.waitForURL(/\/conflicts\/\d+$/),
        session.page.locator('details.fact-pairs a.row-link').first().click(),
      ]);
      expect(await session.page.locator('h1').textContent()).toMatch(/quoted by CNN|CNN vs U\.S\./);
      expect(await session.page.locator('.key-hints').textContent()).toMatch(/Esc/);
      // A claim's note and evidence fold away on a phone (one tap opens them), and are simply there on
      // a wide screen.
      const notes = session.page.locator('article[aria-label="Claim A"] details.review-notes');
      const note = notes.locator('textarea[name="note"]');
      if (width === 390) {
        const b = await session.page
          .locator('article[aria-label="Claim B"]')
          .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
        expect(b).toBeLessThan(2 * 844);
        expect(await note.isVisible()).toBe(false);
        await notes.locator('summary').click();
      }
      expect(await note.isVisible()).toBe(true);
      expect(session.problems).toEqual([]);
    }, 60_000);
  }

  it('resolving "B holds" marks both claims in place; Esc leaves a text box so keys work', async () => {
    await session.page.setViewportSize({ width: 1440, height: 900 });
    await session.page.goto(new URL('/conflicts/1', session.server.url).href);
    await session.page.waitForFunction(() => 'htmx' in window);
    const note = session.page.locator('#link-review-1 textarea[name="note"]').first();
    await note.fill('the DOD figure is the official one');
    await note.press('Escape');
    expect(await session.page.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA');
    await session.page.locator('#link-review-1 button[name="resolution"][value="b_holds"]').click();
    await session.page.waitForFunction(() =>
      /B holds/.test(document.querySelector('#link-badge-1')?.textContent ?? ''),
    );
    const badges = await session.page.locator('[id^="claim-badge-"]').allTextContents();
    expect(badges.map((b) => b.trim()).sort()).toEqual(['False', 'Verified']);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'conflict-b-holds.png'), fullPage: true });
    expect(session.problems).toEqual([]);
  }, 60_000);

  it('no page scrolls sideways at 390 px', async () => {
    await session.page.setViewportSize({ width: 390, height: 844 });
    for (const path of [
      '/',
      '/facts/1',
      '/conflicts/1',
      '/claims/9',
      '/articles',
      '/articles/1',
      '/articles/new',
    ]) {
      await session.page.goto(new URL(path, session.server.url).href);
      const width = await session.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
    }
  }, 60_000);
});
