// The conflict queue: counts, filters that refresh the list through htmx, and the list itself.
import { LINK_STATUSES } from '../../db/schema';
import { label } from '../components/format';
import { QueueList } from '../partials/queue-list';
import type { ConflictQueue } from '../types';

function Count({ n, text }: { n: number; text: string }) {
  return (
    <div class="count">
      <span class="n">{n.toLocaleString('en-US')}</span>
      <span class="what">{text}</span>
    </div>
  );
}

export function QueuePage({ queue }: { queue: ConflictQueue }) {
  const { counts, query, outlets } = queue;
  return (
    <>
      <h1>Conflict queue</h1>
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
        <label class="grow">
          Search
          <input
            type="search"
            name="q"
            value={query.q ?? ''}
            maxlength={200}
            placeholder="words in either claim or title"
          />
        </label>
        <noscript>
          <button type="submit" class="btn">
            Filter
          </button>
        </noscript>
      </form>
      <QueueList queue={queue} />
    </>
  );
}
