import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FixtureServer, fixtureHtml, startFixtureServer } from '../helpers/web-fixtures';
import { skipBrowserTests } from './chromium';
import { browserSession, SCREENSHOTS } from './session';

describe.skipIf(skipBrowserTests())('adding from the web in Chromium', () => {
  let web: FixtureServer;

  const session = browserSession('web', {
    accounts: [{ login: 'pat', displayName: 'Pat', role: 'reviewer', password: 'pat-password-1' }],
    server: { firstAdmin: false, seed: false, allowLoopbackForTests: true },
    async before() {
      web = await startFixtureServer();
    },
    after: (s) => s.signIn('pat', 'pat-password-1', '/articles/new'),
  });
  afterAll(async () => {
    await web?.close();
  });

  it('adds an article by URL through the form, with the page’s own title and outlet', async () => {
    await session.page.locator('input[name="url"]').fill(web.url('/news/budget-meta'));
    await Promise.all([
      session.page.waitForURL(/\/articles\/\d+\?added=1$/),
      session.page.locator('#article-form button[type="submit"]').click(),
    ]);
    expect(await session.page.locator('h1').first().textContent()).toContain(
      'Regional council passes 2027 budget',
    );
    const body = (await session.page.locator('main').textContent()) ?? '';
    expect(body).toContain('Valley Courier');
    expect(body).toContain('480 million');
    expect(body).not.toContain('Subscribe for');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'article-from-url.png'), fullPage: false });

    // The same URL again: refused in place, with a link to the article that has it.
    await session.page.goto(new URL('/articles/new', session.server.url).href);
    await session.page.locator('input[name="url"]').fill(web.url('/news/budget-meta'));
    await session.page.locator('#article-form button[type="submit"]').click();
    await expect
      .poll(() => session.page.locator('#url-error').textContent())
      .toMatch(/already stored as article \d+/);
    expect(await session.page.locator('#article-form a[href^="/articles/"]').count()).toBe(1);
  }, 60_000);

  it('subscribes to a feed and shows its first poll and items', async () => {
    await session.page.goto(new URL('/feeds', session.server.url).href);
    await session.page.locator('#feed-form input[name="url"]').fill(web.url('/feeds/rss.xml'));
    await session.page.locator('#feed-form input[name="intervalMinutes"]').fill('15');
    await Promise.all([
      session.page.waitForURL(/\/feeds\?notice=/),
      session.page.locator('#feed-form button[type="submit"]').click(),
    ]);
    // The budget article came in by URL above: that item is not fetched again.
    expect(await session.page.locator('p.notice').textContent()).toMatch(/Polled: 2 new items/);
    // Items are added in the background; the table asks again every 2 s until none is left.
    await expect
      .poll(() => session.page.locator('#feeds-table').textContent(), { timeout: 20_000 })
      .toMatch(/2 done of 2: 1 stored, 0 already stored, 1 failed/);
    const table = (await session.page.locator('#feeds-table').textContent()) ?? '';
    expect(table).toContain('Coastal Ledger: News');
    expect(table).toMatch(/ok/);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'feeds.png'), fullPage: false });
    // On a phone the table reflows into one block per feed, each value named: no sideways scrolling.
    await session.page.setViewportSize({ width: 390, height: 844 });
    expect(await session.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(
      await session.page
        .locator('#feeds-table td:nth-child(6)')
        .first()
        .evaluate((td) => getComputedStyle(td, '::before').content),
    ).toBe('"next poll "');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'feeds-390.png'), fullPage: true });
    await session.page.setViewportSize({ width: 1280, height: 900 });
    expect(session.problems).toEqual([]);
  }, 60_000);

  it('shows a feed’s items being added while a slow one is fetched, then what became of each', async () => {
    const { page } = session;
    let asked = 0;
    const count = (r: { url(): string }) => {
      if (new URL(r.url()).pathname === '/feeds/table') asked++;
    };
    page.on('request', count);
    await page.goto(new URL('/feeds', session.server.url).href);
    await page.locator('#feed-form input[name="url"]').fill(web.url('/feeds/slow-item.xml'));
    await Promise.all([
      page.waitForURL(/\/feeds\?notice=/),
      page.locator('#feed-form button[type="submit"]').click(),
    ]);
    expect(await page.locator('p.notice').textContent()).toMatch(/Polled: 2 new items/);
    const row = page.locator('#feeds-table tr', { hasText: 'Rail Desk' });
    // The slow page takes 5 s: meanwhile the row says what is still being added, and the table asks again.
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/of 2: .*· 1 being added…/);
    expect(await page.locator('#feeds-table').getAttribute('hx-trigger')).toBe('every 2s');
    await expect
      .poll(() => row.textContent(), { timeout: 20_000 })
      .toMatch(/2 done of 2: 1 stored, 0 already stored, 1 failed/);
    expect(asked).toBeGreaterThanOrEqual(2);
    // Done: the table stops asking, and the feed's items page gives the failure's reason.
    expect(await page.locator('#feeds-table').getAttribute('hx-trigger')).toBeNull();
    await Promise.all([page.waitForURL(/\/feeds\/\d+$/), row.locator('a', { hasText: 'items' }).click()]);
    const items = (await page.locator('main').textContent()) ?? '';
    expect(items).toMatch(/Late page · failed: .*no article text was found on the page/);
    expect(items).toMatch(/Rail strike · stored/);
    page.off('request', count);
    expect(session.problems).toEqual([]);
  }, 60_000);

  it('shows wire reprints added by URL (edited, and verbatim) as one story, also published by the others', async () => {
    const { page } = session;
    // Another outlet's copy of the harbour story: its own headline and URL, a paragraph added, the end cut.
    const reprint = fixtureHtml('harbour-jsonld')
      .replace(/The Coastal Ledger/g, 'Bay Herald')
      .replace(/Storm closes Port Aldmoor for three days/g, 'Port Aldmoor shut as storm batters coast')
      .replace(/href="[^"]*storm-port-aldmoor"/, 'href="/reprints/harbour"')
      .replace(/<p>The authority said 600 workers[^<]*<\/p>/, '')
      .replace(
        '<p>The port handles',
        '<p>Fishermen in Bay Harbour moved their boats inland on Tuesday night.</p><p>The port handles',
      );
    web.route('/reprints/harbour', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(reprint);
    });
    // The original may be stored already (the feed above brought it in): then the form says so.
    await page.goto(session.url('/articles/new'));
    await page.locator('input[name="url"]').fill(web.url('/news/harbour-jsonld'));
    await page.locator('#article-form button[type="submit"]').click();
    await expect
      .poll(async () =>
        /\/articles\/\d+/.test(page.url()) ? 'stored' : await page.locator('#url-error').textContent(),
      )
      .toMatch(/stored|already stored as article/);
    await page.goto(session.url('/articles/new'));
    await page.locator('input[name="url"]').fill(web.url('/reprints/harbour'));
    await Promise.all([
      page.waitForURL(/\/articles\/\d+\?added=1$/),
      page.locator('#article-form button[type="submit"]').click(),
    ]);
    // The header says who, by whom and when as a reader reads it; the copy names the first outlet.
    expect(await page.locator('p.source').textContent()).toMatch(
      /^Bay Herald · by Maria Okafor, Tom Reyes · 2026-12-03 07:45 UTC · original/,
    );
    const also = page.locator('p.also-published');
    expect(await also.textContent()).toBe(
      'One wire story: also published by The Coastal Ledger. Their claims are not counted as corroborating or contradicting each other.',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'also-published-by.png'), fullPage: false });
    await Promise.all([page.waitForURL(/\/articles\/\d+$/), also.locator('a').click()]);
    expect(await page.locator('h1').first().textContent()).toBe('Storm closes Port Aldmoor for three days');
    expect(await page.locator('p.also-published').textContent()).toContain('also published by Bay Herald');

    // A third outlet's verbatim reprint (the very same text, its own name and URL): stored, not refused,
    // and one more outlet of the same wire story on every page of it.
    await page.goto(session.url('/articles/new'));
    await page.locator('input[name="url"]').fill(web.url('/wire/island-times'));
    await Promise.all([
      page.waitForURL(/\/articles\/\d+\?added=1$/),
      page.locator('#article-form button[type="submit"]').click(),
    ]);
    expect(await page.locator('p.source').textContent()).toMatch(/^Island Times · /);
    expect(await page.locator('p.also-published').textContent()).toBe(
      'One wire story: also published by The Coastal Ledger, Bay Herald. Their claims are not counted as corroborating or contradicting each other.',
    );
    await Promise.all([
      page.waitForURL(/\/articles\/\d+$/),
      page.locator('p.also-published a', { hasText: 'The Coastal Ledger' }).click(),
    ]);
    expect(await page.locator('p.also-published').textContent()).toContain(
      'also published by Bay Herald, Island Times.',
    );
    expect(session.problems).toEqual([]);
  }, 60_000);
});
