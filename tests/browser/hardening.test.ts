import { describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/auth';
import { skipBrowserTests } from './chromium';
import { browserSession } from './session';

const EVIL =
  '<script>window.__xss = 1; alert(1)</script> "><img src=x onerror="window.__xss=2"> ' +
  '<svg onload="window.__xss=3"> <a href="javascript:window.__xss=4">x</a> ' +
  '<button hx-on:click="window.__xss=5">b</button> {{constructor.constructor("window.__xss=6")()}}';

describe.skipIf(skipBrowserTests())('hardening in Chromium', () => {
  let articleId: number;

  let ed: Awaited<ReturnType<typeof signedIn>>;
  const session = browserSession('hardening', {
    csp: true,
    dialogs: true,
    async before({ server }) {
      // A signed-in editor: its token for the API, its session cookie for the browser (harmless where
      // sign-in is not required).
      ed = await signedIn(server.db, 'editor');
      const res = await fetch(new URL('/api/articles', server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...ed.bearer },
        body: JSON.stringify({
          outlet: `Evil Wire ${EVIL}`.slice(0, 200),
          title: `Hostile ${EVIL}`.slice(0, 500),
          url: 'https://example.com/?q="><script>window.__xss=7</script>',
          format: 'text',
          text:
            `Defense Secretary Lloyd Austin said the Ukraine Defense Contact Group is a coalition of 61 countries. ${EVIL} ` +
            `North\u200b Korea sent \u202e15,000\u202c troops, officials said. They counted 1e308 boats and 9,999,999,999,999,999 people. ${EVIL}`,
        }),
      });
      expect(res.status).toBe(201);
      articleId = (await res.json()).articleId;
    },
    async after({ chromium, server }) {
      const [name, value] = ed.cookie.Cookie.split('=') as [string, string];
      await chromium.context.addCookies([{ name, value, url: server.url }]);
    },
  });

  const xss = () => session.page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

  it('renders every page under the CSP with no violation, and hostile text stays text', async () => {
    for (const path of [
      '/',
      '/articles',
      '/articles/new',
      `/articles/${articleId}`,
      '/nothing-here',
      '/?q=%3Cscript%3E',
    ]) {
      await session.page.goto(new URL(path, session.server.url).href, { waitUntil: 'load' });
      expect(await session.page.evaluate(() => 'htmx' in window), `htmx on ${path}`).toBe(true);
      expect(await xss(), path).toBeUndefined();
    }
    // The article page: the injected markup is visible as text, and the link is the escaped http(s) URL.
    await session.page.goto(new URL(`/articles/${articleId}`, session.server.url).href);
    await session.page.waitForFunction(() => 'htmx' in window);
    expect(await session.page.locator('main').textContent()).toContain(
      '<script>window.__xss = 1; alert(1)</script>',
    );
    expect(await session.page.locator('main img, main svg, main iframe').count()).toBe(0);
    for (const href of await session.page
      .locator('main a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href ?? '').toMatch(/^(\/|https?:)/);
    }
    // htmx swaps a claim panel in place (hx-get) under the same policy.
    const claim = session.page.locator('a.claim').first();
    await claim.click();
    await session.page.waitForSelector('#claim-panel *');
    expect(await xss()).toBeUndefined();

    // A conflict page, and a review posted through htmx with a hostile note and name.
    await session.page.goto(session.server.url);
    await session.page.locator('details.fact-pairs summary').first().click();
    await session.page.locator('details.fact-pairs a.row-link').first().click();
    await session.page.waitForURL(/\/conflicts\/\d+$/);
    await session.page.waitForFunction(() => 'htmx' in window);
    const review = session.page.locator('section.review').first();
    if ((await review.locator('input[name="name"]').count()) > 0) {
      await review.locator('input[name="name"]').fill('"><img src=x onerror="window.__xss=8">');
    }
    if ((await review.locator('input[name="note"]').count()) > 0) {
      await review.locator('input[name="note"]').fill(EVIL.slice(0, 1000));
    }
    const verdict = review.locator('button[name="status"]').first();
    if ((await verdict.count()) > 0) {
      await verdict.click();
      await session.page.waitForTimeout(500);
    }
    expect(await xss()).toBeUndefined();

    // The add-article form comes back with a 422 swapped in place, hostile values kept as values.
    await session.page.goto(new URL('/articles/new', session.server.url).href);
    await session.page.waitForFunction(() => 'htmx' in window);
    await session.page.locator('input[name="title"]').fill(`"><svg onload="window.__xss=9">`);
    await session.page.locator('input[name="outlet"]').fill('x');
    await session.page.locator('textarea[name="text"]').fill('   ');
    await session.page.evaluate(() => {
      for (const el of document.querySelectorAll('[required]')) el.removeAttribute('required');
    });
    await session.page.locator('#article-form button[type="submit"]').click();
    await session.page.waitForSelector('#article-form .error, #article-form [role="alert"]');
    expect(await session.page.locator('input[name="title"]').inputValue()).toBe(
      `"><svg onload="window.__xss=9">`,
    );
    expect(await xss()).toBeUndefined();

    expect(session.problems.filter((p) => !p.includes('/nothing-here'))).toEqual([]);
  }, 90_000);

  it('configures htmx with only our no-eval extension: an hx-on attribute on the page runs nothing', async () => {
    await session.page.goto(session.server.url);
    await session.page.waitForFunction(() => 'htmx' in window);
    const config = await session.page.evaluate(() => {
      const h = (window as unknown as { htmx: { config: { extensions: string; mode: string } } }).htmx;
      return { extensions: h.config.extensions, mode: h.config.mode };
    });
    expect(config).toEqual({ extensions: 'no-eval', mode: 'same-origin' });
    session.problems.length = 0;
    await session.page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'probe';
      b.setAttribute('hx-on:click', 'window.__xss = 10');
      document.body.append(b);
      (window as unknown as { htmx: { process(e: Element): void } }).htmx.process(b);
    });
    await session.page.locator('#probe').click();
    await session.page.waitForTimeout(200);
    expect(await xss()).toBeUndefined();
  });
});
