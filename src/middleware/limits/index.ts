// Request body limits for every write route, answering 413 with a message the form (or API client) shows.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** An article's text may be up to 1 MB (UTF-8 bytes), checked exactly by the validators. */
export const MAX_TEXT_BYTES = 1024 * 1024;
export const MAX_COMPARE_DOCUMENTS = 20;
/**
 * The text of all documents of one POST /api/compare together (UTF-8 bytes): one article's worth.
 * Extraction and cross-referencing run in the request (issue 19: twenty 1 MB documents took 12 s).
 */
export const MAX_COMPARE_TEXT_BYTES = 1024 * 1024;

const MB = 1024 * 1024;
/** The raw body carries the text plus form or JSON encoding around it; this is a coarse first guard. */
export const ARTICLE_BODY_LIMIT = 2 * MB;
/** JSON escapes can double the text (quotes, backslashes): room for that, and no more. */
export const COMPARE_BODY_LIMIT = 2 * MAX_COMPARE_TEXT_BYTES + 64 * 1024;
/** A 2,000-character note and ten 2,000-character evidence links, URL-encoded, fit with room to spare. */
export const REVIEW_BODY_LIMIT = 64 * 1024;
/** Sign-in and account forms: a few short fields. */
export const ACCOUNT_BODY_LIMIT = 8 * 1024;

type OnTooLarge = (c: Context, message: string) => Response | Promise<Response>;

const jsonTooLarge: OnTooLarge = (c, message) => c.json({ error: { status: 413, message } }, 413);

function limit(maxSize: number, message: string, onError: OnTooLarge = jsonTooLarge): MiddlewareHandler {
  return bodyLimit({ maxSize, onError: (c) => onError(c, message) });
}

export const articleBodyLimit = (onError?: OnTooLarge) =>
  limit(
    ARTICLE_BODY_LIMIT,
    'The article is too large: its text can be at most 1 MB. Nothing was stored.',
    onError,
  );

export const compareBodyLimit = (onError?: OnTooLarge) =>
  limit(
    COMPARE_BODY_LIMIT,
    `The request is too large: up to ${MAX_COMPARE_DOCUMENTS} documents of at most 1 MB of text together.`,
    onError,
  );

export const reviewBodyLimit = (onError?: OnTooLarge) =>
  limit(
    REVIEW_BODY_LIMIT,
    'The review is too large: a note of up to 2,000 characters and up to ten evidence links.',
    onError,
  );

export const accountBodyLimit = (onError?: OnTooLarge) =>
  limit(ACCOUNT_BODY_LIMIT, 'The form is too large: logins, names and passwords are short.', onError);
