// Webhooks on Workers: a new delivery's first attempt is sent to the FEEDS queue as it is stored; the
// Cron Trigger takes the deliveries that are due (retries whose backoff has passed, a first attempt whose
// message was lost) and sends one FEEDS queue message each; the FEEDS consumer (src/worker-feeds.ts)
// makes that one attempt (sign, POST, record), one delivery per invocation. Cloudflare's network keeps
// the POST off private addresses; the URL itself was checked when it was subscribed and is again here.
import type { Db } from '../db/client';
import { attemptDelivery, sendFirstAttemptsWith, takeDueDeliveries } from './services/webhooks';
import { workerTransport } from './web/worker-transport';

export type WebhookMessage = { kind: 'webhook'; deliveryId: number };

interface WebhookQueue {
  sendBatch(messages: { body: WebhookMessage }[]): Promise<unknown>;
}

/** Taken for longer than on Node: a queue message may wait a while before its invocation. */
const LEASE_MS = 15 * 60_000;

const messages = (ids: number[]) =>
  ids.map((deliveryId) => ({ body: { kind: 'webhook' as const, deliveryId } }));

/** Every new delivery stored through `db` is sent to `queue` at once (taken meanwhile, as the cron takes them). */
export function sendFirstAttemptsAtOnce(db: Db, queue: WebhookQueue): void {
  sendFirstAttemptsWith(db, { leaseMs: LEASE_MS, send: (ids) => queue.sendBatch(messages(ids)) });
}

/** The cron's part: due deliveries, taken, one message each. Returns how many were sent. */
export async function enqueueDueDeliveries(db: Db, queue: WebhookQueue, now = Date.now()): Promise<number> {
  const ids = await takeDueDeliveries(db, now, 100, LEASE_MS);
  if (ids.length > 0) await queue.sendBatch(messages(ids));
  return ids.length;
}

export const isWebhookMessage = (body: unknown): body is WebhookMessage => {
  const id = (body as Partial<WebhookMessage> | null)?.deliveryId;
  return (
    (body as Partial<WebhookMessage> | null)?.kind === 'webhook' &&
    typeof id === 'number' &&
    Number.isSafeInteger(id) &&
    id > 0
  );
};

/** One attempt; its outcome (and the next retry's time) is recorded, so the message is done either way. */
export async function consumeWebhookMessage(body: WebhookMessage, db: Db): Promise<void> {
  await attemptDelivery(db, { transport: workerTransport }, body.deliveryId);
}
