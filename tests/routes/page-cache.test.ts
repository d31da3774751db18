// The fact, story and conflict pages are cached for readers who are not signed in, per data version:
// a write shows on the next request, each response has its own nonce, and signed-in readers get
// their own page.
import { like, sql } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims } from '../../db/schema';
import { anonymousPages, type Rendered } from '../../src/routes/cached-page';
import { createTestApp, jsonPost, type TestApp, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let reviewer: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  reviewer = await signedIn(t.db, 'reviewer');
});
afterAll(() => t.cleanup());

const nonceOf = (res: Response) =>
  /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];

describe('cached fact, story and conflict pages', () => {
  it('are never stale: a verdict shows on the next anonymous request of each page', async () => {
    const story = ((await (await t.app.request('/api/stories')).json()) as { id: number }[])[0]!.id;
    const pages = ['/facts/1', `/stories/${story}`, '/conflicts/1'];
    for (const path of pages) {
      const a = await t.app.request(path);
      const b = await t.app.request(path);
      expect(a.status, path).toBe(200);
      const [htmlA, htmlB] = [await a.text(), await b.text()];
      // The same page, each with its own nonce in its CSP and in its script tags.
      expect(nonceOf(a)).not.toBe(nonceOf(b));
      expect(htmlB).toContain(`nonce="${nonceOf(b)}"`);
      expect(htmlA.replaceAll(nonceOf(a)!, 'N')).toBe(htmlB.replaceAll(nonceOf(b)!, 'N'));
    }
    const claim = (await t.db.select().from(claims).where(like(claims.text, '%some 50 partners%')))[0]!;
    expect(visibleText(await (await t.app.request('/facts/1')).text())).not.toContain('Disputed');
    const res = await t.app.request(
      `/api/claims/${claim.id}/status`,
      jsonPost({ status: 'disputed', version: claim.version }, reviewer.bearer),
    );
    expect(res.status).toBe(200);
    expect(visibleText(await (await t.app.request('/facts/1')).text())).toContain('Disputed');
    expect(visibleText(await (await t.app.request('/conflicts/2')).text())).toContain('Disputed');
  });

  it('are the reader’s own when signed in', async () => {
    const html = await (await t.app.request('/conflicts/1', { headers: reviewer.cookie })).text();
    expect(html).toContain('form');
    expect(visibleText(html)).toContain('Sign out');
    expect(visibleText(await (await t.app.request('/conflicts/1')).text())).not.toContain('Sign out');
  });
});

describe('a cached page missed by many readers at once', () => {
  // A page of the kind the story page is: slow to build (a large story after a write).
  function pagesApp(render: (c: Context) => Promise<Rendered>) {
    const cached = anonymousPages(t.db);
    let builds = 0;
    const app = new Hono().get('/p/:key', (c) =>
      cached(c, c.req.param('key'), async () => {
        builds++;
        await new Promise((r) => setTimeout(r, 30));
        return render(c);
      }),
    );
    const all = (path: string) => Promise.all(Array.from({ length: 16 }, () => app.request(path)));
    return { all, builds: () => builds };
  }
  const bump = () => t.db.run(sql`update counters set version = version + 1 where id = 1`);

  it('is built once per data version, and every reader gets it', async () => {
    const p = pagesApp(async () => ({ title: 'Story', body: 'the story page' }));
    const first = await p.all('/p/story');
    expect(first.map((r) => r.status)).toEqual(Array(16).fill(200));
    expect(p.builds()).toBe(1);
    for (const r of first) expect(await r.text()).toContain('the story page');
    // Another page is its own build; after a write, the page is built again, once.
    await p.all('/p/other');
    expect(p.builds()).toBe(2);
    await bump();
    await p.all('/p/story');
    expect(p.builds()).toBe(3);
  });

  it('a redirect is each reader’s own answer, and a failed build fails its waiters, once', async () => {
    const moved = pagesApp(async (c) => c.redirect('/p/elsewhere', 301));
    await bump();
    const answers = await moved.all('/p/moved');
    expect(answers.map((r) => [r.status, r.headers.get('location')])).toEqual(
      Array(16).fill([301, '/p/elsewhere']),
    );
    const failing = pagesApp(async () => {
      throw new Error('the database went away');
    });
    const failed = await failing.all('/p/broken');
    expect(failed.map((r) => r.status)).toEqual(Array(16).fill(500));
    expect(failing.builds()).toBe(1);
  });
});
