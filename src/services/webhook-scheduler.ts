// Node's webhook sender: every few seconds, the deliveries that are due (new events, and retries whose
// backoff has passed) are sent, one after another. Started by `npm start`; Workers send them from the
// cron and the FEEDS queue instead (src/worker-webhooks.ts).
import type { Db } from '../../db/client';
import { deliverDue, type WebhookSender } from './webhooks';

export interface WebhookScheduler {
  /** One round: every due delivery attempted. */
  runOnce(now?: number): Promise<{ delivered: number; retrying: number; failed: number }>;
  stop(): Promise<void>;
}

export function webhookScheduler(
  db: Db,
  sender: WebhookSender,
  opts: { everyMs?: number; log?: (line: string) => void; start?: boolean } = {},
): WebhookScheduler {
  const log = opts.log ?? (() => {});
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const runOnce = (now?: number) => {
    const next = running.then(() => deliverDue(db, sender, now));
    running = next.catch(() => {});
    return next;
  };
  const timer =
    opts.start === false
      ? null
      : setInterval(() => {
          if (busy) return;
          busy = true;
          runOnce()
            .then((t) => {
              if (t.retrying || t.failed)
                log(
                  `webhooks: ${t.delivered} delivered, ${t.retrying} to retry, ${t.failed} failed for good`,
                );
            })
            .catch((err) =>
              log(`webhooks: the round failed: ${err instanceof Error ? err.message : String(err)}`),
            )
            .finally(() => {
              busy = false;
            });
        }, opts.everyMs ?? 5_000);
  timer?.unref();
  return {
    runOnce,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
