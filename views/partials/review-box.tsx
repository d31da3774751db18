// What claim and conflict reviews share: the status badge, a pending proposal with approve/reject, the
// action form (note + evidence, one button per verdict), and the history. The fragment htmx swaps after
// any action on the target, so the history in it is always current.

import type { HistoryEntry } from '../../src/shared/history';
import { verdictGiver } from '../../src/shared/history';
import type { User } from '../../src/shared/user';
import { hasRole } from '../../src/shared/user';
import { StatusBadge } from '../components/badge';
import { History } from './history';

export interface ReviewBoxTarget {
  id: number;
  status: string;
  version: number;
  proposedStatus?: string | null;
  proposedBy?: string | null;
  assignee?: string | null;
}

/** What the reviewer typed, shown again when an action failed (409, 422, 413) so nothing is retyped. */
export interface ReviewDraft {
  note?: string;
  evidence?: string;
}

export interface ReviewBoxProps {
  /** DOM ids are `${prefix}-review-${id}` and `${prefix}-badge-${id}`. */
  prefix: 'claim' | 'link';
  state: ReviewBoxTarget;
  history?: HistoryEntry[];
  user: User | null;
  returnTo: string;
  error?: string;
  draft?: ReviewDraft;
  /** Where the verdict form and the approve/reject form post. */
  actionUrl: string;
  decideUrl: string;
  /** The form field the verdict buttons set ("status" or "resolution"). */
  field: string;
  /** [value, text, keyboard key] for each verdict button. */
  choices: readonly (readonly [string, string, string?])[];
  /** The value that reopens (back to unreviewed/open): editors only. */
  reopen: { value: string; text: string };
  title: string;
  /** Extra controls under the form (the conflict's assignment). */
  children?: unknown;
}

function Hidden({ state, returnTo }: { state: ReviewBoxTarget; returnTo: string }) {
  return (
    <>
      <input type="hidden" name="version" value={String(state.version)} />
      <input type="hidden" name="return_to" value={returnTo} />
    </>
  );
}

// No ids on these fields: htmx 4 carries class/style over from same-id elements across a swap, and a
// copied (empty) style attribute is reported as a CSP style-src violation.
function NoteFields({ draft }: { draft?: ReviewDraft }) {
  return (
    <div class="fields">
      <label>
        Note <span class="muted">(optional)</span>
        <textarea name="note" maxlength={2000} rows={2}>
          {draft?.note ?? ''}
        </textarea>
      </label>
      <label>
        Evidence <span class="muted">(optional: http/https links, one per line, up to 10)</span>
        <textarea name="evidence" rows={2} placeholder="https://…">
          {draft?.evidence ?? ''}
        </textarea>
      </label>
    </div>
  );
}

// Verdicts may not contradict each other (src/services/verdict-rules.ts); an editor may record one
// anyway, and the override is logged.
function Override() {
  return (
    <label class="override">
      <input type="checkbox" name="override" value="1" /> Override: record it even if it contradicts another
      verdict (logged)
    </label>
  );
}

