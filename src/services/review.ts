// Use case: reviewers mark claims, resolve, assign and approve conflicts; every action is versioned and logged.
//
// Who may do what (enforced here, whatever the caller):
// - a reviewer marks claims and resolves conflicts that are unreviewed/open, or whose current verdict
//   they gave themselves (the latest status-setting entry in the history is theirs);
// - changing a verdict someone else gave is an OVERRIDE, and setting a claim back to "unreviewed" or a
//   conflict back to "open" is a REOPEN: both need an editor;
// - with the second-reviewer rule on, a verdict is only proposed; another reviewer approves or rejects it,
//   and the proposer may withdraw (reject) but never approve their own.

import type { Db } from '../../db/client';
import {
  type GuardedAction,
  guardedAct,
  guardedActs,
  lastReview,
  listReviews,
  type TargetState,
  targetState,
} from '../../db/queries/reviews';
import { userByLogin } from '../../db/queries/users';
import { cleanLabel } from '../core/clean';
import { type HistoryEntry, type TargetType, verdictGiver } from '../shared/history';
import type { ClaimStatus, LinkStatus, Role } from '../shared/statuses';
import { hasRole, type User } from '../shared/user';
import { ContradictionError, ForbiddenError, InputError, NotFoundError, StaleVersionError } from './errors';
import { type Plan, planClaimConsistency, planLinkConsistency } from './verdict-consistency';

export interface Actor {
  login: string;
  role: Role;
}

/** hasRole reads only the role; an Actor is all a service needs to know of the user. */
const can = (actor: Actor, role: Role) => hasRole(actor as User, role);

export interface ReviewOptions {
  /** The SECOND_REVIEWER setting. */
  secondReviewer?: boolean;
}

export interface ActInput {
  id: number;
  version: number;
  note?: string | null;
  evidence?: string[];
  /**
   * An editor's "record it anyway": a verdict that contradicts another (see verdict-rules.ts) is
   * refused without it; with it, the action lands and the override is logged.
   */
  override?: boolean;
}

/**
 * A note as stored (issue 19): valid Unicode, no control characters, no invisible or bidirectional
 * characters; line breaks kept. Evidence links: valid Unicode without control characters.
 */
const cleanNote = (note: string | null | undefined) => (note ? cleanLabel(note, true) : '') || null;
const cleanEvidence = (evidence: string[] | undefined) =>
  (evidence ?? []).map((e) => cleanLabel(e)).filter((e) => e !== '');

export interface ReviewState extends TargetState {
  id: number;
}

export interface ReviewResult extends ReviewState {
  /** What the action did: changed the status, proposed a verdict, approved or rejected one, (un)assigned. */
  outcome: 'changed' | 'proposed' | 'approved' | 'rejected' | 'assigned';
  /** Claims the action changed too (the verdicts a resolution implies), as they are now. */
  claims?: (TargetState & { id: number })[];
}

/** Who changed a row last, from the newest history entry: shown with every 409. */
export interface ChangedBy {
  login: string;
  displayName: string | null;
  action: string;
  at: string;
}

const NAMES: Record<TargetType, string> = { claim: 'claim', link: 'conflict' };
const DEFAULTS: Record<TargetType, string> = { claim: 'unreviewed', link: 'open' };
// Statuses and actions as the pages name them ("A holds", not "a holds"), for 409 messages.
const STATUS_WORDS: Record<string, string> = {
  a_holds: 'A holds',
  b_holds: 'B holds',
  neither: 'neither holds',
  dismissed: 'not a real conflict',
};
const STATUS_PATTERN = /(?:^|_)(a_holds|b_holds|neither|dismissed)$/;
const words = (s: string) =>
  s
    .replace(STATUS_PATTERN, (m, status: string) => (m.startsWith('_') ? ': ' : '') + STATUS_WORDS[status])
    .replace(/_/g, ' ');

function changedBy(entry: HistoryEntry | null): ChangedBy | null {
  if (!entry) return null;
  const at = new Date(entry.createdAt).toISOString();
  return { login: entry.reviewer, displayName: entry.displayName, action: entry.action, at };
}

/** The 409: the row as it is now and who changed it last, in the error and in its message. */
async function staleError(db: Db, target: TargetType, id: number, state: TargetState) {
  const by = changedBy(await lastReview(db, target, id));
  const who = by
    ? ` by ${by.displayName ?? by.login} (${words(by.action)}, ${by.at.slice(0, 16).replace('T', ' ')} UTC)`
    : '';
  const pending = state.proposedStatus ? `, with "${words(state.proposedStatus)}" proposed` : '';
  return new StaleVersionError(
    `Someone else changed this ${NAMES[target]} meanwhile${who}; it is now "${words(state.status)}"${pending}. Nothing was changed — look again and retry.`,
    { ...state, changedBy: by },
  );
}

