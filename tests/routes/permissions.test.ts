// Who may do what, over every write route the app has (read from app.routes, so a new route is covered
// the day it is added): nobody signed in → 401 (API) or the sign-in page; a viewer → 403; editor-only
// routes refuse reviewers too. Plus READ_REQUIRES_SIGNIN on and off, and the editor-only admin page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, HTMX, ORIGIN, type TestApp } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let viewer: SignedIn;
let reviewer: SignedIn;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  viewer = await signedIn(t.db, 'viewer');
  reviewer = await signedIn(t.db, 'reviewer');
  editor = await signedIn(t.db, 'editor');
});
afterAll(() => t.cleanup());

/** Writes anyone may send: signing in and out, and the compare page and API, which store nothing. */
const OPEN_WRITES = new Set(['POST /signin', 'POST /signout', 'POST /compare', 'POST /api/compare']);
/** Routes that need more than the reviewer role. */
const EDITOR_ONLY = /^(POST|DELETE) (\/admin\/|\/articles\/:id\/delete$|\/api\/articles\/:id$)/;

function writeRoutes(app: TestApp['app']) {
  const seen = new Set<string>();
  for (const r of app.routes) {
    if (!/^(POST|PUT|PATCH|DELETE)$/.test(r.method)) continue;
    const key = `${r.method} ${r.path}`;
    if (!OPEN_WRITES.has(key)) seen.add(key);
  }
  return [...seen].sort();
}

/** A concrete URL for a route pattern: every parameter becomes 1 (the role check comes before any lookup). */
const concrete = (path: string) => path.replace(/:\w+(\{[^}]*\})?/g, '1');
const isApi = (path: string) => path.startsWith('/api/');

function request(key: string, headers: Record<string, string>, htmx = false): [string, RequestInit] {
  const [method, path] = key.split(' ') as [string, string];
  const url = `${ORIGIN}${concrete(path)}`;
  if (method === 'DELETE') return [url, { method, headers }];
  if (isApi(path)) {
    return [
      url,
      { method, headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers }, body: '{}' },
    ];
  }
  return [
    url,
    {
      method,
      headers: { Origin: ORIGIN, ...(htmx ? HTMX : {}), ...headers },
      body: new URLSearchParams({ status: 'verified', version: '1' }),
    },
  ];
}

describe('the write routes', () => {
  it('include everything that changes data (ingest, delete, reviews, accounts)', async () => {
    const routes = writeRoutes(t.app);
    for (const expected of [
      'POST /articles',
      'POST /articles/:id/delete',
      'POST /api/articles',
      'DELETE /api/articles/:id',
      'POST /claims/:id/status',
      'POST /conflicts/:id/resolve',
      'POST /api/claims/:id/status',
      'POST /api/conflicts/:id/resolve',
      'POST /admin/users',
    ]) {
      expect(routes).toContain(expected);
    }
  });
});

describe('nobody signed in', () => {
  const routes = () => writeRoutes(t.app);
  it('gets 401 with a Bearer challenge from every API write', async () => {
    for (const key of routes().filter((k) => isApi(k.split(' ')[1]!))) {
      const res = await t.app.request(...request(key, {}));
      expect(res.status, key).toBe(401);
      expect(res.headers.get('www-authenticate'), key).toMatch(/Bearer/);
    }
  });

  it('is sent to the sign-in page from every page write (HX-Redirect for htmx)', async () => {
    for (const key of routes().filter((k) => !isApi(k.split(' ')[1]!))) {
      const res = await t.app.request(...request(key, {}));
      expect(res.status, key).toBe(303);
      expect(res.headers.get('location'), key).toMatch(/^\/signin\?next=/);
      const htmx = await t.app.request(...request(key, {}, true));
      expect(htmx.status, key).toBe(401);
      expect(htmx.headers.get('hx-redirect'), key).toMatch(/^\/signin\?next=/);
    }
  });

  it('is sent to sign in for the Add article form', async () => {
    const res = await t.app.request('/articles/new');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/signin?next=%2Farticles%2Fnew');
  });
});

