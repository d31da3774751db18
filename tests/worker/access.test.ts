// The Cloudflare Access gate in src/worker.ts: with ACCESS_TEAM_DOMAIN and ACCESS_AUD set, only requests
// carrying a valid Access JWT (RS256, right audience and issuer, current) reach the app.
import { createExecutionContext, env } from 'cloudflare:test';
import { sign } from 'hono/jwt';
import type { HonoJsonWebKey } from 'hono/utils/jwt/jws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { updateUser, userByLogin } from '../../db/queries/users';
import worker, { databaseFor } from '../../src/worker';
import { signedIn } from '../helpers/auth';

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

  it('refuses a token with the right claims and key id but signed by another key, or with alg none', async () => {
    const other = (await crypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const forgedKey = {
      ...((await crypto.subtle.exportKey('jwk', other.privateKey)) as HonoJsonWebKey),
      kid: 'k1',
      alg: 'RS256',
    };
    const now = Math.floor(Date.now() / 1000);
    const claims = { aud: [AUD], iss: `https://${TEAM}`, email: 'ana@example.org', iat: now, exp: now + 600 };
    const forged = await sign(claims, forgedKey, 'RS256');
    expect((await call({ 'Cf-Access-Jwt-Assertion': forged })).status).toBe(403);
    // The genuine token with its signature swapped for the forged one's: same header and payload.
    const genuine = (await token()).split('.');
    const swapped = [genuine[0], genuine[1], forged.split('.')[2]].join('.');
    expect((await call({ 'Cf-Access-Jwt-Assertion': swapped })).status).toBe(403);
    const b64 = (v: object) =>
      btoa(JSON.stringify(v)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    const none = `${b64({ alg: 'none', typ: 'JWT', kid: 'k1' })}.${b64(claims)}.`;
    expect((await call({ 'Cf-Access-Jwt-Assertion': none })).status).toBe(403);
  });

  it('fetches the signing keys once, not per request', () => {
    expect(certFetches).toBe(1);
  });

  it('is off when ACCESS_TEAM_DOMAIN / ACCESS_AUD are not set (local dev, tests)', async () => {
    expect((await call({}, { DB: env.DB })).status).toBe(200);
  });
});

// Who the verified email is inside the app: known emails keep their role, unknown ones get
// ACCESS_DEFAULT_ROLE, ACCESS_EDITORS bootstraps editors, and a client-sent identity header counts for nothing.
describe('Cloudflare Access identity', () => {
  const db = databaseFor({ DB: env.DB });
  const mapped = {
    ...gated,
    ACCESS_EDITORS: ' Boss@Example.org , other@example.org',
    ACCESS_DEFAULT_ROLE: 'viewer',
  };
  const ingest = async (headers: Record<string, string>, bindings: object = mapped) =>
    (
      await worker.fetch(
        new Request('http://crosscheck.test/api/articles', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: '{}',
        }),
        bindings,
        createExecutionContext() as never,
      )
    ).status;
  const home = async (headers: Record<string, string>, bindings: object = mapped) =>
    (
      await worker.fetch(
        new Request('http://crosscheck.test/', { headers }),
        bindings,
        createExecutionContext() as never,
      )
    ).text();
  const as = async (email: string) => ({ 'Cf-Access-Jwt-Assertion': await token({ email }) });

  it('creates an unknown email as a viewer: it can read, not write', async () => {
    const html = await home(await as('Ana@Example.org'));
    expect(html).toContain('Sign out');
    expect(html).toMatch(/ana <span class="badge role">viewer<\/span>/);
    expect(await userByLogin(db, 'ana@example.org')).toMatchObject({ role: 'viewer', passwordHash: null });
    expect(await ingest(await as('ana@example.org'))).toBe(403);
  });

  it('makes ACCESS_EDITORS editors, and keeps the role an editor gave to others', async () => {
    expect(await ingest(await as('boss@example.org'))).toBe(422); // past the role check; the body is empty
    expect((await userByLogin(db, 'boss@example.org'))?.role).toBe('editor');
    const ana = await userByLogin(db, 'ana@example.org');
    await updateUser(db, ana!.id, { role: 'reviewer' });
    expect(await ingest(await as('ana@example.org'))).toBe(422);
  });

  it('gives a new email ACCESS_DEFAULT_ROLE, and an unknown role setting falls back to viewer', async () => {
    expect(await ingest(await as('rev@example.org'), { ...mapped, ACCESS_DEFAULT_ROLE: 'reviewer' })).toBe(
      422,
    );
    expect(await ingest(await as('typo@example.org'), { ...mapped, ACCESS_DEFAULT_ROLE: 'admin' })).toBe(403);
  });

  it('treats a disabled account as nobody', async () => {
    const ana = await userByLogin(db, 'ana@example.org');
    await updateUser(db, ana!.id, { disabled: true });
    expect(await ingest(await as('ana@example.org'))).toBe(401);
    await updateUser(db, ana!.id, { disabled: false });
  });

  it('ignores an identity header the client made up, with or without Access', async () => {
    const spoof = { 'Cf-Access-Authenticated-User-Email': 'boss@example.org' };
    // Access on: the verified token's email wins over the header.
    expect(await ingest({ ...(await as('typo@example.org')), ...spoof })).toBe(403);
    // Access off: the header alone signs nobody in.
    expect(await ingest(spoof, { DB: env.DB })).toBe(401);
    expect(await home(spoof, { DB: env.DB })).not.toContain('Sign out');
  });

  it('without Access, API tokens and sessions work as on Node', async () => {
    const someone = await signedIn(db, 'reviewer');
    expect(await ingest(someone.bearer, { DB: env.DB })).toBe(422);
    expect(await home(someone.cookie, { DB: env.DB })).toContain('Sign out');
  });
});
