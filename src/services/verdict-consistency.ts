// Verdict consistency, planned before a review action is written: which verdicts on the claims around
// the target the action would contradict (refused, or an editor's logged override), and which claim
// verdicts a conflict's resolution implies (written in the same atomic batch). The rules themselves
// are verdict-rules.ts (pure); this reads the verdicts around the target and applies them.
import type { Db } from '../../db/client';
import type { LogEntry, TargetChange, TargetState } from '../../db/queries/reviews';
import { type VerdictContext, verdictContext } from '../../db/queries/verdicts';
import type { TargetType } from '../shared/history';
import type { ClaimStatus, LinkStatus, Role } from '../shared/statuses';
import { hasRole, type User } from '../shared/user';
import { ContradictionError } from './errors';
import type { ActInput, Actor, ReviewResult } from './review';
import { type Contradiction, contradictions, contradictsResolution, impliedVerdicts } from './verdict-rules';

/** hasRole reads only the role; an Actor is all a service needs to know of the user. */
const can = (actor: Actor, role: Role) => hasRole(actor as User, role);

/** What an action will write: its own row's change, and the claim rows and audit rows that go with it. */
export type Plan = {
  action: string;
  toStatus: string;
  change: TargetChange;
  outcome: ReviewResult['outcome'];
  /** Claim rows changed in the same atomic write (a resolution's implied verdicts). */
  also?: SideChange[];
  /** Extra audit rows (an editor's override). */
  logs?: LogEntry[];
};

export type SideChange = {
  id: number;
  version: number;
  state: TargetState;
  action: string;
  toStatus: string;
  change: TargetChange;
};

/** The verdicts an action would leave: a claim's status, or what a pending proposal will make it. */
function effective(ctx: VerdictContext, claimChanges: Map<number, ClaimStatus>) {
  const status = new Map<number, ClaimStatus>();
  for (const c of ctx.claims.values()) status.set(c.id, c.status);
  for (const [id, s] of claimChanges) status.set(id, s);
  return status;
}

/**
 * Refuses an action that would leave contradictory verdicts (listing them), unless an editor asked
 * to override: then the override is one more audit row, written with the action.
 */
function judge(
  found: Contradiction[],
  actor: Actor,
  input: ActInput,
  target: TargetType,
  toStatus: string,
  fromStatus: string,
): LogEntry[] {
  if (found.length === 0) return [];
  const list = [...new Set(found.map((c) => c.message))].join('; ');
  if (!input.override || !can(actor, 'editor')) {
    const how = can(actor, 'editor')
      ? ' Tick "override" to record it anyway (the override is logged).'
      : ' Change the other verdict first, or ask an editor to override.';
    throw new ContradictionError(`This verdict contradicts another: ${list}.${how}`, found);
  }
  return [
    {
      target,
      id: input.id,
      reviewer: actor.login,
      action: 'override_contradiction',
      fromStatus,
      toStatus,
      note: `Recorded although ${list}.`.slice(0, 2000),
    },
  ];
}

/** A claim verdict (or proposal, or approval) against the links of the claim. */
export async function planClaimConsistency(
  db: Db,
  actor: Actor,
  input: ActInput,
  state: TargetState,
  p: Plan,
) {
  const to = p.toStatus as ClaimStatus;
  if (to === 'unreviewed' || p.outcome === 'rejected') return p;
  const ctx = await verdictContext(db, { claims: [input.id] });
  const found = contradictions(ctx.links, effective(ctx, new Map([[input.id, to]])), new Set([input.id]));
  return { ...p, logs: judge(found, actor, input, 'claim', to, state.status) };
}

/**
 * A resolution (or its proposal, or approval) sets the verdicts it implies on its claims in the same
 * write: an unreviewed side gets them (proposed, under the second-reviewer rule); a side whose verdict
 * contradicts the resolution blocks it unless an editor overrides (then the side's verdict changes
 * too); a compatible verdict (a losing side marked "disputed") stays. Then nothing around the two
 * claims may contradict the result.
 */
export async function planLinkConsistency(
  db: Db,
  actor: Actor,
  input: ActInput,
  state: TargetState,
  p: Plan,
  propose: boolean,
  approving: boolean,
): Promise<Plan> {
  const to = p.toStatus as LinkStatus;
  const implied = impliedVerdicts(to);
  if (!implied.a && !implied.b) return p;
  const ctx = await verdictContext(db, { link: input.id });
  const link = ctx.links.find((l) => l.id === input.id);
  if (!link) return p;
  if (!QUEUE_RELATION.has(link.relation)) return p;
  const overriding = !!input.override && can(actor, 'editor');
  const changes = new Map<number, ClaimStatus>();
  const also: SideChange[] = [];
  for (const [side, id, v] of [
    ['a', link.claimA, implied.a],
    ['b', link.claimB, implied.b],
  ] as const) {
    const claim = ctx.claims.get(id);
    if (!claim || !v) continue;
    /** This side's verdict set to v, logged as `<verb>_<v>`; the change settles any proposal but a new one. */
    const sideChange = (verb: 'approve' | 'propose' | 'mark'): SideChange => ({
      id,
      version: claim.version,
      state: { ...claim, assignee: null },
      action: `${verb}_${v}`,
      toStatus: v,
      change:
        verb === 'propose'
          ? { proposedStatus: v, proposedBy: actor.login }
          : { status: v, proposedStatus: null, proposedBy: null },
    });
    if (approving) {
      // The proposal this approval settles came with matching claim proposals: approve them with it.
      if (claim.proposedStatus === v && claim.proposedBy !== actor.login && claim.status !== v) {
        changes.set(id, v);
        also.push(sideChange('approve'));
      }
      continue;
    }
    if (claim.status === v && !claim.proposedStatus) continue;
    const clash = contradictsResolution(to, side, claim.status);
    if (claim.status !== 'unreviewed' && !(clash && overriding)) continue;
    changes.set(id, v);
    also.push(sideChange(propose ? 'propose' : 'mark'));
  }
  const links = ctx.links.map((l) => (l.id === input.id ? { ...l, status: to } : l));
  const found = contradictions(
    links,
    effective(ctx, changes),
    new Set([link.claimA, link.claimB]),
    new Set([input.id]),
  );
  return { ...p, also, logs: judge(found, actor, input, 'link', to, state.status) };
}

const QUEUE_RELATION = new Set(['conflict', 'quote_differs']);
