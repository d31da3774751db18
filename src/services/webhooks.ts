// Use case: outgoing webhooks, so a newsroom can route alerts to its chat tool. Editors subscribe a URL
// to events; an event stores one delivery per subscription (the exact body, db/queries/webhooks.ts);
// a sender POSTs each, signed (webhook-signature.ts), and retries with backoff until it is answered
// 2xx or the attempts run out — every attempt's outcome is the delivery log. Who sends is the entry's:
// Node's webhook-sender.ts every few seconds, the Worker's cron and FEEDS queue (src/worker-webhooks.ts).
import type { Db } from '../../db/client';
import {
  claimDueDeliveries,
  deleteWebhook,
  deliveriesOf,
  deliveryToSend,
  highConflictsOf,
  insertDeliveries,
  insertWebhook,
  listWebhooks,
  recordAttempt,
  type WebhookDeliveryRow,
  type WebhookRow,
  webhookById,
  webhooksFor,
} from '../../db/queries/webhooks';
import type { AddressPolicy } from '../web/addresses';
import { checkedUrl, type Transport } from '../web/fetch-page';
import { postBody } from '../web/post-body';
import { InputError, NotFoundError } from './errors';
import { newWebhookSecret, SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from './webhook-signature';

/** What can be subscribed to, with the words the page uses. */
export const WEBHOOK_EVENTS = {
  'conflict.high': 'a new high-severity disagreement',
  'feed.failed': 'a feed starts failing',
} as const;
export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;
export const isWebhookEvent = (s: string): s is WebhookEvent => Object.hasOwn(WEBHOOK_EVENTS, s);

/** Waits before the 2nd, 3rd, … attempt: 1 min, 5 min, 30 min, 2 h, 12 h; then the delivery has failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 12 * 3600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A delivery taken for sending stays taken this long (a sender that died mid-send is retried after). */
const LEASE_MS = 2 * 60_000;

/** How a runtime sends: its transport, under the fetch address rules (tests may allow loopback). */
export interface WebhookSender {
  transport: Transport;
  policy?: AddressPolicy;
  timeoutMs?: number;
}

export async function addWebhook(
  db: Db,
  policy: AddressPolicy | undefined,
  input: { url: string; events: WebhookEvent[] },
  actor?: string | null,
): Promise<{ webhook: WebhookRow; secret: string }> {
  // The same address rules as fetched pages: a webhook can never be aimed at this machine or its network.
  const url = checkedUrl(input.url, policy).href;
  const events = [...new Set(input.events)].filter(isWebhookEvent);
  if (events.length === 0) throw new InputError('Choose at least one event.');
  const secret = newWebhookSecret();
  const webhook = await insertWebhook(db, {
    url,
    events: events.join(','),
    secret,
    createdBy: actor ?? null,
  });
  return { webhook, secret };
}

export async function removeWebhook(db: Db, id: number): Promise<void> {
  if (!(await deleteWebhook(db, id))) throw new NotFoundError(`There is no webhook ${id}.`);
}

export interface WebhookView {
  id: number;
  url: string;
  events: string[];
  createdBy: string | null;
  createdAt: number;
  deliveries: WebhookDeliveryRow[];
}

/** Every subscription with its latest deliveries (never its secret). */
export async function webhookViews(db: Db, perHook = 10): Promise<WebhookView[]> {
  const hooks = await listWebhooks(db);
  return Promise.all(
    hooks.map(async (w) => ({
      id: w.id,
      url: w.url,
      events: w.events.split(','),
      createdBy: w.createdBy,
      createdAt: w.createdAt,
      deliveries: await deliveriesOf(db, w.id, perHook),
    })),
  );
}

export async function webhookDeliveryLog(db: Db, id: number, limit = 100): Promise<WebhookDeliveryRow[]> {
  if (!(await webhookById(db, id))) throw new NotFoundError(`There is no webhook ${id}.`);
  return deliveriesOf(db, id, limit);
}

/** The body every event has: an id, the event, when, a one-line `text` (chat tools show it), and `data`. */
function eventBody(event: string, text: string, data: unknown, now: number): string {
  return JSON.stringify({
    id: crypto.randomUUID(),
    event,
    createdAt: new Date(now).toISOString(),
    text,
    data,
  });
}

/**
 * How an entry sends a new delivery's first attempt at once (the Worker: one FEEDS message each); the
 * delivery is stored taken for `leaseMs`, so the regular sender (the cron) only sends it if that
 * message was lost. Without one, the sender's next round sends it (Node: within 5 s).
 */
export interface FirstAttempts {
  send(deliveryIds: number[]): Promise<unknown>;
  leaseMs: number;
}
const firstAttempts = new WeakMap<Db, FirstAttempts>();

/** New deliveries stored through `db` get their first attempt sent by `first`. */
export function sendFirstAttemptsWith(db: Db, first: FirstAttempts): void {
  firstAttempts.set(db, first);
}

/**
 * Stores one delivery of the event per subscription to it (or to `only`), due now (or handed to the
 * entry's FirstAttempts); their ids.
 */
async function queueEvent(
  db: Db,
  event: string,
  text: string,
  data: unknown,
  opts: { now?: number; only?: WebhookRow[] } = {},
): Promise<number[]> {
  const hooks = opts.only ?? (await webhooksFor(db, event));
  if (hooks.length === 0) return [];
  const now = opts.now ?? Date.now();
  const body = eventBody(event, text, data, now);
  const first = firstAttempts.get(db);
  const nextAttemptAt = first ? now + first.leaseMs : now;
  const ids = await insertDeliveries(
    db,
    hooks.map((h) => ({ webhookId: h.id, event, body, nextAttemptAt })),
  );
  if (first && ids.length > 0)
    await first
      .send(ids)
      .catch((err) =>
        console.error(
          'crosscheck: sending new webhook deliveries failed; the cron sends them after their lease',
          err,
        ),
      );
  return ids;
}

/** Is this a link a `conflict.high` event reports? (Checked on new links before any read.) */
export const isHighDisagreement = (l: { relation: string; severity: string }) =>
  l.severity === 'high' && (l.relation === 'conflict' || l.relation === 'quote_differs');

const quoted = (s: string) => `“${s.length > 160 ? `${s.slice(0, 157)}…` : s}”`;

/**
 * After new links were stored for `articleIds`: one `conflict.high` event listing their high-severity
 * disagreements, if any and if anyone subscribed. Never throws (an alert must not undo an ingest).
 */
export async function announceConflicts(db: Db, articleIds: number[], now = Date.now()): Promise<number[]> {
  try {
    if ((await webhooksFor(db, 'conflict.high')).length === 0) return [];
    const found = await highConflictsOf(db, articleIds);
    if (found.length === 0) return [];
    const first = found[0]!;
    const text = `${found.length === 1 ? 'A high-severity disagreement' : `${found.length} high-severity disagreements`}: ${first.a.outlet} ${quoted(first.a.text)} vs ${first.b.outlet} ${quoted(first.b.text)}`;
    const conflicts = found.map((c) => ({
      linkId: c.linkId,
      path: `/conflicts/${c.linkId}`,
      factPath: c.factId ? `/facts/${c.factId}` : null,
      relation: c.relation,
      score: c.score,
      summary: (c.explanation as { summary?: string } | null)?.summary ?? null,
      a: c.a,
      b: c.b,
    }));
    return await queueEvent(db, 'conflict.high', text, { articleIds, conflicts }, { now });
  } catch (err) {
    console.error('crosscheck: could not queue the conflict.high webhooks', err);
    return [];
  }
}

/** A feed's poll failed after succeeding (or on its first poll): `feed.failed`. Never throws. */
export async function announceFeedFailing(
  db: Db,
  feed: { id: number; url: string; title: string | null },
  error: string,
  now = Date.now(),
): Promise<number[]> {
  try {
    const text = `Feed ${feed.title ?? feed.url} is failing: ${error}`;
    return await queueEvent(
      db,
      'feed.failed',
      text,
      { feed: { ...feed, path: `/feeds/${feed.id}` }, error },
      { now },
    );
  } catch (err) {
    console.error('crosscheck: could not queue the feed.failed webhooks', err);
    return [];
  }
}

/** The Test button: a `ping` to one subscription, through the same delivery path. */
export async function pingWebhook(db: Db, id: number, actor?: string | null): Promise<number> {
  const hook = await webhookById(db, id);
  if (!hook) throw new NotFoundError(`There is no webhook ${id}.`);
  const text = `Test from crosscheck${actor ? ` (sent by ${actor})` : ''}: this webhook works.`;
  const [delivery] = await queueEvent(db, 'ping', text, { webhookId: id }, { only: [hook] });
  return delivery!;
}

export type AttemptResult =
  | { status: 'delivered'; httpStatus: number }
  | { status: 'pending' | 'failed'; httpStatus: number | null; error: string };

/**
 * One attempt at one delivery: signed, POSTed, recorded. A 2xx delivers it; anything else (an error
 * status, no answer, a refused address) is retried after RETRY_DELAYS_MS, then marked failed. Null
 * when there is nothing to send (delivered meanwhile, or its subscription deleted).
 */
export async function attemptDelivery(
  db: Db,
  sender: WebhookSender,
  id: number,
  now = Date.now(),
): Promise<AttemptResult | null> {
  const d = await deliveryToSend(db, id);
  if (d?.status !== 'pending') return null;
  const timestamp = Math.floor(now / 1000);
  let result: AttemptResult;
  try {
    const httpStatus = await postBody(
      d.url,
      d.body,
      {
        'Content-Type': 'application/json',
        'X-Crosscheck-Event': d.event,
        'X-Crosscheck-Delivery': String(d.id),
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: await signBody(d.secret, timestamp, d.body),
      },
      sender,
    );
    result =
      httpStatus >= 200 && httpStatus < 300
        ? { status: 'delivered', httpStatus }
        : { status: 'pending', httpStatus, error: `the receiver answered HTTP ${httpStatus}` };
  } catch (err) {
    result = { status: 'pending', httpStatus: null, error: err instanceof Error ? err.message : String(err) };
  }
  const delay = RETRY_DELAYS_MS[d.attempts];
  if (result.status === 'pending' && delay === undefined) result = { ...result, status: 'failed' };
  await recordAttempt(db, id, {
    status: result.status,
    at: now,
    nextAttemptAt: result.status === 'pending' ? now + delay! : now,
    httpStatus: result.httpStatus,
    error: result.status === 'delivered' ? null : result.error,
  });
  return result;
}

/**
 * Deliveries due now, taken for sending so that no other sender sends them for `leaseMs` (the Worker's
 * cron takes them for longer: its queue may hold a message a while).
 */
export const takeDueDeliveries = (db: Db, now = Date.now(), limit = 50, leaseMs = LEASE_MS) =>
  claimDueDeliveries(db, now, now + leaseMs, limit);

/** Sends what is due, one after another (Node's sender, tests). */
export async function deliverDue(
  db: Db,
  sender: WebhookSender,
  now = Date.now(),
): Promise<{ delivered: number; retrying: number; failed: number }> {
  const totals = { delivered: 0, retrying: 0, failed: 0 };
  for (const id of await takeDueDeliveries(db, now)) {
    const r = await attemptDelivery(db, sender, id, now);
    if (r?.status === 'delivered') totals.delivered++;
    else if (r?.status === 'pending') totals.retrying++;
    else if (r?.status === 'failed') totals.failed++;
  }
  return totals;
}
