// What became of an article added by URL whose page is stored from the queue (Workers), or given with its
// text and extracted from the queue (`pasted`): shown in the
// "Add article" form's message box, it asks again every second (htmx) until the article is stored,
// found stored already, or failed, then links to it or says why (and, while it waits, why it was sent
// again when the Worker's cron found its queue message lost).

export interface UrlAddStatusProps {
  importId: number;
  /** The URL as given. */
  target: string;
  /** The import item's status: 'running' until stored, then 'stored', 'duplicate' or 'failed'. */
  status: string;
  articleId?: number | null;
  reason?: string | null;
  /** Known to the request that read the page, not to later polls. */
  title?: string;
  outlet?: string;
  /** An article given with its text (its import's kind is `text`), not read from a page. */
  pasted?: boolean;
}

export function UrlAddStatus(p: UrlAddStatusProps) {
  const waiting = p.status === 'running' || p.status === 'pending';
  const poll = waiting
    ? {
        'hx-get': `/imports/${p.importId}/progress?view=add`,
        'hx-trigger': 'every 1s',
        'hx-target': 'this',
        'hx-swap': 'outerHTML',
      }
    : {};
  const article = p.articleId ? <a href={`/articles/${p.articleId}`}>article {p.articleId}</a> : null;
  return (
    <div id="url-add-status" class="url-add-status" data-status={p.status} {...poll}>
      {waiting ? (
        <p class="notice" role="status">
          {p.pasted ? 'Text received' : 'Page read'}
          {p.title ? <>: “{p.title}”</> : null}
          {p.outlet ? <> ({p.outlet})</> : null}.{' '}
          {p.pasted ? 'Extracting its claims and storing it' : 'Storing it and its claims'}…{' '}
          {p.reason ? <span class="url-add-reason">({p.reason})</span> : null}{' '}
          <a href={`/imports/${p.importId}`} class="muted">
            progress
          </a>
        </p>
      ) : p.status === 'stored' ? (
        <p class="notice" role="status">
          Stored as {article}: <span class="import-target">{p.target}</span>. Its claims are compared with the
          archive next.
        </p>
      ) : p.status === 'duplicate' ? (
        <p class="notice" role="status">
          Already stored as {article}; nothing new was stored{p.reason ? ` (${p.reason})` : ''}.
        </p>
      ) : (
        <p class="error" role="alert">
          Nothing was stored from <span class="import-target">{p.target}</span>: {p.reason ?? 'it failed'}.
        </p>
      )}
    </div>
  );
}
