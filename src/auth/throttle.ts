// Brute-force brake for sign-in: after a few wrong passwords for one login, refuse that login for a while.
// In memory, per process (per isolate on Workers): a light brake, not a guarantee — the write rate limit
// and PBKDF2's cost do the rest.

export interface Throttle {
  /** Milliseconds until `key` may try again; 0 when it may try now. */
  blockedFor(key: string, now?: number): number;
  fail(key: string, now?: number): void;
  succeed(key: string): void;
}

export function failureThrottle(
  opts: { maxFailures?: number; windowMs?: number; maxKeys?: number } = {},
): Throttle {
  const maxFailures = opts.maxFailures ?? 5;
  const windowMs = opts.windowMs ?? 15 * 60 * 1000;
  const maxKeys = opts.maxKeys ?? 10_000;
  const failures = new Map<string, { count: number; since: number }>();

  const current = (key: string, now: number) => {
    const f = failures.get(key);
    if (f && now - f.since >= windowMs) {
      failures.delete(key);
      return undefined;
    }
    return f;
  };

  return {
    blockedFor(key, now = Date.now()) {
      const f = current(key, now);
      return f && f.count >= maxFailures ? f.since + windowMs - now : 0;
    },
    fail(key, now = Date.now()) {
      const f = current(key, now);
      if (f) f.count++;
      else {
        // Bounded memory: someone spraying random logins evicts the oldest entries, not our heap.
        if (failures.size >= maxKeys) {
          const oldest = failures.keys().next().value;
          if (oldest !== undefined) failures.delete(oldest);
        }
        failures.set(key, { count: 1, since: now });
      }
    },
    succeed(key) {
      failures.delete(key);
    },
  };
}
