// What the verdict rules (src/services/verdict-rules.ts) need to judge an action or an export: the
// links touching some claims (and the claims of a link), and the verdicts at both ends of each.

import type { ClaimStatus, LinkStatus } from '../../src/shared/statuses';
import type { Db } from '../client';
import { chunk, runStatements, type Statement } from './batch';

export interface VerdictLink {
  id: number;
  claimA: number;
  claimB: number;
  relation: string;
  status: LinkStatus;
  version: number;
  proposedStatus: LinkStatus | null;
}

export interface VerdictClaim {
  id: number;
  status: ClaimStatus;
  version: number;
  proposedStatus: ClaimStatus | null;
  proposedBy: string | null;
}

export interface VerdictContext {
  links: VerdictLink[];
  claims: Map<number, VerdictClaim>;
}

/** The seed claims as a CTE: the given ids, and both claims of the given link. */
function seed(claimIds: number[], linkId: number | undefined): Statement {
  const parts: string[] = [];
  const args: number[] = [];
  for (const id of claimIds) {
    parts.push('select ?');
    args.push(id);
  }
  if (linkId !== undefined) {
    parts.push('select claim_a from links where id = ?', 'select claim_b from links where id = ?');
    args.push(linkId, linkId);
  }
  return { sql: `with seed(id) as (${parts.join(' union ')})`, args };
}

const LINKS_SQL = `select id, claim_a, claim_b, relation, status, version, proposed_status from links
  where claim_a in (select id from seed)
  union select id, claim_a, claim_b, relation, status, version, proposed_status from links
  where claim_b in (select id from seed)`;

const CLAIMS_SQL = `, near(id) as (select id from seed
    union select claim_b from links where claim_a in (select id from seed)
    union select claim_a from links where claim_b in (select id from seed))
  select id, status, version, proposed_status, proposed_by from claims where id in (select id from near)`;

/**
 * Links touching the given claims (and the given link's claims), with the verdicts of every claim at
 * their ends: one read batch (one round trip) per 40 claims.
 */
export async function verdictContext(
  db: Db,
  target: { claims?: number[]; link?: number },
): Promise<VerdictContext> {
  const ids = [...new Set(target.claims ?? [])];
  const parts = ids.length ? chunk(ids, 40) : [[]];
  const out: VerdictContext = { links: [], claims: new Map() };
  const seen = new Set<number>();
  for (const [i, part] of parts.entries()) {
    const s = seed(part, i === 0 ? target.link : undefined);
    if (s.args.length === 0) continue;
    const [links, claims] = await runStatements(
      db,
      [
        { sql: `${s.sql} ${LINKS_SQL}`, args: s.args },
        { sql: `${s.sql}${CLAIMS_SQL}`, args: s.args },
      ],
      'read',
    );
    for (const r of links ?? []) {
      const id = Number(r.id);
      if (seen.has(id)) continue;
      seen.add(id);
      out.links.push({
        id,
        claimA: Number(r.claim_a),
        claimB: Number(r.claim_b),
        relation: String(r.relation),
        status: r.status as LinkStatus,
        version: Number(r.version),
        proposedStatus: (r.proposed_status as LinkStatus | null) ?? null,
      });
    }
    for (const r of claims ?? []) {
      out.claims.set(Number(r.id), {
        id: Number(r.id),
        status: r.status as ClaimStatus,
        version: Number(r.version),
        proposedStatus: (r.proposed_status as ClaimStatus | null) ?? null,
        proposedBy: (r.proposed_by as string | null) ?? null,
      });
    }
  }
  return out;
}
