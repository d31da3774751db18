// All stored articles, newest first.
import { formatDate } from '../components/format';

export interface ArticleListItemView {
  id: number;
  title: string;
  outlet: string;
  publishedAt: string | null;
  ingestedAt: number;
  claims: number;
}

export function ArticlesPage({ items }: { items: ArticleListItemView[] }) {
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
                {a.publishedAt ? ` · ${a.publishedAt}` : ''} · {a.claims} claims · added{' '}
                {formatDate(a.ingestedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
