// A claim's status badge with its review form: the fragment htmx swaps after a review.
import { CLAIM_STATUSES } from '../../db/schema';
import { StatusBadge } from '../components/badge';
import { label } from '../components/format';

export interface ClaimReviewProps {
  claim: { id: number; status: string; version: number };
  reviewer?: string;
  returnTo: string;
  error?: string;
}

export function ClaimReview({ claim, reviewer, returnTo, error }: ClaimReviewProps) {
  const id = `claim-review-${claim.id}`;
  return (
    <section class="review" id={id} aria-label={`Review claim ${claim.id}`}>
      <p class="review-status">
        Status: <StatusBadge status={claim.status} id={`claim-badge-${claim.id}`} />
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <form
        method="post"
        action={`/claims/${claim.id}/status`}
        hx-post={`/claims/${claim.id}/status`}
        hx-target={`#${id}`}
        hx-swap="outerHTML"
      >
        <input type="hidden" name="version" value={String(claim.version)} />
        <input type="hidden" name="return_to" value={returnTo} />
        <div class="fields">
          <label>
            Your name
            <input name="name" value={reviewer ?? ''} maxlength={100} required autocomplete="name" />
          </label>
          <label>
            Note <span class="muted">(optional)</span>
            <input name="note" maxlength={2000} />
          </label>
        </div>
        <div class="actions">
          {CLAIM_STATUSES.filter((s) => s !== 'unreviewed' && s !== claim.status).map((s) => (
            <button type="submit" name="status" value={s} class={`btn btn-${s}`}>
              {label(s)}
            </button>
          ))}
        </div>
      </form>
    </section>
  );
}
