// A claim's status with its review form and history: the fragment htmx swaps after a review.

import type { HistoryEntry } from '../../src/shared/history';
import type { User } from '../../src/shared/user';
import { ReviewBox, type ReviewBoxTarget, type ReviewDraft } from './review-box';

export interface ClaimReviewProps {
  claim: ReviewBoxTarget;
  history?: HistoryEntry[];
  user: User | null;
  returnTo: string;
  error?: string;
  draft?: ReviewDraft;
}

/** Keys match the keyboard help (views/static/keys.js): v, d, f on the focused claim. */
const CHOICES = [
  ['verified', 'Verified', 'v'],
  ['disputed', 'Disputed', 'd'],
  ['false', 'False', 'f'],
  ['unverifiable', 'Unverifiable', 'u'],
] as const;

export function ClaimReview({ claim, history, user, returnTo, error, draft }: ClaimReviewProps) {
  return (
    <ReviewBox
      prefix="claim"
      title={`Review claim ${claim.id}`}
      state={claim}
      history={history}
      user={user}
      returnTo={returnTo}
      error={error}
      draft={draft}
      actionUrl={`/claims/${claim.id}/status`}
      decideUrl={`/claims/${claim.id}/decide`}
      field="status"
      choices={CHOICES}
      reopen={{ value: 'unreviewed', text: 'Back to unreviewed' }}
    />
  );
}
