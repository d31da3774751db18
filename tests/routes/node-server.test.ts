import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password';
import { startServer } from '../../src/node';
import { signedIn } from '../helpers/auth';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-node-'));
const databaseUrl = `file:${join(dir, 'server.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Node server', () => {
  it('migrates, seeds an empty database, serves pages and static files, and keeps reviews across restarts', async () => {
    const lines: string[] = [];
    const first = await startServer({ port: 0, databaseUrl, log: (line) => lines.push(line) });
    try {
      // No accounts yet: an editor "admin" with a random password, printed once, that signs in.
      const notice = lines.find((l) => l.includes('created editor "admin"'));
      const password = notice?.match(/with password (\S+)/)?.[1];
      expect(password).toMatch(/^\S{20,}$/);
      const signin = await fetch(new URL('/signin', first.url), {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: first.url.replace(/\/$/, '') },
        body: new URLSearchParams({ login: 'admin', password: password! }),
      });
      expect(signin.status).toBe(303);
      expect(signin.headers.get('set-cookie')).toMatch(/^cc_session=/);
      const reviewer = await signedIn(first.db, 'reviewer');

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
        headers: { 'Content-Type': 'application/json', ...reviewer.bearer },
        body: JSON.stringify({ status: 'verified', version: claim.version }),
      });
      expect(res.status).toBe(200);
    } finally {
      await first.close();
    }

    const again: string[] = [];
    const second = await startServer({ port: 0, databaseUrl, log: (line) => again.push(line) });
    try {
      expect(again.join('\n')).not.toContain('created editor');
      const queue = await (await fetch(new URL('/api/conflicts', second.url))).json();
      expect(queue.counts.articles).toBe(2);
      expect(queue.counts.verifiedClaims).toBe(1);
    } finally {
      await second.close();
    }
  });
});

describe('Node server accounts and settings', () => {
  it('syncs ACCOUNTS_FILE instead of creating admin, and READ_REQUIRES_SIGNIN closes reading', async () => {
    const file = join(dir, 'accounts.json');
    writeFileSync(
      file,
      JSON.stringify([
        { login: 'ed', name: 'Ed', role: 'editor', passwordHash: await hashPassword('ed-password', 1000) },
      ]),
    );
    const lines: string[] = [];
    const server = await startServer({
      port: 0,
      databaseUrl: `file:${join(dir, 'accounts.db')}`,
      seed: false,
      accountsFile: file,
      settings: { readRequiresSignin: true },
      log: (line) => lines.push(line),
    });
    try {
      expect(lines).toContain(`accounts file ${file}: 1 created, 0 updated`);
      expect(lines.join('\n')).not.toContain('created editor "admin"');
      const home = await fetch(server.url, { redirect: 'manual' });
      expect(home.status).toBe(303);
      expect(home.headers.get('location')).toBe('/signin?next=%2F');
      expect((await fetch(new URL('/static/app.css', server.url))).status).toBe(200);
      const signin = await fetch(new URL('/signin', server.url), {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: server.url.replace(/\/$/, '') },
        body: new URLSearchParams({ login: 'ed', password: 'ed-password' }),
      });
      expect(signin.status).toBe(303);
      const cookie = signin.headers.get('set-cookie')!.split(';')[0]!;
      expect((await fetch(server.url, { headers: { Cookie: cookie } })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
