// One conflict side by side: both claims in context, the word diff, the explanation, review actions.

import type { User } from '../../src/auth/user';
import { RelationBadge, SeverityBadge } from '../components/badge';
import { WordDiff } from '../components/diff';
import { ExplanationBlock } from '../components/explanation';
import { KeysScript } from '../components/keys-script';
import { Permalink } from '../components/permalink';
import { QuantityList } from '../components/quantity';
import { SourceLine } from '../components/source';
import { ClaimReview } from '../partials/claim-review';
import { LinkReview } from '../partials/link-review';
import type { ClaimSummary, ConflictDetail, HistoryEntry } from '../types';

function Side({
  name,
  claim,
  previous,
  history,
  user,
  returnTo,
}: {
  name: string;
  claim: ClaimSummary;
  previous: string | null;
  history: HistoryEntry[];
  user: User | null;
  returnTo: string;
}) {
  return (
    <article class="card side-card" aria-label={`Claim ${name}`} data-kb-item="claim">
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
      <ClaimReview claim={claim} history={history} user={user} returnTo={returnTo} />
    </article>
  );
}

export function ConflictPage({
  detail,
  user,
  permalink,
}: {
  detail: ConflictDetail;
  user: User | null;
  permalink: string;
}) {
  const { link, diff, reviews, reviewsA, reviewsB } = detail;
  const returnTo = `/conflicts/${link.id}`;
  return (
    <>
      <KeysScript />
      <p class="crumbs">
        <a href="/">← Queue</a>
      </p>
      <h1>
        <RelationBadge relation={link.relation} /> <SeverityBadge severity={link.severity} /> {link.a.outlet}{' '}
        vs {link.b.outlet}
      </h1>
      <Permalink url={permalink} />
      <div class="side-by-side">
        <Side
          name="A"
          claim={link.a}
          previous={link.previousA}
          history={reviewsA}
          user={user}
          returnTo={returnTo}
        />
        <Side
          name="B"
          claim={link.b}
          previous={link.previousB}
          history={reviewsB}
          user={user}
          returnTo={returnTo}
        />
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
      <div class="card" data-kb-item="conflict">
        <LinkReview link={link} history={reviews} user={user} returnTo={returnTo} />
      </div>
    </>
  );
}
