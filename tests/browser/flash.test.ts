import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipBrowserTests } from './chromium';
import { browserSession, SCREENSHOTS } from './session';

describe.skipIf(skipBrowserTests())('the #flash box in Chromium', () => {
  // Two writes a minute: the sign-in and one review; the second review is over the limit.
  const session = browserSession('flash', {
    accounts: [{ login: 'ana', displayName: 'Ana', role: 'reviewer', password: 'ana-password-1' }],
    server: { firstAdmin: false, writesPerMinute: 2 },
    csp: true,
  });

  it('shows a 429 over the page, keeps the review box and the note, and clears on the next request', async () => {
    await session.signIn('ana', 'ana-password-1', '/');
    await session.page.locator('details.fact-pairs summary').first().click();
    await session.page.locator('details.fact-pairs a.row-link').first().click();
    await session.page.waitForURL(/\/conflicts\/\d+$/);
    await session.page.waitForFunction(() => 'htmx' in window);

    const claimBox = session.page.locator('article.side-card section.review').first();
    await claimBox.locator('button[name="status"][value="verified"]').click();
    await session.page.waitForFunction(() =>
      /Verified/.test(document.querySelector('article.side-card .badge')?.textContent ?? ''),
    );

    const box = session.page.locator('section.review[id^="link-review-"]');
    await box.locator('textarea[name="note"]').first().fill('typed before the limit');
    await box.locator('button[name="resolution"][value="a_holds"]').click();
    await session.page.waitForFunction(() =>
      /Too many changes/.test(document.querySelector('#flash')?.textContent ?? ''),
    );
    expect(await session.page.locator('#flash').isVisible()).toBe(true);
    // The box htmx targeted is untouched: same buttons, the note as typed, still open.
    expect(await box.locator('textarea[name="note"]').first().inputValue()).toBe('typed before the limit');
    expect(await box.locator('button[name="resolution"]').count()).toBeGreaterThan(0);
    expect((await box.locator('[id^="link-badge-"]').textContent())?.trim()).toBe('Open');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'flash-429.png'), fullPage: false });

    // A click on the box dismisses it; any next htmx request would too.
    await session.page.locator('#flash').click();
    expect(await session.page.locator('#flash').isVisible()).toBe(false);
    expect(session.problems).toEqual([]);
  }, 60_000);
});
