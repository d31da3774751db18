// One import's progress: done / total with a bar, the item being done now, every failure with its
// reason, and each item's outcome. While the import runs it asks again every second (htmx), so the
// page moves as the work goes on; once finished it stops asking.
import { formatDate } from '../components/format';
import type { ImportProgress } from '../types';

const OUTCOME: Record<string, string> = {
  pending: 'waiting',
  running: 'now',
  stored: 'stored',
  duplicate: 'already stored',
  subscribed: 'subscribed',
  failed: 'failed',
};

export function ImportProgressView({ p }: { p: ImportProgress }) {
  const { job, counts } = p;
  const percent = p.total ? Math.round((p.done / p.total) * 100) : 100;
  const poll = p.finished
    ? {}
    : { 'hx-get': `/imports/${job.id}/progress`, 'hx-trigger': 'every 1s', 'hx-swap': 'outerHTML' };
  return (
    <section id="import-progress" class="card import-progress" {...poll}>
      <p class="import-count">
        <strong>
          {p.done} / {p.total}
        </strong>{' '}
        done{p.finished ? '' : '…'}
        <span class="muted">
          {' '}
          · {counts.stored} stored · {counts.duplicate} already stored
          {job.kind === 'opml' ? ` · ${counts.subscribed} subscribed` : ''} · {counts.failed} failed
        </span>
      </p>
      <progress class="import-bar" max={p.total} value={p.done} aria-label={`${percent}% of the import done`}>
        {percent}%
      </progress>
      <p class="import-now" role="status">
        {p.finished ? (
          <>Finished {job.finishedAt ? formatDate(job.finishedAt) : ''} UTC.</>
        ) : p.current ? (
          <>
            Now: item {p.current.position}, <span class="import-target">{p.current.target}</span>
          </>
        ) : (
          <>Waiting for the next item…</>
        )}
      </p>
      {p.failures.length > 0 ? (
        <>
          <h2>Failures ({p.failures.length})</h2>
          <ul class="import-failures">
            {p.failures.map((f) => (
              <li>
                <span class="import-target">{f.target}</span>
                <span class="import-reason">{f.reason}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <details class="import-items" open={p.total <= 20}>
        <summary>All {p.total} items</summary>
        <ol>
          {p.items.map((i) => (
            <li class={`import-item import-${i.status}`}>
              <span class={`import-outcome outcome-${i.status}`}>{OUTCOME[i.status] ?? i.status}</span>{' '}
              {i.articleId ? (
                <a href={`/articles/${i.articleId}`} class="import-target">
                  {i.target}
                </a>
              ) : i.feedId ? (
                <a href={`/feeds/${i.feedId}`} class="import-target">
                  {i.target}
                </a>
              ) : (
                <span class="import-target">{i.target}</span>
              )}
              {i.reason && i.status !== 'failed' ? <span class="muted"> · {i.reason}</span> : null}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
