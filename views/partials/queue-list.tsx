// The conflict list with its bulk form: swapped alone by the queue's filters, pager and bulk actions,
// and embedded in the full queue page. Every link keeps the filters in the URL.
import { LINK_STATUSES } from '../../db/schema';
import { hasRole } from '../../src/auth/user';
import type { BulkItemResult } from '../../src/services/bulk';
import { queueParams } from '../../src/services/queries';
import { SeverityBadge, StatusBadge } from '../components/badge';
import { formatInterval, label } from '../components/format';
import type { ClaimSummary, ConflictQueue, LinkWithClaims } from '../types';

function SideCell({ claim, side }: { claim: ClaimSummary; side: LinkWithClaims['explanation']['a'] }) {
  const q = side ?? claim.quantities[0] ?? null;
  return (
    <div class="side">
      <div class="number">
        {q ? (
          <>
            <strong>{q.text}</strong> <span class="interval">{formatInterval(q)}</span>
          </>
        ) : (
          <span class="muted">no number</span>
        )}
      </div>
      <div class="outlet">{claim.outlet}</div>
      <div class="claim-text">{claim.text}</div>
    </div>
  );
}

/** Which selected items landed and which did not (stale, forbidden), after a bulk action. */
function BulkReport({ report }: { report: BulkItemResult[] }) {
  const landed = report.filter((r) => r.ok);
  const failed = report.filter((r) => !r.ok);
  return (
    <div class={failed.length ? 'bulk-report error' : 'bulk-report notice'} role="status">
      <p>
        {landed.length} of {report.length} {report.length === 1 ? 'conflict' : 'conflicts'} changed
        {landed.length ? `: ${landed.map((r) => `#${r.id}`).join(', ')}` : ''}.
        {failed.length ? ' Not changed (nothing was overwritten):' : ''}
      </p>
      {failed.length ? (
        <ul>
          {failed.map((r) => (
            <li>
              <a href={`/conflicts/${r.id}`}>#{r.id}</a> — {'message' in r ? r.message : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const RESOLUTIONS = LINK_STATUSES.filter((s) => s !== 'open');

function BulkBar({ queue }: { queue: ConflictQueue }) {
  const editor = hasRole(queue.user, 'editor');
  return (
    <fieldset class="bulk-bar">
      <legend class="muted bulk-legend">With the selected conflicts:</legend>
      <button type="submit" name="action" value="dismiss" class="btn btn-dismissed" data-bulk="dismiss">
        Dismiss
      </button>
      <select name="resolution" aria-label="Resolution for the selected conflicts">
        <option value="">resolution…</option>
        {RESOLUTIONS.map((s) => (
          <option value={s}>{label(s)}</option>
        ))}
      </select>
      <button type="submit" name="action" value="resolve" class="btn" data-bulk="resolve">
        Mark
      </button>
      <select name="assignee" aria-label="Assign the selected conflicts to">
        <option value="me">me</option>
        <option value="">nobody</option>
        {editor
          ? queue.reviewers
              .filter((r) => r.login !== queue.user?.login)
              .map((r) => <option value={r.login}>{r.displayName}</option>)
          : null}
      </select>
      <button type="submit" name="action" value="assign" class="btn btn-secondary" data-bulk="assign">
        Assign
      </button>
      <input
        name="note"
        maxlength={2000}
        placeholder="Note (optional)"
        aria-label="Note for the bulk action"
      />
      <input
        name="evidence"
        type="url"
        maxlength={2000}
        placeholder="Evidence link (optional)"
        aria-label="Evidence link for the bulk action"
      />
    </fieldset>
  );
}

export function QueueList({
  queue,
  report,
  error,
}: {
  queue: ConflictQueue;
  report?: BulkItemResult[];
  /** Why a bulk action was refused (422): shown above the list, which stays as it was. */
  error?: string;
}) {
  const { items, total, query } = queue;
  const more = query.offset + items.length < total;
  const url = (offset: number) => `/?${queueParams(query, { offset })}`;
  const here = url(query.offset);
  const canBulk = hasRole(queue.user, 'reviewer');
  const pageLink = (offset: number, text: string, rel: string) => (
    <a
      href={url(offset)}
      rel={rel}
      hx-get={url(offset)}
      hx-target="#queue-list"
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      {text}
    </a>
  );
  const mineMissing = query.assignee === 'me' && !queue.user;
  return (
    <div id="queue-list" aria-live="polite">
      {report ? <BulkReport report={report} /> : null}
      {error ? (
        <p class="bulk-report error" role="alert">
          {error} Nothing was changed.
        </p>
      ) : null}
      <p class="muted">
        {mineMissing
          ? 'Sign in to see your queue.'
          : total === 0
            ? 'No conflicts match.'
            : `Showing ${query.offset + 1}–${query.offset + items.length} of ${total} ${total === 1 ? 'conflict' : 'conflicts'}.`}{' '}
        <a href={`/api/export/conflicts.csv?${queueParams(query, { offset: 0, limit: 1000 })}`}>CSV</a> ·{' '}
        <a href={`/api/export/conflicts.json?${queueParams(query, { offset: 0, limit: 1000 })}`}>JSON</a>
      </p>
      <form
        id="bulk-form"
        method="post"
        action="/conflicts/bulk"
        hx-post="/conflicts/bulk"
        hx-target="#queue-list"
        hx-swap="outerHTML"
      >
        <input type="hidden" name="return_to" value={here} />
        {canBulk && items.length > 0 ? <BulkBar queue={queue} /> : null}
        <ol class="queue">
          {items.map((l) => (
            <li
              class={`queue-row severity-${l.severity}`}
              data-kb-item="row"
              tabindex={-1}
              id={`row-${l.id}`}
            >
              {canBulk ? (
                <input
                  type="checkbox"
                  class="row-select"
                  name="items"
                  value={`${l.id}:${l.version}`}
                  aria-label={`Select conflict ${l.id}`}
                />
              ) : null}
              <a class="row-link" href={`/conflicts/${l.id}`}>
                <div class="row-head">
                  <SeverityBadge severity={l.severity} />
                  <StatusBadge status={l.status} />
                  {l.proposedStatus ? <span class="muted">proposed: {label(l.proposedStatus)}</span> : null}
                  {l.assignee ? <span class="muted">→ {l.assignee}</span> : null}
                  <span class="muted">score {l.score.toFixed(2)}</span>
                  <span class="muted">#{l.id}</span>
                </div>
                <div class="sides">
                  <SideCell claim={l.a} side={l.explanation.a} />
                  <div class="versus" aria-hidden="true">
                    vs
                  </div>
                  <SideCell claim={l.b} side={l.explanation.b} />
                </div>
              </a>
            </li>
          ))}
        </ol>
      </form>
      <nav class="pager" aria-label="Pages">
        {query.offset > 0 ? pageLink(Math.max(0, query.offset - query.limit), '← Previous', 'prev') : null}
        {more ? pageLink(query.offset + query.limit, 'Next →', 'next') : null}
      </nav>
    </div>
  );
}
