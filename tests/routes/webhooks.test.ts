// /webhooks and /api/webhooks as editors meet them: add one (its secret shown once), send a test and
// read the delivery log, delete; bad input answered with the reason and nothing stored; only editors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWebhooks } from '../../db/queries/webhooks';
import { createApp } from '../../src/app';
import { deliverDue } from '../../src/services/webhooks';
import { nodeWebReader } from '../../src/web/node-reader';
import { nodeTransport } from '../../src/web/node-transport';
import { formPost, HTMX, jsonPost, ORIGIN, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';
import { createTestDb, type TestDb } from '../helpers/db';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';

let t: TestDb;
let web: FixtureServer;
let app: ReturnType<typeof createApp>;
let editor: SignedIn;
let reviewer: SignedIn;
const loopback = { allowLoopbackForTests: true };

beforeAll(async () => {
  t = await createTestDb();
  web = await startFixtureServer();
  web.route('/hook', (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(204);
      res.end();
    });
  });
  app = createApp({ db: t.db, webReader: nodeWebReader({ policy: loopback }) });
  editor = await signedIn(t.db, 'editor', 'eve');
  reviewer = await signedIn(t.db, 'reviewer');
});
afterAll(async () => {
  await web.close();
  t.cleanup();
});

/** A form post with repeated fields (checkboxes). */
const form = (pairs: [string, string][], headers: Record<string, string>): RequestInit => ({
  method: 'POST',
  body: new URLSearchParams(pairs),
  headers: { Origin: ORIGIN, ...headers },
});

