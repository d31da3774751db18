// The queue's bulk form: what can be done to the selected conflicts, and what a bulk action changed.
import { LINK_STATUSES } from '../../src/shared/statuses';
import { hasRole } from '../../src/shared/user';
import { label } from '../components/format';
import type { BulkItemResult, ConflictQueue } from '../types';

/** Which selected items landed and which did not (stale, forbidden), after a bulk action. */
export function BulkReport({ report }: { report: BulkItemResult[] }) {
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

export function BulkBar({ queue }: { queue: ConflictQueue }) {
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
