// Random bearer secrets (session cookies, API tokens). Only their SHA-256 is ever stored.
import { sha256Hex } from '../services/hash';

export const SESSION_COOKIE = 'cc_session';
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** 32 random bytes, base64url: unguessable, and safe in a cookie or an Authorization header. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export const tokenHash = (token: string) => sha256Hex(token);
