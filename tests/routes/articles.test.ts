import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApiToken, insertSession, insertUser } from '../../db/queries/users';
import { articles, claims, sources } from '../../db/schema';
import { newToken, SESSION_COOKIE, SESSION_TTL_MS, tokenHash } from '../../src/auth/tokens';
import {
  createTestApp,
  HTMX,
  jsonPost,
  multipartPost,
  ORIGIN,
  type TestApp,
  visibleText,
} from '../helpers/app';

let t: TestApp;
// Ingesting needs the reviewer role: every write here is sent as a signed-in reviewer. The secrets
// exist before beforeAll runs because the table of rejected requests below is built at collection time.
const SESSION = newToken();
const API = newToken();
const reviewer = {
  cookie: { Cookie: `${SESSION_COOKIE}=${SESSION}` },
  bearer: { Authorization: `Bearer ${API}` },
};
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const user = await insertUser(t.db, { login: 'rita', displayName: 'Rita', role: 'reviewer' });
  await insertSession(t.db, {
    tokenHash: await tokenHash(SESSION),
    userId: user.id,
    expiresAt: Date.now() + SESSION_TTL_MS,
  });
  await insertApiToken(t.db, { tokenHash: await tokenHash(API), userId: user.id, label: 'test' });
});
const asReviewer = (fields: Record<string, string | Blob>, headers: Record<string, string> = {}) =>
  multipartPost(fields, { ...reviewer.cookie, ...headers });
const jsonAsReviewer = (value: unknown) => jsonPost(value, reviewer.bearer);
afterAll(() => t.cleanup());

const stored = async () => ({
  articles: (await t.db.select({ n: count() }).from(articles).get())!.n,
  claims: (await t.db.select({ n: count() }).from(claims).get())!.n,
  sources: (await t.db.select({ n: count() }).from(sources).get())!.n,
});

const valid = {
  outlet: 'Test Wire',
  title: 'Port reopens',
  text: 'The port reopened on Tuesday after a week. About 400 ships were waiting outside, officials said.',
};

