// Webhooks against a loopback receiver: a new high-severity disagreement and a feed that starts failing
// become signed POSTs (checked here as docs/webhooks.md tells a receiver to), a receiver that fails is
// retried on the backoff schedule and then given up on, and targets pass the same address rules as
// fetched pages — at subscription and again at every connection.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliveriesOf } from '../../db/queries/webhooks';
import { webhookDeliveries, webhooks } from '../../db/schema';
import { InputError } from '../../src/services/errors';
import { addFeed, pollFeed } from '../../src/services/feeds';
import { ingestArticle } from '../../src/services/ingest';
import {
  addWebhook,
  announceConflicts,
  deliverDue,
  MAX_ATTEMPTS,
  pingWebhook,
  RETRY_DELAYS_MS,
} from '../../src/services/webhooks';
import { nodeWebReader } from '../../src/web/node-reader';
import { nodeTransport } from '../../src/web/node-transport';
import { createTestDb, type TestDb } from '../helpers/db';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}
let t: TestDb;
let web: FixtureServer;
let receiver: { url: string; got: Received[]; answer: number; close(): Promise<void> };
const loopback = { allowLoopbackForTests: true };
const sender = { transport: nodeTransport, policy: loopback };

async function startReceiver() {
  const got: Received[] = [];
  const state = { answer: 204 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(state.answer);
      res.end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    got,
    get answer() {
      return state.answer;
    },
    set answer(v: number) {
      state.answer = v;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** What docs/webhooks.md tells a receiver to do, written independently of the sender's code. */
function verify(secret: string, r: Received, nowSeconds: number): boolean {
  const timestamp = String(r.headers['x-crosscheck-timestamp'] ?? '');
  const given = String(r.headers['x-crosscheck-signature'] ?? '');
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${r.body}`).digest('hex')}`;
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

beforeAll(async () => {
  t = await createTestDb();
  web = await startFixtureServer();
  receiver = await startReceiver();
});
beforeEach(async () => {
  await t.db.delete(webhookDeliveries);
  await t.db.delete(webhooks);
  receiver.got.length = 0;
  receiver.answer = 204;
});
afterAll(async () => {
  await receiver.close();
  await web.close();
  t.cleanup();
});

describe('webhooks', () => {
  it('sends a new high-severity disagreement, signed with the subscription’s secret', async () => {
    const { webhook, secret } = await addWebhook(t.db, loopback, {
      url: receiver.url,
      events: ['conflict.high'],
    });
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    const other = await addWebhook(t.db, loopback, { url: `${receiver.url}?feeds`, events: ['feed.failed'] });
    for (const [outlet, n] of [
      ['Harbour Times', 12],
      ['Baltic Wire', 19],
    ] as const)
      await ingestArticle(t.db, {
        outlet,
        title: `Riga port (${outlet})`,
        text: `The Freeport of Riga handled ${n} million tonnes of cargo in 2023, the port authority said on Monday.`,
      });
    const now = Date.now();
    expect(await deliverDue(t.db, sender, now)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(receiver.got).toHaveLength(1);
    const [r] = receiver.got;
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.headers['x-crosscheck-event']).toBe('conflict.high');
    expect(r!.headers['user-agent']).toMatch(/^crosscheck\//);
    expect(verify(secret, r!, Math.floor(now / 1000))).toBe(true);
    // Any change to the body, or another secret, fails the check.
    expect(
      verify(secret, { ...r!, body: r!.body.replace('19 million', '18 million') }, Math.floor(now / 1000)),
    ).toBe(false);
    expect(verify(`${secret}x`, r!, Math.floor(now / 1000))).toBe(false);
    const body = JSON.parse(r!.body);
    expect(body).toMatchObject({
      event: 'conflict.high',
      id: expect.any(String),
      text: expect.stringMatching(/high-severity/),
    });
    const texts = body.data.conflicts.flatMap((c: { a: { text: string }; b: { text: string } }) => [
      c.a.text,
      c.b.text,
    ]);
    expect(texts.join(' | ')).toMatch(
      /12 million tonnes.*19 million tonnes|19 million tonnes.*12 million tonnes/,
    );
    expect(JSON.stringify(body.data.conflicts[0])).toMatch(/Harbour Times/);
    expect(body.data.conflicts[0].path).toMatch(/^\/conflicts\/\d+$/);
    const [logged] = await deliveriesOf(t.db, webhook.id);
    expect(logged).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 204, lastError: null });
    // The feeds subscription heard nothing; announcing the same articles again is a new event.
    expect(await deliveriesOf(t.db, other.webhook.id)).toEqual([]);
  });

  it('tells of a feed when it starts failing, not at every failed poll after', async () => {
    const { secret } = await addWebhook(t.db, loopback, { url: receiver.url, events: ['feed.failed'] });
    const feed = await addFeed(t.db, loopback, { url: web.url('/feeds/broken.xml') });
    const reader = nodeWebReader({ policy: loopback });
    expect((await pollFeed(t.db, reader, feed.id, { force: true })).status).toBe('error');
    expect((await pollFeed(t.db, reader, feed.id, { force: true })).status).toBe('error');
    await deliverDue(t.db, sender);
    expect(receiver.got).toHaveLength(1);
    expect(verify(secret, receiver.got[0]!, Math.floor(Date.now() / 1000))).toBe(true);
    const body = JSON.parse(receiver.got[0]!.body);
    expect(body).toMatchObject({
      event: 'feed.failed',
      data: { feed: { id: feed.id, path: `/feeds/${feed.id}` } },
    });
    expect(body.data.error).toMatch(/not a feed/i);
  });

  it('retries a failing receiver after 1 min, 5 min, 30 min, 2 h and 12 h, then gives up', async () => {
    const { webhook } = await addWebhook(t.db, loopback, { url: receiver.url, events: ['feed.failed'] });
    receiver.answer = 503;
    await pingWebhook(t.db, webhook.id);
    let now = Date.now();
    expect(await deliverDue(t.db, sender, now)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    let [d] = await deliveriesOf(t.db, webhook.id);
    expect(d).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatus: 503,
      nextAttemptAt: now + RETRY_DELAYS_MS[0]!,
    });
    expect(d!.lastError).toMatch(/answered HTTP 503/);
    // Not yet due: nothing is sent.
    expect(await deliverDue(t.db, sender, now + RETRY_DELAYS_MS[0]! - 1)).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    });
    for (const [k, delay] of RETRY_DELAYS_MS.entries()) {
      now += delay;
      const last = k === RETRY_DELAYS_MS.length - 1;
      expect(await deliverDue(t.db, sender, now)).toEqual({
        delivered: 0,
        retrying: last ? 0 : 1,
        failed: last ? 1 : 0,
      });
    }
    [d] = await deliveriesOf(t.db, webhook.id);
    expect(d).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(receiver.got).toHaveLength(MAX_ATTEMPTS);
    // Every attempt carried the same body (one delivery id), freshly timestamped and signed.
    expect(new Set(receiver.got.map((r) => r.body)).size).toBe(1);
    expect(new Set(receiver.got.map((r) => r.headers['x-crosscheck-delivery'])).size).toBe(1);
    expect(await deliverDue(t.db, sender, now + 86_400_000)).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    });

    // A receiver that recovers mid-way: delivered on the next attempt.
    await pingWebhook(t.db, webhook.id);
    now = Date.now();
    await deliverDue(t.db, sender, now);
    receiver.answer = 200;
    expect(await deliverDue(t.db, sender, now + RETRY_DELAYS_MS[0]!)).toEqual({
      delivered: 1,
      retrying: 0,
      failed: 0,
    });
  });

  it('refuses targets the address rules refuse, when subscribed and again when sending', async () => {
    for (const url of [
      'http://10.0.0.7/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.100.100.200/',
      'http://[::1]/hook',
      'http://localhost:8080/hook',
      'http://router.internal/hook',
      'ftp://example.org/hook',
      'http://user:pw@example.org/hook',
    ])
      await expect(addWebhook(t.db, {}, { url, events: ['feed.failed'] }), url).rejects.toThrow(InputError);
    await expect(addWebhook(t.db, {}, { url: 'https://example.org/hook', events: [] })).rejects.toThrow(
      /at least one event/,
    );
    // Subscribed while loopback was allowed (a test), sent under the production rules: refused at the socket.
    const { webhook } = await addWebhook(t.db, loopback, { url: receiver.url, events: ['feed.failed'] });
    await pingWebhook(t.db, webhook.id);
    expect(await deliverDue(t.db, { transport: nodeTransport, policy: {} })).toEqual({
      delivered: 0,
      retrying: 1,
      failed: 0,
    });
    const [d] = await deliveriesOf(t.db, webhook.id);
    expect(d!.lastError).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(receiver.got).toHaveLength(0);
  });

  it('queues nothing when nobody subscribed, and never lets an alert fail an ingest', async () => {
    expect(await announceConflicts(t.db, [1, 2])).toEqual([]);
    await addWebhook(t.db, loopback, { url: receiver.url, events: ['conflict.high'] });
    expect(await announceConflicts(t.db, [999_999])).toEqual([]);
  });
});
