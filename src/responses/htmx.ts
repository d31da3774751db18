// How a route tells an htmx swap from a full page load.
import type { Context } from 'hono';

/** True when htmx asks for a fragment: not for history restores or full-page (body) targets. */
export function isHtmx(c: Context): boolean {
  return (
    c.req.header('HX-Request') === 'true' &&
    c.req.header('HX-History-Restore-Request') !== 'true' &&
    c.req.header('HX-Request-Type') !== 'full'
  );
}
