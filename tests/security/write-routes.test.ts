// Every write route the app registers (read from app.routes, not from a list kept by hand) has a body
// limit (413), zod validation with bounded fields (4xx naming the problem, nothing stored), the CSRF
// check (cross-site form, form without Origin, JSON from another origin: 403) and the write rate
// limit (429). A new POST/PUT/PATCH/DELETE route fails here until it is added to SPECS below with a
// valid request and an invalid one — and then it is checked like every other.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listConflicts } from '../../db/queries/links';
import { listApiTokens } from '../../db/queries/users';
import {
  apiTokens,
  articles,
  claims,
  importJobs,
  links,
  reviews,
  sessions,
  users,
  webhookDeliveries,
  webhooks,
} from '../../db/schema';
import { createApp } from '../../src/app';
import { windowRateLimit } from '../../src/middleware/rate-limit/window';
import { addAccount, mintToken } from '../../src/services/accounts';
import { createTestApp, ORIGIN, type TestApp, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let ed: SignedIn;
let editor: SignedIn;
let linkId: number;
let claimId: number;
/** An account the editor may change (never the editor itself). */
let otherId: number;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  ed = await signedIn(t.db, 'editor', 'ed');
  editor = ed;
  const { items } = await listConflicts(t.db, { status: 'open' });
  linkId = items[0]!.id;
  claimId = items[0]!.claimA;
  const other = await addAccount(t.db, {
    login: 'rita',
    displayName: 'Rita',
    role: 'reviewer',
    password: 'rita-password-1',
  });
  otherId = other.id;
});
afterAll(() => t.cleanup());

type Kind = 'form' | 'json';
interface Req {
  path: string;
  body?: Record<string, unknown>;
}
interface Spec {
  kind: Kind;
  /** A request that should succeed from this site (a fresh one each call). */
  valid: () => Promise<Req>;
  /** A request zod refuses: a field over its maximum length, a value outside its enum, a bad id. */
  invalid: () => Promise<Req & { status: number; says: RegExp }>;
  /** Sign-in and sign-out end the session they arrive with: those run as a throwaway account. */
  throwaway?: true;
}

const long = (k: number) => 'x'.repeat(k);
const linkRow = async () => (await t.db.select().from(links).where(eq(links.id, linkId)).get())!;
const claimRow = async () => (await t.db.select().from(claims).where(eq(claims.id, claimId)).get())!;
/**
 * A resolution other than the current one, so each valid call is a real change by the editor. The
 * claim is a side of the conflict, so flipping both would contradict (verdict-rules.ts): the editor
 * overrides, and each valid call lands.
 */
async function resolveBody() {
  const row = await linkRow();
  return {
    resolution: row.status === 'a_holds' ? 'b_holds' : 'a_holds',
    version: row.version,
    override: true,
  };
}
async function statusBody() {
  const row = await claimRow();
  return {
    status: row.status === 'verified' ? 'disputed' : 'verified',
    version: row.version,
    override: true,
  };
}
async function freshArticle() {
  const res = await t.app.request('/api/articles', {
    method: 'POST',
    body: JSON.stringify({ outlet: 'Wire', title: 'Gone', text: `Crews counted ${9000 + ++n} trucks.` }),
    headers: { 'Content-Type': 'application/json', ...ed.bearer },
  });
  return (await res.json()).articleId as number;
}
/** A feed subscription of its own for each call (the app under test has no web reader: never fetched). */
async function freshFeed() {
  const res = await t.app.request('/api/feeds', {
    method: 'POST',
    body: JSON.stringify({ url: `https://feeds.example.com/f${++n}.xml` }),
    headers: { 'Content-Type': 'application/json', ...ed.bearer },
  });
  return ((await res.json()) as { feed: { id: number } }).feed.id;
}
/** A webhook of its own for each call. */
async function freshHook() {
  const res = await t.app.request('/api/webhooks', {
    method: 'POST',
    body: JSON.stringify({ url: `https://hooks.example.org/h${++n}`, events: ['feed.failed'] }),
    headers: { 'Content-Type': 'application/json', ...ed.bearer },
  });
  return ((await res.json()) as { id: number }).id;
}
const opml = () =>
  `<opml version="2.0"><body><outline xmlUrl="https://feeds.example.com/o${++n}.xml"/></body></opml>`;

async function tokenId() {
  await mintToken(t.db, 'rita', `t${++n}`);
  return (await listApiTokens(t.db)).filter((k) => k.userId === otherId).at(-1)!.id;
}

