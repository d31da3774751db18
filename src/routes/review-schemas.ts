// Input schemas of the reviewer workflow beyond marking and resolving: second-reviewer decisions,
// assignment, bulk actions over the queue, and the export filters.
import * as z from 'zod';
import { CLAIM_STATUSES, LINK_STATUSES } from '../shared/statuses';
import { evidence, evidenceLines, note, overrideField, queueQuery, returnTo, version } from './schemas';

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

/** An empty assignee (or "none") unassigns. */
const assignee = z.preprocess(
  (v) => (typeof v === 'string' && (v.trim() === '' || v.trim() === 'none') ? null : v),
  z.string().trim().max(200, 'The assignee is a login (200 characters at most).').nullable(),
);

export const assignForm = z.object({ assignee, version, note, evidence: evidenceLines, return_to: returnTo });
export const assignJson = z.object({ assignee, version, note, evidence });

/** "id:version" — every bulk item carries the version the reviewer saw, like a single action. */
const item = z
  .string()
  .regex(/^\d{1,15}:\d{1,15}$/, 'Each selected item must be "id:version"; reload the queue.')
  .transform((s) => {
    const [id, v] = s.split(':').map(Number) as [number, number];
    return { id, version: v };
  });

export const BULK_ACTIONS = ['dismiss', 'resolve', 'assign'] as const;
export const MAX_BULK = 100;

const bulkShape = {
  action: z.enum(BULK_ACTIONS, { error: 'Choose what to do with the selected conflicts.' }),
  /** For "resolve": the resolution to give every selected conflict. */
  resolution: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(LINK_STATUSES.filter((s) => s !== 'open') as [string, ...string[]]).optional(),
  ),
  /** For "assign": a login, "me", or empty for nobody. */
  assignee: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string().max(200, 'The assignee is a login (200 characters at most).').optional(),
  ),
  note,
};

const needs = (b: { action: string; resolution?: string }) => b.action !== 'resolve' || !!b.resolution;
const needsMessage = {
  message: 'Choose the resolution to give the selected conflicts.',
  path: ['resolution'],
};

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
        .min(1, 'Select at least one conflict.')
        .max(MAX_BULK, `Select at most ${MAX_BULK} conflicts.`),
    ),
    evidence: evidenceLines,
    return_to: returnTo,
  })
  .refine(needs, needsMessage);

export const bulkJson = z
  .object({
    ...bulkShape,
    items: z
      .array(z.object({ id: z.number().int().positive(), version: z.number().int().positive() }))
      .min(1)
      .max(MAX_BULK),
    evidence: evidenceLines,
  })
  .refine(needs, needsMessage);

/** Conflict exports take the queue's filters, with larger pages. */
export const conflictExportQuery = queueQuery.extend({
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

const CLAIM_FILTER = ['all', 'reviewed', ...CLAIM_STATUSES] as const;

/** Claim exports: the claim-level filters of the queue (status here is a claim status). */
export const claimExportQuery = z.object({
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(CLAIM_FILTER).default('reviewed')),
  outlet: queueQuery.shape.outlet,
  entity: queueQuery.shape.entity,
  q: queueQuery.shape.q,
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