async function load(db: Db, target: TargetType, id: number): Promise<TargetState> {
  const state = await targetState(db, target, id);
  if (!state) throw new NotFoundError(`There is no ${NAMES[target]} ${id}.`);
  return state;
}

/**
 * Read the row, refuse a stale version before judging the rules (they are judged against exactly the
 * version the reviewer saw), then write under the same version guard: a concurrent change in between
 * makes the write miss, and that is a 409 too.
 */
async function act(
  db: Db,
  target: TargetType,
  actor: Actor,
  input: ActInput,
  plan: (state: TargetState) => Promise<Plan> | Plan,
): Promise<ReviewResult> {
  const state = await load(db, target, input.id);
  if (state.version !== input.version) throw await staleError(db, target, input.id, state);
  let p: Plan;
  try {
    p = await plan(state);
  } catch (err) {
    // The rules read the verdicts as they are now: a contradiction with a change another reviewer
    // made to this very row since it was read is that change winning the race, said as such (409,
    // naming who), not as a contradiction with the loser's own target.
    if (err instanceof ContradictionError) {
      const now = await load(db, target, input.id);
      if (now.version !== input.version) throw await staleError(db, target, input.id, now);
    }
    throw err;
  }
  const action: GuardedAction = {
    target,
    id: input.id,
    version: input.version,
    reviewer: actor.login,
    action: p.action,
    toStatus: p.toStatus,
    note: cleanNote(input.note),
    evidence: cleanEvidence(input.evidence),
    change: p.change,
  };
  if (!p.also?.length && !p.logs?.length) {
    const version = await guardedAct(db, action);
    if (version === null) throw await staleError(db, target, input.id, await load(db, target, input.id));
    return { id: input.id, ...state, ...p.change, version, outcome: p.outcome } as ReviewResult;
  }
  const also = p.also ?? [];
  const sides: GuardedAction[] = also.map((s) => ({
    target: 'claim',
    id: s.id,
    version: s.version,
    reviewer: actor.login,
    action: s.action,
    toStatus: s.toStatus,
    note: cleanNote(input.note),
    evidence: cleanEvidence(input.evidence),
    change: s.change,
  }));
  const versions = await guardedActs(db, [action, ...sides], p.logs);
  if (versions === null) {
    const now = await load(db, target, input.id);
    if (now.version !== input.version) throw await staleError(db, target, input.id, now);
    throw new StaleVersionError(
      `A claim of this ${NAMES[target]} changed meanwhile (${also.map((s) => `claim ${s.id}`).join(', ')}). Nothing was changed — look again and retry.`,
      { ...now, changedBy: null },
    );
  }
  const [version, ...claimVersions] = versions as [number, ...number[]];
  return {
    id: input.id,
    ...state,
    ...p.change,
    version,
    outcome: p.outcome,
    claims: also.map((s, i) => ({ ...s.state, ...s.change, id: s.id, version: claimVersions[i] as number })),
  } as ReviewResult;
}

async function verdictBy(db: Db, target: TargetType, id: number, status: string): Promise<string | null> {
  return verdictGiver(await listReviews(db, { type: target, id }, 50), status)?.reviewer ?? null;
}

async function planVerdict(
  db: Db,
  target: TargetType,
  actor: Actor,
  id: number,
  state: TargetState,
  to: string,
  opts: ReviewOptions,
): Promise<Plan> {
  const what = NAMES[target];
  const fresh = DEFAULTS[target];
  const editor = can(actor, 'editor');
  if (to === state.status && !state.proposedStatus)
    throw new InputError(`This ${what} is already "${words(to)}".`);
  if (to === fresh) {
    if (state.status === fresh) throw new InputError(`This ${what} is already ${words(fresh)}.`);
    if (!editor)
      throw new ForbiddenError(`Only an editor can reopen a ${what} (set it back to "${words(fresh)}").`);
    return {
      action: 'reopen',
      toStatus: fresh,
      change: { status: fresh, proposedStatus: null, proposedBy: null },
      outcome: 'changed',
    };
  }
  if (state.status !== fresh && to !== state.status && !editor) {
    const by = await verdictBy(db, target, id, state.status);
    if (by !== actor.login) {
      throw new ForbiddenError(
        `Only an editor can override a verdict someone else gave: ${by ?? 'another reviewer'} set this ${what} to "${words(state.status)}".`,
      );
    }
  }
  const verb = target === 'claim' ? 'mark' : 'resolve';
  if (opts.secondReviewer) {
    return {
      action: `propose_${to}`,
      toStatus: to,
      change: { proposedStatus: to, proposedBy: actor.login },
      outcome: 'proposed',
    };
  }
  return {
    action: `${verb}_${to}`,
    toStatus: to,
    change: { status: to, proposedStatus: null, proposedBy: null },
    outcome: 'changed',
  };
}

