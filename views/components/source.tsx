// Where a claim comes from: outlet, article title (linked to our page) and the original URL if http(s).
import { safeHref } from './format';

export interface SourceLike {
  articleId: number;
  outlet: string;
  articleTitle: string;
  articleUrl: string | null;
  publishedAt: string | null;
}

export function SourceLine({ s }: { s: SourceLike }) {
  const href = safeHref(s.articleUrl);
  return (
    <p class="source">
      <span class="outlet">{s.outlet}</span>
      {' · '}
      <a href={`/articles/${s.articleId}`}>{s.articleTitle}</a>
      {s.publishedAt ? <span class="muted"> · {s.publishedAt}</span> : null}
      {href ? (
        <>
          {' · '}
          <a href={href} rel="noopener noreferrer nofollow" target="_blank">
            original
          </a>
        </>
      ) : s.articleUrl ? (
        <span class="muted"> · {s.articleUrl}</span>
      ) : null}
    </p>
  );
}
