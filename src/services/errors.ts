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
