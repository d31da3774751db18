// All stored articles, newest first, and the log of the ones editors deleted.

import type { HistoryEntry } from '../../src/shared/history';
import { formatDate, formatPublished } from '../components/format';
import { HistoryItem } from '../partials/history';

export interface ArticleListItemView {
  id: number;
  title: string;
  outlet: string;
  publishedAt: string | null;
  ingestedAt: number;
  claims: number;
  /** Stored, not yet compared with the archive (the Worker's queue consumer does that). */
  crossrefPending?: boolean;
}

export function ArticlesPage({
  items,
  deletions = [],
}: {
  items: ArticleListItemView[];
  deletions?: HistoryEntry[];
}) {
  return (
    <>
      <h1>Articles</h1>
      {items.length === 0 ? (
        <p class="muted">
          Nothing stored yet. <a href="/articles/new">Add an article</a>.
        </p>
      ) : (
        <ul class="article-list">
          {items.map((a) => (
            <li class="card">
              <a href={`/articles/${a.id}`}>{a.title}</a>
              <p class="source">
                <span class="outlet">{a.outlet}</span>
                {a.publishedAt ? ` · ${formatPublished(a.publishedAt)}` : ''} · {a.claims} claims · added{' '}
                {formatDate(a.ingestedAt)}
                {a.crossrefPending ? ' · being compared with the archive' : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {deletions.length > 0 ? (
        <details class="card history deleted-articles">
          <summary>
            Deleted articles <span class="muted">({deletions.length})</span>
          </summary>
          <ul>
            {deletions.map((entry) => (
              <HistoryItem entry={entry} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
