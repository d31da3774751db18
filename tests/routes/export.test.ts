// Exports: schema.org ClaimReview (validated field by field), the claim page's embedded JSON-LD, CSV and JSON.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConflicts } from '../../db/queries/links';
import { claims, reviews } from '../../db/schema';
import { csvCell } from '../../src/services/csv';
import { createTestApp, jsonPost, type TestApp } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let ana: SignedIn;
let claimA: number;
let claimB: number;
let linkId: number;
const ORG = { orgName: 'Newsroom Fact Desk', orgUrl: 'https://factdesk.example' };

beforeAll(async () => {
  t = await createTestApp({ seed: true, settings: ORG });
  ana = await signedIn(t.db, 'reviewer', 'ana');
  const { items } = await listConflicts(t.db, { status: 'open' });
  const pair = items.find((l) => [l.a.text, l.b.text].join(' ').includes('some 50 partners'))!;
  [claimA, claimB, linkId] = [pair.a.text.includes('57') ? pair.claimA : pair.claimB, 0, pair.id];
  claimB = claimA === pair.claimA ? pair.claimB : pair.claimA;
  const mark = async (id: number, status: string, evidence: string[] = []) => {
    const c = (await t.db.select().from(claims).where(eq(claims.id, id)).get())!;
    const res = await t.app.request(
      `/api/claims/${id}/status`,
      jsonPost({ status, version: c.version, note: 'checked', evidence }, ana.bearer),
    );
    expect(res.status).toBe(200);
  };
  await mark(claimA, 'verified', ['https://www.defense.gov/']);
  await mark(claimB, 'false');
  await t.app.request(
    `/api/conflicts/${linkId}/resolve`,
    jsonPost({ resolution: 'a_holds', version: 1 }, ana.bearer),
  );
});
afterAll(() => t.cleanup());

// biome-ignore lint/suspicious/noExplicitAny: JSON-LD is read field by field below
type Review = Record<string, any>;

/** The fields the issue asks for, with their schema.org types. */
function expectClaimReview(r: Review, claimId: number, text: string) {
  expect(r['@type']).toBe('ClaimReview');
  expect(r.url).toBe(`http://localhost/claims/${claimId}`);
  expect(r.claimReviewed).toBe(text);
  expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(r.author).toEqual({ '@type': 'Organization', name: ORG.orgName, url: ORG.orgUrl });
  expect(r.reviewRating['@type']).toBe('Rating');
  expect(r.reviewRating.worstRating).toBe(1);
  expect(r.reviewRating.bestRating).toBe(5);
  expect(r.reviewRating.ratingValue).toBeGreaterThanOrEqual(1);
  expect(r.reviewRating.ratingValue).toBeLessThanOrEqual(5);
  expect(typeof r.reviewRating.alternateName).toBe('string');
  expect(r.itemReviewed['@type']).toBe('Claim');
  expect(r.itemReviewed.appearance.length).toBeGreaterThan(0);
  for (const a of r.itemReviewed.appearance) {
    expect(a['@type']).toBe('NewsArticle');
    expect(a.url).toMatch(/^https?:\/\//);
    expect(a.headline).toEqual(expect.any(String));
    expect(a.publisher).toMatchObject({ '@type': 'Organization', name: expect.any(String) });
  }
}

describe('GET /api/export/claimreview', () => {
  it('lists every reviewed claim as a ClaimReview with the documented rating scale', async () => {
    const res = await t.app.request('/api/export/claimreview');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/ld\+json/);
    const body = await res.json();
    expect(body['@context']).toBe('https://schema.org');
    const graph = body['@graph'] as Review[];
    expect(graph).toHaveLength(2);
    const rows = await t.db.select().from(claims);
    const textOf = (id: number) => rows.find((c) => c.id === id)!.text;
    const a = graph.find((r) => r.url.endsWith(`/claims/${claimA}`))!;
    const b = graph.find((r) => r.url.endsWith(`/claims/${claimB}`))!;
    // "It is a coalition…" says nothing on its own: the pronoun becomes the name it stands for.
    expect(textOf(claimA)).toMatch(/^It is a coalition of 57 countries/);
    expectClaimReview(a, claimA, textOf(claimA).replace(/^It/, '[Ukraine Defense Contact Group]'));
    expectClaimReview(b, claimB, textOf(claimB));
    expect(a.reviewRating).toMatchObject({ ratingValue: 5, alternateName: 'Verified' });
    expect(b.reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'False' });
  });

  it('leaves out unreviewed claims and pages with a Link header', async () => {
    const res = await t.app.request('/api/export/claimreview?limit=1');
    expect((await res.json())['@graph']).toHaveLength(1);
    expect(res.headers.get('link')).toMatch(/offset=1>; rel="next"/);
  });
});

describe('the claim page', () => {
  it('embeds its ClaimReview as JSON-LD, with "<" escaped', async () => {
    await t.db
      .update(claims)
      .set({ text: 'It is </script><script>alert(1)</script> 57 countries' })
      .where(eq(claims.id, claimA));
    const html = await (await t.app.request(`/claims/${claimA}`)).text();
    const m = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/);
    expect(m).not.toBeNull();
    expect(m![1]).not.toContain('<');
    const embedded = JSON.parse(m![1]!);
    expect(embedded['@context']).toBe('https://schema.org');
    expectClaimReview(
      embedded,
      claimA,
      '[Ukraine Defense Contact Group] is </script><script>alert(1)</script> 57 countries',
    );
  });

  it('has no JSON-LD while the claim is unreviewed', async () => {
    const other = (await t.db.select().from(claims).where(eq(claims.status, 'unreviewed')).limit(1))[0]!;
    const html = await (await t.app.request(`/claims/${other.id}`)).text();
    expect(html).not.toContain('application/ld+json');
  });
});

