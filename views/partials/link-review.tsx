// A conflict's resolution with the resolve form, assignment and history: the fragment htmx swaps after an action.

import type { HistoryEntry } from '../../src/shared/history';
import type { User } from '../../src/shared/user';
import { hasRole } from '../../src/shared/user';
import { ReviewBox, type ReviewBoxTarget, type ReviewDraft } from './review-box';

export interface LinkReviewProps {
  link: ReviewBoxTarget & { assignee: string | null };
  history?: HistoryEntry[];
  user: User | null;
  returnTo: string;
  error?: string;
  draft?: ReviewDraft;
}

/** Keys match the keyboard help (views/static/keys.js): a, b, n, d on the focused resolution box. */
const CHOICES = [
  ['a_holds', 'A holds', 'a'],
  ['b_holds', 'B holds', 'b'],
  ['neither', 'Neither holds', 'n'],
  ['dismissed', 'Not a real conflict', 'd'],
] as const;

/** Reviewers take or give back a conflict; editors assign anyone (by login). */
function Assign({ link, user, returnTo }: LinkReviewProps) {
  if (!user || !hasRole(user, 'reviewer')) return null;
  const url = `/conflicts/${link.id}/assign`;
  // The note and evidence typed in the box above go with an assignment too (every action takes both).
  const swap = {
    'hx-post': url,
    'hx-target': `#link-review-${link.id}`,
    'hx-swap': 'outerHTML',
    'hx-include': `#link-review-${link.id} form.verdict textarea`,
  };
  const mine = link.assignee === user.login;
  const editor = hasRole(user, 'editor');
  if (!editor && link.assignee && !mine) return null;
  return (
    <form class="assign" method="post" action={url} {...swap}>
      <input type="hidden" name="version" value={String(link.version)} />
      <input type="hidden" name="return_to" value={returnTo} />
      {editor ? (
        // Folded on a phone like the note and evidence above (open on a wide screen).
        <details class="fold-narrow assign-fold">
          <summary>Assign to someone</summary>
          <label>
            Assign to{' '}
            <input name="assignee" value={link.assignee ?? ''} maxlength={200} placeholder="login" />
            <button type="submit" class="btn btn-secondary">
              Assign
            </button>
          </label>
        </details>
      ) : (
        <button type="submit" name="assignee" value={mine ? '' : user.login} class="btn btn-secondary">
          {mine ? 'Give back' : 'Assign to me'}
        </button>
      )}
    </form>
  );
}

export function LinkReview(props: LinkReviewProps) {
  const { link, history, user, returnTo, error, draft } = props;
  return (
    <ReviewBox
      prefix="link"
      title="Resolve this conflict"
      state={link}
      history={history}
      user={user}
      returnTo={returnTo}
      error={error}
      draft={draft}
      actionUrl={`/conflicts/${link.id}/resolve`}
      decideUrl={`/conflicts/${link.id}/decide`}
      field="resolution"
      choices={CHOICES}
      reopen={{ value: 'open', text: 'Reopen' }}
    >
      <Assign {...props} />
    </ReviewBox>
  );
}
