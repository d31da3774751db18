// The origin absolute URLs are built from (permalinks, ClaimReview and export URLs). Never the Host
// header as sent: PUBLIC_ORIGIN when configured, the request's own URL only where a setting says the
// runtime vouches for it (TRUST_REQUEST_ORIGIN, on by default on Workers), else nothing: the URLs
// are then relative ("/claims/3"), which is honest rather than pointing at a host a client named.
import type { Context } from 'hono';
import type { AppSettings } from '../shared/app-env';

/** "https://crosscheck.example.org" (no path, no trailing slash), or "" for relative URLs. */
export function publicOrigin(c: Context, settings: AppSettings | undefined): string {
  if (settings?.publicOrigin) return settings.publicOrigin;
  if (settings?.trustRequestOrigin) return new URL(c.req.url).origin;
  return '';
}

/**
 * A PUBLIC_ORIGIN value as an origin: http(s), a host, nothing else (a path, query, credentials or
 * another scheme is a configuration mistake worth refusing to start over). Undefined when empty.
 */
export function parsePublicOrigin(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Error(`PUBLIC_ORIGIN must be an origin such as https://crosscheck.example.org, not "${v}".`);
  }
  if (
    (u.protocol !== 'https:' && u.protocol !== 'http:') ||
    u.username ||
    u.password ||
    (u.pathname !== '/' && u.pathname !== '') ||
    u.search ||
    u.hash ||
    v.replace(/\/$/, '') !== u.origin
  )
    throw new Error(
      `PUBLIC_ORIGIN must be an http(s) origin with no path, such as https://crosscheck.example.org, not "${v}".`,
    );
  return u.origin;
}