export function ReviewBox(p: ReviewBoxProps) {
  const { state, user } = p;
  const id = `${p.prefix}-review-${state.id}`;
  const target = { 'hx-target': `#${id}`, 'hx-swap': 'outerHTML' };
  const canReview = hasRole(user, 'reviewer');
  const editor = hasRole(user, 'editor');
  // A verdict someone else gave is theirs: a reviewer would only be refused (403), so the buttons are
  // replaced by who gave it and who may change it (the rule itself is in src/services/review.ts).
  const giver =
    canReview && !editor && state.status !== p.reopen.value && p.history
      ? (verdictGiver(p.history, state.status) ?? { reviewer: null, displayName: null })
      : null;
  const lockedBy = giver && giver.reviewer !== user?.login ? giver : null;
  return (
    <section class="review" id={id} aria-label={p.title} data-version={String(state.version)}>
      {/* The conflict's box sits below the comparison, on its own: it says what it is for. The claim
          boxes sit inside their claim's card and need no heading. */}
      {p.prefix === 'link' ? <h2>{p.title}</h2> : null}
      <p class="review-status">
        Status: <StatusBadge status={state.status} id={`${p.prefix}-badge-${state.id}`} />
        {state.assignee !== undefined ? (
          <span class="assignee muted">
            {' '}
            · {state.assignee ? `assigned to ${state.assignee}` : 'unassigned'}
          </span>
        ) : null}
      </p>
      {p.error ? (
        <p class="error" role="alert">
          {p.error}
        </p>
      ) : null}
      {state.proposedStatus ? (
        <div class="proposal notice">
          <p>
            Proposed: <StatusBadge status={state.proposedStatus} /> by <strong>{state.proposedBy}</strong> —
            it becomes final when another reviewer approves it.
          </p>
          {canReview ? (
            <form method="post" action={p.decideUrl} hx-post={p.decideUrl} {...target}>
              <Hidden state={state} returnTo={p.returnTo} />
              <div class="fields">
                <label>
                  Note <span class="muted">(optional)</span>
                  <textarea name="note" maxlength={2000} rows={1} />
                </label>
                <label>
                  Evidence <span class="muted">(optional: http/https links, one per line)</span>
                  <textarea name="evidence" rows={1} placeholder="https://…" />
                </label>
              </div>
              <div class="actions">
                {state.proposedBy !== user?.login ? (
                  <button type="submit" name="decision" value="approve" class="btn btn-primary">
                    Approve
                  </button>
                ) : null}
                <button type="submit" name="decision" value="reject" class="btn btn-secondary">
                  {state.proposedBy === user?.login ? 'Withdraw' : 'Reject'}
                </button>
              </div>
            </form>
          ) : null}
        </div>
      ) : null}
      {lockedBy ? (
        <div class="verdict-owner">
          <p class="muted">
            {lockedBy.displayName ?? lockedBy.reviewer ?? 'Another reviewer'}
            {lockedBy.reviewer && lockedBy.displayName ? ` (${lockedBy.reviewer})` : ''} gave this verdict;
            only an editor can change it.
          </p>
          {p.draft?.note || p.draft?.evidence ? (
            // What the reviewer typed before losing a race: kept to copy, since it was not saved.
            <label>
              Your note, not saved <span class="muted">(copy it if you need it)</span>
              <textarea class="unsaved-note" readonly rows={2}>
                {[p.draft.note, p.draft.evidence].filter(Boolean).join('\n')}
              </textarea>
            </label>
          ) : null}
        </div>
      ) : canReview ? (
        <form class="verdict" method="post" action={p.actionUrl} hx-post={p.actionUrl} {...target}>
          <Hidden state={state} returnTo={p.returnTo} />
          {/* The note, evidence and override fold away on a phone (shown as they are on a wide screen), so
              both sides of a conflict page and the resolution's buttons are near the top; a draft being
              retyped is open. Closed, the fields still go with the form (no script needed). */}
          <details class="fold-narrow review-notes" open={Boolean(p.draft?.note || p.draft?.evidence)}>
            <summary>Note, evidence{editor ? ', override' : ''}</summary>
            <NoteFields draft={p.draft} />
            {editor ? <Override /> : null}
          </details>
          <div class="actions">
            {p.choices
              .filter(([value]) => value !== state.status)
              .map(([value, text, key]) => (
                <button
                  type="submit"
                  name={p.field}
                  value={value}
                  class={`btn btn-${value}`}
                  data-key={key}
                  title={key ? `${text} (key ${key})` : undefined}
                >
                  {text}
                </button>
              ))}
            {editor && state.status !== p.reopen.value ? (
              <button type="submit" name={p.field} value={p.reopen.value} class="btn btn-secondary">
                {p.reopen.text}
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <p class="muted">
          {user ? (
            `Your role (${user.role}) can read but not review.`
          ) : (
            <>
              <a href={`/signin?next=${encodeURIComponent(p.returnTo)}`}>Sign in</a> as a reviewer to review.
            </>
          )}
        </p>
      )}
      {p.children as never}
      {p.history ? <History entries={p.history} /> : null}
    </section>
  );
}
