// One article: its text with claims highlighted, a panel showing what the selected claim agrees or conflicts with.
import { ArticleText } from '../components/article-text';
import { formatPublished, safeHref } from '../components/format';
import { LinkItem } from '../partials/claim-panel';
import { CrossrefPending } from '../partials/crossref-pending';
import type { ArticleView } from '../types';

export function ArticlePage({
  article,
  notice,
  canDelete = false,
}: {
  article: ArticleView;
  notice?: string;
  /** Editors see a confirm form that deletes the article with its claims and links. */
  canDelete?: boolean;
}) {
  const linkState = new Map<number, 'conflict' | 'corroboration'>();
  for (const l of article.links) {
    for (const id of [l.claimA, l.claimB]) {
      if (l.relation === 'corroboration') {
        if (!linkState.has(id)) linkState.set(id, 'corroboration');
      } else linkState.set(id, 'conflict');
    }
  }
  const own = new Set(article.claims.map((c) => c.id));
  const conflicts = article.links.filter((l) => l.relation !== 'corroboration');
  const href = safeHref(article.url);
  return (
    <>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {article.crossrefPending ? (
        <CrossrefPending articleId={article.id} claims={article.claims.length} />
      ) : null}
      <h1>{article.title}</h1>
      <p class="source">
        <span class="outlet">{article.outlet}</span>
        {article.author ? <span class="author"> · by {article.author}</span> : null}
        {article.publishedAt ? ` · ${formatPublished(article.publishedAt)}` : ''}
        {href ? (
          <>
            {' · '}
            <a href={href} rel="noopener noreferrer nofollow" target="_blank">
              original
            </a>
          </>
        ) : null}
        {' · '}
        {article.claims.length} {article.claims.length === 1 ? 'claim' : 'claims'} ·{' '}
        {article.crossrefPending
          ? 'being compared with the archive'
          : `${conflicts.length} ${conflicts.length === 1 ? 'conflict' : 'conflicts'}`}
      </p>
      {article.alsoPublishedBy.length > 0 ? (
        <p class="also-published">
          One wire story: also published by{' '}
          {article.alsoPublishedBy.map((p, k) => (
            <>
              {k > 0 ? ', ' : ''}
              <a href={`/articles/${p.id}`} title={p.title}>
                {p.outlet}
              </a>
            </>
          ))}
          . Their claims are not counted as corroborating or contradicting each other.
        </p>
      ) : null}
      <div class="article-layout">
        <section class="card" aria-label="Article text">
          <p class="legend muted">
            <span class="claim">claim</span> <span class="claim linked-conflict">conflicts</span>{' '}
            <span class="claim linked-corroboration">agrees</span>{' '}
            <span class="claim not-compared">compared with nothing</span> — select a claim to see its links.
            {article.crossrefPending
              ? ''
              : ` ${article.claims.length - article.comparedClaims.length} of ${article.claims.length} claims were compared with no claim of another article.`}
          </p>
          <ArticleText
            body={article.body}
            claims={article.claims}
            linkState={linkState}
            compared={article.crossrefPending ? undefined : new Set(article.comparedClaims)}
          />
        </section>
        <aside class="card claim-panel" id="claim-panel" aria-live="polite">
          <h2>Conflicts</h2>
          {article.crossrefPending ? (
            <p class="muted">Not compared with the archive yet.</p>
          ) : conflicts.length === 0 ? (
            <p class="muted">No conflicts with anything stored.</p>
          ) : (
            <ul class="links">
              {conflicts.map((l) => (
                <LinkItem link={l} from={own.has(l.claimA) ? l.claimA : l.claimB} />
              ))}
            </ul>
          )}
        </aside>
      </div>
      {canDelete ? <DeleteArticle id={article.id} claims={article.claims.length} /> : null}
    </>
  );
}

/** Closed by default, and a second button inside: deleting is never one stray click. */
function DeleteArticle({ id, claims }: { id: number; claims: number }) {
  return (
    <details class="card danger-zone">
      <summary>Delete this article</summary>
      <form method="post" action={`/articles/${id}/delete`}>
        <p>
          This removes the article, its {claims} claims and every conflict or agreement found with them.
          Review history stays in the audit log. It cannot be undone.
        </p>
        <button type="submit" class="btn-false">
          Delete the article
        </button>
      </form>
    </details>
  );
}
