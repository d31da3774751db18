// Random bearer secrets (session cookies, API tokens). Only their SHA-256 is ever stored.
import { sha256Hex } from '../services/hash';

export const SESSION_COOKIE = 'cc_session';
/** A session ends 14 days after sign-in however busy it is (the cookie's lifetime too). */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** ... and earlier when unused for this long (SESSION_IDLE_MINUTES; README "Accounts, roles and settings"). */
export const DEFAULT_SESSION_IDLE_MINUTES = 60;

/** When a session used at `now` expires: idle time from now, never past its absolute end. */
export const slidingExpiry = (createdAt: number, now: number, idleMs: number) =>
  Math.min(now + idleMs, createdAt + SESSION_TTL_MS);

/** 32 random bytes, base64url: unguessable, and safe in a cookie or an Authorization header. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export const tokenHash = (token: string) => sha256Hex(token);