describe('roles', () => {
  it('a viewer gets 403 on every write route', async () => {
    for (const key of writeRoutes(t.app)) {
      const path = key.split(' ')[1]!;
      const res = await t.app.request(...request(key, isApi(path) ? viewer.bearer : viewer.cookie));
      expect(res.status, key).toBe(403);
    }
  });

  it('a viewer also gets 403 through the session cookie on the API', async () => {
    const res = await t.app.request(...request('POST /api/articles', viewer.cookie));
    expect(res.status).toBe(403);
  });

  it('a reviewer gets 403 on editor-only routes (deleting articles, managing accounts)', async () => {
    const editorOnly = writeRoutes(t.app).filter((k) => EDITOR_ONLY.test(k));
    expect(editorOnly.length).toBeGreaterThanOrEqual(3);
    for (const key of editorOnly) {
      const path = key.split(' ')[1]!;
      const res = await t.app.request(...request(key, isApi(path) ? reviewer.bearer : reviewer.cookie));
      expect(res.status, key).toBe(403);
    }
  });

  it('a reviewer and an editor get past the role check of reviewer routes', async () => {
    for (const who of [reviewer, editor]) {
      const res = await t.app.request(...request('POST /api/articles', who.bearer));
      expect(res.status).toBe(422); // the empty body is refused, not the caller
    }
  });

  it('nav links follow the role: Add article for reviewers, Users for editors', async () => {
    const html = async (who?: SignedIn) => (await t.app.request('/', { headers: who?.cookie ?? {} })).text();
    expect(await html()).not.toContain('href="/articles/new"');
    expect(await html(viewer)).not.toContain('href="/articles/new"');
    expect(await html(reviewer)).toContain('href="/articles/new"');
    expect(await html(reviewer)).not.toContain('href="/admin/users"');
    expect(await html(editor)).toContain('href="/admin/users"');
  });
});

describe('the admin page', () => {
  it('is for editors only', async () => {
    expect((await t.app.request('/admin/users')).status).toBe(303);
    expect((await t.app.request('/admin/users', { headers: viewer.cookie })).status).toBe(403);
    expect((await t.app.request('/admin/users', { headers: reviewer.cookie })).status).toBe(403);
    expect((await t.app.request('/admin/users', { headers: editor.cookie })).status).toBe(200);
  });
});

describe('READ_REQUIRES_SIGNIN', () => {
  it('off (default): pages, the JSON API and compare are open to everyone', async () => {
    expect((await t.app.request('/')).status).toBe(200);
    expect((await t.app.request('/api/conflicts')).status).toBe(200);
    expect((await t.app.request('/articles')).status).toBe(200);
    const compare = await t.app.request('/api/compare', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        documents: [
          { id: 'a', text: '57 countries.' },
          { id: 'b', text: 'some 50 nations.' },
        ],
      }),
    });
    expect(compare.status).toBe(200);
  });

  it('on: everything but /signin needs a signed-in user', async () => {
    const closed = await createTestApp({ settings: { readRequiresSignin: true } });
    try {
      const someone = await signedIn(closed.db, 'viewer');
      const page = await closed.app.request('/articles?limit=5');
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe('/signin?next=%2Farticles%3Flimit%3D5');
      const htmx = await closed.app.request('/', { headers: HTMX });
      expect(htmx.status).toBe(401);
      expect(htmx.headers.get('hx-redirect')).toBe('/signin?next=%2F');
      for (const path of ['/api/conflicts', '/api/articles', '/api/articles/1']) {
        expect((await closed.app.request(path)).status, path).toBe(401);
      }
      const compare = await closed.app.request('/api/compare', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"documents":[]}',
      });
      expect(compare.status).toBe(401);
      expect((await closed.app.request('/signin')).status).toBe(200);

      expect((await closed.app.request('/', { headers: someone.cookie })).status).toBe(200);
      expect((await closed.app.request('/api/conflicts', { headers: someone.bearer })).status).toBe(200);
    } finally {
      closed.cleanup();
    }
  });
});
