import type { ClaimStatus, LinkStatus } from '../shared/statuses';
// Which claim verdicts and conflict resolutions contradict each other (pure; the review service and the
// exports ask it). A verdict is a claim's status, a resolution a conflict's; both as stored or as an
// action would leave them.
//
// The rules, for a link between claims A and B:
// - a conflict (or a quote that differs) resolved "A holds": A may not be `false`, B may not be `verified`;
//   "B holds" the other way round; "neither holds": neither side may be `verified`;
// - a conflict that is not dismissed (open or resolved): A and B may not both be `verified` — they state
//   different figures for the same thing;
// - a corroboration: one side `verified` and the other `false` contradict (they state the same figure).
// `disputed` and `unverifiable` contradict nothing, and a dismissed conflict (not a real one) binds nothing.

export interface LinkFact {
  id: number;
  claimA: number;
  claimB: number;
  relation: string;
  status: LinkStatus;
}

export interface Contradiction {
  linkId: number;
  /** The claims whose verdicts this contradiction involves. */
  claims: number[];
  message: string;
}

const SETTLED = new Set(['conflict', 'quote_differs']);

/** The claim verdicts a resolution implies: what resolving "B holds" proposes for each side. */
export function impliedVerdicts(resolution: LinkStatus): { a?: ClaimStatus; b?: ClaimStatus } {
  if (resolution === 'a_holds') return { a: 'verified', b: 'false' };
  if (resolution === 'b_holds') return { a: 'false', b: 'verified' };
  if (resolution === 'neither') return { a: 'false', b: 'false' };
  return {};
}

/** Does a claim's verdict contradict what a resolution says of its side? */
export function contradictsResolution(resolution: LinkStatus, side: 'a' | 'b', status: ClaimStatus): boolean {
  const holds = resolution === 'a_holds' ? side === 'a' : resolution === 'b_holds' ? side === 'b' : null;
  if (resolution === 'neither') return status === 'verified';
  if (holds === null) return false;
  return holds ? status === 'false' : status === 'verified';
}

const RESOLUTION_WORDS: Partial<Record<LinkStatus, string>> = {
  a_holds: 'A holds',
  b_holds: 'B holds',
  neither: 'neither holds',
};

/**
 * Every contradiction among `links` given the claims' verdicts, keeping only those that involve one
 * of `touched` (claim ids) or `touchedLinks` (link ids): what an action would newly create or keep.
 */
export function contradictions(
  links: readonly LinkFact[],
  status: ReadonlyMap<number, ClaimStatus>,
  touched: ReadonlySet<number>,
  touchedLinks: ReadonlySet<number> = new Set(),
): Contradiction[] {
  const out: Contradiction[] = [];
  for (const l of links) {
    if (!touched.has(l.claimA) && !touched.has(l.claimB) && !touchedLinks.has(l.id)) continue;
    const a = status.get(l.claimA) ?? 'unreviewed';
    const b = status.get(l.claimB) ?? 'unreviewed';
    if (SETTLED.has(l.relation)) {
      const words = RESOLUTION_WORDS[l.status];
      if (words) {
        for (const [side, id, s] of [
          ['a', l.claimA, a],
          ['b', l.claimB, b],
        ] as const) {
          if (contradictsResolution(l.status, side, s)) {
            out.push({
              linkId: l.id,
              claims: [id],
              message: `claim ${id} is "${s}" but conflict #${l.id} was resolved "${words}" (claim ${id} is its side ${side.toUpperCase()})`,
            });
          }
        }
      }
      if (l.relation === 'conflict' && l.status !== 'dismissed' && a === 'verified' && b === 'verified') {
        out.push({
          linkId: l.id,
          claims: [l.claimA, l.claimB],
          message: `claims ${l.claimA} and ${l.claimB} would both be "verified", yet they disagree (conflict #${l.id})`,
        });
      }
    } else if (l.relation === 'corroboration') {
      if ((a === 'verified' && b === 'false') || (a === 'false' && b === 'verified')) {
        out.push({
          linkId: l.id,
          claims: [l.claimA, l.claimB],
          message: `claims ${l.claimA} and ${l.claimB} state the same figure (link #${l.id}) but one would be "verified" and the other "false"`,
        });
      }
    }
  }
  return out;
}

/** The claims among `ids` whose stored verdicts contradict something: exports leave them out. */
export function contradictedClaims(
  links: readonly LinkFact[],
  status: ReadonlyMap<number, ClaimStatus>,
  ids: Iterable<number>,
): Set<number> {
  const bad = new Set<number>();
  for (const c of contradictions(links, status, new Set(ids))) for (const id of c.claims) bad.add(id);
  return bad;
}
