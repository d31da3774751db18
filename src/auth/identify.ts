// Resolves who sent a request: a bearer token (API, CLI), else the session cookie (browser). Sets c.var.user,
// null when nobody is signed in; what they may do is decided per route with hasRole / requireRole.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../../db/client';
import { userByApiToken, userBySession } from '../../db/queries/users';
import type { AppEnv } from '../routes/app-types';
import { SESSION_COOKIE, tokenHash } from './tokens';
import type { User } from './user';

/** `trusted`: an identity the entry has verified itself (Cloudflare Access on Workers); it wins when it names someone. */
export function identify(
  db: Db,
  trusted?: (c: Context) => Promise<User | null | undefined>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const vouched = trusted ? await trusted(c) : null;
    if (vouched) {
      c.set('user', vouched);
      return next();
    }
    const bearer = c.req.header('Authorization')?.match(/^Bearer\s+(\S{16,200})$/i)?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    let user = null;
    if (bearer) user = await userByApiToken(db, await tokenHash(bearer));
    else if (cookie && cookie.length <= 200)
      user = await userBySession(db, await tokenHash(cookie), Date.now());
    c.set('user', user);
    await next();
  };
}
