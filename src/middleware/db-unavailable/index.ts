// Tells "the database is unavailable or busy right now" (answer 503, try again) from a bug (500).
// libSQL, the remote libSQL client and D1 each word it differently; drizzle wraps them in a cause chain.

/** libSQL / SQLite codes meaning the database is busy, locked, gone or unreachable, not that the query is wrong. */
const UNAVAILABLE_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_PROTOCOL',
  'CLIENT_CLOSED',
  'SERVER_ERROR',
  'HRANA_WEBSOCKET_ERROR',
  'HRANA_CLOSED_ERROR',
  'STREAM_EXPIRED',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
]);

const UNAVAILABLE_MESSAGE =
  /database is locked|database table is locked|unable to open database|disk I\/O error|fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|network connection lost|D1 DB is overloaded|storage operation exceeded timeout|D1_ERROR: (Network|Internal|.*reset)|client is closed|Durable Object reset/i;

/** True when err (or anything in its cause chain) says the database cannot be reached or is busy. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 6; depth++) {
    if (typeof e === 'object') {
      const { code, message } = e as { code?: unknown; message?: unknown };
      if (typeof code === 'string' && UNAVAILABLE_CODES.has(code.split('_').slice(0, 2).join('_')))
        return true;
      if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
      if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
      e = (e as { cause?: unknown }).cause;
    } else return false;
  }
  return false;
}

export const UNAVAILABLE_TEXT =
  'The database is unavailable or busy right now. Nothing was changed; try again in a few seconds.';

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;
