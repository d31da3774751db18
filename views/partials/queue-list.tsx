// The conflict list with its bulk form: swapped alone by the queue's filters, pager and bulk actions,
// and embedded in the full queue page. Every link keeps the filters in the URL.
import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { queueParams } from '../../src/shared/read-queries';
import { hasRole } from '../../src/shared/user';
import { SeverityBadge, StatusBadge } from '../components/badge';
import { formatInterval, label } from '../components/format';
import type {
  BulkItemResult,
  ClaimSummary,
  ConflictQueue,
  LinkWithClaims,
  QueueEntry,
  UnfoldedFact,
} from '../types';
import { BulkBar, BulkReport } from './queue-bulk';

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

function renderedRow(
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

/** The filter an export of this list applies, in words: "this list (status open, severity high)". */
export function filterWords(query: ConflictQueue['query']): string {
  const parts = [`status ${query.status}`];
  for (const key of ['outlet', 'severity', 'entity', 'assignee', 'q'] as const) {
    if (query[key]) parts.push(`${key === 'q' ? 'search' : key} “${query[key]}”`);
  }
  return `this list (${parts.join(', ')}; up to 1,000)`;
}

/** "CNN 57 countries · Austin, quoted by CNN, about 50 countries · DOD some 50 partners". */
export function factSummary(links: LinkWithClaims[], speakers: Record<number, string>): string {
  const seen = new Map<number, string>();
  for (const l of links) {
    for (const [claim, c, side] of [
      [l.claimA, l.a, l.explanation.a],
      [l.claimB, l.b, l.explanation.b],
    ] as const) {
      if (seen.has(claim)) continue;
      const who = speakers[claim] ? `${speakers[claim]}, quoted by ${c.outlet},` : c.outlet;
      seen.set(claim, `${who} ${side?.text ?? c.quantities[0]?.text ?? ''}`.trim());
    }
  }
  return [...seen.values()].join(' · ');
}

const RANK = { high: 0, medium: 1, low: 2 } as const;
const RULED_WORDS: Record<string, string> = {
  false: 'ruled false',
  disputed: 'ruled disputed',
  unverifiable: 'ruled unverifiable',
  verified: 'verified',
};

/** "CNN's 57 countries repeats a figure ruled false on 2026-12-06 (verdict)": one line per claim. */
function RepeatNotes({
  links,
  repeats,
  speakers,
}: {
  links: LinkWithClaims[];
  repeats: ConflictQueue['repeats'];
  speakers: Record<number, string>;
}) {
  const seen = new Set<number>();
  const notes = links.flatMap((l) =>
    (
      [
        [l.claimA, l.a, l.explanation.a],
        [l.claimB, l.b, l.explanation.b],
      ] as const
    ).flatMap(([claim, c, side]) => {
      const r = repeats[claim];
      if (!r || seen.has(claim)) return [];
      seen.add(claim);
      const who = speakers[claim] ? `${speakers[claim]}, quoted by ${c.outlet}` : c.outlet;
      const href = r.by.type === 'claim' ? `/claims/${r.by.id}#history` : `/conflicts/${r.by.id}#history`;
      return [
        <li class={`repeat-${r.status}`}>
          <a href={`/claims/${claim}`}>
            {who}: {side?.text ?? c.quantities[0]?.text ?? 'this figure'}
          </a>{' '}
          repeats a figure {RULED_WORDS[r.status] ?? r.status}
          {r.at ? ` on ${new Date(r.at).toISOString().slice(0, 10)}` : ''} (
          <a href={href}>{r.by.type === 'claim' ? 'the verdict' : `conflict #${r.by.id} resolved`}</a>)
        </li>,
      ];
    }),
  );
  return notes.length ? <ul class="repeat-notes">{notes}</ul> : null;
}

/** One row per fact in disagreement: its outlets' figures, then its pairs, folded (the drill-down). */
function FactEntry({
  entry,
  speakers,
  repeats,
  canBulk,
  query,
}: {
  entry: QueueEntry & { factId: number };
  speakers: Record<number, string>;
  repeats: ConflictQueue['repeats'];
  canBulk: boolean;
  query: ConflictQueue['query'];
}) {
  const { factId, pairs, matching } = entry;
  const worst = pairs.reduce((w, l) => (RANK[l.severity] < RANK[w] ? l.severity : w), pairs[0]!.severity);
  const open = pairs.filter((l) => l.status === 'open').length;
  const pairWord = (n: number) => (n === 1 ? 'pair' : 'pairs');
  return (
    <li
      class={`queue-row fact-entry severity-${worst}`}
      data-kb-item="row"
      tabindex={-1}
      id={`fact-${factId}`}
    >
      {canBulk ? (
        <input
          type="checkbox"
          class="row-select"
          name="items"
          value={pairs.map((l) => `${l.id}:${l.version}`).join(',')}
          aria-label={`Select the ${pairs.length} ${pairWord(pairs.length)} of fact ${factId}`}
        />
      ) : null}
      <div class="fact-body">
        <a class="row-link fact-link" href={`/facts/${factId}`}>
          <div class="row-head fact-head">
            <SeverityBadge severity={worst} />
            <span class="fact-summary">{factSummary(pairs, speakers)}</span>
          </div>
          <div class="muted fact-meta">
            fact #{factId} · {matching} {pairWord(matching)} in disagreement
            {open !== pairs.length ? ` (${open} open here)` : ''}
          </div>
        </a>
        <RepeatNotes links={pairs} repeats={repeats} speakers={speakers} />
        {/* The pairs are read when the row is opened (htmx), not with the queue; without script the
            summary's link leads to the fact page, which has them all. */}
        <details
          class="fact-pairs"
          hx-get={withQuery(`/facts/${factId}/pairs`, String(queueParams(query, { offset: 0, limit: 50 })))}
          hx-trigger="toggle once"
          hx-target={`#fact-pairs-${factId}`}
          hx-swap="innerHTML"
        >
          <summary>{matching === 1 ? 'Its pair' : `Its ${matching} pairs`}</summary>
          <div id={`fact-pairs-${factId}`} class="fact-pairs-list">
            <p class="muted">
              <a href={`/facts/${factId}`}>The pairs are on the fact page</a>
            </p>
          </div>
        </details>
      </div>
    </li>
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
  const { entries, total, query } = queue;
  const more = query.offset + entries.length < total;
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
            : `Showing ${query.offset + 1}–${query.offset + entries.length} of ${total} ${total === 1 ? 'disagreement' : 'disagreements'}, most severe first`}
        {total > 0 && !mineMissing ? (
          <>
            <span class="wide-only"> (a fact counts once, however many of its pairs conflict)</span>.
          </>
        ) : null}{' '}
      </p>
      <details class="fold-narrow exports-fold">
        <summary>Export</summary>
        <p class="exports muted">
          Export {filterWords(query)}:{' '}
          <a href={`/api/export/conflicts.csv?${queueParams(query, { offset: 0, limit: 1000 })}`}>CSV</a> ·{' '}
          <a href={`/api/export/conflicts.json?${queueParams(query, { offset: 0, limit: 1000 })}`}>JSON</a> ·
          all conflicts: <a href="/api/export/conflicts.csv?status=all&amp;limit=5000">CSV</a> · reviewed
          claims: <a href="/api/export/claims.csv">CSV</a> ·{' '}
          <a href="/api/export/claimreview">ClaimReview JSON-LD</a>
        </p>
      </details>
      <form
        id="bulk-form"
        method="post"
        action="/conflicts/bulk"
        hx-post="/conflicts/bulk"
        hx-target="#queue-list"
        hx-swap="outerHTML"
      >
        <input type="hidden" name="return_to" value={here} />
        {canBulk && entries.length > 0 ? (
          <details class="fold-narrow bulk-fold">
            <summary>With the selected conflicts…</summary>
            <BulkBar queue={queue} />
          </details>
        ) : null}
        <ol class="queue">
          {queue.entries.map((e) =>
            e.factId === null ? (
              <>
                {renderedRow(e.pairs[0]!, canBulk, queue.speakers)}
                <RepeatNotes links={e.pairs} repeats={queue.repeats} speakers={queue.speakers} />
              </>
            ) : (
              <FactEntry
                entry={{ ...e, factId: e.factId }}
                speakers={queue.speakers}
                repeats={queue.repeats}
                canBulk={canBulk}
                query={query}
              />
            ),
          )}
        </ol>
      </form>
      <nav class="pager" aria-label="Pages">
        {query.offset > 0 ? pageLink(Math.max(0, query.offset - query.limit), '← Previous', 'prev') : null}
        {more ? pageLink(query.offset + query.limit, 'Next →', 'next') : null}
      </nav>
    </div>
  );
}

const withQuery = (path: string, q: string) => (q ? `${path}?${q}` : path);

/** An unfolded fact's pairs, as htmx puts them under its queue row (GET /facts/:id/pairs). */
export function FactPairs({ unfolded, canBulk }: { unfolded: UnfoldedFact; canBulk: boolean }) {
  const { factId, pairs, more, speakers } = unfolded;
  if (pairs.length === 0) return <p class="muted">No pair of this fact matches the filters.</p>;
  return (
    <>
      <ol class="queue">{pairs.map((l) => renderedRow(l, canBulk, speakers, true))}</ol>
      {more ? (
        <p class="muted">
          The {pairs.length} most severe; <a href={`/facts/${factId}`}>all of them on the fact page</a>
        </p>
      ) : null}
    </>
  );
}
