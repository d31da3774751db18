// The Cloudflare Access gate in src/worker.ts: with ACCESS_TEAM_DOMAIN and ACCESS_AUD set, only requests
// carrying a valid Access JWT (RS256, right audience and issuer, current) reach the app.
import { createExecutionContext, env } from 'cloudflare:test';
import { sign } from 'hono/jwt';
import type { HonoJsonWebKey } from 'hono/utils/jwt/jws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import worker from '../../src/worker';

const TEAM = 'newsroom.cloudflareaccess.com';
const AUD = 'a1b2c3d4e5f6-crosscheck-aud';
const gated = { DB: env.DB, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };

let privateJwk: HonoJsonWebKey;
let publicJwk: HonoJsonWebKey;
let certFetches = 0;

beforeAll(async () => {
  const pair = (await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  privateJwk = {
    ...((await crypto.subtle.exportKey('jwk', pair.privateKey)) as HonoJsonWebKey),
    kid: 'k1',
    alg: 'RS256',
  };
  publicJwk = {
    ...((await crypto.subtle.exportKey('jwk', pair.publicKey)) as HonoJsonWebKey),
    kid: 'k1',
    alg: 'RS256',
  };
  const realFetch = globalThis.fetch;
  // Access publishes its signing keys here; the Worker fetches them, the test answers.
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url === `https://${TEAM}/cdn-cgi/access/certs`) {
      certFetches++;
      return Response.json({ keys: [publicJwk] });
    }
    return realFetch(input, init);
  });
});
afterAll(() => vi.unstubAllGlobals());

const token = (claims: Record<string, unknown> = {}) => {
  const now = Math.floor(Date.now() / 1000);
  return sign(
    { aud: [AUD], iss: `https://${TEAM}`, email: 'ana@example.org', iat: now, exp: now + 600, ...claims },
    privateJwk,
    'RS256',
  );
};

const call = (headers: Record<string, string>, bindings: object = gated) =>
  worker.fetch(
    new Request('http://crosscheck.test/api/articles', { headers }),
    bindings,
    createExecutionContext() as never,
  );

describe('Cloudflare Access gate', () => {
  it('lets a request with a valid Access token through', async () => {
    const res = await call({ 'Cf-Access-Jwt-Assertion': await token() });
    expect(res.status).toBe(200);
  });

  it('refuses a request without a token, or with a forged, expired or foreign one', async () => {
    expect((await call({})).status).toBe(403);
    expect((await call({ 'Cf-Access-Jwt-Assertion': 'not.a.jwt' })).status).toBe(403);
    const expired = await token({ iat: 1_000, exp: 2_000 });
    expect((await call({ 'Cf-Access-Jwt-Assertion': expired })).status).toBe(403);
    const otherApp = await token({ aud: ['another-application'] });
    expect((await call({ 'Cf-Access-Jwt-Assertion': otherApp })).status).toBe(403);
    const otherTeam = await token({ iss: 'https://evil.cloudflareaccess.com' });
    expect((await call({ 'Cf-Access-Jwt-Assertion': otherTeam })).status).toBe(403);
    const res = await call({});
    expect(await res.text()).toMatch(/Cloudflare Access/);
  });

  it('fetches the signing keys once, not per request', () => {
    expect(certFetches).toBe(1);
  });

  it('is off when ACCESS_TEAM_DOMAIN / ACCESS_AUD are not set (local dev, tests)', async () => {
    expect((await call({}, { DB: env.DB })).status).toBe(200);
  });
});
