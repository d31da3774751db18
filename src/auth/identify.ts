// Resolves who sent a request: a bearer token (API, CLI), else the session cookie (browser). Sets c.var.user,
// null when nobody is signed in; what they may do is decided per route with hasRole / requireRole.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../../db/client';
import { extendSession, sessionUser, userByApiToken } from '../../db/queries/users';
import type { AppEnv } from '../shared/app-env';
import type { User } from '../shared/user';
import { DEFAULT_SESSION_IDLE_MINUTES, SESSION_COOKIE, slidingExpiry, tokenHash } from './tokens';

/** A session's expiry is moved on only when that gains more than this (one write a minute at most). */
const EXTEND_STEP_MS = 60_000;

/**
 * `trusted`: an identity the entry has verified itself (Cloudflare Access on Workers); it wins when it
 * names someone. A session cookie counts only until its session has been idle for `idleMinutes`
 * (sliding: each use moves the expiry on, never past SESSION_TTL_MS after sign-in).
 */
export function identify(
  db: Db,
  trusted?: (c: Context) => Promise<User | null | undefined>,
  idleMinutes = DEFAULT_SESSION_IDLE_MINUTES,
): MiddlewareHandler<AppEnv> {
  const idleMs = idleMinutes * 60_000;
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
    else if (cookie && cookie.length <= 200) {
      const now = Date.now();
      const hash = await tokenHash(cookie);
      // Past its expiry (idle for idleMs since its last use, or at its absolute end): no user.
      const session = await sessionUser(db, hash, now);
      if (session) {
        user = session.user;
        // Moved on by use; pulled in when it reaches further than the idle time allows (a session
        // from before this setting, or the setting lowered).
        const until = slidingExpiry(session.createdAt, now, idleMs);
        if (Math.abs(until - session.expiresAt) > EXTEND_STEP_MS) {
          // Best effort: a database that refuses writes must not turn every signed-in read into a 503.
          await extendSession(db, hash, until).catch(() => {});
        }
      }
    }
    c.set('user', user);
    await next();
  };
}
