// One conflict pair as a queue row (both sides, severity, status, its checkbox), and the cache of rows
// already drawn. The fact list (queue-list.tsx) and a fact's unfolded pairs draw their pairs with it.
import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { SeverityBadge, StatusBadge } from '../components/badge';
import { formatInterval, label } from '../components/format';
import type { ClaimSummary, LinkWithClaims } from '../types';

/** What one side of a queue row shows: the figure compared (or the claim's first), outlet and sentence. */
interface SideView {
  figure: string | null;
  interval: string | null;
  outlet: string;
  text: string;
}

/** Everything one queue row shows, and nothing else: the row is drawn from this alone. */
interface RowView {
  id: number;
  version: number;
  severity: LinkWithClaims['severity'];
  status: LinkWithClaims['status'];
  proposedStatus: LinkWithClaims['proposedStatus'];
  assignee: string | null;
  score: string;
  canBulk: boolean;
  /** Under its fact's row: figures and sources only (the fact's row and page give the sentences). */
  compact: boolean;
  a: SideView;
  b: SideView;
}

function sideView(
  claim: ClaimSummary,
  side: LinkWithClaims['explanation']['a'],
  speaker: string | undefined,
): SideView {
  const q = side ?? claim.quantities[0] ?? null;
  return {
    figure: q ? q.text : null,
    interval: q ? formatInterval(q) : null,
    outlet: speaker ? `${speaker}, quoted by ${claim.outlet}` : claim.outlet,
    text: claim.text,
  };
}

function rowView(
  l: LinkWithClaims,
  canBulk: boolean,
  speakers: Record<number, string>,
  compact: boolean,
): RowView {
  return {
    id: l.id,
    version: l.version,
    severity: l.severity,
    status: l.status,
    proposedStatus: l.proposedStatus,
    assignee: l.assignee,
    score: l.score.toFixed(2),
    canBulk,
    compact,
    a: sideView(l.a, l.explanation.a, speakers[l.claimA]),
    b: sideView(l.b, l.explanation.b, speakers[l.claimB]),
  };
}

function SideCell({ side, compact }: { side: SideView; compact: boolean }) {
  return (
    <div class="side">
      <div class="number">
        {side.figure !== null ? (
          <>
            <strong>{side.figure}</strong> <span class="interval">{side.interval}</span>
          </>
        ) : (
          <span class="muted">no number</span>
        )}
      </div>
      <div class="outlet">{side.outlet}</div>
      {compact ? null : <div class="claim-text">{side.text}</div>}
    </div>
  );
}

function QueueRow({ row }: { row: RowView }) {
  return (
    <li class={`queue-row severity-${row.severity}`} data-kb-item="row" tabindex={-1} id={`row-${row.id}`}>
      {row.canBulk ? (
        <input
          type="checkbox"
          class="row-select"
          name="items"
          value={`${row.id}:${row.version}`}
          aria-label={`Select conflict ${row.id}`}
        />
      ) : null}
      <a class="row-link" href={`/conflicts/${row.id}`}>
        <div class="row-head">
          <SeverityBadge severity={row.severity} />
          <StatusBadge status={row.status} />
          {row.proposedStatus ? <span class="muted">proposed: {label(row.proposedStatus)}</span> : null}
          {row.assignee ? <span class="muted">→ {row.assignee}</span> : null}
          <span class="muted">score {row.score}</span>
          <span class="muted">#{row.id}</span>
        </div>
        <div class="sides">
          <SideCell side={row.a} compact={row.compact} />
          <div class="versus" aria-hidden="true">
            vs
          </div>
          <SideCell side={row.b} compact={row.compact} />
        </div>
      </a>
    </li>
  );
}

// Rendered rows by their view (RowView: everything a row shows, so also its cache key). Every write
// makes the queue be read and rendered anew (a new data version), and most writes leave most of the
// page's 50 rows as they were, whose drawing was most of the page's CPU. A changed row has another
// view, so another key: nothing stale can be served. The text kept is QueueRow's own escaped output,
// so it goes back in as it is (raw); no stored text ever reaches raw() unescaped.
const ROWS = new Map<string, HtmlEscapedString>();
const MAX_ROWS = 512;

export function renderedRow(
  l: LinkWithClaims,
  canBulk: boolean,
  speakers: Record<number, string> = {},
  compact = false,
): HtmlEscapedString {
  const row = rowView(l, canBulk, speakers, compact);
  const key = JSON.stringify(row);
  let html = ROWS.get(key);
  if (html === undefined) {
    html = raw(String(<QueueRow row={row} />));
    if (ROWS.size >= MAX_ROWS) ROWS.delete(ROWS.keys().next().value!);
    ROWS.set(key, html);
  } else {
    // Most recently used last, so the eviction above drops the row unseen longest.
    ROWS.delete(key);
    ROWS.set(key, html);
  }
  return html;
}
