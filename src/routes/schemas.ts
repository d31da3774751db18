// Input schemas, parsed once at the edge: every length is bounded, and messages are written for people.

import { MAX_COMPARE_DOCUMENTS, MAX_COMPARE_TEXT_BYTES, MAX_TEXT_BYTES } from '../middleware/limits';
import { CLAIM_STATUSES, LINK_STATUSES } from '../shared/statuses';
import * as z from '../shared/zod';

const utf8 = new TextEncoder();
// NUL and other C0 controls (except tab, newline, carriage return, form feed) mean binary data, not prose.
const BINARY = /[\u0000-\u0008\u000B\u000E-\u001F]/;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const articleText = z
  .string({
    error: (i) =>
      i.input === undefined
        ? 'Paste the article text.'
        : 'The article must be text, not a file or binary data.',
  })
  .check(
    z.refine((s) => s.trim().length > 0, 'Paste the article text: it is empty.'),
    z.refine(
      (s) => utf8.encode(s).length <= MAX_TEXT_BYTES,
      'The article text is over 1 MB. Split it or trim it.',
    ),
    z.refine((s) => !BINARY.test(s), 'That looks like binary data, not article text.'),
  );

const httpUrl = z.string().check(
  z.trim(),
  z.maxLength(2000, 'The URL is too long (2,000 characters at most).'),
  z.refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'The URL must start with http:// or https://.'),
);

/** Trimmed text up to `max` characters, left out when blank. */
export const optionalText = (max: number, message?: string) =>
  z.preprocess(emptyToUndefined, z.optional(z.string().check(z.trim(), z.maxLength(max, message))));

/** A publication date or time as a form or an API gives it (empty is none). */
export const publishedAt = z.preprocess(
  emptyToUndefined,
  z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(40),
        z.regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'Give the date as YYYY-MM-DD.'),
      ),
  ),
);

export const articleInput = z.object({
  outlet: z
    .string({ error: 'Enter the outlet that published the article.' })
    .check(
      z.trim(),
      z.minLength(1, 'Enter the outlet that published the article.'),
      z.maxLength(200, 'The outlet name is too long (200 characters at most).'),
    ),
  title: z
    .string({ error: 'Enter a title for the article.' })
    .check(
      z.trim(),
      z.minLength(1, 'Enter a title for the article.'),
      z.maxLength(500, 'The title is too long (500 characters at most).'),
    ),
  url: z.preprocess(emptyToUndefined, z.optional(httpUrl)),
  publishedAt,
  format: z.preprocess(emptyToUndefined, z._default(z.enum(['auto', 'text', 'html']), 'auto')),
  text: articleText,
});
export type ArticleInput = z.infer<typeof articleInput>;

export const idParam = z.object({
  id: z.coerce.number().check(z.int(), z.positive(), z.maximum(Number.MAX_SAFE_INTEGER)),
});

export const note = optionalText(2000, 'The note is too long (2,000 characters at most).');
const VERSION_MESSAGE = 'The form is missing its version; reload the page.';
export const version = z.coerce
  .number({ error: VERSION_MESSAGE })
  .check(
    z.int(VERSION_MESSAGE),
    z.positive(VERSION_MESSAGE),
    z.maximum(Number.MAX_SAFE_INTEGER, VERSION_MESSAGE),
  );
// Only same-site paths, so a form cannot be used to bounce reviewers elsewhere.
export const returnTo = z.preprocess(
  emptyToUndefined,
  z.optional(z.string().check(z.maxLength(500), z.regex(/^\/(?![/\\])/))),
);

/** Up to ten http(s) links backing a verdict. */
export const evidence = z.optional(z.array(httpUrl).check(z.maxLength(10, 'Ten evidence links at most.')));
/** The form's evidence textarea: one URL per line, blank lines ignored. */
export const evidenceLines = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean)
      : v,
  evidence,
);

/** An editor's "record it although it contradicts another verdict" (a form checkbox, or JSON true). */
export const overrideField = z.preprocess(
  (v) => (v === 'on' || v === '1' || v === 'true' ? true : v === '' ? undefined : v),
  z.optional(z.boolean({ error: 'override is true or left out.' })),
);

export const claimReviewForm = z.object({
  status: z.enum(CLAIM_STATUSES, { error: `Choose one of: ${CLAIM_STATUSES.join(', ')}.` }),
  version,
  note,
  evidence: evidenceLines,
  override: overrideField,
  return_to: returnTo,
});

