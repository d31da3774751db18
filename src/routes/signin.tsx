// /signin and /signout: a password sign-in that opens a session cookie, and the button that closes it.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SignInPage, type SignInProps } from '../../views/pages/signin';
import { safeNextPath } from '../auth/next-path';
import { failureThrottle, type Throttle, throttleKey } from '../auth/throttle';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../auth/tokens';
import { requireForm } from '../middleware/content-type';
import { accountBodyLimit } from '../middleware/limits';
import { formCsrf, isHttps } from '../middleware/security';
import { page, renderError } from '../responses/render';
import { authenticate, closeSession, openSession } from '../services/sign-in';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import * as z from '../shared/zod';

const WRONG = 'That login and password do not match an active account.';

const signInForm = z.object({
  login: z._default(z.string().check(z.trim(), z.maxLength(100)), ''),
  password: z._default(z.string().check(z.maxLength(200)), ''),
  next: z.optional(z.string().check(z.maxLength(2000))),
});

export function signInRoutes(deps: AppDeps, throttle: Throttle = failureThrottle()) {
  const app = new Hono<AppEnv>();
  type Status = 200 | 400 | 401 | 413 | 415 | 422 | 429;
  const show = (c: Context, props: SignInProps, status: Status = 200) => {
    c.header('Cache-Control', 'no-store');
    return page(c, 'Sign in', <SignInPage {...props} />, { status });
  };

  app.get('/signin', (c) => {
    const user = c.get('user');
    const notice = user ? `You are signed in as ${user.login} (${user.role}).` : undefined;
    return show(c, { next: safeNextPath(c.req.query('next')), notice });
  });

  app.post(
    '/signin',
    accountBodyLimit((c, message) => show(c, { next: '/', message }, 413)),
    formCsrf(),
    requireForm((c, message) => show(c, { next: '/', message }, 415)),
    async (c) => {
      // A body that claims to be a form but is not one (broken multipart) is the client's mistake: 400.
      const body = await c.req.parseBody().catch(() => null);
      if (!body) return show(c, { next: '/', message: 'The form could not be read; send it again.' }, 400);
      const parsed = signInForm.safeParse(body);
      const next = safeNextPath(parsed.success ? parsed.data.next : undefined);
      if (!parsed.success) return show(c, { next, message: 'The login or password is too long.' }, 422);
      const { login, password } = parsed.data;
      if (!login || !password)
        return show(c, { next, login, message: 'Enter your login and password.' }, 422);

      // Per login and client: failures from elsewhere never lock this client out of its own account.
      const key = throttleKey(login, deps.clientAddress?.(c));
      const wait = throttle.blockedFor(key);
      if (wait > 0) {
        c.header('Retry-After', String(Math.ceil(wait / 1000)));
        const when = wait < 60_000 ? `${Math.ceil(wait / 1000)} s` : `${Math.ceil(wait / 60_000)} min`;
        return show(
          c,
          { next, login, message: `Too many failed attempts for this login. Try again in ${when}.` },
          429,
        );
      }
      const user = await authenticate(deps.db, login, password);
      if (!user) {
        throttle.fail(key);
        return show(c, { next, login, message: WRONG }, 401);
      }
      throttle.succeed(key);

      // A new token on every sign-in (never reuse one a browser brought along: session fixation).
      const old = getCookie(c, SESSION_COOKIE);
      if (old && old.length <= 200) await closeSession(deps.db, old);
      const token = await openSession(deps.db, user.id, Date.now(), deps.settings?.sessionIdleMinutes);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: isHttps(c),
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      return c.redirect(next, 303);
    },
  );

  app.post(
    '/signout',
    accountBodyLimit((c, message) => renderError(c, 413, message)),
    formCsrf(),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token && token.length <= 200) await closeSession(deps.db, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
      return c.redirect('/', 303);
    },
  );

  return app;
}
