// One claim with its context, quantities, review actions and every link.
import { formatDate } from '../components/format';
import { QuantityList } from '../components/quantity';
import { SourceLine } from '../components/source';
import { LinkItem } from '../partials/claim-panel';
import { ClaimReview } from '../partials/claim-review';
import type { ClaimView } from '../types';

export function ClaimPage({ view, reviewer }: { view: ClaimView; reviewer?: string }) {
  const { claim, links, previous, reviews } = view;
  return (
    <>
      <p class="crumbs">
        <a href={`/articles/${claim.articleId}#claim-${claim.id}`}>← {claim.articleTitle}</a>
      </p>
      <h1>Claim {claim.id}</h1>
      <article class="card">
        <SourceLine s={claim} />
        {previous ? <p class="context">{previous}</p> : null}
        <blockquote class="claim-quote">{claim.text}</blockquote>
        <QuantityList quantities={claim.quantities} />
        <ClaimReview claim={claim} reviewer={reviewer} returnTo={`/claims/${claim.id}`} />
      </article>
      <section class="card" aria-labelledby="links-h">
        <h2 id="links-h">Agrees or conflicts with</h2>
        {links.length === 0 ? (
          <p class="muted">Nothing else we hold agrees or conflicts with this claim.</p>
        ) : (
          <ul class="links">
            {links.map((l) => (
              <LinkItem link={l} from={claim.id} />
            ))}
          </ul>
        )}
      </section>
      {reviews.length > 0 ? (
        <section class="card" aria-labelledby="history-h">
          <h2 id="history-h">History</h2>
          <ul class="history">
            {reviews.map((r) => (
              <li>
                {formatDate(r.createdAt)} · <strong>{r.reviewer}</strong> marked it {r.toStatus}
                {r.note ? ` — “${r.note}”` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
