import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/node';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-node-'));
const databaseUrl = `file:${join(dir, 'server.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Node server', () => {
  it('migrates, seeds an empty database, serves pages and static files, and keeps reviews across restarts', async () => {
    const first = await startServer({ port: 0, databaseUrl });
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const home = await fetch(first.url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('57 countries');
      const htmx = await fetch(new URL('/static/htmx.min.js', first.url));
      expect(htmx.status).toBe(200);
      expect(htmx.headers.get('content-type')).toMatch(/javascript/);
      const css = await fetch(new URL('/static/app.css', first.url));
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')).toMatch(/text\/css/);
      expect((await fetch(new URL('/static/../package.json', first.url))).status).toBe(404);

      const queue = await (await fetch(new URL('/api/conflicts', first.url))).json();
      const claim = queue.items[0].a;
      const res = await fetch(new URL(`/api/claims/${claim.id}/status`, first.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 'verified', version: claim.version, reviewer: 'Ana' }),
      });
      expect(res.status).toBe(200);
    } finally {
      await first.close();
    }

    const second = await startServer({ port: 0, databaseUrl });
    try {
      const queue = await (await fetch(new URL('/api/conflicts', second.url))).json();
      expect(queue.counts.articles).toBe(2);
      expect(queue.counts.verifiedClaims).toBe(1);
    } finally {
      await second.close();
    }
  });
});
