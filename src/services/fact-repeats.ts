// Known claims resurfacing: a claim not reviewed yet whose figure agrees with one already ruled on in
// its fact — a claim given a verdict, or the losing (or winning) side of a resolved conflict.
import type { Db } from '../../db/client';
import { type FactTie, tiesOfFacts } from '../../db/queries/facts';
import { resolutionTimes, verdictTimes } from '../../db/queries/reviews';
import { agreementGroups } from './fact-model';
import { impliedVerdicts } from './verdict-rules';

/** The ruling a repeated figure is read against. */
export interface RepeatedVerdict {
  /** The claim already ruled on whose figure this claim repeats. */
  claimId: number;
  /** false, disputed, unverifiable or verified. */
  status: string;
  /** Where the ruling was given: the claim's own verdict, or a conflict's resolution. */
  by: { type: 'claim'; id: number } | { type: 'link'; id: number };
  /** When (ms), if the audit log says. */
  at: number | null;
}

/** Verdicts named first when a claim's group holds several (a false one matters most). */
const ORDER = ['false', 'disputed', 'unverifiable', 'verified'];
const RESOLVED = new Set(['a_holds', 'b_holds', 'neither']);

type Ruling = { status: string; by: RepeatedVerdict['by'] };

/** Each claim's ruling in one fact: its own verdict, else what a resolved conflict it is a side of implies. */
function rulingsOf(ties: FactTie[]): Map<number, Ruling> {
  const out = new Map<number, Ruling>();
  const consider = (claim: number, r: Ruling) => {
    const had = out.get(claim);
    if (
      !had ||
      (had.by.type === 'link' && r.by.type === 'claim') ||
      (had.by.type === r.by.type && ORDER.indexOf(r.status) < ORDER.indexOf(had.status))
    )
      out.set(claim, r);
  };
  for (const t of ties) {
    for (const [claim, status] of [
      [t.claimA, t.statusA],
      [t.claimB, t.statusB],
    ] as const)
      if (status !== 'unreviewed') consider(claim, { status, by: { type: 'claim', id: claim } });
    if (t.relation === 'conflict' && RESOLVED.has(t.status)) {
      const implied = impliedVerdicts(t.status);
      if (implied.a) consider(t.claimA, { status: implied.a, by: { type: 'link', id: t.linkId } });
      if (implied.b) consider(t.claimB, { status: implied.b, by: { type: 'link', id: t.linkId } });
    }
  }
  return out;
}

/** Per claim not ruled on in the given facts, the ruling of an agreeing claim it repeats. */
export function repeatsInTies(ties: FactTie[]): Map<number, Omit<RepeatedVerdict, 'at'>> {
  const byFact = new Map<number, FactTie[]>();
  for (const t of ties) byFact.set(t.factId, [...(byFact.get(t.factId) ?? []), t]);
  const out = new Map<number, Omit<RepeatedVerdict, 'at'>>();
  for (const list of byFact.values()) {
    const rulings = rulingsOf(list);
    if (rulings.size === 0) continue;
    const claims = [...new Set(list.flatMap((t) => [t.claimA, t.claimB]))].sort((a, b) => a - b);
    const groups = agreementGroups(claims, list);
    for (const c of claims) {
      if (rulings.has(c)) continue;
      let best: { claimId: number; ruling: Ruling } | null = null;
      for (const [other, ruling] of rulings) {
        if (groups.get(other) !== groups.get(c)) continue;
        if (!best || ORDER.indexOf(ruling.status) < ORDER.indexOf(best.ruling.status))
          best = { claimId: other, ruling };
      }
      if (best) out.set(c, { claimId: best.claimId, status: best.ruling.status, by: best.ruling.by });
    }
  }
  return out;
}

/** Repeated rulings in the given facts, with when each ruling was given. */
export async function repeatedInFacts(db: Db, factIds: number[]): Promise<Record<number, RepeatedVerdict>> {
  const found = repeatsInTies(await tiesOfFacts(db, factIds));
  const claimIds = new Set<number>();
  const linkIds = new Set<number>();
  for (const r of found.values()) (r.by.type === 'claim' ? claimIds : linkIds).add(r.by.id);
  const [claimTimes, linkTimes] = await Promise.all([
    verdictTimes(db, [...claimIds]),
    resolutionTimes(db, [...linkIds]),
  ]);
  const out: Record<number, RepeatedVerdict> = {};
  for (const [claim, r] of found) {
    const at = (r.by.type === 'claim' ? claimTimes : linkTimes).get(r.by.id) ?? null;
    out[claim] = { ...r, at };
  }
  return out;
}
