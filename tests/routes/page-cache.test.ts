// The fact, story and conflict pages are cached for readers who are not signed in, per data version:
// a write shows on the next request, each response has its own nonce, and signed-in readers get
// their own page.
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims } from '../../db/schema';
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