export const linkReviewForm = z.object({
  resolution: z.enum(LINK_STATUSES, { error: `Choose one of: ${LINK_STATUSES.join(', ')}.` }),
  version,
  note,
  evidence: evidenceLines,
  override: overrideField,
  return_to: returnTo,
});

export const claimReviewJson = z.object({
  status: z.enum(CLAIM_STATUSES),
  version,
  note,
  evidence,
  override: overrideField,
});

export const linkReviewJson = z.object({
  resolution: z.enum(LINK_STATUSES),
  version,
  note,
  evidence,
  override: overrideField,
});

/** A whole number from min to max (from a query string or a form), `fallback` when left out. */
export const wholeNumber = (min: number, max: number, fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max)), fallback);

export const queueQuery = z.object({
  status: z.preprocess(
    emptyToUndefined,
    z._default(z.enum(['open', 'resolved', 'all', ...LINK_STATUSES]), 'open'),
  ),
  outlet: optionalText(200),
  severity: z.preprocess(emptyToUndefined, z.optional(z.enum(['high', 'medium', 'low']))),
  entity: optionalText(200),
  /** "me" (my queue), "none" (unassigned) or a login. */
  assignee: optionalText(200),
  q: optionalText(200, 'The search is too long.'),
  sort: z.preprocess(emptyToUndefined, z._default(z.enum(['severity', 'newest', 'score']), 'severity')),
  limit: wholeNumber(1, 200, 50),
  offset: wholeNumber(0, 1_000_000, 0),
});

/** A page of a long list inside one page (a fact's rows, a story's facts and articles), from 1. */
const PAGE_MESSAGE = 'page must be a whole number from 1.';
const pageNumber = z._default(
  z.coerce
    .number({ message: PAGE_MESSAGE })
    .check(z.int(PAGE_MESSAGE), z.minimum(1, PAGE_MESSAGE), z.maximum(1_000_000)),
  1,
);

export const factPageQuery = z.object({ page: pageNumber });

export const storyPageQuery = z.object({ page: pageNumber, articles: pageNumber });

export const pageQuery = z.object({
  limit: wholeNumber(1, 500, 100),
  offset: wholeNumber(0, 10_000_000, 0),
});

export const compareInput = z.object({
  documents: z
    .array(
      z.object({
        id: z
          .string()
          .check(
            z.trim(),
            z.minLength(1, 'Each document needs an id.'),
            z.maxLength(100),
            z.regex(
              /^[^:\s]+$/,
              'Document ids cannot contain ":" or spaces (claim ids are "<document>:<n>").',
            ),
          ),
        source: z.optional(z.string().check(z.trim(), z.maxLength(200))),
        text: articleText,
        format: z.optional(z.enum(['auto', 'text', 'html'])),
      }),
      { error: 'Send {"documents": [...]} with 2 to 20 documents.' },
    )
    .check(
      z.minLength(2, 'Send at least 2 documents to compare.'),
      z.maxLength(MAX_COMPARE_DOCUMENTS, `Send at most ${MAX_COMPARE_DOCUMENTS} documents.`),
      z.refine((docs) => new Set(docs.map((d) => d.id)).size === docs.length, 'Document ids must be unique.'),
      z.refine(
        (docs) => docs.reduce((n, d) => n + utf8.encode(d.text).length, 0) <= MAX_COMPARE_TEXT_BYTES,
        `The documents hold more than ${MAX_COMPARE_TEXT_BYTES / 1024 / 1024} MB of text together: one compare request reads at most that much. Send fewer or shorter documents.`,
      ),
    ),
  /** Also say, per claim, which claims it was compared with and which rule decided each pair. */
  explain: z.optional(z.boolean({ error: '"explain" is true or false.' })),
});

/** The part of a zod error we read (zod 4's core error type, as the validator hook hands it over). */
export type ValidationError = { issues: readonly { path: readonly PropertyKey[]; message: string }[] };

/** Field → first message, for showing errors next to form fields. */
export function fieldErrors(error: ValidationError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** The messages alone, for people reading a form's notice (no field names). */
export function errorMessages(error: ValidationError): string {
  return [...new Set(Object.values(fieldErrors(error)))].join(' ');
}

/** All messages in one sentence, for JSON errors and one-line notices. */
export function errorSummary(error: ValidationError): string {
  return Object.entries(fieldErrors(error))
    .map(([k, m]) => (k === '_' ? m : `${k}: ${m}`))
    .join(' ');
}
