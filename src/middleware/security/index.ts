// Security headers with a per-request CSP nonce, and CSRF protection for state-changing routes.
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';

/** HSTS, sent only on https responses: over plain http a browser ignores it, and it would only mislead. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * True when the request reached us over https: the URL says so (Workers, or a Node server configured
 * with an https PUBLIC_ORIGIN), or a proxy in front says so in X-Forwarded-Proto. A client forging that
 * header over plain http only earns an HSTS header its browser ignores and a cookie marked Secure.
 */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/**
 * Every answer of the app depends on who is signed in (the layout names them; the queue, exports and
 * API filter by them), so none may be stored by a browser or shared cache: `Cache-Control: no-store`
 * unless a handler chose otherwise (static files), and `Vary: Cookie` so a cache that ignores no-store
 * still keeps readers apart. The server-side page cache (src/routes/cached-html.ts) is unaffected:
 * it is keyed by reader, and what it sends carries the same headers.
 */
export const PRIVATE_CACHING = { 'cache-control': 'no-store', vary: 'HX-Request, Cookie' } as const;

/** Adds Cookie to Vary (kept with what the handler put there, e.g. HX-Request). */
function varyOnCookie(headers: Headers) {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Cookie');
  else if (!/(^|,)\s*cookie\s*(,|$)/i.test(vary)) headers.set('vary', `${vary}, Cookie`);
}

/**
 * Scripts run only from our origin or with this response's nonce. There is no 'unsafe-eval':
 * htmx 4 dropped its `allowEval` switch, and the features that evaluate code (hx-on, `js:` values,
 * trigger filters) go through `new Function`, which this policy blocks — so none of them is used.
 * Framing is refused twice, consistently: `frame-ancestors 'none'` and `X-Frame-Options: DENY`.
 *
 * The nonce is made before the handler runs (views read it from `secureHeadersNonce`). A handler
 * that builds its response with `securityHeaders(nonce)` itself (the cached queue page) marks it with
 * `secureHeadersDone`, and this middleware then leaves it alone: setting a dozen headers on a
 * finished Response costs more than serving a cached page.
 *
 * The headers are what hono's secureHeaders() middleware wrote with this CSP, `referrerPolicy:
 * 'same-origin'` and `xFrameOptions: 'DENY'` (it also removed X-Powered-By); written here from
 * securityHeaders(), the list the cached page sends, they leave hono's middleware (1 KiB gzip) out of
 * the Worker bundle. tests/routes/security-headers.test.ts compares them with hono's, response by response.
 */
export function security(): MiddlewareHandler {
  return async (c, next) => {
    if (!c.get('secureHeadersNonce')) c.set('secureHeadersNonce', newNonce());
    await next();
    if (c.get('secureHeadersDone') === true) return;
    const h = c.res.headers;
    for (const [name, value] of Object.entries(securityHeaders(c.get('secureHeadersNonce')!, isHttps(c))))
      h.set(name, value);
    h.delete('x-powered-by');
    // A handler that set its own Cache-Control said who may keep it: only static files say public.
    const cacheControl = h.get('cache-control');
    if (!cacheControl) h.set('cache-control', PRIVATE_CACHING['cache-control']);
    if (!cacheControl?.includes('public')) varyOnCookie(h);
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
let randomPool = new Uint8Array(0);
let randomUsed = 0;

/**
 * 16 random bytes in base64 (24 characters), as hono's own nonce. The bytes come from the CSPRNG
 * 4 KiB at a time, each used once: one getRandomValues call per request cost more than serving a
 * cached page.
 */
export function newNonce(): string {
  if (randomUsed + 16 > randomPool.length) {
    randomPool = new Uint8Array(4096);
    crypto.getRandomValues(randomPool);
    randomUsed = 0;
  }
  const b = randomPool;
  const at = randomUsed;
  randomUsed += 16;
  let out = '';
  for (let i = at; i < at + 15; i += 3) {
    const n = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    out += BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + BASE64[(n >> 6) & 63]! + BASE64[n & 63]!;
  }
  const last = b[at + 15]!;
  return `${out}${BASE64[last >> 2]}${BASE64[(last & 3) << 4]}==`;
}

/**
 * Every header security() gives a response, for `nonce`, as a plain object: what a handler that
 * answers with its own Response (and sets `secureHeadersDone`) sends, with PRIVATE_CACHING; security() writes the
 * same. Held to hono's secureHeaders() by tests/routes/security-headers.test.ts.
 */
export function securityHeaders(nonce: string, https: boolean): Record<string, string> {
  return {
    ...(https ? { 'strict-transport-security': HSTS } : {}),
    'content-security-policy': `default-src 'self'; script-src 'nonce-${nonce}' 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };
}

const formCheck = csrf();
const FORM_LIKE = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/(plain|ping))\b/i;

/**
 * CSRF check for every state change. Form-like bodies (what a cross-site <form> can send) need
 * Origin or Sec-Fetch-Site to say "this site" — a missing Origin is refused (hono's csrf()).
 * Other bodies (JSON) are refused when a browser says they come from elsewhere (Origin or
 * Sec-Fetch-Site); with neither header the caller is not a browser (curl, scripts), which
 * cross-site request forgery cannot drive.
 */
export const formCsrf = (): MiddlewareHandler => async (c, next) => {
  if (/^(GET|HEAD|OPTIONS)$/.test(c.req.method)) return next();
  const type = c.req.header('content-type') ?? '';
  // A body without a type is what a <form> sends as text/plain, but a form can only POST: a DELETE
  // without a body is judged like JSON below (a browser cannot send it cross-site without a preflight).
  if (FORM_LIKE.test(type) || (type === '' && c.req.method === 'POST')) return formCheck(c, next);
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const foreignOrigin = origin !== undefined && origin !== new URL(c.req.url).origin;
  const foreignSite = site !== undefined && site !== 'same-origin' && site !== 'none';
  if (foreignOrigin || foreignSite) {
    throw new HTTPException(403, {
      message: 'Requests from another site are refused: call the API from this site or without a browser.',
    });
  }
  await next();
};
