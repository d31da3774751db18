// /feeds and /api/feeds as a user meets them: subscribe (and see the first poll's outcome), the
// table's last poll / new items / last error, OPML import, poll now, delete, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { nodeWebReader } from '../../src/web/node-reader';
import { jsonPost, multipartPost, ORIGIN, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';
import { createTestDb, type TestDb } from '../helpers/db';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';

let t: TestDb;
let web: FixtureServer;
let app: ReturnType<typeof createApp>;
let reviewer: SignedIn;
let editor: SignedIn;
let viewer: SignedIn;

beforeAll(async () => {
  t = await createTestDb();
  web = await startFixtureServer();
  app = createApp({ db: t.db, webReader: nodeWebReader({ policy: { allowLoopbackForTests: true } }) });
  reviewer = await signedIn(t.db, 'reviewer');
  editor = await signedIn(t.db, 'editor');
  viewer = await signedIn(t.db, 'viewer');
});
afterAll(async () => {
  await web.close();
  t.cleanup();
});

const feedsPage = async (who: SignedIn = reviewer) =>
  visibleText(await (await app.request('/feeds', { headers: who.cookie })).text());

describe('/feeds', () => {
  it('subscribes through the form, polls at once and shows the outcome', async () => {
    const res = await app.request(
      '/feeds',
      multipartPost({ url: web.url('/feeds/rss.xml'), intervalMinutes: '20', outlet: '' }, reviewer.cookie),
    );
    expect(res.status).toBe(303);
    const notice = decodeURIComponent(res.headers.get('location')!.split('notice=')[1]!);
    expect(notice).toMatch(/Subscribed to .*rss\.xml\. Polled: 3 new items, 2 stored, 1 failed\./);
    const text = await feedsPage();
    expect(text).toContain('Coastal Ledger: News');
    expect(text).toMatch(/20 min .*: ok 3 3 done of 3: 2 stored, 0 already stored, 1 failed/);
  });

  it('shows a failing feed’s last error', async () => {
    const res = await app.request(
      '/feeds',
      multipartPost({ url: web.url('/feeds/broken.xml') }, reviewer.cookie),
    );
    const text = await feedsPage();
    expect(text).toMatch(/failed This is not a feed that can be read/);
    // Never read: its URL once (no title to show above it), and no "0 done of 0" items.
    expect(text.split(web.url('/feeds/broken.xml')).length - 1).toBe(1);
    expect(text).toMatch(/broken\.xml 30 min .* – none yet · items/);
    // The notice says the poll failed in a warning's colour, not success's, and what happens next.
    const back = await app.request(res.headers.get('location')!, { headers: reviewer.cookie });
    const html = await back.text();
    expect(html).toMatch(
      /<p class="notice warning" role="status">Subscribed to [^<]*broken\.xml\. The poll failed: /,
    );
    expect(visibleText(html)).toMatch(/It is polled again at its interval; delete it if the URL is wrong\./);
    const ok = await app.request('/feeds?notice=Polled%3A%20no%20new%20items.', { headers: reviewer.cookie });
    expect(await ok.text()).toContain('<p class="notice" role="status">Polled: no new items.</p>');
  });

  it('answers a bad or known subscription in the form with the reason', async () => {
    const known = await app.request(
      '/feeds',
      multipartPost({ url: web.url('/feeds/rss.xml') }, reviewer.cookie),
    );
    expect(known.status).toBe(409);
    expect(visibleText(await known.text())).toMatch(/already subscribed as feed \d+/);
    const bad = await app.request(
      '/feeds',
      multipartPost({ url: 'gopher://x', intervalMinutes: '1' }, reviewer.cookie),
    );
    expect(bad.status).toBe(422);
    expect(visibleText(await bad.text())).toMatch(/must start with http.*Poll at most every 5 minutes/);
    const local = await app.request(
      '/feeds',
      multipartPost({ url: 'http://192.168.1.1/rss' }, reviewer.cookie),
    );
    expect(visibleText(await local.text())).toMatch(/192\.168\.1\.1 is a private network address/);
  });

  it('imports an OPML file', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="Atom" xmlUrl="${web.url('/feeds/atom.xml')}"/><outline type="rss" text="Known" xmlUrl="${web.url('/feeds/rss.xml')}"/></body></opml>`;
    const res = await app.request(
      '/feeds/opml',
      multipartPost(
        { file: new File([opml], 'desk.opml', { type: 'text/xml' }), intervalMinutes: '60' },
        reviewer.cookie,
      ),
    );
    expect(res.status).toBe(303);
    expect(decodeURIComponent(res.headers.get('location')!)).toMatch(
      /Imported 1 feeds; skipped 1\..*already subscribed/,
    );
  });

  it('answers a broken multipart OPML upload with 422, not a server error (fuzz seed 19)', async () => {
    for (const path of ['/feeds/opml', '/imports']) {
      const res = await app.request(path, {
        method: 'POST',
        body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nunterminated',
        headers: { 'Content-Type': 'multipart/form-data; boundary=x', Origin: ORIGIN, ...reviewer.cookie },
      });
      expect(res.status, path).toBe(422);
      expect(visibleText(await res.text())).toMatch(/The form could not be read/);
    }
  });

  it('polls now and deletes (editors), and shows the items of a feed', async () => {
    const feeds = (await (await app.request('/api/feeds')).json()) as { id: number; url: string }[];
    const atom = feeds.find((f) => f.url.endsWith('/atom.xml'))!;
    const polled = await app.request(`/feeds/${atom.id}/poll`, {
      method: 'POST',
      headers: { ...reviewer.cookie, Origin: ORIGIN },
    });
    expect(decodeURIComponent(polled.headers.get('location')!)).toMatch(
      /Polled: 1 new items, 1 stored, 0 failed/,
    );
    expect(visibleText(await (await app.request(`/feeds/${atom.id}`)).text())).toMatch(
      /Rail strike · stored/,
    );
    const asReviewer = await app.request(`/feeds/${atom.id}/delete`, {
      method: 'POST',
      headers: { ...reviewer.cookie, Origin: ORIGIN },
    });
    expect(asReviewer.status).toBe(403);
    const asEditor = await app.request(`/feeds/${atom.id}/delete`, {
      method: 'POST',
      headers: { ...editor.cookie, Origin: ORIGIN },
    });
    expect(asEditor.status).toBe(303);
    expect(await feedsPage()).not.toContain('/feeds/atom.xml');
  });

  it('is read-only for viewers', async () => {
    const text = await feedsPage(viewer);
    expect(text).toContain('Coastal Ledger: News');
    expect(text).not.toContain('Poll now');
    expect(text).not.toContain('Add a feed');
    const res = await app.request(
      '/feeds',
      multipartPost({ url: web.url('/feeds/feed.json') }, viewer.cookie),
    );
    expect(res.status).toBe(403);
  });
});

describe('/api/feeds', () => {
  it('subscribes (201 with the first poll), refuses a known feed (409), polls and deletes', async () => {
    const res = await app.request(
      '/api/feeds',
      jsonPost({ url: web.url('/feeds/feed.json'), intervalMinutes: 30 }, reviewer.bearer),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      feed: { id: number; lastStatus: string };
      poll: { status: string; newItems: unknown[] };
    };
    // The JSON feed's only item is an article another feed brought in already.
    expect(body.poll).toEqual({ status: 'ok', newItems: [] });
    expect(body.feed.lastStatus).toBe('ok');
    const again = await app.request(
      '/api/feeds',
      jsonPost({ url: web.url('/feeds/feed.json') }, reviewer.bearer),
    );
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { feedId: number } }).error.feedId).toBe(body.feed.id);
    const poll = await app.request(`/api/feeds/${body.feed.id}/poll`, jsonPost({}, reviewer.bearer));
    expect(await poll.json()).toEqual({ status: 'ok', newItems: [] });
    const detail = (await (await app.request(`/api/feeds/${body.feed.id}`)).json()) as { url: string };
    expect(detail.url).toBe(web.url('/feeds/feed.json'));
    const del = await app.request(`/api/feeds/${body.feed.id}`, { method: 'DELETE', headers: editor.bearer });
    expect(del.status).toBe(204);
  });

  it('imports OPML sent as XML or JSON, and says what is wrong', async () => {
    const opml = `<opml version="2.0"><body><outline xmlUrl="${web.url('/feeds/x1.xml')}"/></body></opml>`;
    const xml = await app.request('/api/feeds/opml', {
      method: 'POST',
      body: opml,
      headers: { ...reviewer.bearer, 'Content-Type': 'text/xml' },
    });
    expect(await xml.json()).toMatchObject({ added: 1, skipped: [] });
    const json = await app.request(
      '/api/feeds/opml',
      jsonPost({ opml, intervalMinutes: 90 }, reviewer.bearer),
    );
    expect(await json.json()).toMatchObject({
      added: 0,
      skipped: [{ reason: expect.stringMatching(/already subscribed/) }],
    });
    const empty = await app.request(
      '/api/feeds/opml',
      jsonPost({ opml: '<opml><body/></opml>' }, reviewer.bearer),
    );
    expect(empty.status).toBe(422);
    const wrong = await app.request('/api/feeds/opml', {
      method: 'POST',
      body: 'x',
      headers: { ...reviewer.bearer, 'Content-Type': 'application/octet-stream' },
    });
    expect(wrong.status).toBe(415);
    const anon = await app.request('/api/feeds', jsonPost({ url: web.url('/feeds/x2.xml') }));
    expect(anon.status).toBe(401);
  });
});
