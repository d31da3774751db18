// Rate limits for write routes (every POST): the Workers rate-limiting binding at the edge here, the
// in-process window for Node in ./window.ts (kept apart so the Worker bundle does not carry it).
import type { Context, MiddlewareHandler } from 'hono';
import { flashError } from '../../responses/render';
import { isApi } from '../errors';

const SAFE = /^(GET|HEAD|OPTIONS)$/;
export const isWrite = (c: Context) => !SAFE.test(c.req.method);

/** Writes per client per minute when nothing is configured: far above a person reviewing by hand. */
export const DEFAULT_WRITES_PER_MINUTE = 120;

const MESSAGE = 'Too many changes in a short time. Wait a minute and try again; nothing was stored.';

/** 429 as JSON under /api, as a page (or the fragment htmx swaps in place) elsewhere. */
export function tooManyRequests(c: Context, retryAfterSeconds = 60) {
  c.header('Retry-After', String(retryAfterSeconds));
  if (isApi(c)) return c.json({ error: { status: 429, message: MESSAGE } }, 429);
  return flashError(c, 429, MESSAGE);
}

/**
 * Who a request counts against at Cloudflare's edge: the Access user's email (src/worker.ts removes
 * any copy the client sent and sets it only from a verified token), else the client IP Cloudflare
 * puts in CF-Connecting-IP. Only trustworthy behind Cloudflare: Node keys on the socket instead.
 */
export function edgeClientKey(c: Context): string {
  return c.req.header('cf-access-authenticated-user-email') || c.req.header('cf-connecting-ip') || 'unknown';
}

/** The shape of a Workers rate-limiting binding (`[[ratelimits]]` in wrangler.toml). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/**
 * The Workers binding, counted at Cloudflare's edge. Without the binding (local dev, an environment
 * that does not declare it) writes pass unlimited rather than fail; a binding that errors lets the
 * write through too, since refusing every review because the limiter is down would be worse.
 */
export function bindingRateLimit(binding: RateLimitBinding | undefined): MiddlewareHandler | undefined {
  if (!binding || typeof binding.limit !== 'function') return undefined;
  return async (c, next) => {
    if (!isWrite(c)) return next();
    let allowed = true;
    try {
      allowed = (await binding.limit({ key: edgeClientKey(c) })).success;
    } catch (err) {
      console.error('rate limit binding failed; letting the write through', err);
    }
    if (!allowed) return tooManyRequests(c);
    await next();
  };
}
