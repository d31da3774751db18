// What a review form gets back: the swapped fragment for htmx, a 303 back for plain posts, a clear 4xx otherwise.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Db } from '../../db/client';
import { ErrorPage } from '../../views/pages/error';
import { ClaimReview } from '../../views/partials/claim-review';
import { LinkReview } from '../../views/partials/link-review';
import type { ReviewDraft } from '../../views/partials/review-box';
import { isHtmx } from '../responses/htmx';
import { fragment, page, renderError } from '../responses/render';
import { ContradictionError, ForbiddenError, InputError, StaleVersionError } from '../services/errors';
import { type ReviewResult, type ReviewState, reviewView } from '../services/review';
import type { User } from '../shared/user';

type Failure = 403 | 404 | 409 | 422;

/** Success: htmx swaps the fragment in place; without JS the browser goes back to the page it came from. */
export function reviewDone(c: Context, returnTo: string, part: Child) {
  return isHtmx(c) ? fragment(c, part) : c.redirect(returnTo, 303);
}

/** Failure: htmx swaps the fragment (with the error, the current state and version); a plain post gets a page. */
export function reviewFailed(
  c: Context,
  status: Failure,
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
      {status === 409 ? part() : null}
      <p>
        <a href={returnTo}>Go back and try again</a>
      </p>
    </>,
    { status },
  );
}

/**
 * The review box of a claim or conflict as it is now, with its history: what every answer shows.
 * `known` is the state an action just wrote under its version guard, exact as of that write: the
 * row is not read again (on Workers every read is a round trip to the database).
 */
export async function reviewBox(
  db: Db,
  target: 'claim' | 'link',
  id: number,
  user: User | null,
  returnTo: string,
  error?: string,
  draft?: ReviewDraft,
  known?: ReviewState,
): Promise<Child> {
  const view = await reviewView(db, target, id, known);
  const props = { history: view.history, user, returnTo, error, draft };
  return target === 'claim' ? <ClaimReview claim={view} {...props} /> : <LinkReview link={view} {...props} />;
}

/** The note and evidence as typed (Hono keeps the parsed form), to put back into the box after a failure. */
async function draftOf(c: Context): Promise<ReviewDraft> {
  if (!/form/i.test(c.req.header('content-type') ?? '')) return {};
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 20_000) : undefined);
  return { note: text(body.note), evidence: text(body.evidence) };
}

const FAILURES: [new (...a: never[]) => Error, Failure][] = [
  [StaleVersionError, 409],
  [ContradictionError, 409],
  [ForbiddenError, 403],
  [InputError, 422],
];

/**
 * The part of a review post after validation, the same for every action on claims and conflicts:
 * it either lands (the fresh box) or fails with the box as it is now and why — 409 for a newer
 * version (the message names who changed it), 403 for a rule, 422 for a pointless action.
 */
export async function answerReview(
  c: Context,
  opts: {
    db: Db;
    target: 'claim' | 'link';
    id: number;
    user: User;
    returnTo: string;
    act: () => Promise<ReviewResult>;
  },
) {
  let result: ReviewResult;
  try {
    result = await opts.act();
  } catch (err) {
    const failure = FAILURES.find(([type]) => err instanceof type);
    if (!failure) throw err;
    const message = (err as Error).message;
    const part = await reviewBox(
      opts.db,
      opts.target,
      opts.id,
      opts.user,
      opts.returnTo,
      message,
      await draftOf(c),
    );
    return reviewFailed(c, failure[1], message, () => part, opts.returnTo);
  }
  const { outcome: _, claims: sides, ...state } = result;
  const box = await reviewBox(
    opts.db,
    opts.target,
    opts.id,
    opts.user,
    opts.returnTo,
    undefined,
    undefined,
    state,
  );
  if (!sides?.length || !isHtmx(c)) return reviewDone(c, opts.returnTo, box);
  // A resolution that set its claims' verdicts: their boxes on the conflict page change too.
  const others = await Promise.all(
    sides.map((s) => reviewBox(opts.db, 'claim', s.id, opts.user, opts.returnTo, undefined, undefined, s)),
  );
  return reviewDone(
    c,
    opts.returnTo,
    <>
      {box}
      {others.map((part, i) => (
        <hx-partial hx-target={`#claim-review-${sides[i]?.id}`} hx-swap="outerHTML">
          {part}
        </hx-partial>
      ))}
    </>,
  );
}

/** A form that failed validation: 422 with the box and the message. */
export async function invalidReview(
  c: Context,
  db: Db,
  target: 'claim' | 'link',
  user: User | null,
  message: string,
) {
  const id = Number(c.req.param('id'));
  const returnTo = target === 'claim' ? `/claims/${id}` : `/conflicts/${id}`;
  const part = await reviewBox(db, target, id, user, returnTo, message, await draftOf(c));
  return reviewFailed(c, 422, message, () => part, returnTo);
}

/**
 * A review body over the limit (read before anything else): htmx gets the box back with the message
 * in it, so the form and its history stay on the page; a plain post gets the error page.
 */
export function reviewTooLarge(db: Db, target: 'claim' | 'link') {
  return async (c: Context, message: string) => {
    const id = Number(c.req.param('id'));
    if (!isHtmx(c) || !Number.isSafeInteger(id) || id < 1) return renderError(c, 413, message);
    const returnTo = target === 'claim' ? `/claims/${id}` : `/conflicts/${id}`;
    const user = (c.get('user') as User | null | undefined) ?? null;
    const part = await reviewBox(db, target, id, user, returnTo, message).catch(() => null);
    return part ? fragment(c, part, 413) : renderError(c, 413, message);
  };
}
