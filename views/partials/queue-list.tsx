// The conflict list with its bulk form: swapped alone by the queue's filters, pager and bulk actions,
// and embedded in the full queue page. Every link keeps the filters in the URL. Its pair rows are
// queue-row.tsx's.
import { queueParams } from '../../src/shared/read-queries';
import { hasRole } from '../../src/shared/user';
import { SeverityBadge } from '../components/badge';
import type { BulkItemResult, ConflictQueue, LinkWithClaims, QueueEntry, UnfoldedFact } from '../types';
import { BulkBar, BulkReport } from './queue-bulk';
import { renderedRow } from './queue-row';

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
            <span class="fact-summary">
              {factSummary(pairs, speakers)}
              {/* The row carries its first pairs only, which may not name every outlet: say so. */}
              {matching > pairs.length ? (
                <span class="muted">
                  {' '}
                  (from {pairs.length} of its {matching} pairs)
                </span>
              ) : null}
            </span>
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
