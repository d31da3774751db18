// Rejects bodies of the wrong kind early with 415 and a message saying what to send instead.
import type { Context, MiddlewareHandler } from 'hono';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const FORM_TYPE = /^(multipart\/form-data|application\/x-www-form-urlencoded)\s*(;|$)/i;

export function requireJson(): MiddlewareHandler {
  return async (c, next) => {
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      return c.json(
        { error: { status: 415, message: 'Send a JSON body with Content-Type: application/json.' } },
        415,
      );
    }
    await next();
  };
}

export function requireForm(
  onError: (c: Context, message: string) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    if (!FORM_TYPE.test(c.req.header('content-type') ?? '')) {
      return onError(
        c,
        'Send the form as text fields (multipart/form-data or URL-encoded), not as a file or raw data.',
      );
    }
    await next();
  };
}