const SPECS: Record<string, Spec> = {
  'POST /signin': {
    kind: 'form',
    throwaway: true,
    valid: async () => ({ path: '/signin', body: { login: 'rita', password: 'rita-password-1' } }),
    invalid: async () => ({
      path: '/signin',
      body: { login: long(101), password: 'p' },
      status: 422,
      says: /too long/,
    }),
  },
  'POST /signout': {
    kind: 'form',
    throwaway: true,
    // The sign-out form has no fields: nothing is read from the body, so there is nothing to validate
    // but its size; an unknown field changes nothing.
    valid: async () => ({ path: '/signout', body: {} }),
    invalid: async () => ({
      path: '/signout',
      body: { anything: long(9000) },
      status: 413,
      says: /too large/,
    }),
  },
  'POST /admin/users': {
    kind: 'form',
    valid: async () => ({
      path: '/admin/users',
      body: { login: `new${++n}`, name: 'New', role: 'viewer', password: 'a-long-password' },
    }),
    invalid: async () => ({
      path: '/admin/users',
      body: { login: long(101), role: 'viewer', password: 'a-long-password' },
      status: 422,
      says: /login is too long/,
    }),
  },
  'POST /admin/users/:id/role': {
    kind: 'form',
    valid: async () => ({ path: `/admin/users/${otherId}/role`, body: { role: 'reviewer' } }),
    invalid: async () => ({
      path: `/admin/users/${otherId}/role`,
      body: { role: 'god' },
      status: 422,
      says: /Choose a role/,
    }),
  },
  'POST /admin/users/:id/disabled': {
    kind: 'form',
    valid: async () => ({ path: `/admin/users/${otherId}/disabled`, body: { disabled: '0' } }),
    invalid: async () => ({
      path: `/admin/users/${otherId}/disabled`,
      body: { disabled: 'maybe' },
      status: 422,
      says: /./,
    }),
  },
  'POST /admin/users/:id/password': {
    kind: 'form',
    valid: async () => ({ path: `/admin/users/${otherId}/password`, body: { password: 'rita-password-1' } }),
    invalid: async () => ({
      path: `/admin/users/${otherId}/password`,
      body: { password: long(201) },
      status: 422,
      says: /password is too long/,
    }),
  },
  'POST /admin/users/:id/tokens': {
    kind: 'form',
    valid: async () => ({ path: `/admin/users/${otherId}/tokens`, body: { label: 'ci' } }),
    invalid: async () => ({
      path: `/admin/users/${otherId}/tokens`,
      body: { label: long(101) },
      status: 422,
      says: /label is too long/,
    }),
  },
  'POST /admin/users/:id/tokens/:token/revoke': {
    kind: 'form',
    valid: async () => ({ path: `/admin/users/${otherId}/tokens/${await tokenId()}/revoke`, body: {} }),
    invalid: async () => ({
      path: `/admin/users/${otherId}/tokens/1e400/revoke`,
      body: {},
      status: 404,
      says: /no such token/,
    }),
  },
  'POST /conflicts/bulk': {
    kind: 'form',
    valid: async () => {
      const row = await linkRow();
      return {
        path: '/conflicts/bulk',
        body: { items: `${row.id}:${row.version}`, action: 'assign', assignee: 'me' },
      };
    },
    invalid: async () => ({
      path: '/conflicts/bulk',
      body: { items: '1:1', action: 'dismiss', note: long(2001) },
      status: 422,
      says: /note is too long/,
    }),
  },
  'POST /conflicts/:id/resolve': {
    kind: 'form',
    valid: async () => ({ path: `/conflicts/${linkId}/resolve`, body: await resolveBody() }),
    invalid: async () => ({
      path: `/conflicts/${linkId}/resolve`,
      body: { ...(await resolveBody()), note: long(2001) },
      status: 422,
      says: /note is too long/,
    }),
  },
  'POST /conflicts/:id/decide': {
    kind: 'form',
    // Without a proposal pending, a decision is refused by the rules (422), after validation passed.
    valid: async () => ({
      path: `/conflicts/${linkId}/decide`,
      body: { decision: 'reject', version: (await linkRow()).version },
    }),
    invalid: async () => ({
      path: `/conflicts/${linkId}/decide`,
      body: { decision: 'maybe', version: (await linkRow()).version },
      status: 422,
      says: /approve or reject/,
    }),
  },
  'POST /conflicts/:id/assign': {
    kind: 'form',
    valid: async () => {
      const row = await linkRow();
      return {
        path: `/conflicts/${linkId}/assign`,
        body: { assignee: row.assignee === 'ed' ? '' : 'ed', version: row.version },
      };
    },
    invalid: async () => ({
      path: `/conflicts/${linkId}/assign`,
      body: { assignee: long(201), version: (await linkRow()).version },
      status: 422,
      says: /assignee/,
    }),
  },
  'POST /articles': {
    kind: 'form',
    valid: async () => ({
      path: '/articles',
      body: { outlet: 'Wire', title: 'T', text: `Officials counted ${100 + ++n} boats.` },
    }),
    invalid: async () => ({
      path: '/articles',
      body: { outlet: long(201), title: 'T', text: 'Officials counted 7 boats.' },
      status: 422,
      says: /outlet name is too long/,
    }),
  },
  'POST /articles/:id/delete': {
    kind: 'form',
    valid: async () => ({ path: `/articles/${await freshArticle()}/delete`, body: {} }),
    invalid: async () => ({ path: '/articles/1e400/delete', body: {}, status: 404, says: /no such article/ }),
  },
  'POST /claims/:id/status': {
    kind: 'form',
    valid: async () => ({ path: `/claims/${claimId}/status`, body: await statusBody() }),
    invalid: async () => ({
      path: `/claims/${claimId}/status`,
      body: { ...(await statusBody()), evidence: 'javascript:alert(1)' },
      status: 422,
      says: /http:\/\/ or https:\/\//,
    }),
  },
  'POST /claims/:id/decide': {
    kind: 'form',
    valid: async () => ({
      path: `/claims/${claimId}/decide`,
      body: { decision: 'reject', version: (await claimRow()).version },
    }),
    invalid: async () => ({
      path: `/claims/${claimId}/decide`,
      body: { decision: 'approve', version: (await claimRow()).version, note: long(2001) },
      status: 422,
      says: /note is too long/,
    }),
  },
  'POST /api/conflicts/bulk': {
    kind: 'json',
    valid: async () => {
      const row = await linkRow();
      return {
        path: '/api/conflicts/bulk',
        body: { action: 'assign', assignee: 'me', items: [{ id: row.id, version: row.version }] },
      };
    },
    invalid: async () => ({
      path: '/api/conflicts/bulk',
      body: { action: 'dismiss', items: Array.from({ length: 101 }, (_, i) => ({ id: i + 1, version: 1 })) },
      status: 422,
      says: /items/,
    }),
  },
  'POST /api/conflicts/:id/resolve': {
    kind: 'json',
    valid: async () => ({ path: `/api/conflicts/${linkId}/resolve`, body: await resolveBody() }),
    invalid: async () => ({
      path: `/api/conflicts/${linkId}/resolve`,
      body: { ...(await resolveBody()), evidence: Array.from({ length: 11 }, () => 'https://a.example/') },
      status: 422,
      says: /Ten evidence links at most/,
    }),
  },
  'POST /api/conflicts/:id/decide': {
    kind: 'json',
    valid: async () => ({
      path: `/api/conflicts/${linkId}/decide`,
      body: { decision: 'reject', version: (await linkRow()).version },
    }),
    invalid: async () => ({
      path: `/api/conflicts/${linkId}/decide`,
      body: { decision: 'reject', version: '9,999,999,999,999,999' },
      status: 422,
      says: /version/,
    }),
  },
  'POST /api/conflicts/:id/assign': {
    kind: 'json',
    valid: async () => {
      const row = await linkRow();
      return {
        path: `/api/conflicts/${linkId}/assign`,
        body: { assignee: row.assignee === 'ed' ? null : 'ed', version: row.version },
      };
    },
    invalid: async () => ({
      path: `/api/conflicts/${linkId}/assign`,
      body: { assignee: 'ed', version: 1e308 },
      status: 422,
      says: /version/,
    }),
  },
  'POST /api/articles': {
    kind: 'json',
    valid: async () => ({
      path: '/api/articles',
      body: { outlet: 'Wire', title: 'T', text: `Officials counted ${500 + ++n} boats.` },
    }),
    invalid: async () => ({
      path: '/api/articles',
      body: { outlet: 'Wire', title: long(501), text: 'Officials counted 7 boats.' },
      status: 422,
      says: /title is too long/,
    }),
  },
  'DELETE /api/articles/:id': {
    kind: 'json',
    valid: async () => ({ path: `/api/articles/${await freshArticle()}` }),
    invalid: async () => ({ path: '/api/articles/1e400', status: 404, says: /No such id/ }),
  },
  'POST /api/claims/:id/status': {
    kind: 'json',
    valid: async () => ({ path: `/api/claims/${claimId}/status`, body: await statusBody() }),
    invalid: async () => ({
      path: `/api/claims/${claimId}/status`,
      body: { ...(await statusBody()), status: 'true-ish' },
      status: 422,
      says: /status/,
    }),
  },
  'POST /api/claims/:id/decide': {
    kind: 'json',
    valid: async () => ({
      path: `/api/claims/${claimId}/decide`,
      body: { decision: 'reject', version: (await claimRow()).version },
    }),
    invalid: async () => ({
      path: `/api/claims/${claimId}/decide`,
      body: { decision: 'reject', version: (await claimRow()).version, note: long(2001) },
      status: 422,
      says: /note is too long/,
    }),
  },
  'POST /feeds': {
    kind: 'form',
    valid: async () => ({
      path: '/feeds',
      body: { url: `https://feeds.example.com/p${++n}.xml`, intervalMinutes: '30' },
    }),
    invalid: async () => ({
      path: '/feeds',
      body: { url: 'gopher://x' },
      status: 422,
      says: /must start with http/,
    }),
  },
  'POST /feeds/opml': {
    kind: 'form',
    valid: async () => ({ path: '/feeds/opml', body: { file: opml(), intervalMinutes: '60' } }),
    invalid: async () => ({
      path: '/feeds/opml',
      body: { file: '' },
      status: 422,
      says: /Choose an OPML file/,
    }),
  },
  'POST /feeds/:id/poll': {
    kind: 'form',
    valid: async () => ({ path: `/feeds/${await freshFeed()}/poll`, body: {} }),
    invalid: async () => ({ path: '/feeds/1e400/poll', body: {}, status: 404, says: /no such feed/ }),
  },
  'POST /feeds/:id/delete': {
    kind: 'form',
    valid: async () => ({ path: `/feeds/${await freshFeed()}/delete`, body: {} }),
    invalid: async () => ({ path: '/feeds/1e400/delete', body: {}, status: 404, says: /no such feed/ }),
  },
  'POST /api/feeds': {
    kind: 'json',
    valid: async () => ({ path: '/api/feeds', body: { url: `https://feeds.example.com/a${++n}.xml` } }),
    invalid: async () => ({
      path: '/api/feeds',
      body: { url: `https://x.example/${long(2001)}` },
      status: 422,
      says: /too long/,
    }),
  },
  'POST /api/feeds/opml': {
    kind: 'json',
    valid: async () => ({ path: '/api/feeds/opml', body: { opml: opml() } }),
    invalid: async () => ({ path: '/api/feeds/opml', body: { opml: 5 }, status: 422, says: /opml/ }),
  },
  'POST /api/feeds/:id/poll': {
    kind: 'json',
    valid: async () => ({ path: `/api/feeds/${await freshFeed()}/poll`, body: {} }),
    invalid: async () => ({ path: '/api/feeds/1e400/poll', body: {}, status: 404, says: /No such id/ }),
  },
  'DELETE /api/feeds/:id': {
    kind: 'json',
    valid: async () => ({ path: `/api/feeds/${await freshFeed()}` }),
    invalid: async () => ({ path: '/api/feeds/1e400', status: 404, says: /No such id/ }),
  },
  'POST /imports': {
    kind: 'form',
    valid: async () => ({ path: '/imports', body: { urls: `https://imports.example/a${++n}` } }),
    invalid: async () => ({ path: '/imports', body: { urls: 'not a url' }, status: 422, says: /not a URL/ }),
  },
  'POST /api/imports': {
    kind: 'json',
    valid: async () => ({ path: '/api/imports', body: { urls: [`https://imports.example/b${++n}`] } }),
    invalid: async () => ({ path: '/api/imports', body: { urls: ['nope'] }, status: 422, says: /not a URL/ }),
  },
  'POST /webhooks': {
    kind: 'form',
    valid: async () => ({
      path: '/webhooks',
      body: { url: `https://hooks.example.org/w${++n}`, events: 'conflict.high' },
    }),
    invalid: async () => ({
      path: '/webhooks',
      body: { url: 'gopher://x', events: 'conflict.high' },
      status: 422,
      says: /must start with http/,
    }),
  },
  'POST /webhooks/:id/test': {
    kind: 'form',
    valid: async () => ({ path: `/webhooks/${await freshHook()}/test`, body: {} }),
    invalid: async () => ({ path: '/webhooks/1e400/test', body: {}, status: 404, says: /no such webhook/ }),
  },
  'POST /webhooks/:id/delete': {
    kind: 'form',
    valid: async () => ({ path: `/webhooks/${await freshHook()}/delete`, body: {} }),
    invalid: async () => ({ path: '/webhooks/1e400/delete', body: {}, status: 404, says: /no such webhook/ }),
  },
  'POST /api/webhooks': {
    kind: 'json',
    valid: async () => ({
      path: '/api/webhooks',
      body: { url: `https://hooks.example.org/j${++n}`, events: ['feed.failed'] },
    }),
    invalid: async () => ({
      path: '/api/webhooks',
      body: { url: `https://x.example/${long(2001)}`, events: ['feed.failed'] },
      status: 422,
      says: /too long/,
    }),
  },
  'POST /api/webhooks/:id/test': {
    kind: 'json',
    valid: async () => ({ path: `/api/webhooks/${await freshHook()}/test`, body: {} }),
    invalid: async () => ({ path: '/api/webhooks/1e400/test', body: {}, status: 404, says: /No such id/ }),
  },
  'DELETE /api/webhooks/:id': {
    kind: 'json',
    valid: async () => ({ path: `/api/webhooks/${await freshHook()}` }),
    invalid: async () => ({ path: '/api/webhooks/1e400', status: 404, says: /No such id/ }),
  },
  'POST /compare': {
    kind: 'form',
    valid: async () => ({
      path: '/compare',
      body: { text_1: 'It is a coalition of 57 countries.', text_2: 'It is a network of some 50 partners.' },
    }),
    invalid: async () => ({
      path: '/compare',
      body: { source_1: long(201), text_1: 'a 1', text_2: 'b 2' },
      status: 422,
      says: /Nothing was compared/,
    }),
  },
  'POST /api/compare': {
    kind: 'json',
    valid: async () => ({
      path: '/api/compare',
      body: {
        documents: [
          { id: 'a', text: 'It is a coalition of 57 countries.' },
          { id: 'b', text: 'It is a network of some 50 partners.' },
        ],
      },
    }),
    invalid: async () => ({
      path: '/api/compare',
      body: {
        documents: [
          { id: long(101), text: 'a' },
          { id: 'b', text: 'b' },
        ],
      },
      status: 422,
      says: /documents/,
    }),
  },
};

