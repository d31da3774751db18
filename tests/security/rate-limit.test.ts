// The in-process write limit (Node): per client, writes only, 429 with Retry-After as JSON or a page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { bindingRateLimit } from '../../src/middleware/rate-limit';
import { windowRateLimit } from '../../src/middleware/rate-limit/window';
import { startServer } from '../../src/node';
import { jsonPost, ORIGIN } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';
import { createTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let ed: SignedIn;
beforeAll(async () => {
  t = await createTestDb();
  ed = await signedIn(t.db, 'editor');
});
afterAll(() => t.cleanup());

const article = (i: number) => ({ outlet: 'Wire', title: `t${i}`, text: `Crews counted ${i} trucks.` });
let i = 0;

describe('windowRateLimit', () => {
  it('allows `limit` writes per client per window, then 429 with Retry-After; reads are never limited', async () => {
    const app = createApp({
      db: t.db,
      // The test stands in for the socket address with a header; the real server reads the socket.
      writeLimiter: windowRateLimit({
        limit: 3,
        address: (c) => c.req.header('x-test-client') ?? '10.0.0.1',
      }),
    });
    for (let k = 0; k < 3; k++)
      expect((await app.request('/api/articles', jsonPost(article(++i), ed.bearer))).status).toBe(201);
    const refused = await app.request('/api/articles', jsonPost(article(++i), ed.bearer));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await refused.json()).error).toMatchObject({
      status: 429,
      message: expect.stringMatching(/Too many/),
    });
    // A page route gets a readable page, an htmx request the fragment.
    const form = await app.request('/articles', {
      method: 'POST',
      body: new URLSearchParams(article(++i)),
      headers: { Origin: ORIGIN, ...ed.cookie },
    });
    expect(form.status).toBe(429);
    expect(await form.text()).toMatch(/<html[\s\S]*Too many changes/);
    for (let k = 0; k < 10; k++) expect((await app.request('/api/articles')).status).toBe(200);
    expect((await app.request('/')).status).toBe(200);
    // Another client has its own budget.
    const other = await app.request(
      '/api/articles',
      jsonPost(article(++i), { 'x-test-client': '10.0.0.2', ...ed.bearer }),
    );
    expect(other.status).toBe(201);
  });

  it('is off at 0', () => {
    expect(windowRateLimit({ limit: 0, address: () => 'x' })).toBeUndefined();
    expect(bindingRateLimit(undefined)).toBeUndefined();
  });
});

describe('the Node server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-rl-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('limits writes per socket address, as configured', async () => {
    const server = await startServer({
      port: 0,
      databaseUrl: `file:${join(dir, 'rl.db')}`,
      seed: false,
      writesPerMinute: 2,
    });
    try {
      const token = (await signedIn(server.db, 'editor')).bearer;
      const post = (k: number) =>
        fetch(new URL('/api/articles', server.url), {
          method: 'POST',
          body: JSON.stringify(article(1000 + k)),
          headers: { 'Content-Type': 'application/json', ...token },
        });
      expect((await post(1)).status).toBe(201);
      expect((await post(2)).status).toBe(201);
      const third = await post(3);
      expect(third.status).toBe(429);
      // Headers a client can make up do not buy a fresh budget on Node: the socket address counts.
      const spoofed = await fetch(new URL('/api/articles', server.url), {
        method: 'POST',
        body: JSON.stringify(article(1004)),
        headers: {
          'Content-Type': 'application/json',
          'CF-Connecting-IP': '198.51.100.7',
          'Cf-Access-Authenticated-User-Email': 'someone@else.example',
          'X-Forwarded-For': '198.51.100.8',
          ...token,
        },
      });
      expect(spoofed.status).toBe(429);
      expect(third.headers.get('ratelimit-limit')).toBe('2');
      expect((await fetch(server.url)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
