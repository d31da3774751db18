// The append-only history of a claim or conflict: who, when, from which status to which, note, evidence.

import type { HistoryEntry } from '../../src/shared/history';
import { StatusBadge } from '../components/badge';
import { label, safeHref } from '../components/format';

/** The audit log's action names, in words. */
export function describeAction(action: string): string {
  if (action === 'reopen') return 'reopened';
  if (action === 'delete') return 'deleted the article';
  if (action === 'unassign') return 'unassigned';
  if (action.startsWith('assign:')) return `assigned to ${action.slice('assign:'.length)}`;
  const m = action.match(/^(mark|resolve|propose|approve|reject)_(.+)$/);
  if (!m) return action.replace(/_/g, ' ');
  const [, verb, status] = m as unknown as [string, string, string];
  const what = label(status);
  switch (verb) {
    case 'mark':
      return `marked ${what.toLowerCase()}`;
    case 'resolve':
      return `resolved: ${what}`;
    case 'propose':
      return `proposed “${what}”`;
    case 'approve':
      return `approved “${what}”`;
    default:
      return `rejected the proposed “${what}”`;
  }
}

export function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const iso = new Date(entry.createdAt).toISOString();
  const who = entry.displayName && entry.displayName !== entry.reviewer ? entry.displayName : null;
  return (
    <li class="history-entry">
      <div class="history-head">
        <strong class="who">{who ?? entry.reviewer}</strong>
        {who ? <span class="muted"> ({entry.reviewer})</span> : null} {describeAction(entry.action)}{' '}
        {entry.fromStatus && entry.fromStatus !== entry.toStatus ? (
          <span class="transition">
            <StatusBadge status={entry.fromStatus} /> → <StatusBadge status={entry.toStatus} />
          </span>
        ) : null}{' '}
        <time datetime={iso} title={iso}>
          {`${iso.slice(0, 16).replace('T', ' ')} UTC`}
        </time>
      </div>
      {entry.note ? <p class="history-note">{entry.note}</p> : null}
      {entry.evidence.length > 0 ? (
        <ul class="evidence">
          {entry.evidence.map((url) => {
            const href = safeHref(url);
            // Only http(s) becomes a link; anything else stays visible as text.
            return (
              <li>
                {href ? (
                  <a href={href} rel="noopener noreferrer nofollow" target="_blank">
                    {url}
                  </a>
                ) : (
                  url
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </li>
  );
}

/** Newest first, as the log is read. */
export function History({ entries, title = 'History' }: { entries: HistoryEntry[]; title?: string }) {
  return (
    <details class="history-box" open={entries.length > 0 ? true : undefined}>
      <summary>
        {title} <span class="muted">({entries.length})</span>
      </summary>
      {entries.length === 0 ? (
        <p class="muted">No reviews yet.</p>
      ) : (
        <ol class="history">
          {entries.map((e) => (
            <HistoryItem entry={e} />
          ))}
        </ol>
      )}
    </details>
  );
}
