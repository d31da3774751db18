// Tells "the database is unavailable or busy right now" (answer 503, try again) from a bug (500).
// libSQL, the remote libSQL client and D1 each word it differently; drizzle wraps them in a cause chain.
// An entry may also watch the database itself (DatabaseHealth: src/node-db-health.ts on Node).
import type { Context, MiddlewareHandler } from 'hono';

/** Raised by a health check: the database cannot be used right now (answered 503, like SQLITE_BUSY). */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
  override name = 'DatabaseUnavailableError';
}

/** libSQL / SQLite codes meaning the database is busy, locked, gone or unreachable, not that the query is wrong. */
const UNAVAILABLE_CODES = new Set([
  'DATABASE_UNAVAILABLE',
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

/** What an entry can tell the app about its database beyond the errors queries raise. */
export interface DatabaseHealth {
  /** Before a request: throws DatabaseUnavailableError when the database cannot be used now. */
  before(write: boolean): Promise<void>;
  /** After a write answered below 400: throws when what it committed may not be durably stored. */
  after(): Promise<void>;
  /** A request failed with this error: the health check may repair the connection before the next. */
  failed(err: unknown): void;
}

const SAFE = /^(GET|HEAD|OPTIONS)$/;
const SCHEMA_GONE = /no such table/i;

/** Drops the handler's answer (its headers too: a redirect, a session cookie) before an error replaces it. */
function discardAnswer(c: Context) {
  c.res = undefined;
  c.res = new Response(null, { status: 503 });
}

function chainText(err: unknown): string {
  let text = '';
  for (let e = err as { message?: unknown; cause?: unknown } | undefined, i = 0; e && i < 6; i++) {
    text += ` ${String(e.message ?? '')}`;
    e = e.cause as typeof e;
  }
  return text;
}

/**
 * Runs the entry's health check around every request: nothing is read from or written to a database
 * the check refuses, and a write is answered as done only once the check confirms it is stored. A
 * failure is reported back so the check can reopen a connection a fault left unusable. A "no such
 * table" error (the schema vanished: the file was replaced) is a 503 when the check then refuses
 * the database, and stays a 500 (a bug) when it does not.
 */
export function databaseHealth(health: DatabaseHealth): MiddlewareHandler {
  return async (c, next) => {
    const write = !SAFE.test(c.req.method);
    await health.before(write);
    await next();
    const err = c.error;
    if (err) {
      // Only database failures can say anything about the connection (not a 400 for bad JSON).
      const schemaGone = !isDatabaseUnavailable(err) && SCHEMA_GONE.test(chainText(err));
      if (isDatabaseUnavailable(err) || schemaGone) health.failed(err);
      if (schemaGone) {
        const answer = c.res;
        try {
          await health.before(true);
        } catch (e) {
          discardAnswer(c);
          throw e;
        }
        c.res = undefined;
        c.res = answer;
      }
      return;
    }
    if (write && c.res.status < 400) {
      try {
        await health.after();
      } catch (e) {
        // Nothing of the handler's answer (a redirect, a session cookie) may go out with the 503.
        discardAnswer(c);
        throw e;
      }
    }
  };
}
