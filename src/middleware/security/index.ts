// Security headers with a per-request CSP nonce, and CSRF protection for state-changing routes.
import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { NONCE, secureHeaders } from 'hono/secure-headers';

/**
 * Scripts run only from our origin or with this response's nonce. There is no 'unsafe-eval':
 * htmx 4 dropped its `allowEval` switch, and the features that evaluate code (hx-on, `js:` values,
 * trigger filters) go through `new Function`, which this policy blocks — so none of them is used.
 */
export function security(): MiddlewareHandler {
  return secureHeaders({
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
  });
}

/** Rejects cross-site form posts (Origin / Sec-Fetch-Site must be our own). */
export const formCsrf = (): MiddlewareHandler => csrf();
