// One claim with its context, quantities, review actions and history, every link, and its ClaimReview JSON-LD.

import type { User } from '../../src/shared/user';
import { jsonForScript } from '../components/json-script';
import { KeysScript } from '../components/keys-script';
import { Permalink } from '../components/permalink';
import { QuantityList } from '../components/quantity';
import { SourceLine } from '../components/source';
import { LinkItem } from '../partials/claim-panel';
import { ClaimReview } from '../partials/claim-review';
import { ComparedWithSection } from '../partials/compared-with';
import type { ClaimDetail } from '../types';

export interface ClaimPageProps {
  view: ClaimDetail;
  user: User | null;
  /** schema.org ClaimReview once the claim has a final verdict (src/services/claimreview-jsonld.ts). */
  jsonLd: Record<string, unknown> | null;
  permalink: string;
}

export function ClaimPage({ view, user, jsonLd, permalink }: ClaimPageProps) {
  const { claim, links, previous, reviews, compared } = view;
  return (
    <>
      {jsonLd ? (
        // A data block, never executed (so the CSP does not apply); "<" is escaped inside the JSON.
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }} />
      ) : null}
      <KeysScript />
      <p class="crumbs">
        <a href={`/articles/${claim.articleId}#claim-${claim.id}`}>← {claim.articleTitle}</a>
      </p>
      <h1>Claim {claim.id}</h1>
      <Permalink url={permalink} />
      <p class="exports muted">
        {[...new Set(links.map((l) => l.factId).filter((f): f is number => f !== null))].map((f) => (
          <>
            <a href={`/facts/${f}`}>Fact #{f}: every source's figure</a> ·{' '}
          </>
        ))}
        Export: <a href={`/api/claims/${claim.id}`}>JSON</a>
        {jsonLd ? (
          <>
            {' '}
            · <a href="/api/export/claimreview">ClaimReview JSON-LD (all reviewed claims)</a>
          </>
        ) : null}{' '}
        · <a href="/api/export/claims.csv">claims CSV</a>
      </p>
      <article class="card" data-kb-item="claim">
        <SourceLine s={claim} />
        {previous ? <p class="context">{previous}</p> : null}
        <blockquote class="claim-quote">{claim.text}</blockquote>
        <QuantityList quantities={claim.quantities} />
        <ClaimReview claim={claim} history={reviews} user={user} returnTo={`/claims/${claim.id}`} />
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
      <ComparedWithSection compared={compared} />
    </>
  );
}
