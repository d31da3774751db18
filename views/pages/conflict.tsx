// One conflict side by side: both claims in context, the word diff, the explanation, review actions.

import type { User } from '../../src/shared/user';
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

/** "CNN vs Austin, quoted by CNN": whose figure each side is, not only which outlet printed it. */
export function conflictTitle(
  link: { a: { outlet: string }; b: { outlet: string } },
  speakers: { a: string | null; b: string | null },
): string {
  const who = (outlet: string, speaker: string | null) =>
    speaker ? `${speaker}, quoted by ${outlet}` : outlet;
  return `${who(link.a.outlet, speakers.a)} vs ${who(link.b.outlet, speakers.b)}`;
}

function Side({
  name,
  speaker,
  claim,
  previous,
  history,
  user,
  returnTo,
}: {
  name: string;
  speaker: string | null;
  claim: ClaimSummary;
  previous: string | null;
  history: HistoryEntry[];
  user: User | null;
  returnTo: string;
}) {
  return (
    <article class="card side-card" aria-label={`Claim ${name}`} data-kb-item="claim">
      <h2>
        <span class="side-name">{name}</span>{' '}
        {speaker ? `${speaker}, quoted by ${claim.outlet}` : claim.outlet}
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
  const { link, diff, reviews, reviewsA, reviewsB, speakers } = detail;
  const returnTo = `/conflicts/${link.id}`;
  return (
    <>
      <KeysScript />
      <p class="crumbs">
        <a href="/">← Queue</a>
      </p>
      <h1>
        <RelationBadge relation={link.relation} /> <SeverityBadge severity={link.severity} />{' '}
        {conflictTitle(link, speakers)}
      </h1>
      <p class="key-hints muted">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> claim A, claim B, the resolution · <kbd>v</kbd> <kbd>d</kbd>{' '}
        <kbd>f</kbd> <kbd>u</kbd> mark the claim · <kbd>a</kbd> <kbd>b</kbd> <kbd>n</kbd> resolve ·{' '}
        <kbd>Esc</kbd> leaves a text box · <kbd>?</kbd> all keys
        {link.factId ? (
          <>
            {' '}
            · <a href={`/facts/${link.factId}`}>every source's figure for this fact</a>
          </>
        ) : null}
      </p>
      <Permalink url={permalink} />
      <div class="side-by-side">
        <Side
          name="A"
          speaker={speakers.a}
          claim={link.a}
          previous={link.previousA}
          history={reviewsA}
          user={user}
          returnTo={returnTo}
        />
        <Side
          name="B"
          speaker={speakers.b}
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
