// Security headers with a per-request CSP nonce, and CSRF protection for state-changing routes.
import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { NONCE, secureHeaders } from 'hono/secure-headers';

/** The CSP, in hono's own spelling of these directives (`NONCE` marks where each response's nonce goes). */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: [NONCE, "'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

/**
 * Scripts run only from our origin or with this response's nonce. There is no 'unsafe-eval':
 * htmx 4 dropped its `allowEval` switch, and the features that evaluate code (hx-on, `js:` values,
 * trigger filters) go through `new Function`, which this policy blocks — so none of them is used.
 *
 * The nonce is made before the handler runs (views read it from `secureHeadersNonce`). A handler
 * that builds its response with `securityHeaders(nonce)` itself (the cached queue page) marks it with
 * `secureHeadersDone`, and hono's middleware then leaves it alone: setting a dozen headers on a
 * finished Response costs more than serving a cached page.
 */
export function security(): MiddlewareHandler {
  const headers = secureHeaders({ contentSecurityPolicy: CSP, referrerPolicy: 'same-origin' });
  return async (c, next) => {
    if (!c.get('secureHeadersNonce')) c.set('secureHeadersNonce', newNonce());
    await next();
    if (c.get('secureHeadersDone') === true) return;
    // hono's middleware with nothing left to run: it writes its headers onto the finished response.
    await headers(c, async () => {});
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
 * answers with its own Response (and sets `secureHeadersDone`) sends. Kept equal to security()'s
 * output by tests/routes/queue-cache.test.ts.
 */
export function securityHeaders(nonce: string): Record<string, string> {
  return {
    'content-security-policy': `default-src 'self'; script-src 'nonce-${nonce}' 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'same-origin',
    'strict-transport-security': 'max-age=15552000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
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