/** The write routes the app registers: everything but GET/HEAD/OPTIONS, and not middleware (`ALL /x/*`). */
function writeRoutes(app: ReturnType<typeof createApp>): string[] {
  const out = new Set<string>();
  for (const r of app.routes) {
    if (/^(GET|HEAD|OPTIONS)$/.test(r.method)) continue;
    if (r.method === 'ALL' && r.path.endsWith('*')) continue;
    out.add(`${r.method} ${r.path}`);
  }
  return [...out].sort();
}

function method(route: string) {
  return route.split(' ')[0]!;
}

let as: SignedIn;
function build(route: string, kind: Kind, req: Req, headers: Record<string, string>): RequestInit {
  const m = method(route);
  const ed = SPECS[route]?.throwaway ? as : editor;
  if (req.body === undefined) return { method: m, headers: { ...ed.bearer, ...headers } };
  if (kind === 'form') {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(req.body)) body.append(k, String(v));
    return {
      method: m,
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...ed.cookie, ...headers },
    };
  }
  return {
    method: m,
    body: JSON.stringify(req.body),
    headers: { 'Content-Type': 'application/json', ...ed.bearer, ...headers },
  };
}

/** Everything a write could touch: row counts, every account, every token, the review state. */
async function snapshot() {
  const n = async (
    table:
      | typeof articles
      | typeof reviews
      | typeof sessions
      | typeof importJobs
      | typeof webhooks
      | typeof webhookDeliveries,
  ) => (await t.db.select({ n: count() }).from(table).get())!.n;
  return JSON.stringify([
    await n(articles),
    await n(reviews),
    await n(sessions),
    await n(importJobs),
    await n(webhooks),
    await n(webhookDeliveries),
    await t.db.select().from(users).orderBy(users.id),
    await t.db.select().from(apiTokens).orderBy(apiTokens.id),
    await linkRow(),
    await claimRow(),
  ]);
}

