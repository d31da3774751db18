// Adding an article by URL as a user would: the JSON API with only `url`, the form with the text left
// empty, against a loopback fixture server (allowed only through the test-only setting). Stored in the
// request (Node), or, where the app stores pages later (the Worker's queue), read in the request and
// answered 202 with a one-item import whose progress the form follows.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, importJobs } from '../../db/schema';
import { createApp } from '../../src/app';
import {
  recoverStaleImports,
  runImportItem,
  STALE_ITEM_MS,
  storeImportPage,
} from '../../src/services/imports';
import type { PageItem } from '../../src/services/url-add';
import type { PageToAdd } from '../../src/services/web-articles';
import { nodeWebReader } from '../../src/web/node-reader';
import { HTMX, jsonPost, multipartPost, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';
import { createTestDb, type TestDb } from '../helpers/db';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';

let t: TestDb;
let web: FixtureServer;
let app: ReturnType<typeof createApp>;
let reviewer: SignedIn;

beforeAll(async () => {
  t = await createTestDb();
  web = await startFixtureServer();
  app = createApp({ db: t.db, webReader: nodeWebReader({ policy: { allowLoopbackForTests: true } }) });
  reviewer = await signedIn(t.db, 'reviewer');
});
afterAll(async () => {
  await web.close();
  t.cleanup();
});

const postUrl = (body: Record<string, unknown>) =>
  app.request('/api/articles', jsonPost(body, reviewer.bearer));

describe('POST /api/articles with a url', () => {
  it('fetches, extracts and stores the article with the page’s own metadata', async () => {
    const res = await postUrl({ url: web.url('/news/harbour-jsonld') });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { articleId: number; claims: number; url: string; message: string };
    expect(body.url).toBe(web.url('/news/2026/12/storm-port-aldmoor'));
    expect(body.claims).toBeGreaterThan(3);
    const [row] = await t.db.select().from(articles).where(eq(articles.id, body.articleId));
    expect(row).toMatchObject({
      title: 'Storm closes Port Aldmoor for three days',
      url: web.url('/news/2026/12/storm-port-aldmoor'),
      publishedAt: '2026-12-03T07:45:00+00:00',
      author: 'Maria Okafor, Tom Reyes',
    });
    expect(row!.body).toContain('about 140 vessels waiting offshore');
    expect(row!.body).not.toContain('harbourwatcher');
    const detail = (await (await app.request(`/api/articles/${body.articleId}`)).json()) as {
      outlet: string;
    };
    expect(detail.outlet).toBe('The Coastal Ledger');
    // The page shows the byline and the time as the other times on the pages read, not as stored.
    const page = visibleText(await (await app.request(`/articles/${body.articleId}`)).text());
    expect(page).toContain(
      'The Coastal Ledger · by Maria Okafor, Tom Reyes · 2026-12-03 07:45 UTC · original',
    );
  });

  it('refuses a URL already stored, saying which article has it — the given, final or canonical URL', async () => {
    const first = await postUrl({ url: web.url('/news/wire-graph') });
    expect(first.status).toBe(201);
    const { articleId } = (await first.json()) as { articleId: number };
    // Its JSON-LD url is on another host, so it is stored under the page's URL; a redirect to it, the
    // same URL with a fragment or with tracking parameters (where /redirect/once ends) are all that URL.
    for (const url of [
      web.url('/news/wire-graph'),
      web.url('/redirect/once'),
      web.url('/news/wire-graph#top'),
    ]) {
      const again = await postUrl({ url });
      const body = (await again.json()) as { error: { status: number; message: string; articleId: number } };
      expect([again.status, body.error.articleId]).toEqual([409, articleId]);
      expect(body.error.message).toMatch(
        new RegExp(`already stored as article ${articleId} \\("Rail strike`),
      );
    }
  });

  it('keeps what the caller gave over what the page says', async () => {
    const res = await postUrl({
      url: web.url('/news/budget-meta'),
      outlet: 'Courier (print)',
      title: 'Budget',
    });
    const { articleId } = (await res.json()) as { articleId: number };
    const detail = (await (await app.request(`/api/articles/${articleId}`)).json()) as Record<
      string,
      unknown
    >;
    expect(detail).toMatchObject({ outlet: 'Courier (print)', title: 'Budget' });
    // Its canonical link names another host: a page cannot claim another site's URL, so its own is kept.
    expect(detail.url).toBe(web.url('/news/budget-meta'));
  });

  it.each([
    [{ url: 'not a url' }, 422, /must start with http/],
    [{ url: 'ftp://example.com/x' }, 422, /must start with http/],
    [{ url: 'http://10.0.0.1/' }, 422, /10\.0\.0\.1 is a private network address/],
    [{ url: 'http://169.254.169.254/latest/meta-data/' }, 422, /link-local/],
    [{ url: `http://localhost/` }, 422, /Could not fetch/],
    [{ url: '' }, 422, /Paste the article text/],
  ])('answers %j with %i', async (body, status, message) => {
    const res = await postUrl(body);
    expect(res.status).toBe(status);
    expect(JSON.stringify(await res.json())).toMatch(message);
  });

  it.each([
    [
      `/redirect/to/${encodeURIComponent('http://10.0.0.7/admin')}`,
      /redirects to http:\/\/10\.0\.0\.7\/admin/,
    ],
    ['/file.pdf', /application\/pdf, not text\/html/],
    ['/gone', /HTTP 404/],
    ['/empty-page', /no article text/],
  ])('says why %s could not be added', async (path, why) => {
    const res = await postUrl({ url: web.url(path) });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(why);
  });

  it('still takes pasted text, and needs a reviewer for either', async () => {
    const text = await postUrl({
      outlet: 'W',
      title: 'T',
      text: 'About 400 ships waited outside the port on Monday.',
    });
    expect(text.status).toBe(201);
    const anon = await app.request('/api/articles', jsonPost({ url: web.url('/news/harbour-jsonld') }));
    expect(anon.status).toBe(401);
  });

  it('is refused clearly where the app has no web reader', async () => {
    const bare = createApp({ db: t.db });
    const res = await bare.request(
      '/api/articles',
      jsonPost({ url: 'https://example.com/a' }, reviewer.bearer),
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /not available here/,
    );
  });
});

describe('the Add article form with a URL', () => {
  it('adds the article and lands on it', async () => {
    const page = await app.request('/articles/new', { headers: reviewer.cookie });
    expect(visibleText(await page.text())).toContain('Article URL');
    const res = await app.request(
      '/articles',
      multipartPost({ url: web.url('/gzip/harbour'), outlet: '', title: '', text: '' }, reviewer.cookie),
    );
    // Same canonical URL as the first test's page: refused, with a link to it, the URL kept in the field.
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(visibleText(html)).toMatch(/already stored as article \d+/);
    expect(html).toMatch(/href="\/articles\/\d+"/);
    expect(html).toContain(`value="${web.url('/gzip/harbour')}"`);
  });

  it('redirects to the new article (htmx: HX-Redirect)', async () => {
    web.route('/news/fresh', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<html><head><title>Fresh | Ledger</title></head><body><article><h1>Fresh</h1>${'<p>Ferry services resumed on Sunday after 3 days, with 14 crossings scheduled, the operator said.</p>'.repeat(3)}<p>About 2,000 passengers were stranded, and some waited overnight in the terminal.</p></article></body></html>`,
      );
    });
    const res = await app.request(
      '/articles',
      multipartPost({ url: web.url('/news/fresh'), text: '' }, { ...reviewer.cookie, ...HTMX }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('HX-Redirect')).toMatch(/^\/articles\/\d+\?added=1$/);
  });

  it('shows a fetch failure next to the URL field', async () => {
    const res = await app.request(
      '/articles',
      multipartPost({ url: web.url('/file.pdf'), text: '' }, reviewer.cookie),
    );
    expect(res.status).toBe(422);
    expect(visibleText(await res.text())).toMatch(/Could not fetch .*application\/pdf/);
    // A page of one word says "1 word", not "1 words".
    const empty = await app.request(
      '/articles',
      multipartPost({ url: web.url('/empty-page'), text: '' }, reviewer.cookie),
    );
    expect(visibleText(await empty.text())).toMatch(/no article text was found on the page \(1 word outside/);
  });
});

describe('where pages are stored later (Workers: the queue)', () => {
  let sent: { item: PageItem; page: PageToAdd }[] = [];
  let sendWorks = true;
  const later = createApp({
    db: t0(),
    webReader: nodeWebReader({ policy: { allowLoopbackForTests: true } }),
    storePageLater: async (item, page) => {
      if (!sendWorks) return false;
      sent.push({ item, page });
      return true;
    },
  });
  function t0() {
    // The app is made before beforeAll has run: its database is looked up per request.
    return new Proxy({} as TestDb['db'], { get: (_, key) => Reflect.get(t.db, key, t.db) });
  }
  /** What the FEEDS consumer does with an `import-page` message. */
  const deliver = async () => {
    for (const m of sent.splice(0)) await storeImportPage({ db: t.db }, m.item, m.page);
  };
  const article = (n: number) =>
    `<html><head><title>Quay ${n} | Harbour Times</title><meta property="og:title" content="Quay ${n}"><meta property="og:site_name" content="Harbour Times"><meta name="author" content="Ida Berg"></head><body><article><h1>Quay ${n}</h1>${`<p>Quay ${n} reopened on Tuesday after 6 weeks of repairs costing 2.${n} million euros, the port authority said.</p>`.repeat(2)}<p>About ${n}00 dockers returned to work, and 12 cranes are back in service.</p></article></body></html>`;
  const serve = (n: number) => {
    web.route(`/news/quay-${n}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(article(n));
    });
    return web.url(`/news/quay-${n}`);
  };
  type Progress = { finished: boolean; items: { status: string; articleId: number | null }[] };
  const progressOf = async (path: string) =>
    (await (await later.request(path, { headers: reviewer.bearer })).json()) as Progress;

  it('the API answers 202 with the import to follow; the article is stored from the message', async () => {
    sent = [];
    const url = serve(1);
    const res = await later.request('/api/articles', jsonPost({ url }, reviewer.bearer));
    expect(res.status).toBe(202);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'queued', url, title: 'Quay 1', outlet: 'Harbour Times' });
    expect(res.headers.get('Location')).toBe(`/api/imports/${body.importId}`);
    expect(body.progress).toBe(res.headers.get('Location'));
    expect(await progressOf(body.progress as string)).toMatchObject({
      finished: false,
      items: [{ status: 'running', articleId: null }],
    });
    expect(await t.db.select().from(articles).where(eq(articles.url, url))).toEqual([]);
    expect(sent).toHaveLength(1);
    await deliver();
    const done = await progressOf(body.progress as string);
    expect(done).toMatchObject({ finished: true, items: [{ status: 'stored' }] });
    const [row] = await t.db.select().from(articles).where(eq(articles.url, url));
    expect(row).toMatchObject({ id: done.items[0]!.articleId, title: 'Quay 1', author: 'Ida Berg' });
  });

  it('refusals and fetch failures are still answered at once, and start no import', async () => {
    const before = (await t.db.select().from(importJobs)).length;
    const stored = await later.request('/api/articles', jsonPost({ url: serve(1) }, reviewer.bearer));
    expect(stored.status).toBe(409);
    // Known only once fetched: it redirects to the page the first describe stored (checked with the
    // import's insert, in one batch).
    const redirected = await later.request(
      '/api/articles',
      jsonPost({ url: web.url('/redirect/once') }, reviewer.bearer),
    );
    expect(redirected.status).toBe(409);
    expect(((await redirected.json()) as { error: { message: string } }).error.message).toMatch(
      /already stored as article \d+ \("Rail strike/,
    );
    const pdf = await later.request(
      '/api/articles',
      jsonPost({ url: web.url('/file.pdf') }, reviewer.bearer),
    );
    expect(pdf.status).toBe(422);
    // A stored URL whose page is gone now is still refused as stored, not as a failed fetch.
    const pasted = await later.request(
      '/api/articles',
      jsonPost(
        { outlet: 'Ledger', title: 'Gone since', url: web.url('/gone'), text: 'About 300 homes lost power.' },
        reviewer.bearer,
      ),
    );
    expect(pasted.status).toBe(201);
    const gone = await later.request('/api/articles', jsonPost({ url: web.url('/gone') }, reviewer.bearer));
    expect(gone.status).toBe(409);
    expect(await t.db.select().from(importJobs)).toHaveLength(before);
    expect(sent).toEqual([]);
  });

  it('a page that cannot be sent is stored in the request; the answer is the same', async () => {
    sendWorks = false;
    try {
      const res = await later.request('/api/articles', jsonPost({ url: serve(2) }, reviewer.bearer));
      expect(res.status).toBe(202);
      const { progress } = (await res.json()) as { progress: string };
      expect(await progressOf(progress)).toMatchObject({ finished: true, items: [{ status: 'stored' }] });
    } finally {
      sendWorks = true;
    }
  });

  it('the form (htmx) shows the page read, then follows the import until the article is stored', async () => {
    const res = await later.request(
      '/articles',
      multipartPost({ url: serve(3), text: '' }, { ...reviewer.cookie, ...HTMX }),
    );
    expect(res.status).toBe(202);
    expect(res.headers.get('HX-Retarget')).toBe('#article-form-message');
    const html = await res.text();
    expect(visibleText(html)).toMatch(/Page read: “Quay 3” \(Harbour Times\)\. Storing it and its claims/);
    const poll = /hx-get="(\/imports\/\d+\/progress\?view=add)"/.exec(html)?.[1];
    expect(poll).toBeDefined();
    const waiting = await later.request(poll!, { headers: { ...reviewer.cookie, ...HTMX } });
    expect(await waiting.text()).toContain('hx-get=');
    await deliver();
    const done = await (await later.request(poll!, { headers: { ...reviewer.cookie, ...HTMX } })).text();
    expect(visibleText(done)).toMatch(/Stored as article \d+/);
    expect(done).toMatch(/href="\/articles\/\d+"/);
    // Finished: it stops asking.
    expect(done).not.toContain('hx-get=');
  });

  it('a page whose message is lost is sent again once stale, the box saying why; lost again, it fails', async () => {
    const res = await later.request(
      '/articles',
      multipartPost({ url: serve(5), text: '' }, { ...reviewer.cookie, ...HTMX }),
    );
    const poll = /hx-get="(\/imports\/\d+\/progress\?view=add)"/.exec(await res.text())?.[1];
    sent.splice(0); // the store message, lost
    const box = async () => (await later.request(poll!, { headers: { ...reviewer.cookie, ...HTMX } })).text();
    const resent: [number, number[]][] = [];
    const importLater = async (jobId: number, positions: number[]) => {
      resent.push([jobId, positions]);
    };
    const stale = () => Date.now() + STALE_ITEM_MS + 1000;
    expect(await recoverStaleImports(t.db, importLater)).toEqual({ resent: 0, failed: 0 });
    expect(await recoverStaleImports(t.db, importLater, stale())).toEqual({ resent: 1, failed: 0 });
    const waiting = await box();
    expect(waiting).toContain('hx-get=');
    expect(visibleText(waiting)).toMatch(
      /Storing it and its claims… \(sent again: no outcome 30 minutes after it started \(its queue message was lost\)\)/,
    );
    // The `import` message sent again: the page read again and stored (both halves, as Node does them).
    const [[jobId, [position]]] = resent.splice(0) as [[number, [number]]];
    await runImportItem(
      { db: t.db, reader: nodeWebReader({ policy: { allowLoopbackForTests: true } }) },
      jobId,
      position,
    );
    expect(visibleText(await box())).toMatch(/Stored as article \d+/);

    // Lost twice: sent again, that message lost too, then failed with the reason; the import finishes.
    const res2 = await later.request('/api/articles', jsonPost({ url: serve(6) }, reviewer.bearer));
    const { importId } = (await res2.json()) as { importId: number };
    sent.splice(0);
    expect(await recoverStaleImports(t.db, importLater, stale())).toEqual({ resent: 1, failed: 0 });
    expect(await recoverStaleImports(t.db, importLater, stale() + STALE_ITEM_MS)).toEqual({
      resent: 0,
      failed: 1,
    });
    const failed = visibleText(
      await (
        await later.request(`/imports/${importId}/progress?view=add`, {
          headers: { ...reviewer.cookie, ...HTMX },
        })
      ).text(),
    );
    expect(failed).toMatch(
      /Nothing was stored from .*quay-6 ?: no outcome 30 minutes after it was sent again .*; add it again\./,
    );
    expect(await progressOf(`/api/imports/${importId}`)).toMatchObject({
      finished: true,
      items: [{ status: 'failed' }],
    });
  });

  it('the form without htmx goes to the import’s page', async () => {
    const res = await later.request('/articles', multipartPost({ url: serve(4), text: '' }, reviewer.cookie));
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toMatch(/^\/imports\/\d+$/);
    await deliver();
  });
});
