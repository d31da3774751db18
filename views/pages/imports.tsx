// /imports: start a bulk import (URLs, an OPML file, a JSON manifest) and the latest imports with how
// far each got; /imports/:id: one import's progress (partials/import-progress.tsx).
import { formatDate } from '../components/format';
import { ImportProgressView } from '../partials/import-progress';
import type { ImportProgress, ImportSummary } from '../types';

export interface ImportsPageProps {
  imports: ImportSummary[];
  canImport: boolean;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

const KIND: Record<string, string> = { urls: 'articles by URL', opml: 'feeds (OPML)', manifest: 'manifest' };

export function ImportsPage({ imports, canImport, errors = {}, values = {} }: ImportsPageProps) {
  return (
    <>
      <h1>Bulk import</h1>
      <p class="lede">
        Many articles or feeds at once. Each item is done on its own: the import's page shows how far it got,
        the item being done and every failure with its reason, and one failure never stops the others.
      </p>
      {canImport ? (
        <form
          class="card form"
          method="post"
          action="/imports"
          enctype="multipart/form-data"
          id="import-form"
        >
          <label>
            Article URLs, one a line
            <textarea
              name="urls"
              rows={6}
              placeholder={'https://…/news/story-one\nhttps://…/news/story-two'}
              aria-invalid={errors.urls ? 'true' : undefined}
              aria-describedby={errors.urls ? 'urls-error' : undefined}
            >
              {values.urls ?? ''}
            </textarea>
            {errors.urls ? (
              <p class="field-error" id="urls-error" role="alert">
                {errors.urls}
              </p>
            ) : null}
          </label>
          <label>
            Or a file: a list of URLs, an OPML file (its feeds are subscribed to) or a JSON manifest{' '}
            <span class="muted">(entries with "url", or "text", "outlet" and "title")</span>
            <input
              name="file"
              type="file"
              accept=".txt,.opml,.xml,.json,text/plain,text/xml,application/json"
            />
            {errors.file ? (
              <p class="field-error" id="file-error" role="alert">
                {errors.file}
              </p>
            ) : null}
          </label>
          <label>
            Feeds from OPML are polled every (minutes)
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
          <button type="submit" class="btn btn-primary">
            Start the import
          </button>
        </form>
      ) : null}
      <h2>Latest imports</h2>
      {imports.length === 0 ? (
        <p class="muted">No imports yet.</p>
      ) : (
        <ul class="import-list">
          {imports.map((j) => (
            <li>
              <a href={`/imports/${j.id}`}>
                Import {j.id}: {j.label}
              </a>{' '}
              <span class="muted">
                · {KIND[j.kind] ?? j.kind} · {j.done} / {j.total} done
                {j.failed ? `, ${j.failed} failed` : ''} · {j.finishedAt ? 'finished' : 'running'} · started{' '}
                {formatDate(j.createdAt)}
                {j.createdBy ? ` by ${j.createdBy}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ImportPage({ p }: { p: ImportProgress }) {
  return (
    <>
      <h1>
        Import {p.job.id}: {p.job.label}
      </h1>
      <p class="muted">
        {KIND[p.job.kind] ?? p.job.kind} · started {formatDate(p.job.createdAt)} UTC
        {p.job.createdBy ? ` by ${p.job.createdBy}` : ''} · <a href="/imports">all imports</a>
      </p>
      <ImportProgressView p={p} />
    </>
  );
}
