// Node's webhook sender: every few seconds, the deliveries that are due (new events, and retries whose
// backoff has passed) are sent, one after another. Started by `npm start`; Workers send them from the
// cron and the FEEDS queue instead (src/worker-webhooks.ts).
import type { Db } from '../../db/client';
import { everyRound } from './rounds';
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
  return everyRound((now?: number) => deliverDue(db, sender, now), {
    name: 'webhooks',
    everyMs: opts.everyMs ?? 5_000,
    start: opts.start,
    log: opts.log ?? (() => {}),
    report: (t) =>
      t.retrying || t.failed
        ? `webhooks: ${t.delivered} delivered, ${t.retrying} to retry, ${t.failed} failed for good`
        : null,
  });
}
