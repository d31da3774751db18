// Security headers with a per-request CSP nonce, and CSRF protection for state-changing routes.
import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
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
  if (type === '' || FORM_LIKE.test(type)) return formCheck(c, next);
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