describe('CSV and JSON exports', () => {
  it('exports conflicts with statuses and history, filtered like the queue', async () => {
    const json = await (await t.app.request('/api/export/conflicts.json?status=resolved')).json();
    expect(json.items).toHaveLength(1);
    expect(json.items[0]).toMatchObject({
      id: linkId,
      status: 'a_holds',
      url: `http://localhost/conflicts/${linkId}`,
    });
    expect(json.items[0].history).toEqual([
      expect.objectContaining({ reviewer: 'ana', action: 'resolve_a_holds', from: 'open', to: 'a_holds' }),
    ]);
    const none = await (
      await t.app.request('/api/export/conflicts.json?status=resolved&severity=low')
    ).json();
    expect(none.items).toHaveLength(0);
    const csv = await t.app.request('/api/export/conflicts.csv?status=all');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="conflicts.csv"/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toMatch(/^id,url,relation,severity,score,status,/);
    expect(text).toMatch(/resolve_a_holds open→a_holds/);
  });

  it('exports claims with history and defuses spreadsheet formulas', async () => {
    await t.db
      .update(claims)
      .set({ text: '=HYPERLINK("http://evil.example","click")' })
      .where(eq(claims.id, claimB));
    const csv = await (await t.app.request('/api/export/claims.csv')).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const json = await (await t.app.request('/api/export/claims.json?status=verified')).json();
    expect(json.items.map((c: { id: number }) => c.id)).toEqual([claimA]);
    expect(json.items[0].history[0]).toMatchObject({
      reviewer: 'ana',
      evidence: ['https://www.defense.gov/'],
    });
    expect((await t.app.request('/api/export/claims.json?status=bogus')).status).toBe(422);
  });

  it('csvCell prefixes every formula trigger and quotes per RFC 4180', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(s).replace(/^"/, '')[0]).toBe("'");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
  });
});

describe('ClaimReview details', () => {
  it("lists as appearances exactly the claim's own article and those of the claims corroborating it", async () => {
    const graph = (await (await t.app.request('/api/export/claimreview')).json())['@graph'] as Review[];
    const sizes: number[] = [];
    for (const id of [claimA, claimB]) {
      const detail = await (await t.app.request(`/api/claims/${id}`)).json();
      const own = detail.claim.articleId as number;
      const expected = new Set<number>([own]);
      for (const l of detail.links as {
        relation: string;
        claimA: number;
        a: { articleId: number };
        b: { articleId: number };
      }[]) {
        if (l.relation === 'corroboration') expected.add(l.claimA === id ? l.b.articleId : l.a.articleId);
      }
      const articleIds = await Promise.all(
        [...expected].map(async (a) => {
          const art = (await (await t.app.request(`/api/articles/${a}`)).json()).article ?? {};
          return art.url && /^https?:/.test(art.url) ? art.url : `http://localhost/articles/${a}`;
        }),
      );
      const review = graph.find((r) => r.url.endsWith(`/claims/${id}`))!;
      const urls = review.itemReviewed.appearance.map((a: { url: string }) => a.url);
      expect(new Set(urls)).toEqual(new Set(articleIds));
      expect(urls).toHaveLength(expected.size);
      sizes.push(expected.size);
    }
    // The seeds make the DOD "some 50 partners" claim corroborated by CNN's "about 50 countries".
    expect(Math.max(...sizes)).toBeGreaterThan(1);
  });

  it('dates a verdict by the newest entry that gave it, the same on the claim page and in the export', async () => {
    const c = (
      await t.db.select().from(claims).where(eq(claims.status, 'unreviewed')).limit(1).offset(5)
    )[0]!;
    const ed = await signedIn(t.db, 'editor');
    let version = c.version;
    for (const status of ['verified', 'disputed', 'verified']) {
      const res = await t.app.request(`/api/claims/${c.id}/status`, jsonPost({ status, version }, ed.bearer));
      expect(res.status).toBe(200);
      version++;
    }
    // Spread the three verdicts over three days: the first verified, the dispute, the second verified.
    const days = ['2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z', '2026-03-03T10:00:00Z'];
    const rows = await t.db.select().from(reviews).where(eq(reviews.targetId, c.id)).orderBy(reviews.id);
    const mine = rows.filter((r) => r.targetType === 'claim');
    expect(mine).toHaveLength(3);
    for (const [i, r] of mine.entries())
      await t.db
        .update(reviews)
        .set({ createdAt: Date.parse(days[i]!) })
        .where(eq(reviews.id, r.id));
    const html = await (await t.app.request(`/claims/${c.id}`)).text();
    const embedded = JSON.parse(html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!);
    expect(embedded.datePublished).toBe('2026-03-03');
    const graph = (await (await t.app.request('/api/export/claimreview?limit=500')).json())[
      '@graph'
    ] as Review[];
    expect(graph.find((r) => r.url.endsWith(`/claims/${c.id}`))!.datePublished).toBe('2026-03-03');
  });
});
