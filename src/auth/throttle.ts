// Brute-force brake for sign-in: after a few wrong passwords for one login FROM ONE CLIENT, that
// client waits before trying that login again, longer after each further failure (backoff). Keyed by
// login and client address, so nobody can lock a reviewer out by failing on purpose from elsewhere.
// In memory, per process (per isolate on Workers): a light brake, not a guarantee — the write rate
// limit and PBKDF2's cost do the rest.

export interface Throttle {
  /** Milliseconds until `key` may try again; 0 when it may try now. */
  blockedFor(key: string, now?: number): number;
  fail(key: string, now?: number): void;
  succeed(key: string): void;
}

/** The brake's key: a login from one client address ("unknown" when the runtime cannot tell). */
export const throttleKey = (login: string, client: string | undefined) =>
  `${login.toLowerCase()}\n${client || 'unknown'}`;

export function failureThrottle(
  opts: { freeFailures?: number; baseMs?: number; maxMs?: number; forgetMs?: number; maxKeys?: number } = {},
): Throttle {
  const freeFailures = opts.freeFailures ?? 5;
  const baseMs = opts.baseMs ?? 30_000;
  const maxMs = opts.maxMs ?? 15 * 60 * 1000;
  /** Failures older than this (since the last one) are forgotten. */
  const forgetMs = opts.forgetMs ?? 60 * 60 * 1000;
  const maxKeys = opts.maxKeys ?? 10_000;
  const failures = new Map<string, { count: number; last: number }>();

  const current = (key: string, now: number) => {
    const f = failures.get(key);
    if (f && now - f.last >= forgetMs) {
      failures.delete(key);
      return undefined;
    }
    return f;
  };

  return {
    blockedFor(key, now = Date.now()) {
      const f = current(key, now);
      if (!f || f.count < freeFailures) return 0;
      // 30 s after the 5th failure, 1 min after the 6th, 2 after the 7th, ... at most 15 min.
      const wait = Math.min(maxMs, baseMs * 2 ** (f.count - freeFailures));
      return Math.max(0, f.last + wait - now);
    },
    fail(key, now = Date.now()) {
      const f = current(key, now);
      if (f) {
        f.count++;
        f.last = now;
        return;
      }
      // Bounded memory: someone spraying random logins evicts the oldest entries, not our heap.
      if (failures.size >= maxKeys) {
        const oldest = failures.keys().next().value;
        if (oldest !== undefined) failures.delete(oldest);
      }
      failures.set(key, { count: 1, last: now });
    },
    succeed(key) {
      failures.delete(key);
    },
  };
}
