// What a review form gets back: the swapped fragment for htmx, a 303 back for plain posts, a clear 4xx otherwise.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { ErrorPage } from '../../views/pages/error';
import { StaleVersionError } from '../services/errors';
import { isHtmx } from './htmx';
import { fragment, page } from './render';

/** Success: htmx swaps the fragment in place; without JS the browser goes back to the page it came from. */
export function reviewDone(c: Context, returnTo: string, part: Child) {
  return isHtmx(c) ? fragment(c, part) : c.redirect(returnTo, 303);
}

/** Failure: htmx swaps the fragment (with the error and the fresh version); a plain post gets a page. */
export function reviewFailed(
  c: Context,
  status: 404 | 409 | 422,
  message: string,
  part: () => Child,
  returnTo: string,
) {
  if (isHtmx(c)) return fragment(c, part(), status);
  return page(
    c,
    'Review not saved',
    <>
      <ErrorPage status={status} message={message} />
      <p>
        <a href={returnTo}>Go back and try again</a>
      </p>
    </>,
    { status },
  );
}

/**
 * The part of a review post after validation, the same for claims and conflicts: it must be signed,
 * then it either lands (the fresh fragment) or meets a newer version (409 with the current state).
 */
export async function answerReview<S>(
  c: Context,
  opts: {
    returnTo: string;
    reviewer: string | undefined;
    loadState: () => Promise<S>;
    act: (reviewer: string) => Promise<S>;
    fromStale: (err: StaleVersionError) => S;
    render: (state: S, reviewer?: string, error?: string) => Child;
  },
) {
  const { returnTo, reviewer } = opts;
  if (!reviewer) {
    const state = await opts.loadState();
    const message = 'Enter your name: every review is signed in the audit log.';
    return reviewFailed(c, 422, message, () => opts.render(state, undefined, message), returnTo);
  }
  try {
    return reviewDone(c, returnTo, opts.render(await opts.act(reviewer), reviewer));
  } catch (err) {
    if (!(err instanceof StaleVersionError)) throw err;
    const state = opts.fromStale(err);
    return reviewFailed(c, 409, err.message, () => opts.render(state, reviewer, err.message), returnTo);
  }
}
