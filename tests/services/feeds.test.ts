// Feeds against a loopback fixture server: subscribing, a poll that adds new items, a conditional GET
// that finds nothing new, items never fetched twice, backoff after errors, OPML import, and the
// scheduler's one-request-at-a-time-per-host.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { feedById, feedItemsOf } from '../../db/queries/feeds';
import * as schema from '../../db/schema';
import { feedScheduler } from '../../src/services/feed-scheduler';
import { addFeed, FeedExistsError, importOpml, pollAndAdd, pollFeed } from '../../src/services/feeds';
import { ingestArticle } from '../../src/services/ingest';
import { nodeWebReader } from '../../src/web/node-reader';
import { onePerHost } from '../../src/web/one-per-host';
import { createTestDb, type TestDb } from '../helpers/db';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';

let t: TestDb;
let web: FixtureServer;
const policy = { allowLoopbackForTests: true };
const reader = nodeWebReader({ policy });

beforeAll(async () => {
  t = await createTestDb();
  web = await startFixtureServer();
});
afterAll(async () => {
  await web.close();
  t.cleanup();
});

const fetchesOf = (path: string) => web.log.filter((l) => l.path.split('?')[0] === path).length;

describe('a feed', () => {
  it('is polled: new items added as articles, each outcome recorded', async () => {
    const feed = await addFeed(t.db, policy, {
      url: web.url('/feeds/rss.xml'),
      intervalMinutes: 15,
      outlet: 'Ledger',
    });
    await expect(addFeed(t.db, policy, { url: web.url('/feeds/rss.xml') })).rejects.toThrow(FeedExistsError);
    const now = Date.now();
    const r = await pollAndAdd(t.db, reader, feed.id);
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.newItems.map((i) => i.url)).toEqual([
      web.url('/news/harbour-jsonld'),
      web.url('/news/budget-meta'), // tracking parameters dropped
      web.url('/file.pdf'),
    ]);
    expect(r.added?.map((a) => a.status)).toEqual(['stored', 'stored', 'failed']);
    const row = (await feedById(t.db, feed.id))!;
    expect(row).toMatchObject({
      title: 'Coastal Ledger: News',
      lastStatus: 'ok',
      lastNewItems: 3,
      lastError: null,
      etag: '"rss-v1"',
      lastModified: 'Sat, 05 Dec 2026 10:00:00 GMT',
      consecutiveErrors: 0,
    });
    expect(row.nextPollAt).toBeGreaterThanOrEqual(now + 15 * 60_000);
    const items = await feedItemsOf(t.db, feed.id);
    expect(items.find((i) => i.url.endsWith('/file.pdf'))?.error).toMatch(/application\/pdf/);
  });

  it('asks again with its ETag and Last-Modified; a 304 fetches nothing else', async () => {
    const feed = (await addFeed(t.db, policy, { url: web.url('/feeds/rss.xml?again') }))!;
    const before = web.log.length;
    const first = await pollFeed(t.db, reader, feed.id, { force: true });
    // Its items were listed by the first feed already: never fetched a second time.
    expect(first).toEqual({ status: 'ok', newItems: [] });
    const second = await pollFeed(t.db, reader, feed.id, { force: true });
    expect(second).toEqual({ status: 'not-modified' });
    const requests = web.log.slice(before);
    expect(requests.map((r) => r.path)).toEqual(['/feeds/rss.xml?again', '/feeds/rss.xml?again']);
    expect(requests[1]).toMatchObject({
      ifNoneMatch: '"rss-v1"',
      ifModifiedSince: 'Sat, 05 Dec 2026 10:00:00 GMT',
    });
    expect(await feedById(t.db, feed.id)).toMatchObject({ lastStatus: 'not-modified', lastNewItems: 0 });
  });

  it('never fetches an item twice, whichever feed lists it (Atom and JSON Feed here)', async () => {
    const harbourBefore = fetchesOf('/news/harbour-jsonld');
    const atom = await addFeed(t.db, policy, { url: web.url('/feeds/atom.xml') });
    const r = await pollAndAdd(t.db, reader, atom.id);
    expect(r.status === 'ok' && r.newItems.map((i) => i.url)).toEqual([web.url('/news/wire-graph')]);
    const json = await addFeed(t.db, policy, { url: web.url('/feeds/feed.json') });
    expect(await pollAndAdd(t.db, reader, json.id)).toEqual({ status: 'ok', newItems: [] });
    expect(fetchesOf('/news/harbour-jsonld')).toBe(harbourBefore);
    expect(fetchesOf('/news/wire-graph')).toBe(1);
  });

  it('takes, claims its new items and records a poll in three database round trips, however many items', async () => {
    // An article added with its text under a URL this feed lists: that item is not fetched.
    const known = web.url('/news/pasted?x=1');
    await ingestArticle(t.db, {
      outlet: 'Ledger',
      title: 'Pasted',
      url: known,
      text: 'The council approved 41 new homes on Monday, the mayor said in a statement to reporters.',
    });
    const links = [...Array.from({ length: 45 }, (_, k) => web.url(`/news/many-${k}`)), known];
    web.route('/feeds/many.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>${links
          .map((l, k) => `<item><title>Item ${k}</title><link>${l.replaceAll('&', '&amp;')}</link></item>`)
          .join('')}</channel></rss>`,
      );
    });
    const feed = await addFeed(t.db, policy, { url: web.url('/feeds/many.xml') });
    // The same database through a client that counts what is sent to it.
    const calls: string[] = [];
    const counting = new Proxy(t.client, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (['execute', 'batch', 'executeMultiple', 'transaction'].includes(String(key)))
            calls.push(String(key));
          return value.apply(target, args);
        };
      },
    });
    const db = drizzle(counting, { schema }) as unknown as Db;
    const r = await pollFeed(db, reader, feed.id, { force: true });
    expect(r.status === 'ok' && r.newItems.map((i) => i.url)).toEqual(links.slice(0, 45));
    expect(calls).toHaveLength(3);
    expect(await feedById(t.db, feed.id)).toMatchObject({
      lastStatus: 'ok',
      lastNewItems: 45,
      title: 'Many',
    });
    const items = await feedItemsOf(t.db, feed.id, 100);
    expect(items).toHaveLength(45);
    expect(items.every((i) => i.status === 'queued')).toBe(true);
    expect(items.find((i) => i.url === links[3])?.title).toBe('Item 3');
    // Polled again: the same items are no longer new.
    expect(await pollFeed(t.db, reader, feed.id, { force: true })).toEqual({ status: 'ok', newItems: [] });
  });

  it('records a failing poll and backs off, then recovers', async () => {
    let healthy = false;
    web.route('/feeds/flaky.xml', (req: IncomingMessage, res: ServerResponse) => {
      if (!healthy) {
        res.writeHead(503, { 'content-type': 'text/plain' });
        return res.end('down');
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Flaky</title></channel></rss>');
      void req;
    });
    const feed = await addFeed(t.db, policy, { url: web.url('/feeds/flaky.xml'), intervalMinutes: 10 });
    const now = Date.now();
    expect(await pollFeed(t.db, reader, feed.id, { now })).toMatchObject({
      status: 'error',
      error: /HTTP 503/,
    });
    const once = (await feedById(t.db, feed.id))!;
    expect(once).toMatchObject({ lastStatus: 'error', consecutiveErrors: 1, lastNewItems: null });
    expect(once.lastError).toMatch(/HTTP 503/);
    expect(once.nextPollAt).toBe(now + 20 * 60_000);
    expect(await pollFeed(t.db, reader, feed.id, { now: now + 1 })).toEqual({ status: 'skipped' }); // not due
    await pollFeed(t.db, reader, feed.id, { now: once.nextPollAt });
    expect((await feedById(t.db, feed.id))!).toMatchObject({
      consecutiveErrors: 2,
      nextPollAt: once.nextPollAt + 40 * 60_000,
    });
    healthy = true;
    await pollFeed(t.db, reader, feed.id, { force: true });
    expect(await feedById(t.db, feed.id)).toMatchObject({
      lastStatus: 'ok',
      consecutiveErrors: 0,
      lastError: null,
    });
  });

  it.each([
    ['/feeds/broken.xml', /not a feed that can be read/],
    ['/feeds/not-a-feed', /not a feed that can be read/],
    ['/gone', /HTTP 404/],
    ['/file.pdf', /application\/pdf/],
  ])('says why %s cannot be polled', async (path, why) => {
    const feed = await addFeed(t.db, policy, { url: web.url(path) });
    expect(await pollFeed(t.db, reader, feed.id, { force: true })).toMatchObject({
      status: 'error',
      error: why,
    });
    expect((await feedById(t.db, feed.id))!.lastError).toMatch(why);
  });

  it('refuses private and local feed URLs when subscribing', async () => {
    await expect(addFeed(t.db, {}, { url: 'http://10.0.0.5/rss' })).rejects.toThrow(/private network/);
    await expect(addFeed(t.db, {}, { url: web.url('/feeds/rss.xml') })).rejects.toThrow(/loopback/);
  });
});

describe('OPML import', () => {
  it('subscribes to every outline with an xmlUrl, skipping known and bad ones without stopping', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>
<outline text="World"><outline type="rss" text="New one" xmlUrl="${web.url('/feeds/opml-1.xml')}"/>
<outline type="rss" text="Known" xmlUrl="${web.url('/feeds/atom.xml')}"/></outline>
<outline type="rss" text="Private" xmlUrl="http://192.168.0.10/feed"/>
<outline type="rss" text="Other" xmlUrl="${web.url('/feeds/opml-2.xml')}"/></body></opml>`;
    const progress: string[] = [];
    const r = await importOpml(t.db, policy, opml, 60, 'ana', (done, total, url, error) =>
      progress.push(`${done}/${total} ${url.split('/').pop()}${error ? ' failed' : ''}`),
    );
    expect(r.added.map((f) => [f.url, f.title, f.intervalMinutes])).toEqual([
      [web.url('/feeds/opml-1.xml'), 'New one', 60],
      [web.url('/feeds/opml-2.xml'), 'Other', 60],
    ]);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/already subscribed/),
      expect.stringMatching(/private/),
    ]);
    expect(progress).toEqual(['1/4 opml-1.xml', '2/4 atom.xml failed', '3/4 feed failed', '4/4 opml-2.xml']);
    await expect(importOpml(t.db, policy, '<html/>', undefined)).rejects.toThrow(/OPML/);
  });
});

describe('the scheduler', () => {
  it('polls due feeds with one request at a time per host', async () => {
    const db = await createTestDb();
    let open = 0;
    let most = 0;
    const slow = (name: string) => (_req: IncomingMessage, res: ServerResponse) => {
      open++;
      most = Math.max(most, open);
      setTimeout(() => {
        open--;
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title></channel></rss>`);
      }, 80);
    };
    for (const n of [1, 2, 3]) web.route(`/feeds/slow-${n}.xml`, slow(`slow ${n}`));
    for (const n of [1, 2, 3]) await addFeed(db.db, policy, { url: web.url(`/feeds/slow-${n}.xml`) });
    const scheduler = feedScheduler(db.db, onePerHost(reader), { start: false });
    const round = await scheduler.runOnce();
    expect(round).toEqual({ polled: 3, newItems: 0, errors: 0 });
    expect(most).toBe(1);
    // Nothing is due right after: the next round polls nothing.
    expect(await scheduler.runOnce()).toEqual({ polled: 0, newItems: 0, errors: 0 });
    await scheduler.stop();
    db.cleanup();
  });
});