const EVIL = 'https://evil.example';
const isApi = (path: string) => path.startsWith('/api/');

describe('every write route', () => {
  it('is listed here, so it cannot skip the checks below', () => {
    const app = createApp({ db: t.db });
    expect(writeRoutes(app)).toEqual(Object.keys(SPECS).sort());
  });

  for (const [route, spec] of Object.entries(SPECS)) {
    describe(route, () => {
      beforeEach(async () => {
        if (spec.throwaway) as = await signedIn(t.db, 'viewer');
      });
      it('accepts a valid request from this site', async () => {
        const req = await spec.valid();
        const res = await t.app.request(req.path, build(route, spec.kind, req, { Origin: ORIGIN }));
        // A decision without a pending proposal is refused by the rules (422), past every check.
        const ok = route.endsWith('/decide') ? [422] : [200, 201, 202, 204, 303];
        expect(ok, `${res.status} ${await res.clone().text()}`).toContain(res.status);
      });

      it('refuses an invalid field with a 4xx that says what is wrong, storing nothing', async () => {
        const req = await spec.invalid();
        const before = await snapshot();
        const res = await t.app.request(req.path, build(route, spec.kind, req, { Origin: ORIGIN }));
        expect(res.status).toBe(req.status);
        const text = await res.text();
        if (isApi(req.path)) {
          expect(JSON.parse(text).error).toMatchObject({ status: req.status });
          expect(JSON.parse(text).error.message).toMatch(req.says);
        } else {
          expect(res.headers.get('content-type')).toMatch(/text\/html/);
          expect(visibleText(text)).toMatch(req.says);
        }
        expect(await snapshot()).toBe(before);
      });

      it('refuses an oversized body with 413 before reading it', async () => {
        const req = await spec.valid();
        const before = await snapshot();
        const init = build(route, spec.kind, { ...req, body: req.body ?? {} }, { Origin: ORIGIN });
        // A body that says it is 64 MB: every limit is below that, and nothing is read past the header.
        const res = await t.app.request(req.path, {
          ...init,
          headers: {
            ...(init.headers as Record<string, string>),
            'Content-Length': String(64 * 1024 * 1024),
          },
        });
        expect(res.status).toBe(413);
        const text = await res.text();
        if (isApi(req.path)) expect(JSON.parse(text).error).toMatchObject({ status: 413 });
        else expect(visibleText(text)).toMatch(/too large/i);
        expect(await snapshot()).toBe(before);
      });

      it('refuses a cross-site form, a form without Origin and JSON from another origin (403)', async () => {
        const req = await spec.valid();
        const before = await snapshot();
        const cases: [Kind, Record<string, string>][] = [
          ['form', { Origin: EVIL }],
          ['form', { Origin: EVIL, 'Sec-Fetch-Site': 'cross-site' }],
          ['form', {}],
          ['json', { Origin: EVIL }],
          ['json', { 'Sec-Fetch-Site': 'cross-site' }],
        ];
        for (const [kind, headers] of cases) {
          const res = await t.app.request(
            req.path,
            build(route, kind, { ...req, body: req.body ?? {} }, headers),
          );
          // A JSON-only route may refuse a form-encoded body as the wrong type (415) before the origin
          // check: refused either way, and the snapshot below shows nothing was stored.
          const refusals = kind === 'form' && spec.kind === 'json' ? [403, 415] : [403];
          expect(refusals, `${kind} ${JSON.stringify(headers)}`).toContain(res.status);
        }
        expect(await snapshot()).toBe(before);
      });

      it('is rate limited: over the limit, 429 with Retry-After and nothing stored', async () => {
        const client = `client-${route}`;
        const limited = createApp({
          db: t.db,
          // The test stands in for the socket address with a header; the server reads the socket.
          writeLimiter: windowRateLimit({ limit: 1, address: (c) => c.req.header('x-test-client') }),
        });
        const headers = { Origin: ORIGIN, 'x-test-client': client };
        const first = await spec.invalid();
        await limited.request(first.path, build(route, spec.kind, first, headers));
        const req = await spec.valid();
        const before = await snapshot();
        const res = await limited.request(req.path, build(route, spec.kind, req, headers));
        expect(res.status).toBe(429);
        expect(res.headers.get('retry-after')).toBe('60');
        if (isApi(req.path)) expect((await res.json()).error).toMatchObject({ status: 429 });
        else expect(visibleText(await res.text())).toMatch(/Too many changes/);
        expect(await snapshot()).toBe(before);
      });
    });
  }
});