describe('Add article', () => {
  it('shows the form', async () => {
    const res = await t.app.request('/articles/new', { headers: reviewer.cookie });
    expect(res.status).toBe(200);
    const text = visibleText(await res.text());
    expect(text).toContain('Add an article');
    expect(text).toContain('Outlet');
  });

  it('stores a posted article and lands on it with its claims and a notice', async () => {
    const res = await t.app.request('/articles', asReviewer(valid));
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/articles\/\d+\?added=1$/);
    const page = await t.app.request(location);
    const text = visibleText(await page.text());
    expect(text).toContain('Port reopens');
    expect(text).toMatch(/Stored: \d+ claims? extracted, \d+ conflicts? found/);
    expect(text).toContain('About 400 ships');
  });

  it('redirects htmx with HX-Redirect instead of swapping a page', async () => {
    const res = await t.app.request(
      '/articles',
      asReviewer({ ...valid, text: `${valid.text} Again.` }, HTMX),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('HX-Redirect')).toMatch(/^\/articles\/\d+\?added=1$/);
  });

  it('keeps the same text from the same outlet as one article, with a message', async () => {
    const before = await stored();
    const res = await t.app.request('/articles', asReviewer({ ...valid, title: 'Another headline' }));
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/duplicate=1/);
    expect(visibleText(await (await t.app.request(location)).text())).toMatch(/already ingested/);
    expect((await stored()).articles).toBe(before.articles);
  });

  const rejects: [string, RequestInit, number, RegExp][] = [
    ['empty text', asReviewer({ ...valid, text: '   ' }, HTMX), 422, /Paste the article text/],
    ['missing outlet', asReviewer({ title: 'x', text: 'Some 12 people.' }, HTMX), 422, /Enter the outlet/],
    ['text over 1 MB', asReviewer({ ...valid, text: 'word '.repeat(220_000) }, HTMX), 422, /over 1 MB/],
    [
      'a body over the request limit',
      asReviewer({ ...valid, text: 'x'.repeat(2 * 1024 * 1024 + 10) }, HTMX),
      413,
      /at most 1 MB/,
    ],
    [
      'a file instead of text',
      asReviewer(
        { ...valid, text: new Blob([new Uint8Array([0, 1, 2, 255])], { type: 'application/octet-stream' }) },
        HTMX,
      ),
      422,
      /must be text/,
    ],
    ['binary characters', asReviewer({ ...valid, text: 'abc\u0000\u0001def' }, HTMX), 422, /binary data/],
    [
      'a raw binary body',
      {
        method: 'POST',
        body: new Uint8Array([0, 159, 146, 150]),
        headers: { Origin: ORIGIN, 'Content-Type': 'application/octet-stream', ...reviewer.cookie },
      },
      415,
      /not as a file or raw data/,
    ],
  ];
  for (const [what, init, status, message] of rejects) {
    it(`rejects ${what} with ${status}, a message in the form, and stores nothing`, async () => {
      const before = await stored();
      const res = await t.app.request('/articles', init);
      expect(res.status).toBe(status);
      const html = await res.text();
      expect(visibleText(html)).toMatch(message);
      if (status === 422) expect(html).toContain('id="article-form"');
      expect(await stored()).toEqual(before);
    });
  }

  it('keeps what was typed when the form comes back with errors', async () => {
    const res = await t.app.request('/articles', asReviewer({ title: 'Kept title', text: 'Kept text' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="Kept title"');
    expect(html).toContain('Kept text</textarea>');
    expect(html).toContain('<html');
  });

  it('shows a <script> in article text as text, never as markup', async () => {
    const evil = 'Officials counted 12 boats. <script>alert("x")</script> Then 30 more boats arrived.';
    const res = await t.app.request(
      '/articles',
      asReviewer({ ...valid, title: '<b>bold</b>', text: evil, format: 'text' }),
    );
    expect(res.status).toBe(303);
    const html = await (await t.app.request(res.headers.get('location')!)).text();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert');
    expect(html).not.toContain('<b>bold</b>');
  });

  it('never links javascript: URLs', async () => {
    const res = await t.app.request(
      '/api/articles',
      jsonAsReviewer({ ...valid, text: 'A new 7 bridges were built.', url: 'javascript:alert(1)' }),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.url).toMatch(/http/);
  });
});

describe('GET /articles/:id and /claims/:id', () => {
  it('highlights claims built from offsets and shows the selected claim panel for htmx', async () => {
    const list = await (await t.app.request('/api/articles')).json();
    const cnn = list.items.find((a: { outlet: string }) => a.outlet === 'CNN');
    const res = await t.app.request(`/articles/${cnn.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/class="claim status-unreviewed linked-conflict"/);
    const claimId = Number(html.match(/id="claim-(\d+)" class="claim[^"]*linked-conflict/)![1]);
    const panel = await t.app.request(`/claims/${claimId}`, { headers: HTMX });
    expect(panel.status).toBe(200);
    const part = await panel.text();
    expect(part).not.toContain('<html');
    expect(visibleText(part)).toMatch(/Conflict/);
    const full = await t.app.request(`/claims/${claimId}`);
    expect(visibleText(await full.text())).toContain('Agrees or conflicts with');
    const json = await (await t.app.request(`/api/claims/${claimId}`)).json();
    expect(json.links.length).toBeGreaterThan(0);
  });

  it('has JSON twins of the article list and detail', async () => {
    const list = await (await t.app.request('/api/articles')).json();
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    const detail = await (await t.app.request(`/api/articles/${list.items[0].id}`)).json();
    expect(detail).toMatchObject({
      id: list.items[0].id,
      claims: expect.any(Array),
      links: expect.any(Array),
    });
  });
});

describe('POST /api/articles', () => {
  it('creates with 201, reports duplicates with 200, and rejects non-JSON with 415', async () => {
    const body = {
      outlet: 'API Wire',
      title: 'Dam',
      text: 'Engineers said the dam holds 3 million cubic meters.',
    };
    const created = await t.app.request('/api/articles', jsonAsReviewer(body));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ status: 'created', articleId: expect.any(Number) });
    const dup = await t.app.request('/api/articles', jsonAsReviewer(body));
    expect(dup.status).toBe(200);
    expect(await dup.json()).toMatchObject({
      status: 'duplicate',
      message: expect.stringMatching(/already/),
    });
    const wrong = await t.app.request('/api/articles', {
      method: 'POST',
      body: 'outlet=x',
      headers: { 'Content-Type': 'text/plain', Origin: ORIGIN, ...reviewer.bearer },
    });
    expect(wrong.status).toBe(415);
    expect((await wrong.json()).error.message).toMatch(/JSON/);
  });
});
