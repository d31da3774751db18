// One place that turns failures into responses: JSON under /api, an HTML page (or fragment for htmx) elsewhere.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { flashError, renderError } from '../../responses/render';
import {
  BusyError,
  ContradictionError,
  ForbiddenError,
  InputError,
  NotFoundError,
  StaleVersionError,
} from '../../services/errors';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_TEXT } from '../db-unavailable';

function classify(err: Error): { status: number; message: string } {
  if (err instanceof HTTPException) {
    const message =
      err.message ||
      (err.status === 403
        ? 'This form was posted from another site; reload the page and try again.'
        : 'Bad request.');
    return { status: err.status, message };
  }
  if (err instanceof NotFoundError) return { status: 404, message: err.message };
  if (err instanceof ContradictionError) return { status: 409, message: err.message };
  if (err instanceof ForbiddenError) return { status: 403, message: err.message };
  if (err instanceof StaleVersionError) return { status: 409, message: err.message };
  if (err instanceof InputError) return { status: 422, message: err.message };
  if (err instanceof BusyError) return { status: 503, message: err.message };
  if (isDatabaseUnavailable(err)) return { status: 503, message: UNAVAILABLE_TEXT };
  return { status: 500, message: 'Something went wrong on our side. The error was logged.' };
}

export const isApi = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/');

export const onError: ErrorHandler = (err, c) => {
  const { status, message } = classify(err);
  if (status === 503) {
    // Expected while the database is down or locked, or extraction is saturated: one line, not a stack per request.
    console.error(`503 ${c.req.method} ${c.req.path}: ${err.message.split('\n')[0]}`);
    c.header('Retry-After', String(err instanceof BusyError ? err.retryAfterSeconds : RETRY_AFTER_SECONDS));
  } else if (status >= 500) console.error(err);
  if (isApi(c)) {
    const extra =
      err instanceof StaleVersionError
        ? { current: err.current }
        : err instanceof ContradictionError
          ? { contradictions: err.contradictions }
          : {};
    return c.json({ error: { status, message, ...extra } }, status as 400);
  }
  return flashError(c, status, message);
};

export const notFound: NotFoundHandler = (c) => {
  const message = `Nothing here: ${c.req.path}`;
  if (isApi(c)) return c.json({ error: { status: 404, message } }, 404);
  return renderError(c, 404, message);
};
