// Node's write limit: an in-process fixed window per client (hono-rate-limiter's memory store).
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { isWrite, tooManyRequests } from './index';

export interface WindowLimit {
  /** Writes allowed per client per window; 0 or less turns the limiter off. */
  limit: number;
  windowMs?: number;
  /**
   * The client as the runtime knows it (Node: the socket's address). Never a request header: a
   * client could send a new one with every request and never reach the limit.
   */
  address: (c: Context) => string | undefined;
}

/** In-process fixed window per client (hono-rate-limiter's memory store): one Node process, one count. */
export function windowRateLimit(opts: WindowLimit): MiddlewareHandler | undefined {
  if (!(opts.limit > 0)) return undefined;
  const windowMs = opts.windowMs ?? 60_000;
  return rateLimiter({
    windowMs,
    limit: opts.limit,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => opts.address(c) || 'unknown',
    skip: (c) => !isWrite(c),
    handler: (c) => tooManyRequests(c, Math.ceil(windowMs / 1000)),
  });
}
