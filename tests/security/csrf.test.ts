// CSRF matrix over every state-changing route: same-origin passes; a cross-site form, a form without
// Origin, and JSON from another origin (or a cross-site Sec-Fetch-Site) are refused with 403, storing nothing.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConflicts } from '../../db/queries/links';
import { articles, claims, links, reviews } from '../../db/schema';
import { createTestApp, ORIGIN, type TestApp } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let linkId: number;
let claimId: number;
/** A signed-in editor: the CSRF check must hold even for a request that carries valid credentials. */
let ed: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  ed = await signedIn(t.db, 'editor');
  const { items } = await listConflicts(t.db, { status: 'open' });
  linkId = items[0]!.id;
  claimId = items[0]!.claimA;
});
afterAll(() => t.cleanup());

const EVIL = 'https://evil.example';
const writes = async () => ({
  articles: (await t.db.select({ n: count() }).from(articles).get())!.n,
  reviews: (await t.db.select({ n: count() }).from(reviews).get())!.n,
});
const claimRow = async () => (await t.db.select().from(claims).where(eq(claims.id, claimId)).get())!;
const linkRow = async () => (await t.db.select().from(links).where(eq(links.id, linkId)).get())!;
/**
 * A verdict other than the current one (a no-op change may be refused), with the current version.
 * The claim is a side of the conflict, and flipping both would contradict (verdict-rules.ts): the
 * editor overrides, so every write lands and only the origin decides.
 */
async function claimChange() {
  const row = await claimRow();
  return {
    status: row.status === 'verified' ? 'disputed' : 'verified',
    version: row.version,
    override: true,
  };
}
async function linkChange() {
  const row = await linkRow();
  return {
    resolution: row.status === 'a_holds' ? 'b_holds' : 'a_holds',
    version: row.version,
    override: true,
  };
}

let n = 0;
/** Each route with a body builder that yields a valid, fresh write (new text, current version). */
const routes: { name: string; path: () => string; kind: 'form' | 'json'; body: () => Promise<unknown> }[] = [
  {
    name: 'POST /articles',
    kind: 'form',
    path: () => '/articles',
    body: async () => ({ outlet: 'Wire', title: 'T', text: `Officials counted ${100 + ++n} boats.` }),
  },
  {
    name: 'POST /claims/:id/status',
    kind: 'form',
    path: () => `/claims/${claimId}/status`,
    body: async () => {
      const c = await claimChange();
      return { ...c, version: String(c.version), override: '1' };
    },
  },
  {
    name: 'POST /conflicts/:id/resolve',
    kind: 'form',
    path: () => `/conflicts/${linkId}/resolve`,
    body: async () => {
      const c = await linkChange();
      return { ...c, version: String(c.version), override: '1' };
    },
  },
  {
    name: 'POST /api/articles',
    kind: 'json',
    path: () => '/api/articles',
    body: async () => ({ outlet: 'Wire', title: 'T', text: `Officials counted ${500 + ++n} boats.` }),
  },
  {
    name: 'POST /api/claims/:id/status',
    kind: 'json',
    path: () => `/api/claims/${claimId}/status`,
    body: claimChange,
  },
  {
    name: 'POST /api/conflicts/:id/resolve',
    kind: 'json',
    path: () => `/api/conflicts/${linkId}/resolve`,
    body: linkChange,
  },
];

function request(kind: 'form' | 'json', body: unknown, headers: Record<string, string>): RequestInit {
  if (kind === 'form') {
    return {
      method: 'POST',
      body: new URLSearchParams(body as Record<string, string>),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...ed.cookie, ...headers },
    };
  }
  return {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...ed.bearer, ...headers },
  };
}

const allowed: [string, Record<string, string>][] = [
  ['same origin (Origin)', { Origin: ORIGIN }],
  ['same origin (Sec-Fetch-Site only)', { 'Sec-Fetch-Site': 'same-origin' }],
  ['same origin (both headers)', { Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' }],
];
const refused: [string, Record<string, string>][] = [
  ['another origin', { Origin: EVIL }],
  ['another origin, cross-site', { Origin: EVIL, 'Sec-Fetch-Site': 'cross-site' }],
  ['a sibling subdomain', { Origin: 'http://evil.localhost', 'Sec-Fetch-Site': 'same-site' }],
  ['the literal "null" origin (sandboxed frame)', { Origin: 'null' }],
];

describe('CSRF on every state change', () => {
  for (const route of routes) {
    describe(route.name, () => {
      for (const [what, headers] of allowed) {
        it(`accepts ${what}`, async () => {
          const before = await writes();
          const res = await t.app.request(route.path(), request(route.kind, await route.body(), headers));
          expect(res.status, await res.clone().text()).toBeLessThan(400);
          const after = await writes();
          // One action, logged (an override of a contradiction adds its own log row, and a resolution
          // may mark its claims too).
          expect(after.articles + after.reviews).toBeGreaterThan(before.articles + before.reviews);
        });
      }
      for (const [what, headers] of refused) {
        it(`refuses ${route.kind === 'json' ? 'JSON' : 'a form'} from ${what}`, async () => {
          const before = await writes();
          const res = await t.app.request(route.path(), request(route.kind, await route.body(), headers));
          expect(res.status).toBe(403);
          if (route.path().startsWith('/api/')) {
            expect((await res.json()).error).toMatchObject({ status: 403, message: expect.any(String) });
          } else {
            expect(await res.text()).toMatch(/another site/);
          }
          expect(await writes()).toEqual(before);
        });
      }
      it('refuses a cross-site form-encoded (or text/plain) body, whatever the route expects', async () => {
        const before = await writes();
        for (const type of [
          'application/x-www-form-urlencoded',
          'text/plain',
          'multipart/form-data; boundary=x',
        ]) {
          const res = await t.app.request(route.path(), {
            method: 'POST',
            body: type.startsWith('multipart') ? '--x--\r\n' : 'status=verified&version=1',
            headers: { 'Content-Type': type, Origin: EVIL, ...ed.cookie },
          });
          expect(res.status).toBe(403);
        }
        expect(await writes()).toEqual(before);
      });
      if (route.kind === 'form') {
        it('refuses a form with no Origin and no Sec-Fetch-Site', async () => {
          const before = await writes();
          const res = await t.app.request(route.path(), request('form', await route.body(), {}));
          expect(res.status).toBe(403);
          expect(await writes()).toEqual(before);
        });
      } else {
        it('refuses JSON marked cross-site by Sec-Fetch-Site even without Origin', async () => {
          const before = await writes();
          const res = await t.app.request(
            route.path(),
            request('json', await route.body(), { 'Sec-Fetch-Site': 'cross-site' }),
          );
          expect(res.status).toBe(403);
          expect(await writes()).toEqual(before);
        });
        it('accepts JSON from a non-browser client (no Origin, no Sec-Fetch-Site)', async () => {
          const res = await t.app.request(route.path(), request('json', await route.body(), {}));
          expect(res.status).toBeLessThan(400);
        });
      }
    });
  }
});
