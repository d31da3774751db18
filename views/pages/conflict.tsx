// One conflict side by side: both claims in context, the word diff, the explanation, review actions.
import { RelationBadge, SeverityBadge } from '../components/badge';
import { WordDiff } from '../components/diff';
import { ExplanationBlock } from '../components/explanation';
import { formatDate } from '../components/format';
import { QuantityList } from '../components/quantity';
import { SourceLine } from '../components/source';
import { ClaimReview } from '../partials/claim-review';
import { LinkReview } from '../partials/link-review';
import type { ClaimSummary, ConflictDetail } from '../types';

function Side({
  name,
  claim,
  previous,
  reviewer,
  returnTo,
}: {
  name: string;
  claim: ClaimSummary;
  previous: string | null;
  reviewer?: string;
  returnTo: string;
}) {
  return (
    <article class="card side-card" aria-label={`Claim ${name}`}>
      <h2>
        <span class="side-name">{name}</span> {claim.outlet}
      </h2>
      <SourceLine s={claim} />
      {previous ? <p class="context">{previous}</p> : null}
      <blockquote class="claim-quote">
        <a class="claim-link" href={`/claims/${claim.id}`}>
          {claim.text}
        </a>
      </blockquote>
      <QuantityList quantities={claim.quantities} />
      <ClaimReview claim={claim} reviewer={reviewer} returnTo={returnTo} />
    </article>
  );
}

export function ConflictPage({ detail, reviewer }: { detail: ConflictDetail; reviewer?: string }) {
  const { link, diff, reviews } = detail;
  const returnTo = `/conflicts/${link.id}`;
  return (
    <>
      <p class="crumbs">
        <a href="/">← Queue</a>
      </p>
      <h1>
        <RelationBadge relation={link.relation} /> <SeverityBadge severity={link.severity} /> {link.a.outlet}{' '}
        vs {link.b.outlet}
      </h1>
      <div class="side-by-side">
        <Side name="A" claim={link.a} previous={link.previousA} reviewer={reviewer} returnTo={returnTo} />
        <Side name="B" claim={link.b} previous={link.previousB} reviewer={reviewer} returnTo={returnTo} />
      </div>
      <section class="card" aria-labelledby="diff-h">
        <h2 id="diff-h">Word by word</h2>
        <WordDiff parts={diff} />
        <p class="legend muted">
          <del>only in A</del> <ins>only in B</ins> <mark>differing numbers</mark>
        </p>
      </section>
      <div class="card">
        <ExplanationBlock explanation={link.explanation} relation={link.relation} />
      </div>
      <div class="card">
        <LinkReview link={link} reviewer={reviewer} returnTo={returnTo} />
      </div>
      {reviews.length > 0 ? (
        <section class="card" aria-labelledby="history-h">
          <h2 id="history-h">History</h2>
          <ul class="history">
            {reviews.map((r) => (
              <li>
                {formatDate(r.createdAt)} · <strong>{r.reviewer}</strong> {r.action.replace(/_/g, ' ')}
                {r.note ? ` — “${r.note}”` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
