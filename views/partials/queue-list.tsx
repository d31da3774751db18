// The conflict list: swapped alone by the queue's filters, and embedded in the full queue page.
import { SeverityBadge, StatusBadge } from '../components/badge';
import { formatInterval } from '../components/format';
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

export function QueueList({ queue }: { queue: ConflictQueue }) {
  const { items, total, query } = queue;
  const more = query.offset + items.length < total;
  const params = (offset: number) => {
    const p = new URLSearchParams();
    p.set('status', query.status);
    if (query.outlet) p.set('outlet', query.outlet);
    if (query.q) p.set('q', query.q);
    if (offset) p.set('offset', String(offset));
    return `/?${p}`;
  };
  return (
    <div id="queue-list" aria-live="polite">
      <p class="muted">
        {total === 0
          ? 'No conflicts match.'
          : `Showing ${query.offset + 1}–${query.offset + items.length} of ${total} ${total === 1 ? 'conflict' : 'conflicts'}, most severe first.`}
      </p>
      <ol class="queue">
        {items.map((l) => (
          <li class={`queue-row severity-${l.severity}`}>
            <a class="row-link" href={`/conflicts/${l.id}`}>
              <div class="row-head">
                <SeverityBadge severity={l.severity} />
                <StatusBadge status={l.status} />
                <span class="muted">score {l.score.toFixed(2)}</span>
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
      <nav class="pager" aria-label="Pages">
        {query.offset > 0 ? <a href={params(Math.max(0, query.offset - query.limit))}>← Previous</a> : null}
        {more ? <a href={params(query.offset + query.limit)}>Next →</a> : null}
      </nav>
    </div>
  );
}