export async function markClaim(
  db: Db,
  actor: Actor,
  input: ActInput & { status: ClaimStatus },
  opts: ReviewOptions = {},
): Promise<ReviewResult> {
  return act(db, 'claim', actor, input, async (state) =>
    planClaimConsistency(
      db,
      actor,
      input,
      state,
      await planVerdict(db, 'claim', actor, input.id, state, input.status, opts),
    ),
  );
}

export async function resolveConflict(
  db: Db,
  actor: Actor,
  input: ActInput & { resolution: LinkStatus },
  opts: ReviewOptions = {},
): Promise<ReviewResult> {
  return act(db, 'link', actor, input, async (state) => {
    const p = await planVerdict(db, 'link', actor, input.id, state, input.resolution, opts);
    if (p.action === 'reopen') return p;
    return planLinkConsistency(db, actor, input, state, p, !!opts.secondReviewer, false);
  });
}

/** The second reviewer's answer to a proposed verdict. */
export async function decideProposal(
  db: Db,
  actor: Actor,
  target: TargetType,
  input: ActInput & { decision: 'approve' | 'reject' },
): Promise<ReviewResult> {
  return act(db, target, actor, input, async (state) => {
    const proposed = state.proposedStatus;
    if (!proposed)
      throw new InputError(`There is no proposed verdict on this ${NAMES[target]} to ${input.decision}.`);
    if (input.decision === 'approve') {
      if (state.proposedBy === actor.login) {
        throw new ForbiddenError('You proposed this verdict; another reviewer has to approve it.');
      }
      const p: Plan = {
        action: `approve_${proposed}`,
        toStatus: proposed,
        change: { status: proposed, proposedStatus: null, proposedBy: null },
        outcome: 'approved',
      };
      return target === 'claim'
        ? planClaimConsistency(db, actor, input, state, p)
        : planLinkConsistency(db, actor, input, state, p, false, true);
    }
    return {
      action: `reject_${proposed}`,
      toStatus: state.status,
      change: { proposedStatus: null, proposedBy: null },
      outcome: 'rejected',
    };
  });
}

/**
 * Assigning a conflict ("my queue"): a reviewer takes an unassigned conflict or gives back their own;
 * an editor assigns anyone with at least the reviewer role. The log records `assign:<login>` / `unassign`.
 */
export async function assignConflict(
  db: Db,
  actor: Actor,
  input: ActInput & { assignee: string | null },
): Promise<ReviewResult> {
  return act(db, 'link', actor, input, async (state) => {
    const to = input.assignee;
    if (to === state.assignee) {
      throw new InputError(
        to ? `This conflict is already assigned to ${to}.` : 'This conflict is not assigned.',
      );
    }
    if (!can(actor, 'editor')) {
      if (to !== null && to !== actor.login)
        throw new ForbiddenError('Only an editor can assign a conflict to someone else.');
      if (state.assignee !== null && state.assignee !== actor.login) {
        throw new ForbiddenError(`Only an editor can take a conflict assigned to ${state.assignee}.`);
      }
    }
    if (to !== null && to !== actor.login) {
      const user = await userByLogin(db, to);
      if (!user || user.disabled || !hasRole(user, 'reviewer')) {
        throw new InputError(`There is no reviewer account "${to}".`);
      }
    }
    return {
      action: to ? `assign:${to}` : 'unassign',
      toStatus: state.status,
      change: { assignee: to },
      outcome: 'assigned',
    };
  });
}

/**
 * Current state with its history, for (re-)rendering a review box. `known`: the state an action of
 * this request just wrote (act's result, exact as of its guarded write), which is then not read again.
 */
export async function reviewView(db: Db, target: TargetType, id: number, known?: ReviewState) {
  const state = known ?? (await load(db, target, id));
  const history = await listReviews(db, { type: target, id });
  return { ...state, id, history };
}

export type ReviewView = Awaited<ReturnType<typeof reviewView>>;
