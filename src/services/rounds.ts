// Work done in rounds on a timer in the Node process (feed polling, webhook deliveries): one round at a
// time, so a slow round makes the next tick wait instead of running beside it, and stop() waits for
// the round under way. The timer does not keep the process alive.

export interface Rounds<T> {
  /** One round now, after the one under way. */
  runOnce(now?: number): Promise<T>;
  stop(): Promise<void>;
}

export function everyRound<T>(
  round: (now?: number) => Promise<T>,
  opts: {
    /** Names the rounds in the log: "feeds", "webhooks". */
    name: string;
    everyMs: number;
    /** false: no timer, rounds only through runOnce (tests). */
    start?: boolean;
    log: (line: string) => void;
    /** What a finished timed round says in the log, if anything. */
    report?: (result: T) => string | null;
  },
): Rounds<T> {
  let running: Promise<unknown> = Promise.resolve();
  const runOnce = (now?: number) => {
    const next = running.then(() => round(now));
    running = next.catch(() => {});
    return next;
  };
  let busy = false;
  const timer =
    opts.start === false
      ? null
      : setInterval(() => {
          if (busy) return;
          busy = true;
          runOnce()
            .then((result) => {
              const line = opts.report?.(result);
              if (line) opts.log(line);
            })
            .catch((err) =>
              opts.log(`${opts.name}: the round failed: ${err instanceof Error ? err.message : String(err)}`),
            )
            .finally(() => {
              busy = false;
            });
        }, opts.everyMs);
  timer?.unref();
  return {
    runOnce,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
