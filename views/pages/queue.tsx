// The conflict queue: counts, filters that refresh the list through htmx, and the list itself.

import { LINK_STATUSES } from '../../src/shared/statuses';
import { label } from '../components/format';
import { KeysScript } from '../components/keys-script';
import { QueueList } from '../partials/queue-list';
import type { BulkItemResult, ConflictQueue } from '../types';

function Count({ n, text }: { n: number; text: string }) {
  return (
    <div class="count">
      <span class="n">{n.toLocaleString('en-US')}</span>
      <span class="what">{text}</span>
    </div>
  );
}

/** How many filters differ from the queue's defaults (said on the folded tools' summary). */
function activeFilters(query: ConflictQueue['query']): number {
  return [
    query.status !== 'open',
    query.outlet,
    query.severity,
    query.entity,
    query.assignee,
    query.q,
    query.sort !== 'severity',
  ].filter(Boolean).length;
}

export function QueuePage({
  queue,
  report,
  error,
}: {
  queue: ConflictQueue;
  report?: BulkItemResult[];
  error?: string;
}) {
  const { counts, query, outlets, user, reviewers } = queue;
  return (
    <>
      <h1>{query.assignee === 'me' ? 'My queue' : 'Conflict queue'}</h1>
      {/* Open on a wide screen (app.css shows a closed fold's content there); one tap away on a phone,
          so that the first row is on the first screen. */}
      <details class="fold-narrow queue-tools">
        <summary>
          {counts.openConflicts.toLocaleString('en-US')} open conflicts · filters
          {activeFilters(query) ? ` (${activeFilters(query)} set)` : ''}
        </summary>
        <section class="counts" aria-label="Totals">
          <Count n={counts.articles} text="articles" />
          <Count n={counts.claims} text="claims" />
          <Count n={counts.openConflicts} text="open conflicts" />
          <Count n={counts.verifiedClaims} text="verified claims" />
        </section>
        <form
          class="filters"
          aria-label="Filter conflicts"
          method="get"
          action="/"
          hx-get="/"
          hx-trigger="input delay:300ms, change, submit"
          hx-target="#queue-list"
          hx-swap="outerHTML"
          hx-push-url="true"
        >
          <label>
            Status
            <select name="status">
              {['open', 'resolved', 'all', ...LINK_STATUSES.filter((s) => s !== 'open')].map((s) => (
                <option value={s} selected={query.status === s}>
                  {s === 'resolved' ? 'Any resolution' : s === 'all' ? 'All' : label(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Outlet
            <select name="outlet">
              <option value="">All outlets</option>
              {outlets.map((o) => (
                <option value={o} selected={query.outlet === o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
          <label>
            Severity
            <select name="severity">
              <option value="">Any</option>
              {(['high', 'medium', 'low'] as const).map((v) => (
                <option value={v} selected={query.severity === v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label>
            Assignee
            <select name="assignee">
              <option value="">Anyone</option>
              {user ? (
                <option value="me" selected={query.assignee === 'me'}>
                  Me (my queue)
                </option>
              ) : null}
              <option value="none" selected={query.assignee === 'none'}>
                Nobody
              </option>
              {reviewers
                .filter((r) => r.login !== user?.login)
                .map((r) => (
                  <option value={r.login} selected={query.assignee === r.login}>
                    {r.displayName}
                  </option>
                ))}
              {query.assignee &&
              !['me', 'none'].includes(query.assignee) &&
              !reviewers.some((r) => r.login === query.assignee) ? (
                <option value={query.assignee} selected>
                  {query.assignee}
                </option>
              ) : null}
            </select>
          </label>
          <label>
            Entity
            <input
              name="entity"
              value={query.entity ?? ''}
              maxlength={200}
              placeholder="e.g. Austin"
              size={12}
            />
          </label>
          <label>
            Sort
            <select name="sort">
              {(
                [
                  ['severity', 'Most severe'],
                  ['newest', 'Newest'],
                  ['score', 'Highest score'],
                ] as const
              ).map(([v, text]) => (
                <option value={v} selected={query.sort === v}>
                  {text}
                </option>
              ))}
            </select>
          </label>
          <label class="grow">
            Search claims
            <input
              type="search"
              name="q"
              value={query.q ?? ''}
              maxlength={200}
              placeholder="words in either claim (word* for a prefix)"
            />
          </label>
          <noscript>
            <button type="submit" class="btn">
              Filter
            </button>
          </noscript>
        </form>
        <p class="muted keys-hint">
          Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>x</kbd> select, <kbd>?</kbd> all keys.
        </p>
      </details>
      <QueueList queue={queue} report={report} error={error} />
      <KeysScript />
    </>
  );
}
