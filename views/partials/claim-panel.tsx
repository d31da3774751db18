// One claim with everything it agrees or conflicts with: the article page's side panel and the claim page's body.
import { RelationBadge, SeverityBadge, StatusBadge } from '../components/badge';
import { QuantityList } from '../components/quantity';
import { SourceLine } from '../components/source';
import type { ClaimSummary, LinkWithClaims } from '../types';

export function LinkItem({ link, from }: { link: LinkWithClaims; from: number }) {
  const other = link.claimA === from ? link.b : link.a;
  return (
    <li class={`link-item relation-${link.relation}`}>
      <div class="row-head">
        <RelationBadge relation={link.relation} />
        {link.relation !== 'corroboration' ? <SeverityBadge severity={link.severity} /> : null}
        {link.relation !== 'corroboration' ? <StatusBadge status={link.status} /> : null}
        <a href={`/conflicts/${link.id}`}>compare side by side →</a>
      </div>
      <blockquote>{other.text}</blockquote>
      <SourceLine s={other} />
      {link.explanation.summary ? <p class="muted">{link.explanation.summary}</p> : null}
    </li>
  );
}

export function ClaimPanel({ claim, links }: { claim: ClaimSummary; links: LinkWithClaims[] }) {
  return (
    <div class="claim-panel-body">
      <p>
        <StatusBadge status={claim.status} /> <a href={`/claims/${claim.id}`}>Claim {claim.id}</a>
      </p>
      <blockquote>{claim.text}</blockquote>
      <QuantityList quantities={claim.quantities} />
      {links.length === 0 ? (
        <p class="muted">Nothing else we hold agrees or conflicts with this claim.</p>
      ) : (
        <ul class="links">
          {links.map((l) => (
            <LinkItem link={l} from={claim.id} />
          ))}
        </ul>
      )}
    </div>
  );
}
