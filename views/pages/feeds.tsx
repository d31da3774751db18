// /feeds: the subscriptions with each one's last poll (when, outcome, new items, last error), its
// items so far, and the forms to add a feed or import an OPML list. While items are being added the
// table asks again every 2 s (htmx), so the counts move as the work goes on.

import { formatDate } from '../components/format';
import type { FeedItemRow, FeedRow } from '../types';

export interface FeedView extends FeedRow {
  items: Record<string, number>;
}

export interface FeedsPageProps {
  feeds: FeedView[];
  canEdit: boolean;
  canDelete: boolean;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  /** A notice above the table (what the last action did). */
  notice?: string;
  /** 'warning': the action did not work out (a failed poll). */
  noticeTone?: 'warning';
}

const STATUS: Record<string, string> = { ok: 'ok', 'not-modified': 'not modified (304)', error: 'failed' };

/** "2 done of 2: 1 stored, 0 already stored, 1 failed", or "none yet" before the first item. */
function ItemCounts({ items }: { items: Record<string, number> }) {
  const total = Object.values(items).reduce((a, b) => a + b, 0);
  if (total === 0) return <span class="muted">none yet</span>;
  const done = (items.stored ?? 0) + (items.duplicate ?? 0) + (items.failed ?? 0);
  return (
    <>
      {done} done of {total}: {items.stored ?? 0} stored, {items.duplicate ?? 0} already stored,{' '}
      {items.failed ?? 0} failed
      {items.queued ? <strong> · {items.queued} being added…</strong> : null}
    </>
  );
}

export function FeedsTable({
  feeds,
  canEdit,
  canDelete,
}: Pick<FeedsPageProps, 'feeds' | 'canEdit' | 'canDelete'>) {
  const busy = feeds.some((f) => (f.items.queued ?? 0) > 0);
  return (
    <div
      id="feeds-table"
      {...(busy ? { 'hx-get': '/feeds/table', 'hx-trigger': 'every 2s', 'hx-swap': 'outerHTML' } : {})}
    >
      {feeds.length === 0 ? (
        <p class="muted">No feeds yet.</p>
      ) : (
        <table class="feeds">
          <thead>
            <tr>
              <th scope="col">Feed</th>
              <th scope="col">Every</th>
              <th scope="col">Last poll</th>
              <th scope="col">New items</th>
              <th scope="col">Items</th>
              <th scope="col">Next poll</th>
              {canEdit ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {feeds.map((f) => (
              <tr id={`feed-${f.id}`} class={f.lastStatus === 'error' ? 'feed-failing' : ''}>
                <td>
                  {/* A feed not read yet has no title: its URL once, not twice. */}
                  {f.title ? (
                    <>
                      <strong>{f.title}</strong>
                      <br />
                      <span class="muted">{f.url}</span>
                    </>
                  ) : (
                    <strong class="feed-url">{f.url}</strong>
                  )}
                  {f.outlet ? <span class="muted"> · outlet {f.outlet}</span> : null}
                </td>
                <td>{f.intervalMinutes} min</td>
                <td>
                  {f.lastPolledAt ? (
                    <>
                      {formatDate(f.lastPolledAt)}:{' '}
                      <span class={`poll-${f.lastStatus}`}>{STATUS[f.lastStatus ?? ''] ?? f.lastStatus}</span>
                      {f.lastError ? (
                        <p class="error" role="status">
                          {f.lastError}
                          {f.consecutiveErrors > 1
                            ? ` (${f.consecutiveErrors} failures in a row; polling backs off)`
                            : ''}
                        </p>
                      ) : null}
                    </>
                  ) : (
                    <span class="muted">not yet</span>
                  )}
                </td>
                <td>{f.lastNewItems ?? '–'}</td>
                <td class="feed-items">
                  <ItemCounts items={f.items} /> · <a href={`/feeds/${f.id}`}>items</a>
                </td>
                <td>{formatDate(f.nextPollAt)}</td>
                {canEdit ? (
                  <td class="actions">
                    <form method="post" action={`/feeds/${f.id}/poll`}>
                      <button type="submit" class="btn">
                        Poll now
                      </button>
                    </form>
                    {canDelete ? (
                      <form method="post" action={`/feeds/${f.id}/delete`}>
                        <button type="submit" class="btn btn-danger">
                          Delete
                        </button>
                      </form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function FeedsPage({
  feeds,
  canEdit,
  canDelete,
  errors = {},
  values = {},
  notice,
  noticeTone,
}: FeedsPageProps) {
  return (
    <>
      <h1>Feeds</h1>
      <p class="lede">
        RSS, Atom, RDF and JSON Feed subscriptions. Each is polled at its interval (a conditional GET: an
        unchanged feed costs one small request); every item no feed listed before is fetched once and added as
        an article. A long OPML list can also go through <a href="/imports">bulk import</a>, which shows each
        feed's outcome as it goes.
      </p>
      {notice ? (
        <p class={noticeTone ? `notice ${noticeTone}` : 'notice'} role="status">
          {notice}
        </p>
      ) : null}
      <FeedsTable feeds={feeds} canEdit={canEdit} canDelete={canDelete} />
      {canEdit ? (
        <div class="grid-2">
          <form class="card form" method="post" action="/feeds" id="feed-form">
            <h2>Add a feed</h2>
            <label>
              Feed URL
              <input
                name="url"
                type="url"
                required
                maxlength={2000}
                value={values.url ?? ''}
                placeholder="https://…/rss.xml"
              />
              {errors.url ? (
                <p class="field-error" role="alert">
                  {errors.url}
                </p>
              ) : null}
            </label>
            <label>
              Poll every (minutes)
              <input
                name="intervalMinutes"
                type="number"
                min={5}
                max={10080}
                value={values.intervalMinutes ?? '30'}
              />
              {errors.intervalMinutes ? (
                <p class="field-error" role="alert">
                  {errors.intervalMinutes}
                </p>
              ) : null}
            </label>
            <label>
              Outlet <span class="muted">(optional: when its pages do not name one)</span>
              <input name="outlet" maxlength={200} value={values.outlet ?? ''} />
            </label>
            <button type="submit" class="btn btn-primary">
              Subscribe and poll now
            </button>
          </form>
          <form
            class="card form"
            method="post"
            action="/feeds/opml"
            enctype="multipart/form-data"
            id="opml-form"
          >
            <h2>Import OPML</h2>
            <label>
              OPML file
              <input name="file" type="file" accept=".opml,.xml,text/xml,application/xml" required />
              {errors.file ? (
                <p class="field-error" role="alert">
                  {errors.file}
                </p>
              ) : null}
            </label>
            <label>
              Poll every (minutes)
              <input name="intervalMinutes" type="number" min={5} max={10080} value="30" />
            </label>
            <button type="submit" class="btn">
              Import
            </button>
          </form>
        </div>
      ) : null}
    </>
  );
}

export function FeedItemsPage({ feed, items }: { feed: FeedRow; items: FeedItemRow[] }) {
  return (
    <>
      <h1>{feed.title ?? feed.url}</h1>
      <p class="muted">
        {feed.url} · <a href="/feeds">all feeds</a>
      </p>
      {items.length === 0 ? (
        <p class="muted">No items yet.</p>
      ) : (
        <ul class="feed-item-list">
          {items.map((i) => (
            <li>
              {i.articleId ? <a href={`/articles/${i.articleId}`}>{i.title ?? i.url}</a> : (i.title ?? i.url)}{' '}
              <span class="muted">
                · {i.status}
                {i.error ? `: ${i.error}` : ''} · {formatDate(i.seenAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
