// Failures a service reports to its caller; routes map them to HTTP statuses, the CLI to messages.
export class InputError extends Error {
  override name = 'InputError';
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** Someone else changed the row since the reviewer loaded it (optimistic version check failed). */
export class StaleVersionError extends Error {
  override name = 'StaleVersionError';
  constructor(
    message: string,
    /** The row as it is now, and (when known) who changed it last: shown with the 409. */
    readonly current: { status: string; version: number } & Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The actor is signed in but the rule needs more (an editor, or another reviewer than the proposer). */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}

/**
 * The verdict would contradict another one (a resolved conflict, the other side's verdict): refused
 * unless an editor overrides it. A ForbiddenError, so every caller that refuses on rules refuses this
 * too; answered 409 (it conflicts with the state of other rows), with what it contradicts.
 */
export class ContradictionError extends ForbiddenError {
  override name = 'ContradictionError';
  constructor(
    message: string,
    readonly contradictions: { linkId: number; claims: number[]; message: string }[],
  ) {
    super(message);
  }
}

/**
 * The work cannot be taken on now (Node's extraction thread is saturated or took too long; issue 19):
 * answered 503 with Retry-After, and nothing was stored.
 */
export class BusyError extends Error {
  override name = 'BusyError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
