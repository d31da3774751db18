// Adding an article by URL where its page is stored later (the Worker's FEEDS queue; here the server's
// storePageLater holds the page until the test delivers it), clicked through in Chromium: the form's
// message box says the page was read and asks for its progress every second (htmx) while it is stored,
// then links to the stored article, which opens. And a page whose message was lost: the box says it was
// sent again and why, then follows it to the article.
import { afterAll, describe, expect, it } from 'vitest';
import {
  recoverStaleImports,
  runImportItem,
  STALE_ITEM_MS,
  storeImportPage,
} from '../../src/services/imports';
import type { PageItem } from '../../src/services/url-add';
import type { PageToAdd } from '../../src/services/web-articles';
import { nodeWebReader } from '../../src/web/node-reader';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';
import { skipBrowserTests } from './chromium';
import { browserSession, failedResponse } from './session';

describe.skipIf(skipBrowserTests())('the add-by-URL status box in Chromium (pages stored later)', () => {
  let web: FixtureServer;
  /** The `import-page` messages the queue would carry, held here. */
  const held: { item: PageItem; page: PageToAdd }[] = [];
  const session = browserSession('url-add-status', {
    accounts: [{ login: 'pat', displayName: 'Pat', role: 'reviewer', password: 'pat-password-1' }],
    server: {
      firstAdmin: false,
      seed: false,
      allowLoopbackForTests: true,
      storePageLater: async (item, page) => {
        held.push({ item, page });
        return true;
      },
    },
    csp: true,
    badResponse: failedResponse,
    async before() {
      web = await startFixtureServer();
    },
    after: (s) => s.signIn('pat', 'pat-password-1', '/articles/new'),
  });
  afterAll(async () => {
    await web?.close();
  });

  /** Progress requests the box made, counted from the page's own requests. */
  let polls = 0;
  const box = () => session.page.locator('#article-form-message #url-add-status');
  async function addByUrl(path: string) {
    const { page } = session;
    if (new URL(page.url()).pathname !== '/articles/new') await page.goto(session.url('/articles/new'));
    await page.locator('input[name="url"]').fill(web.url(path));
    await page.locator('#article-form button[type="submit"]').click();
    await expect.poll(() => box().getAttribute('data-status')).toBe('running');
  }

  it('shows the page read, keeps asking while it is stored, then links to the stored article', async () => {
    const { page } = session;
    page.on('request', (r) => {
      if (/\/imports\/\d+\/progress\?view=add$/.test(r.url())) polls++;
    });
    await addByUrl('/news/harbour-jsonld');
    expect(await box().textContent()).toMatch(
      /Page read: “Storm closes Port Aldmoor for three days” \(The Coastal Ledger\)\. Storing it and its claims…/,
    );
    // The form stays as it was; nothing is stored until the message is delivered.
    expect(new URL(page.url()).pathname).toBe('/articles/new');
    expect(held).toHaveLength(1);
    await expect.poll(() => polls, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await box().getAttribute('data-status')).toBe('running');

    for (const m of held.splice(0)) await storeImportPage({ db: session.server.db }, m.item, m.page);
    await expect.poll(() => box().getAttribute('data-status'), { timeout: 10_000 }).toBe('stored');
    expect(await box().textContent()).toMatch(/Stored as article \d+: .*harbour-jsonld/);
    // Finished: it stops asking.
    const asked = polls;
    await page.waitForTimeout(2500);
    expect(polls).toBe(asked);

    await Promise.all([page.waitForURL(/\/articles\/\d+$/), box().locator('a[href^="/articles/"]').click()]);
    expect(await page.locator('h1').first().textContent()).toContain('Storm closes Port Aldmoor');
    expect(await page.locator('main').textContent()).toContain('about 140 vessels waiting offshore');
    expect(session.problems).toEqual([]);
  }, 60_000);

  it('a page whose message was lost: the box says it was sent again and why, then shows the article', async () => {
    await addByUrl('/news/budget-meta');
    held.splice(0); // lost
    const resent: [number, number][] = [];
    const later = async (jobId: number, positions: number[]) => {
      for (const p of positions) resent.push([jobId, p]);
    };
    // What the Worker's cron does once the item has had no outcome for STALE_ITEM_MS.
    expect(await recoverStaleImports(session.server.db, later, Date.now() + STALE_ITEM_MS + 1000)).toEqual({
      resent: 1,
      failed: 0,
    });
    await expect
      .poll(() => box().textContent(), { timeout: 10_000 })
      .toMatch(/Storing it and its claims… \(sent again: no outcome 30 minutes after it started/);
    const reader = nodeWebReader({ policy: { allowLoopbackForTests: true } });
    for (const [jobId, position] of resent)
      await runImportItem({ db: session.server.db, reader }, jobId, position);
    await expect.poll(() => box().getAttribute('data-status'), { timeout: 10_000 }).toBe('stored');
    await Promise.all([
      session.page.waitForURL(/\/articles\/\d+$/),
      box().locator('a[href^="/articles/"]').click(),
    ]);
    expect(await session.page.locator('h1').first().textContent()).toContain(
      'Regional council passes 2027 budget',
    );
    expect(session.problems).toEqual([]);
  }, 60_000);
});
