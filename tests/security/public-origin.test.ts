// Absolute URLs (permalinks on claim and conflict pages, the ClaimReview JSON-LD, the CSV/JSON exports)
// never come from the Host header: PUBLIC_ORIGIN when set, the request URL only when
// TRUST_REQUEST_ORIGIN says the runtime vouches for it, else relative URLs. `Host: evil.example`
// used to put http://evil.example/… into permalinks and the ClaimReview export.

import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConflicts } from '../../db/queries/links';
import { claims } from '../../db/schema';
import { loadSeeds } from '../../seeds/load';
import { createApp } from '../../src/app';
import { parsePublicOrigin, settingsFromEnv } from '../../src/config';
import { type RunningServer, startServer } from '../../src/node';
import type { AppSettings } from '../../src/shared/app-env';
import { jsonPost } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';
import { createTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let ana: SignedIn;
let claimId: number;
let linkId: number;
beforeAll(async () => {
  t = await createTestDb();
  await loadSeeds(t.db);
  ana = await signedIn(t.db, 'reviewer', 'ana');
  const { items } = await listConflicts(t.db, { status: 'open' });
  linkId = items[0]!.id;
  claimId = items[0]!.claimA;
  const c = (await t.db.select().from(claims).where(eq(claims.id, claimId)).get())!;
  // A reviewed claim, so the ClaimReview export has something in it.
  const app = createApp({ db: t.db });
  const res = await app.request(
    `/api/claims/${claimId}/status`,
    jsonPost({ status: 'verified', version: c.version }, ana.bearer),
  );
  expect(res.status).toBe(200);
});
afterAll(() => t.cleanup());

/** Every URL the app builds for a reader, as one text, fetched with a hostile Host. */
async function urlsSeen(settings: AppSettings | undefined, base = 'http://evil.example') {
  const app = createApp({ db: t.db, settings });
  const texts: string[] = [];
  for (const path of [
    `/conflicts/${linkId}`,
    `/claims/${claimId}`,
    '/api/export/claimreview',
    '/api/export/claims.json?status=all',
    '/api/export/claims.csv?status=all',
    '/api/export/conflicts.json?status=all',
    '/api/export/conflicts.csv?status=all',
  ]) {
    const res = await app.request(`${base}${path}`, { headers: { Host: new URL(base).host, ...ana.cookie } });
    expect(res.status, path).toBe(200);
    texts.push(await res.text());
  }
  return texts.join('\n');
}

describe('absolute URLs', () => {
  it('never name the host a client sent (no setting: relative URLs)', async () => {
    const all = await urlsSeen(undefined);
    expect(all).not.toContain('evil.example');
    expect(all).toContain(`href="/conflicts/${linkId}"`);
    expect(all).toContain(`"url":"/claims/${claimId}"`);
  });

  it('use PUBLIC_ORIGIN whatever the Host header says', async () => {
    const all = await urlsSeen(settingsFromEnv({ PUBLIC_ORIGIN: 'https://crosscheck.example.org/' }));
    expect(all).not.toContain('evil.example');
    expect(all).toContain(`href="https://crosscheck.example.org/conflicts/${linkId}"`);
    expect(all).toContain(`"url":"https://crosscheck.example.org/claims/${claimId}"`);
    expect(all).toContain(`https://crosscheck.example.org/conflicts/${linkId}`);
  });

  it('use the request URL only when TRUST_REQUEST_ORIGIN says so (Workers: Cloudflare routes by hostname)', async () => {
    const all = await urlsSeen(
      settingsFromEnv({ TRUST_REQUEST_ORIGIN: '1' }),
      'https://crosscheck.workers.dev',
    );
    expect(all).toContain(`"url":"https://crosscheck.workers.dev/claims/${claimId}"`);
    // PUBLIC_ORIGIN wins over it.
    const pinned = await urlsSeen(
      settingsFromEnv({ TRUST_REQUEST_ORIGIN: '1', PUBLIC_ORIGIN: 'https://news.example' }),
      'https://crosscheck.workers.dev',
    );
    expect(pinned).not.toContain('workers.dev');
  });

  it('PUBLIC_ORIGIN must be an http(s) origin, or the server refuses to start', () => {
    expect(parsePublicOrigin('')).toBeUndefined();
    expect(parsePublicOrigin(' https://a.example ')).toBe('https://a.example');
    expect(parsePublicOrigin('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    for (const bad of [
      'a.example',
      'javascript:alert(1)',
      'https://a.example/x',
      'https://u:p@a.example',
      'ftp://a.example',
      'https://a.example?x=1',
    ])
      expect(() => parsePublicOrigin(bad), bad).toThrow(/PUBLIC_ORIGIN/);
  });
});

describe('the Node server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-origin-'));
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, databaseUrl: `file:${join(dir, 'o.db')}`, firstAdmin: false });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('on loopback without PUBLIC_ORIGIN uses its own address, not a forged Host header', async () => {
    const { items } = await listConflicts(server.db, { status: 'open' });
    const id = items[0]!.id;
    const body = await new Promise<string>((ok, fail) => {
      const req = httpRequest(
        new URL(`/conflicts/${id}`, server.url),
        { headers: { Host: 'evil.example' } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () => ok(text));
        },
      );
      req.on('error', fail);
      req.end();
    });
    expect(body).not.toContain('evil.example');
    expect(body).toContain(`href="${new URL(`/conflicts/${id}`, server.url).href}"`);
  });
});