describe('/webhooks', () => {
  it('adds a webhook, shows its secret once, sends a test and logs the delivery', async () => {
    const res = await app.request(
      '/webhooks',
      form(
        [
          ['url', web.url('/hook')],
          ['events', 'conflict.high'],
          ['events', 'feed.failed'],
        ],
        editor.cookie,
      ),
    );
    expect(res.status).toBe(201);
    const html = await res.text();
    const secret = /whsec_[\w-]+/.exec(html)?.[0];
    expect(secret).toBeDefined();
    expect(visibleText(html)).toMatch(/Webhook \d+ added\. Its signing secret, shown only now/);
    // Never shown again, nor in the JSON twin.
    const later = await (await app.request('/webhooks', { headers: editor.cookie })).text();
    expect(later).not.toContain(secret);
    expect(
      JSON.stringify(await (await app.request('/api/webhooks', { headers: editor.bearer })).json()),
    ).not.toContain(secret);
    const [hook] = await listWebhooks(t.db);
    expect(hook).toMatchObject({
      url: web.url('/hook'),
      events: 'conflict.high,feed.failed',
      createdBy: 'eve',
    });

    const test = await app.request(`/webhooks/${hook!.id}/test`, formPost({}, editor.cookie));
    expect(test.status).toBe(303);
    let page = await (await app.request('/webhooks', { headers: editor.cookie })).text();
    expect(visibleText(page)).toMatch(/ping #\d+ · .* waiting to be sent/);
    // While a delivery waits, the list asks again.
    expect(page).toContain('hx-get="/webhooks/list"');
    await deliverDue(t.db, { transport: nodeTransport, policy: loopback });
    const list = await app.request('/webhooks/list', { headers: { ...HTMX, ...editor.cookie } });
    page = await list.text();
    expect(page).not.toContain('<html');
    expect(visibleText(page)).toMatch(/ping #\d+ · .* delivered \(HTTP 204\) after 1 attempt/);
    expect(page).not.toContain('hx-trigger');
    const log = await (
      await app.request(`/api/webhooks/${hook!.id}/deliveries`, { headers: editor.bearer })
    ).json();
    expect(log).toMatchObject([{ event: 'ping', status: 'delivered', attempts: 1, lastStatus: 204 }]);
  });

  it('adds through the API, answering the secret once', async () => {
    const res = await app.request(
      '/api/webhooks',
      jsonPost({ url: 'https://hooks.example.org/crosscheck', events: ['feed.failed'] }, editor.bearer),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      url: 'https://hooks.example.org/crosscheck',
      events: ['feed.failed'],
      secret: expect.stringMatching(/^whsec_/),
    });
  });

  it('refuses bad input with the reason and stores nothing', async () => {
    const before = (await listWebhooks(t.db)).length;
    const cases: [RequestInit, RegExp][] = [
      [
        form(
          [
            ['url', 'http://10.1.2.3/hook'],
            ['events', 'feed.failed'],
          ],
          editor.cookie,
        ),
        /10\.1\.2\.3 is a private network address/,
      ],
      [
        form(
          [
            ['url', 'http://169.254.169.254/'],
            ['events', 'feed.failed'],
          ],
          editor.cookie,
        ),
        /link-local/,
      ],
      [
        form(
          [
            ['url', 'http://127.0.0.1:9/hook'],
            ['events', 'feed.failed'],
          ],
          editor.cookie,
        ),
        /loopback/,
      ],
      [
        form(
          [
            ['url', 'javascript:alert(1)'],
            ['events', 'feed.failed'],
          ],
          editor.cookie,
        ),
        /must start with http/,
      ],
      [form([['url', 'https://hooks.example.org/a']], editor.cookie), /Choose at least one event/],
      [
        form(
          [
            ['url', 'https://hooks.example.org/a'],
            ['events', 'everything'],
          ],
          editor.cookie,
        ),
        /Events are conflict\.high, feed\.failed/,
      ],
      [
        jsonPost({ url: 'https://hooks.example.org/a', events: [] }, editor.bearer),
        /Choose at least one event/,
      ],
      [
        jsonPost({ url: 'http://192.168.0.10/a', events: ['feed.failed'] }, editor.bearer),
        /private network address/,
      ],
    ];
    // The app's reader allows loopback (its fixture server); the one case above that needs it refused
    // is checked against an app with production rules.
    const strict = createApp({ db: t.db, webReader: nodeWebReader() });
    for (const [init, message] of cases) {
      const isJson = (init.headers as Record<string, string>)['Content-Type'] === 'application/json';
      const target = String(message).includes('loopback') ? strict : app;
      const res = await target.request(isJson ? '/api/webhooks' : '/webhooks', init);
      expect(res.status, String(message)).toBe(422);
      expect(visibleText(await res.text())).toMatch(message);
    }
    expect((await listWebhooks(t.db)).length).toBe(before);
  });

  it('is for editors only, pages and API alike', async () => {
    expect((await app.request('/webhooks', { headers: reviewer.cookie })).status).toBe(403);
    const anonymous = await app.request('/webhooks');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/signin\?next=%2Fwebhooks/);
    expect((await app.request('/api/webhooks', { headers: reviewer.bearer })).status).toBe(403);
    expect((await app.request('/api/webhooks')).status).toBe(401);
    const before = (await listWebhooks(t.db)).length;
    const denied = await app.request(
      '/api/webhooks',
      jsonPost({ url: 'https://hooks.example.org/x', events: ['feed.failed'] }, reviewer.bearer),
    );
    expect(denied.status).toBe(403);
    expect((await listWebhooks(t.db)).length).toBe(before);
    // The header links the page for editors only.
    expect(await (await app.request('/', { headers: editor.cookie })).text()).toContain('href="/webhooks"');
    expect(await (await app.request('/', { headers: reviewer.cookie })).text()).not.toContain(
      'href="/webhooks"',
    );
  });

  it('deletes a webhook with its log', async () => {
    const [hook] = await listWebhooks(t.db);
    const res = await app.request(`/webhooks/${hook!.id}/delete`, formPost({}, editor.cookie));
    expect(res.status).toBe(303);
    expect((await listWebhooks(t.db)).some((h) => h.id === hook!.id)).toBe(false);
    expect(
      (await app.request(`/api/webhooks/${hook!.id}/deliveries`, { headers: editor.bearer })).status,
    ).toBe(404);
    expect((await app.request(`/webhooks/${hook!.id}/delete`, formPost({}, editor.cookie))).status).toBe(404);
  });
});
