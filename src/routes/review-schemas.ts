// Input schemas of the reviewer workflow beyond marking and resolving: second-reviewer decisions,
// assignment, bulk actions over the queue, and the export filters.

import { CLAIM_STATUSES, LINK_STATUSES } from '../shared/statuses';
import * as z from '../shared/zod';
import {
  evidence,
  evidenceLines,
  note,
  overrideField,
  queueQuery,
  returnTo,
  version,
  wholeNumber,
} from './schemas';

const decision = z.enum(['approve', 'reject'], { error: 'Choose approve or reject.' });

export const decideForm = z.object({
  decision,
  version,
  note,
  evidence: evidenceLines,
  override: overrideField,
  return_to: returnTo,
});
export const decideJson = z.object({
  decision,
  version,
  note,
  evidence: evidenceLines,
  override: overrideField,
});

const ASSIGNEE_MESSAGE = 'The assignee is a login (200 characters at most).';
/** An empty assignee (or "none") unassigns. */
const assignee = z.preprocess(
  (v) => (typeof v === 'string' && (v.trim() === '' || v.trim() === 'none') ? null : v),
  z.nullable(z.string().check(z.trim(), z.maxLength(200, ASSIGNEE_MESSAGE))),
);

export const assignForm = z.object({ assignee, version, note, evidence: evidenceLines, return_to: returnTo });
export const assignJson = z.object({ assignee, version, note, evidence });

/** "id:version" — every bulk item carries the version the reviewer saw, like a single action. */
const item = z.pipe(
  z
    .string()
    .check(z.regex(/^\d{1,15}:\d{1,15}$/, 'Each selected item must be "id:version"; reload the queue.')),
  z.transform((s: string) => {
    const [id, v] = s.split(':').map(Number) as [number, number];
    return { id, version: v };
  }),
);

export const BULK_ACTIONS = ['dismiss', 'resolve', 'assign'] as const;
export const MAX_BULK = 100;

const bulkShape = {
  action: z.enum(BULK_ACTIONS, { error: 'Choose what to do with the selected conflicts.' }),
  /** For "resolve": the resolution to give every selected conflict. */
  resolution: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.optional(z.enum(LINK_STATUSES.filter((s) => s !== 'open') as [string, ...string[]])),
  ),
  /** For "assign": a login, "me", or empty for nobody. */
  assignee: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.optional(z.string().check(z.maxLength(200, ASSIGNEE_MESSAGE))),
  ),
  note,
};

const needs = z.refine<{ action: string; resolution?: string }>(
  (b) => b.action !== 'resolve' || !!b.resolution,
  {
    message: 'Choose the resolution to give the selected conflicts.',
    path: ['resolution'],
  },
);

export const bulkForm = z
  .object({
    ...bulkShape,
    // A fact's row selects all its pairs at once: "12:1,13:2". A pair selected twice (its fact's box
    // and its own) counts once.
    items: z.preprocess(
      (v) => [
        ...new Set(
          (v === undefined ? [] : Array.isArray(v) ? v : [v]).flatMap((x) =>
            typeof x === 'string' ? x.split(',').filter(Boolean) : [x],
          ),
        ),
      ],
      z
        .array(item)
        .check(
          z.minLength(1, 'Select at least one conflict.'),
          z.maxLength(MAX_BULK, `Select at most ${MAX_BULK} conflicts.`),
        ),
    ),
    evidence: evidenceLines,
    return_to: returnTo,
  })
  .check(needs);

const positiveInt = () => z.number().check(z.int(), z.positive());
export const bulkJson = z
  .object({
    ...bulkShape,
    items: z
      .array(z.object({ id: positiveInt(), version: positiveInt() }))
      .check(z.minLength(1), z.maxLength(MAX_BULK)),
    evidence: evidenceLines,
  })
  .check(needs);

/** Conflict exports take the queue's filters, with larger pages. */
export const conflictExportQuery = z.extend(queueQuery, { limit: wholeNumber(1, 5000, 1000) });

const CLAIM_FILTER = ['all', 'reviewed', ...CLAIM_STATUSES] as const;

/** Claim exports: the claim-level filters of the queue (status here is a claim status). */
export const claimExportQuery = z.object({
  status: z.preprocess((v) => (v === '' ? undefined : v), z._default(z.enum(CLAIM_FILTER), 'reviewed')),
  outlet: queueQuery.shape.outlet,
  entity: queueQuery.shape.entity,
  q: queueQuery.shape.q,
  limit: wholeNumber(1, 5000, 1000),
  offset: wholeNumber(0, 10_000_000, 0),
});
