// Deleting an article (editors): its claims, links, keys and mentions go, and term_stats ends up exactly
// as if the article had never been ingested — through the page's confirm form and DELETE /api/articles/:id.
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articles,
  claimKeys,
  claims,
  links,
  mentions,
  quantities,
  reviews,
  termStats,
} from '../../db/schema';
import { ingestArticle } from '../../src/services/ingest';
import { createTestApp, formPost, HTMX, type TestApp, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  editor = await signedIn(t.db, 'editor');
});
afterAll(() => t.cleanup());

const snapshot = async () => ({
  termStats: await t.db.select().from(termStats).orderBy(asc(termStats.term)),
  counts: {
    articles: (await t.db.select({ n: count() }).from(articles).get())!.n,
    claims: (await t.db.select({ n: count() }).from(claims).get())!.n,
    links: (await t.db.select({ n: count() }).from(links).get())!.n,
    keys: (await t.db.select({ n: count() }).from(claimKeys).get())!.n,
    quantities: (await t.db.select({ n: count() }).from(quantities).get())!.n,
    mentions: (await t.db.select({ n: count() }).from(mentions).get())!.n,
  },
});

// Conflicts with the seeds (57 countries vs some 50 partners), so links to stored claims exist.
const extra = (n: number) => ({
  outlet: `Wire ${n}`,
  title: `Contact group ${n}`,
  text: `Defense Secretary Lloyd Austin III has also continued to rally the Ukraine Defense Contact Group, a global network of some ${70 + n * 10} partners committed to Ukraine's near-term battlefield needs. Officials said ${n * 3} ministers attended.`,
});

describe('deleting an article', () => {
  it('restores term_stats and every table to what they were before it was ingested (page form)', async () => {
    const before = await snapshot();
    const r = await ingestArticle(t.db, extra(1));
    expect(r.status).toBe('created');
    if (r.status !== 'created') return;
    expect(r.links).toBeGreaterThan(0);
    expect(await snapshot()).not.toEqual(before);

    const page = await t.app.request(`/articles/${r.articleId}`, { headers: editor.cookie });
    const html = await page.text();
    expect(html).toContain(`action="/articles/${r.articleId}/delete"`);
    expect(visibleText(html)).toContain('Delete this article');

    const res = await t.app.request(`/articles/${r.articleId}/delete`, formPost({}, editor.cookie));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/articles?deleted=1');
    expect(await snapshot()).toEqual(before);
    expect((await t.app.request(`/articles/${r.articleId}`)).status).toBe(404);
  });

  it('keeps term_stats right when the deleted article is not the last one ingested (JSON API)', async () => {
    const before = await snapshot();
    const a = await ingestArticle(t.db, extra(2));
    const afterA = await snapshot();
    const b = await ingestArticle(t.db, extra(3));
    if (a.status !== 'created' || b.status !== 'created') throw new Error('not created');

    const res = await t.app.request(`/api/articles/${a.articleId}`, {
      method: 'DELETE',
      headers: editor.bearer,
    });
    expect(res.status).toBe(204);
    // Now only B is extra: deleting B as well must land exactly on `before`.
    const onlyB = await snapshot();
    expect(onlyB.counts.articles).toBe(before.counts.articles + 1);
    const res2 = await t.app.request(`/api/articles/${b.articleId}`, {
      method: 'DELETE',
      headers: editor.bearer,
    });
    expect(res2.status).toBe(204);
    expect(await snapshot()).toEqual(before);
    expect(afterA.counts.articles).toBe(before.counts.articles + 1);

    // Deleting twice: 404, and term_stats is not decremented again.
    const again = await t.app.request(`/api/articles/${b.articleId}`, {
      method: 'DELETE',
      headers: editor.bearer,
    });
    expect(again.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves other articles intact, and their links to each other', async () => {
    const seedLinks = (await t.db.select({ n: count() }).from(links).get())!.n;
    const r = await ingestArticle(t.db, extra(4));
    if (r.status !== 'created') throw new Error('not created');
    await t.app.request(`/articles/${r.articleId}/delete`, formPost({}, { ...editor.cookie, ...HTMX }));
    expect((await t.db.select({ n: count() }).from(links).get())!.n).toBe(seedLinks);
    expect(await t.db.select().from(claims).where(eq(claims.articleId, r.articleId))).toEqual([]);
  });

  it('writes who deleted what into the audit log, once, and lists it on the Articles page', async () => {
    const r = await ingestArticle(t.db, { ...extra(5), url: 'https://wire5.example/contact-group' });
    if (r.status !== 'created') throw new Error('not created');
    const res = await t.app.request(`/api/articles/${r.articleId}`, {
      method: 'DELETE',
      headers: editor.bearer,
    });
    expect(res.status).toBe(204);
    await t.app.request(`/api/articles/${r.articleId}`, { method: 'DELETE', headers: editor.bearer });

    const log = await t.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.targetType, 'article'), eq(reviews.targetId, r.articleId)));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ reviewer: editor.user.login, action: 'delete', toStatus: 'deleted' });
    expect(log[0]!.note).toBe(
      `Wire 5: Contact group 5 <https://wire5.example/contact-group> (${r.claims} claims, ${r.links} links removed)`,
    );

    const list = visibleText(await (await t.app.request('/articles')).text());
    expect(list).toContain('Deleted articles');
    expect(list).toContain('deleted the article');
    expect(list).toContain('Wire 5: Contact group 5');
  });

  it('answers 404 for an unknown article', async () => {
    const res = await t.app.request('/api/articles/999999', { method: 'DELETE', headers: editor.bearer });
    expect(res.status).toBe(404);
    const page = await t.app.request('/articles/999999/delete', formPost({}, editor.cookie));
    expect(page.status).toBe(404);
  });

  it('hides the delete form from reviewers', async () => {
    const reviewer = await signedIn(t.db, 'reviewer');
    const [first] = await t.db.select({ id: articles.id }).from(articles).limit(1);
    const id = first!.id;
    const html = await (await t.app.request(`/articles/${id}`, { headers: reviewer.cookie })).text();
    expect(html).not.toContain('/delete"');
  });
});
