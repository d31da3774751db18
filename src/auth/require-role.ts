// Route guard: who may change what. Nobody signed in → 401 for the API, the sign-in page for browsers;
// signed in without the role → 403. The check runs before any body is parsed or any row is touched.
import type { Context, MiddlewareHandler } from 'hono';
import { isHtmx } from '../responses/htmx';
import { renderError } from '../responses/render';
import type { AppEnv } from '../shared/app-env';
import type { Role } from '../shared/statuses';
import { hasRole } from '../shared/user';

const isApi = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/');

/** Where to come back to after signing in: the page itself for a GET, the page the form was on for a POST. */
function comeBackTo(c: Context): string {
  if (c.req.method === 'GET') {
    const url = new URL(c.req.url);
    return url.pathname + url.search;
  }
  const referer = c.req.header('Referer');
  if (referer) {
    const from = new URL(referer, c.req.url);
    if (from.origin === new URL(c.req.url).origin) return from.pathname + from.search;
  }
  return '/';
}

export function signInUrl(c: Context): string {
  return `/signin?next=${encodeURIComponent(comeBackTo(c))}`;
}

export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (hasRole(user, role)) return next();
    if (!user) {
      if (isApi(c)) {
        c.header('WWW-Authenticate', 'Bearer realm="crosscheck"');
        return c.json({ error: 'Sign in first: send an API token as "Authorization: Bearer <token>".' }, 401);
      }
      if (isHtmx(c)) {
        // htmx follows HX-Redirect with a full navigation, so the reviewer lands on the sign-in page.
        c.header('HX-Redirect', signInUrl(c));
        return c.body(null, 401);
      }
      return c.redirect(signInUrl(c), 303);
    }
    const message = `Your role (${user.role}) cannot do this; it needs ${role}.`;
    return isApi(c) ? c.json({ error: message }, 403) : renderError(c, 403, message);
  };
}
