// CSV and JSON exports of claims and conflicts with their statuses and full history, filtered like the queue.
import type { Db } from '../../db/client';
import { type ClaimSummary, claimSummaries, listClaimIds } from '../../db/queries/claims';
import { listConflicts } from '../../db/queries/links';
import { historiesOf } from '../../db/queries/reviews';
import type { HistoryEntry } from '../shared/history';
import type { ClaimExportQuery, QueueQuery } from '../shared/read-queries';
import type { User } from '../shared/user';
import { assigneeFilter } from './conflicts';
import { toCsv } from './csv';

const iso = (ms: number) => new Date(ms).toISOString();

function historyJson(h: HistoryEntry[]) {
  return h.map((e) => ({
    at: iso(e.createdAt),
    reviewer: e.reviewer,
    displayName: e.displayName,
    action: e.action,
    from: e.fromStatus,
    to: e.toStatus,
    note: e.note,
    evidence: e.evidence,
  }));
}

/** History in one spreadsheet cell: one line per entry, oldest first. */
function historyText(h: HistoryEntry[]): string {
  return h
    .map((e) => {
      const note = e.note ? ` — ${e.note}` : '';
      const evidence = e.evidence.length ? ` [${e.evidence.join(' ')}]` : '';
      return `${iso(e.createdAt)} ${e.reviewer} ${e.action} ${e.fromStatus ?? ''}→${e.toStatus}${note}${evidence}`;
    })
    .join('\n');
}

const claimJson = (c: ClaimSummary, origin: string) => ({
  id: c.id,
  url: `${origin}/claims/${c.id}`,
  text: c.text,
  kind: c.kind,
  status: c.status,
  proposedStatus: c.proposedStatus,
  proposedBy: c.proposedBy,
  version: c.version,
  outlet: c.outlet,
  articleId: c.articleId,
  articleTitle: c.articleTitle,
  articleUrl: c.articleUrl,
  publishedAt: c.publishedAt,
});

export async function claimsExport(db: Db, query: ClaimExportQuery, origin: string) {
  const ids = await listClaimIds(db, query);
  const [summaries, histories] = await Promise.all([claimSummaries(db, ids), historiesOf(db, 'claim', ids)]);
  const items = ids.flatMap((id) => {
    const c = summaries.get(id);
    return c ? [{ ...claimJson(c, origin), history: historyJson(histories.get(id) ?? []) }] : [];
  });
  return { items, more: ids.length === query.limit, histories };
}

const CLAIM_HEADER = [
  'id',
  'url',
  'status',
  'proposed_status',
  'proposed_by',
  'version',
  'outlet',
  'article_title',
  'article_url',
  'published_at',
  'kind',
  'text',
  'history',
] as const;

export function claimsCsv(exported: Awaited<ReturnType<typeof claimsExport>>) {
  return toCsv(
    CLAIM_HEADER,
    exported.items.map((c) => [
      c.id,
      c.url,
      c.status,
      c.proposedStatus,
      c.proposedBy,
      c.version,
      c.outlet,
      c.articleTitle,
      c.articleUrl,
      c.publishedAt,
      c.kind,
      c.text,
      historyText(exported.histories.get(c.id) ?? []),
    ]),
  );
}

export async function conflictsExport(db: Db, query: QueueQuery, user: User | null, origin: string) {
  const assignee = assigneeFilter(query, user);
  const list = assignee === false ? { items: [], total: 0 } : await listConflicts(db, { ...query, assignee });
  const histories = await historiesOf(
    db,
    'link',
    list.items.map((l) => l.id),
  );
  const items = list.items.map((l) => ({
    id: l.id,
    url: `${origin}/conflicts/${l.id}`,
    relation: l.relation,
    severity: l.severity,
    score: l.score,
    status: l.status,
    proposedStatus: l.proposedStatus,
    proposedBy: l.proposedBy,
    assignee: l.assignee,
    version: l.version,
    summary: l.explanation.summary,
    a: claimJson(l.a, origin),
    b: claimJson(l.b, origin),
    history: historyJson(histories.get(l.id) ?? []),
  }));
  return { items, total: list.total, histories };
}

const CONFLICT_HEADER = [
  'id',
  'url',
  'relation',
  'severity',
  'score',
  'status',
  'proposed_status',
  'proposed_by',
  'assignee',
  'version',
  'a_claim_id',
  'a_outlet',
  'a_status',
  'a_text',
  'b_claim_id',
  'b_outlet',
  'b_status',
  'b_text',
  'summary',
  'history',
] as const;

export function conflictsCsv(exported: Awaited<ReturnType<typeof conflictsExport>>) {
  return toCsv(
    CONFLICT_HEADER,
    exported.items.map((l) => [
      l.id,
      l.url,
      l.relation,
      l.severity,
      l.score,
      l.status,
      l.proposedStatus,
      l.proposedBy,
      l.assignee,
      l.version,
      l.a.id,
      l.a.outlet,
      l.a.status,
      l.a.text,
      l.b.id,
      l.b.outlet,
      l.b.status,
      l.b.text,
      l.summary,
      historyText(exported.histories.get(l.id) ?? []),
    ]),
  );
}
