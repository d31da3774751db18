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
    readonly current: { status: string; version: number },
  ) {
    super(message);
  }
}
