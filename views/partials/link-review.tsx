// A conflict's resolution badge with the resolve form: the fragment htmx swaps after a resolution.
import { StatusBadge } from '../components/badge';

export interface LinkReviewProps {
  link: { id: number; status: string; version: number };
  reviewer?: string;
  returnTo: string;
  error?: string;
}

const CHOICES = [
  ['a_holds', 'A holds'],
  ['b_holds', 'B holds'],
  ['neither', 'Neither holds'],
  ['dismissed', 'Not a real conflict'],
] as const;

export function LinkReview({ link, reviewer, returnTo, error }: LinkReviewProps) {
  const id = `link-review-${link.id}`;
  return (
    <section class="review" id={id} aria-label="Resolve this conflict">
      <p class="review-status">
        Resolution: <StatusBadge status={link.status} id={`link-badge-${link.id}`} />
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <form
        method="post"
        action={`/conflicts/${link.id}/resolve`}
        hx-post={`/conflicts/${link.id}/resolve`}
        hx-target={`#${id}`}
        hx-swap="outerHTML"
      >
        <input type="hidden" name="version" value={String(link.version)} />
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
          {CHOICES.filter(([value]) => value !== link.status).map(([value, text]) => (
            <button type="submit" name="resolution" value={value} class={`btn btn-${value}`}>
              {text}
            </button>
          ))}
          {link.status !== 'open' ? (
            <button type="submit" name="resolution" value="open" class="btn btn-secondary">
              Reopen
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
