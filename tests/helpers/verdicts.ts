// An open conflict that any resolution can settle without contradicting a stored verdict.
import type { Db } from '../../db/client';
import { verdictContext } from '../../db/queries/verdicts';
import { type ClaimStatus, type LinkStatus, links } from '../../db/schema';
import { contradictions, impliedVerdicts } from '../../src/services/verdict-rules';

export async function settleableConflict(db: Db): Promise<number> {
  const open = (await db.select().from(links)).filter(
    (l) => l.status === 'open' && l.relation === 'conflict',
  );
  for (const l of open.sort((x, y) => x.id - y.id)) {
    const ctx = await verdictContext(db, { link: l.id });
    const fine = (['a_holds', 'b_holds', 'neither'] as LinkStatus[]).every((r) => {
      const status = new Map<number, ClaimStatus>([...ctx.claims.values()].map((c) => [c.id, c.status]));
      const implied = impliedVerdicts(r);
      status.set(l.claimA, implied.a ?? 'unreviewed');
      status.set(l.claimB, implied.b ?? 'unreviewed');
      const ls = ctx.links.map((x) => (x.id === l.id ? { ...x, status: r } : x));
      return contradictions(ls, status, new Set([l.claimA, l.claimB]), new Set([l.id])).length === 0;
    });
    if (fine) return l.id;
  }
  throw new Error('no open conflict can be settled every way');
}
