// What a review form gets back: the swapped fragment for htmx, a 303 back for plain posts, a clear 4xx otherwise.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { ErrorPage } from '../../views/pages/error';
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
