// Bulk actions over the queue: each selected conflict is acted on separately, under its own version,
// so one stale item cannot block (or be overwritten by) the rest; the answer says which landed.
import type { Db } from '../../db/client';
import type { LinkStatus } from '../shared/statuses';
import { ForbiddenError, InputError, NotFoundError, StaleVersionError } from './errors';
import { type Actor, assignConflict, type ReviewOptions, resolveConflict } from './review';

export interface BulkRequest {
  action: 'dismiss' | 'resolve' | 'assign';
  resolution?: string;
  /** For assign: a login, "me", or empty/undefined for nobody. */
  assignee?: string;
  note?: string;
  evidence?: string[];
  items: { id: number; version: number }[];
}

export type BulkItemResult =
  | { id: number; ok: true; status: string; version: number; assignee: string | null; outcome: string }
  | {
      id: number;
      ok: false;
      reason: 'stale' | 'forbidden' | 'invalid' | 'not_found';
      message: string;
      current?: Record<string, unknown>;
    };

function failure(id: number, err: unknown): BulkItemResult {
  const message = (err as Error).message;
  if (err instanceof StaleVersionError)
    return { id, ok: false, reason: 'stale', message, current: err.current };
  if (err instanceof ForbiddenError) return { id, ok: false, reason: 'forbidden', message };
  if (err instanceof InputError) return { id, ok: false, reason: 'invalid', message };
  if (err instanceof NotFoundError) return { id, ok: false, reason: 'not_found', message };
  throw err;
}

export async function bulkConflicts(
  db: Db,
  actor: Actor,
  req: BulkRequest,
  opts: ReviewOptions = {},
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = [];
  const seen = new Set<number>();
  for (const item of req.items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const input = { ...item, note: req.note, evidence: req.evidence };
    try {
      const done =
        req.action === 'assign'
          ? await assignConflict(db, actor, {
              ...input,
              assignee: req.assignee === 'me' ? actor.login : req.assignee || null,
            })
          : await resolveConflict(
              db,
              actor,
              {
                ...input,
                resolution: (req.action === 'dismiss' ? 'dismissed' : req.resolution) as LinkStatus,
              },
              opts,
            );
      results.push({
        id: item.id,
        ok: true,
        status: done.status,
        version: done.version,
        assignee: done.assignee,
        outcome: done.outcome,
      });
    } catch (err) {
      results.push(failure(item.id, err));
    }
  }
  return results;
}
