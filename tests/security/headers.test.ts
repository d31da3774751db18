// Response headers every answer must carry: no caching of anything that depends on the reader
// (Cache-Control: no-store, Vary: Cookie), consistent frame refusal (X-Frame-Options: DENY with
// frame-ancestors 'none'), HSTS only over https, and static files (404s included) with the same
// security headers and never a 500.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS, STATIC_HEADERS } from '../../src/cli/build-assets';
import { type RunningServer, startServer } from '../../src/node';
import { createTestApp, formPost, HTMX, jsonPost, type TestApp } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let ed: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  ed = await signedIn(t.db, 'editor');
});
afterAll(() => t.cleanup());

/** Every GET route the app has, with ids filled in (1 exists in the seeded database). */
function getPaths(): string[] {
  const paths = new Set<string>();
  for (const r of t.app.routes) {
    if (r.method !== 'GET' || r.path.includes('*')) continue;
    paths.add(r.path.replace(/:\w+(\{[^}]*\})?/g, '1'));
  }
  return [...paths];
}

function expectPrivate(res: Response, what: string) {
  expect(res.headers.get('cache-control'), what).toBe('no-store');
  expect(res.headers.get('vary') ?? '', what).toMatch(/(^|,\s*)Cookie(\s*,|$)/);
}

function expectFramesRefused(res: Response, what: string) {
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  expect(res.headers.get('content-security-policy') ?? '', what).toContain("frame-ancestors 'none'");
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
}

describe('answers that depend on who is signed in are never cached', () => {
  it('every GET route, anonymous, signed in (cookie or token) and as an htmx fragment', async () => {
    const paths = getPaths();
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) {
      for (const [who, headers] of Object.entries({
        anonymous: {},
        cookie: ed.cookie,
        bearer: ed.bearer,
        htmx: { ...HTMX, ...ed.cookie },
      })) {
        const res = await t.app.request(path, { headers });
        await res.arrayBuffer();
        expectPrivate(res, `${who} GET ${path} (${res.status})`);
        expectFramesRefused(res, `${who} GET ${path} (${res.status})`);
      }
    }
  });

  it('the cached queue page (served from the server-side cache) says the same', async () => {
    for (let i = 0; i < 3; i++) {
      for (const headers of [{}, ed.cookie, { ...HTMX, ...ed.cookie }]) {
        const res = await t.app.request('/', { headers });
        expect(res.status).toBe(200);
        expectPrivate(res, `GET / #${i}`);
        expect(res.headers.get('vary')).toMatch(/HX-Request/);
      }
    }
  });

  it('writes, redirects, errors and 404s too', async () => {
    const answers = [
      await t.app.request('/signin', formPost({ login: 'nobody', password: 'wrong-password-1' })),
      await t.app.request('/claims/1/status', formPost({ status: 'verified', version: '999' }, ed.cookie)),
      await t.app.request('/api/claims/1/status', jsonPost({ status: 'bogus' }, ed.bearer)),
      await t.app.request('/nothing-here'),
      await t.app.request('/api/nothing-here'),
      await t.app.request('/conflicts/999999'),
      await t.app.request('/signout', formPost({}, ed.cookie)),
    ];
    for (const res of answers) {
      expectPrivate(res, `${res.status} ${res.url}`);
      expectFramesRefused(res, `${res.status}`);
    }
  });
});

describe('the Content-Security-Policy', () => {
  it("allows scripts only from our origin or with this response's nonce, and nothing that evaluates code", async () => {
    const [a, b] = [await t.app.request('/articles'), await t.app.request('/articles')];
    const csp = a.headers.get('content-security-policy')!;
    const nonce = csp.match(/script-src 'nonce-([A-Za-z0-9+/=]{24})' 'self'(;|$)/)?.[1];
    expect(nonce).toBeDefined();
    expect(b.headers.get('content-security-policy')).not.toContain(nonce);
    for (const directive of [
      "default-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    expect(a.headers.get('referrer-policy')).toBe('same-origin');
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('HSTS only over https', () => {
  it('is absent on plain http, pages and the cached queue alike', async () => {
    for (const path of ['/', '/', '/articles', '/api/conflicts', '/nothing-here']) {
      const res = await t.app.request(`http://localhost${path}`);
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });
  it('is sent on https', async () => {
    for (const path of ['/', '/', '/articles', '/api/conflicts', '/nothing-here']) {
      const res = await t.app.request(`https://crosscheck.example${path}`);
      expect(res.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{8,}/);
    }
  });
});

describe('static files (Node server)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-static-'));
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      port: 0,
      databaseUrl: `file:${join(dir, 's.db')}`,
      seed: false,
      firstAdmin: false,
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (path: string) => fetch(new URL(path, server.url));

  it('a malformed escape in the path is a 404 with security headers, not a 500', async () => {
    for (const path of [
      '/static/%E0%A4%A.css',
      '/static/%.css',
      '/static/%ZZ',
      '/static/%00.css',
      '/static/a%2500.js',
    ]) {
      const res = await get(path);
      await res.arrayBuffer();
      expect(res.status, path).toBe(404);
      expectFramesRefused(res, path);
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'self'");
    }
    // The server is alive and well.
    expect((await get('/static/app.css')).status).toBe(200);
  });

  it('files and missing files carry CSP and nosniff', async () => {
    for (const path of [
      '/static/app.css',
      '/static/htmx.min.js',
      '/static/missing.css',
      '/static/../package.json',
    ]) {
      const res = await get(path);
      await res.arrayBuffer();
      expectFramesRefused(res, path);
    }
    const css = await get('/static/app.css');
    expect(css.headers.get('cache-control')).toMatch(/^public/);
  });

  it('Workers serves its static files with the same kind of headers (dist/assets/_headers)', () => {
    expect(HEADERS.startsWith('/static/*\n')).toBe(true);
    expect(STATIC_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(STATIC_HEADERS['X-Frame-Options']).toBe('DENY');
    expect(STATIC_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    for (const [k, v] of Object.entries(STATIC_HEADERS)) expect(HEADERS).toContain(`  ${k}: ${v}\n`);
  });
});
