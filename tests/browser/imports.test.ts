// A bulk import in Chromium: a reviewer pastes several URLs served by a loopback fixture server (one
// slow page that turns out to hold no article), starts the import and watches the page: the count and
// the bar move, the item being fetched is named, and it ends at done with the failure and its reason.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';
import { skipBrowserTests } from './chromium';
import { browserSession, failedResponse, SCREENSHOTS } from './session';

describe.skipIf(skipBrowserTests())('bulk import progress in Chromium', () => {
  let web: FixtureServer;

  const session = browserSession('imports', {
    accounts: [{ login: 'pat', displayName: 'Pat', role: 'reviewer', password: 'pat-password-1' }],
    server: { firstAdmin: false, seed: false, allowLoopbackForTests: true },
    csp: true,
    badResponse: failedResponse,
    screenshots: true,
    async before() {
      web = await startFixtureServer();
    },
    after: (s) => s.signIn('pat', 'pat-password-1', '/imports'),
  });
  afterAll(async () => {
    await web?.close();
  });

  it('shows the import moving to done, with the failed item and its reason', async () => {
    const { page } = session;
    const urls = ['/news/harbour-jsonld', '/slow', '/news/budget-meta', '/news/wire-graph'].map((p) =>
      web.url(p),
    );
    await page.locator('#import-form textarea[name="urls"]').fill(urls.join('\n'));
    await Promise.all([
      page.waitForURL(/\/imports\/\d+$/),
      page.locator('#import-form button[type="submit"]').click(),
    ]);
    const progress = page.locator('#import-progress');
    // The slow page takes 5 s: the page names it as the item being done while the count stands at 1.
    await expect
      .poll(() => progress.textContent(), { timeout: 15_000 })
      .toMatch(new RegExp(`1 / 4 done….*Now: item 2, ${web.url('/slow').replace(/[.?]/g, '\\$&')}`));
    expect(await page.locator('progress.import-bar').getAttribute('value')).toBe('1');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, 'import-running-1440.png'), fullPage: true });
    await expect
      .poll(() => progress.textContent(), { timeout: 30_000 })
      .toMatch(/4 \/ 4 done · 3 stored · 0 already stored · 1 failed/);
    const failures = (await page.locator('.import-failures').textContent()) ?? '';
    expect(failures).toContain(web.url('/slow'));
    expect(failures).toMatch(/no article text was found on the page/);
    expect(await progress.textContent()).toMatch(/Finished/);
    expect(await page.locator('progress.import-bar').getAttribute('value')).toBe('4');
    // Finished: the page stops asking.
    expect(await progress.getAttribute('hx-trigger')).toBeNull();
    await page.screenshot({ path: join(SCREENSHOTS, 'import-done-1440.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SCREENSHOTS, 'import-done-390.png'), fullPage: true });

    // A reload (or another reviewer) sees the same, and the list of imports has it.
    await page.reload();
    expect(await progress.textContent()).toMatch(/4 \/ 4 done/);
    await page.goto(session.url('/imports'));
    expect(await page.locator('.import-list').textContent()).toMatch(
      /4 URLs · articles by URL · 4 \/ 4 done, 1 failed · finished/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-1440.png'), fullPage: true });
    expect(session.problems).toEqual([]);
  }, 90_000);
});
