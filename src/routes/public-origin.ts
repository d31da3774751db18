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
