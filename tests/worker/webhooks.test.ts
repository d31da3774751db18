// Webhooks on Workers, inside workerd over D1: a feed that starts failing in the FEEDS consumer queues
// a delivery; the cron takes the due deliveries and sends one FEEDS message each; the consumer's
// attempt signs with Web Crypto as Node does (a fixed vector), POSTs (here through a stub transport)
// and records the outcome; a message for a delivery already sent does nothing. Through the Worker's own
// entry, a new delivery's first attempt is sent to FEEDS at once, and its retry waits for the cron.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { deliveriesOf } from '../../db/queries/webhooks';
import { addFeed } from '../../src/services/feeds';
import { signBody } from '../../src/services/webhook-signature';
import { addWebhook, attemptDelivery } from '../../src/services/webhooks';
import type { Hop, Transport } from '../../src/web/fetch-page';
import { webReader } from '../../src/web/reader';
import { rewriterExtract } from '../../src/web/rewriter-extract';
import worker, { databaseFor } from '../../src/worker';
import { consumeFeedMessages, FEEDS_QUEUE } from '../../src/worker-feeds';
import { enqueueDueDeliveries } from '../../src/worker-webhooks';
import { message } from './fake-message';

describe('webhooks on Workers', () => {
  it('signs as Node does', async () => {
    // node -e "crypto.createHmac('sha256','whsec_test').update('1700000000.{\"a\":1}').digest('hex')"
    expect(await signBody('whsec_test', 1700000000, '{"a":1}')).toBe(
      'sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
  });

  it('feed fails → delivery queued → cron sends a FEEDS message → the consumer’s attempt is logged', async () => {
    const db = databaseFor({ DB: env.DB });
    const { webhook, secret } = await addWebhook(
      db,
      {},
      {
        url: 'https://hooks.example/crosscheck',
        events: ['feed.failed'],
      },
    );
    const feed = await addFeed(db, {}, { url: 'https://feeds.example/gone.xml' });
    const notFound: Transport = async () =>
      ({
        status: 404,
        headers: new Headers({ 'content-type': 'text/plain' }),
        body: null,
        cancel() {},
      }) satisfies Hop;
    const reader = webReader({ transport: notFound, extract: rewriterExtract });
    const poll = message({ kind: 'poll', feedId: feed.id });
    await consumeFeedMessages([poll], db, reader, undefined, {});
    expect(poll.acked).toBe(true);
    const [queued] = await deliveriesOf(db, webhook.id);
    expect(queued).toMatchObject({ event: 'feed.failed', status: 'pending', attempts: 0 });

    const sent: unknown[] = [];
    const queue = {
      async sendBatch(messages: { body: unknown }[]) {
        sent.push(...messages.map((m) => m.body));
      },
    };
    const ctx = createExecutionContext();
    await worker.scheduled({}, { DB: env.DB, FEEDS: queue } as never, ctx as never);
    await waitOnExecutionContext(ctx);
    expect(sent).toContainEqual({ kind: 'webhook', deliveryId: queued!.id });

    // The attempt the consumer makes, with the POST caught by a stub: signed over timestamp.body.
    const posts: { url: string; headers: Record<string, string>; body?: string }[] = [];
    const receiver: Transport = async (url, init) => {
      posts.push({ url: url.href, headers: init.headers, body: init.body });
      return { status: 200, headers: new Headers(), body: null, cancel() {} } satisfies Hop;
    };
    const now = Date.now();
    expect(await attemptDelivery(db, { transport: receiver }, queued!.id, now)).toEqual({
      status: 'delivered',
      httpStatus: 200,
    });
    expect(posts).toHaveLength(1);
    const { headers, body } = posts[0]!;
    expect(headers['X-Crosscheck-Event']).toBe('feed.failed');
    expect(headers['X-Crosscheck-Signature']).toBe(await signBody(secret, Math.floor(now / 1000), body!));
    expect(JSON.parse(body!)).toMatchObject({ event: 'feed.failed', data: { feed: { id: feed.id } } });
    // The queue's message for it, delivered now (or again): nothing left to send, acked.
    const again = message({ kind: 'webhook', deliveryId: queued!.id });
    await consumeFeedMessages([again], db, reader, undefined, {});
    expect(again.acked).toBe(true);
    expect((await deliveriesOf(db, webhook.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('through the Worker: the first attempt is sent to FEEDS at once, the retry by the cron', async () => {
    const db = databaseFor({ DB: env.DB });
    const { webhook } = await addWebhook(
      db,
      {},
      { url: 'https://hooks.example/at-once', events: ['feed.failed'] },
    );
    const feed = await addFeed(db, {}, { url: 'https://feeds.example/down.xml' });
    const sent: { kind: string; deliveryId?: number }[] = [];
    const queue = {
      async sendBatch(messages: { body: { kind: string; deliveryId?: number } }[]) {
        sent.push(...messages.map((m) => m.body));
      },
    };
    const workerEnv = { DB: env.DB, FEEDS: queue } as never;
    // The Worker's FEEDS consumer polls the feed; its fetch fails here (no such host): feed.failed.
    const poll = message({ kind: 'poll', feedId: feed.id });
    await worker.queue({ queue: FEEDS_QUEUE, messages: [poll] }, workerEnv);
    expect(poll.acked).toBe(true);
    const [delivery] = await deliveriesOf(db, webhook.id);
    expect(delivery).toMatchObject({ event: 'feed.failed', status: 'pending', attempts: 0 });
    expect(sent).toContainEqual({ kind: 'webhook', deliveryId: delivery!.id });
    const mine = () => sent.filter((m) => m.deliveryId === delivery!.id);

    // Taken while its message is under way: a cron now does not send it a second time.
    const ctx = createExecutionContext();
    await worker.scheduled({}, workerEnv, ctx as never);
    await waitOnExecutionContext(ctx);
    expect(mine()).toHaveLength(1);

    // Its attempt (the POST fails here too): one attempt logged, the next one a minute later.
    const at = Date.now();
    const attempt = message(mine()[0]);
    await worker.queue({ queue: FEEDS_QUEUE, messages: [attempt] }, workerEnv);
    expect(attempt.acked).toBe(true);
    const [after] = await deliveriesOf(db, webhook.id);
    expect(after).toMatchObject({ status: 'pending', attempts: 1 });
    expect(after!.nextAttemptAt).toBeGreaterThanOrEqual(at + 60_000);
    expect(after!.nextAttemptAt).toBeLessThan(Date.now() + 60_000 + 5_000);
    // The retry is the cron's: not before it is due, then one message.
    expect(await enqueueDueDeliveries(db, queue, after!.nextAttemptAt - 1)).toBe(0);
    await enqueueDueDeliveries(db, queue, after!.nextAttemptAt);
    expect(mine()).toHaveLength(2);
  });
});
