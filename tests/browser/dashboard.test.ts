import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/node';
import { skipBrowserTests } from './chromium';
import { browserSession, failedResponse, SCREENSHOTS } from './session';

describe.skipIf(skipBrowserTests())('dashboard in Chromium', () => {
  const session = browserSession('browser', {
    // Reviewing needs an account: one in the test database, signed in through the real form below.
    accounts: [
      { login: 'browser', displayName: 'Browser Reviewer', role: 'reviewer', password: 'browser-password' },
    ],
    csp: true,
    // Chromium asks for /favicon.ico on its own; the pages do not link one.
    badResponse: failedResponse,
    screenshots: true,
  });

  it('signs in through the sign-in page and comes back to where it started', async () => {
    await session.signIn('browser', 'browser-password', '/?status=open');
    const header = await session.page.locator('header.site-header').textContent();
    expect(header).toContain('Browser Reviewer');
    expect(header).toContain('Sign out');
  }, 60_000);

  it('opens the 57-vs-50 conflict, marks a claim verified in place, and keeps it across a restart', async () => {
    await session.page.goto(session.server.url);
    expect(await session.page.title()).toContain('crosscheck');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'queue.png'), fullPage: true });

    // The fact's row, then its pairs (folded under it), then the pair.
    const fact = session.page.locator('li.fact-entry').filter({ hasText: '57 countries' }).first();
    await fact.locator('details.fact-pairs summary').click();
    const row = fact
      .locator('li.queue-row')
      .filter({ hasText: '57 countries' })
      .filter({ hasText: 'some 50 partners' })
      .first();
    await row.locator('a.row-link').click();
    await session.page.waitForURL(/\/conflicts\/\d+$/);
    const conflictUrl = session.page.url();
    // htmx is ours, loaded from /static under the CSP nonce.
    await session.page.waitForFunction(() => 'htmx' in window);

    const marked = await session.page.locator('.diff mark').allTextContents();
    expect(marked.join(' ')).toContain('57');
    expect(marked.join(' ')).toContain('50');

    // Survives only if the badge is swapped in place rather than by a page load.
    await session.page.evaluate(() => {
      (window as unknown as { __noReload: string }).__noReload = 'still here';
    });

    const side = session.page.locator('article.side-card').filter({ hasText: '57 countries' }).first();
    const review = side.locator('section.review');
    const reviewId = await review.getAttribute('id');
    const claimId = Number(reviewId?.replace('claim-review-', ''));
    expect(claimId).toBeGreaterThan(0);
    const badge = session.page.locator(`#claim-badge-${claimId}`);
    expect(await badge.textContent()).toMatch(/unreviewed/i);

    // Older review forms asked for a name; with sign-in the reviewer is the signed-in user.
    const name = review.locator('input[name="name"]');
    if ((await name.count()) > 0) await name.fill('Browser Reviewer');
    await review.locator('button[name="status"][value="verified"]').click();
    await session.page.waitForFunction(
      (id) => document.querySelector(`#claim-badge-${id}`)?.textContent?.trim() === 'Verified',
      claimId,
    );
    expect(await session.page.evaluate(() => (window as unknown as { __noReload?: string }).__noReload)).toBe(
      'still here',
    );
    expect(session.page.url()).toBe(conflictUrl);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'conflict-verified.png'), fullPage: true });

    // Same database file, new server process state: the status was stored, not just swapped.
    const port = session.server.port;
    await session.server.close();
    session.server = await startServer({ port, databaseUrl: session.databaseUrl });
    await session.page.goto(conflictUrl);
    expect((await session.page.locator(`#claim-badge-${claimId}`).textContent())?.trim()).toBe('Verified');
    const api = await (await fetch(new URL(`/api/claims/${claimId}`, session.server.url))).json();
    expect(api.claim.status).toBe('verified');

    expect(session.problems).toEqual([]);
  }, 60_000);
});
