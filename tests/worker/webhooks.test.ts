// Webhooks on Workers, inside workerd over D1: a feed that starts failing in the FEEDS consumer queues
// a delivery; the cron takes the due deliveries and sends one FEEDS message each; the consumer's
// attempt signs with Web Crypto as Node does (a fixed vector), POSTs (here through a stub transport)
// and records the outcome; a message for a delivery already sent does nothing.
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
import { consumeFeedMessages } from '../../src/worker-feeds';

const message = (body: unknown) => {
  const m = {
    body,
    acked: false,
    ack() {
      m.acked = true;
    },
    retry() {},
  };
  return m;
};

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
});
