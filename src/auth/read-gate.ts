// READ_REQUIRES_SIGNIN: when on, nothing but the sign-in page and static files is served to someone not
// signed in (pages redirect to /signin, the API answers 401). Off by default: reading is open.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../shared/app-env';
import { requireRole } from './require-role';

const OPEN = /^\/(signin|signout)\/?$|^\/static\//;

export function signInToRead(): MiddlewareHandler<AppEnv> {
  const signedIn = requireRole('viewer');
  return async (c, next) => {
    if (OPEN.test(c.req.path)) return next();
    return signedIn(c, next);
  };
}

/** "1", "true", "yes", "on" (any case) turn a setting on; anything else, or nothing, leaves it off. */
export const isOn = (value: string | undefined) => /^(1|true|yes|on)$/i.test((value ?? '').trim());
