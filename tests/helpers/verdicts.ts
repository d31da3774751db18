// An open conflict and two resolutions that settle it without contradicting a stored verdict
// (src/services/verdict-rules.ts): what a race between two reviewers needs.
import type { Db } from '../../db/client';
import { verdictContext } from '../../db/queries/verdicts';
import { links } from '../../db/schema';
import { contradictions, impliedVerdicts } from '../../src/services/verdict-rules';
import type { ClaimStatus, LinkStatus } from '../../src/shared/statuses';

const ORDER: LinkStatus[] = ['a_holds', 'neither', 'b_holds', 'dismissed'];

export async function settleableConflict(
  db: Db,
): Promise<{ id: number; resolutions: [LinkStatus, LinkStatus] }> {
  const open = (await db.select().from(links)).filter(
    (l) => l.status === 'open' && l.relation === 'conflict',
  );
  for (const l of open.sort((x, y) => x.id - y.id)) {
    const ctx = await verdictContext(db, { link: l.id });
    const fine = ORDER.filter((r) => {
      const status = new Map<number, ClaimStatus>([...ctx.claims.values()].map((c) => [c.id, c.status]));
      const implied = impliedVerdicts(r);
      if (implied.a && status.get(l.claimA) === 'unreviewed') status.set(l.claimA, implied.a);
      if (implied.b && status.get(l.claimB) === 'unreviewed') status.set(l.claimB, implied.b);
      const ls = ctx.links.map((x) => (x.id === l.id ? { ...x, status: r } : x));
      return contradictions(ls, status, new Set([l.claimA, l.claimB]), new Set([l.id])).length === 0;
    });
    if (fine.length >= 2) return { id: l.id, resolutions: [fine[0]!, fine[1]!] };
  }
  throw new Error('no open conflict can be settled two ways');
}
