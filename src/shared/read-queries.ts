// The parsed shapes of read requests: routes validate them (zod, src/routes/schemas.ts and
// review-schemas.ts), services take them, views build links from them.
import type { QueueSort, QueueStatus } from '../../db/queries/links';
import type { ClaimStatus } from './statuses';

export interface QueueQuery {
  status: QueueStatus;
  outlet?: string;
  severity?: 'high' | 'medium' | 'low';
  entity?: string;
  /** "me" (my queue), "none" (unassigned), or a login. */
  assignee?: string;
  q?: string;
  sort: QueueSort;
  limit: number;
  offset: number;
}

/** The queue's filters as URL parameters (defaults left out), for pager links, bulk forms and exports. */
export function queueParams(query: QueueQuery, overrides: Partial<QueueQuery> = {}): URLSearchParams {
  const q = { ...query, ...overrides };
  const p = new URLSearchParams();
  if (q.status !== 'open') p.set('status', q.status);
  for (const key of ['outlet', 'severity', 'entity', 'assignee', 'q'] as const) {
    const v = q[key];
    if (v) p.set(key, v);
  }
  if (q.sort !== 'severity') p.set('sort', q.sort);
  if (q.limit !== 50) p.set('limit', String(q.limit));
  if (q.offset) p.set('offset', String(q.offset));
  return p;
}

/** A claims export's filters (GET /api/export/claims.*); `status` is a claim status, "reviewed" or "all". */
export interface ClaimExportQuery {
  status: 'all' | 'reviewed' | ClaimStatus;
  outlet?: string;
  entity?: string;
  q?: string;
  limit: number;
  offset: number;
}
