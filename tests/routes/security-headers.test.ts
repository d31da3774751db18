// security() writes its headers itself (src/middleware/security); until session 18 it ran hono's
// secureHeaders() middleware for them. Held here to that middleware, configured as it was, on
// responses of every kind: http and https, a handler's own headers (CSP, X-Frame-Options, X-Powered-By,
// Cache-Control, Vary) kept or overwritten as hono's did, error pages, and the real app's pages.
import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HSTS, isHttps, PRIVATE_CACHING, security } from '../../src/middleware/security';
import { createTestApp, type TestApp } from '../helpers/app';

/** security() as it was: hono's secureHeaders() with the app's CSP, then HSTS and the caching headers. */
function honoSecurity(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: [NONCE, "'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await next();
    if (c.get('secureHeadersDone') === true) return;
    await headers(c, async () => {});
    const h = c.res.headers;
    if (isHttps(c)) h.set('strict-transport-security', HSTS);
    const cacheControl = h.get('cache-control');
    if (!cacheControl) h.set('cache-control', PRIVATE_CACHING['cache-control']);
    const vary = h.get('vary');
    if (!cacheControl?.includes('public'))
      if (!vary) h.set('vary', 'Cookie');
      else if (!/(^|,)\s*cookie\s*(,|$)/i.test(vary)) h.set('vary', `${vary}, Cookie`);
  };
}

/** One app per middleware; both see the same nonce, set before either runs. */
function appWith(middleware: MiddlewareHandler) {
  const app = new Hono<{ Variables: { secureHeadersNonce?: string; secureHeadersDone?: boolean } }>();
  app.use(async (c, next) => {
    c.set('secureHeadersNonce', 'fixedNonceForTheTest0000==');
    await next();
  });
  app.use(middleware);
  app.get('/plain', (c) => c.text('ok'));
  app.get('/own', (c) => {
    c.header('content-security-policy', "default-src 'none'");
    c.header('x-frame-options', 'SAMEORIGIN');
    c.header('x-powered-by', 'PHP');
    c.header('referrer-policy', 'no-referrer');
    c.header('vary', 'HX-Request');
    return c.text('own');
  });
  app.get('/public', (c) => {
    c.header('cache-control', 'public, max-age=60');
    return c.body('x');
  });
  app.get('/cached', (c) => {
    c.header('cache-control', 'private, max-age=5');
    c.header('vary', 'Accept, cookie');
    return c.html('<p>hi</p>');
  });
  app.get('/done', (c) => {
    c.set('secureHeadersDone', true);
    return c.text('done', 200, { 'x-own': '1' });
  });
  app.get('/throws', () => {
    throw new Error('boom');
  });
  app.onError((_, c) => c.text('failed', 500));
  return app;
}

const sorted = (res: Response) => [...res.headers].sort(([a], [b]) => a.localeCompare(b));

describe('security() headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.cleanup());

  it("are hono's secureHeaders() as the app configured it, on every kind of response", async () => {
    const ours = appWith(security());
    const hono = appWith(honoSecurity());
    const requests: [string, Record<string, string>][] = [];
    const forwarded: Record<string, string>[] = [{}, { 'x-forwarded-proto': 'https' }];
    for (const path of ['/plain', '/own', '/public', '/cached', '/done', '/throws', '/missing'])
      for (const base of ['http://localhost', 'https://crosscheck.example.org'])
        for (const headers of forwarded) requests.push([`${base}${path}`, headers]);
    for (const [url, headers] of requests) {
      const [a, b] = await Promise.all([ours.request(url, { headers }), hono.request(url, { headers })]);
      expect(a.status, url).toBe(b.status);
      expect(sorted(a), `${url} ${JSON.stringify(headers)}`).toEqual(sorted(b));
    }
  });

  it("on the app's own pages carry the nonce of the page and every header hono's middleware set", async () => {
    for (const path of ['/', '/articles', '/signin', '/api/conflicts', '/nowhere', '/claims']) {
      const res = await t.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(
        /^default-src 'self'; script-src 'nonce-[A-Za-z0-9+/]{22}==' 'self'; style-src/,
      );
      for (const name of [
        'cross-origin-opener-policy',
        'x-content-type-options',
        'x-frame-options',
        'referrer-policy',
      ])
        expect(res.headers.get(name), `${path} ${name}`).toBeTruthy();
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});
