// Known claims resurfacing: a new report repeating a figure already ruled false shows on the fact page
// as "Repeats a figure ruled false on <date>", linked to that verdict, and the ClaimReview export lists
// the new article among the reviewed claim's appearances.
import { and, eq, like, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactTie } from '../../db/queries/facts';
import { claims, links } from '../../db/schema';
import { repeatedVerdicts } from '../../src/services/fact-model';
import { repeatsInTies } from '../../src/services/fact-repeats';
import { ingestArticle } from '../../src/services/ingest';
import { createTestApp, jsonPost, type TestApp, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let reviewer: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  reviewer = await signedIn(t.db, 'reviewer');
});
afterAll(() => t.cleanup());

describe('which claims repeat a verdict', () => {
  it('an unreviewed claim in the group of a reviewed one repeats it, a false verdict named first', () => {
    const out = repeatedVerdicts([
      { claimId: 1, group: 0, status: 'verified' },
      { claimId: 2, group: 0, status: 'false' },
      { claimId: 3, group: 0, status: 'unreviewed' },
      { claimId: 4, group: 1, status: 'unreviewed' },
      { claimId: 5, group: 1, status: 'disputed' },
      { claimId: 6, group: 2, status: 'unreviewed' },
    ]);
    expect([...out]).toEqual([
      [3, 2],
      [4, 5],
    ]);
  });
});

describe('a figure ruled false, repeated by a later report', () => {
  it('is marked on the fact page with the verdict’s date and link, and the export lists the new article', async () => {
    const ruled = (
      await t.db.select().from(claims).where(like(claims.text, '%coalition of 57 countries%'))
    )[0]!;
    const res = await t.app.request(
      `/api/claims/${ruled.id}/status`,
      jsonPost({ status: 'false', version: ruled.version, note: 'the DOD counts some 50' }, reviewer.bearer),
    );
    expect(res.status).toBe(200);
    const r = await ingestArticle(t.db, {
      outlet: 'Daily Wire Digest',
      title: 'Contact group meets',
      url: 'https://digest.example/contact-group',
      text: 'The Ukraine Defense Contact Group is a coalition of 57 countries and the European Union, Defense Secretary Lloyd Austin said on Tuesday.',
    });
    if (r.status !== 'created') throw new Error('not created');
    const repeat = (await t.db.select().from(claims).where(eq(claims.articleId, r.articleId)))[0]!;
    const agree = await t.db
      .select()
      .from(links)
      .where(
        or(
          and(eq(links.claimA, ruled.id), eq(links.claimB, repeat.id)),
          and(eq(links.claimA, repeat.id), eq(links.claimB, ruled.id)),
        ),
      )
      .get();
    expect(agree?.relation).toBe('corroboration');

    const json = await (await t.app.request(`/api/facts/${agree!.factId}`)).json();
    const row = json.rows.find((x: { claimId: number }) => x.claimId === repeat.id);
    expect(row.repeats).toMatchObject({ claimId: ruled.id, status: 'false', at: expect.any(Number) });
    // The reviewed claim itself repeats nothing; nor does a figure agreeing with no verdict.
    expect(json.rows.find((x: { claimId: number }) => x.claimId === ruled.id).repeats).toBeNull();

    const html = await (await t.app.request(`/facts/${agree!.factId}`)).text();
    const today = new Date().toISOString().slice(0, 10);
    expect(visibleText(html)).toContain(`Repeats a figure ruled false on ${today}`);
    expect(html).toContain(`href="/claims/${ruled.id}"`);

    const graph = (await (await t.app.request('/api/export/claimreview')).json())['@graph'] as {
      itemReviewed: { appearance: { url: string }[] };
      reviewRating: { alternateName: string };
      url: string;
    }[];
    const review = graph.find((g) => g.url.endsWith(`/claims/${ruled.id}`));
    expect(review?.itemReviewed.appearance.map((a) => a.url)).toContain(
      'https://digest.example/contact-group',
    );

    // In the queue: the fact's row says which claim repeats what, when, and links to the verdict.
    const queue = await (await t.app.request('/?status=all')).text();
    expect(visibleText(queue)).toContain(
      `Daily Wire Digest: 57 countries repeats a figure ruled false on ${today}`,
    );
    expect(queue).toContain(`href="/claims/${ruled.id}#history"`);
    const api = await (await t.app.request('/api/conflicts?status=all')).json();
    expect(api.repeats[repeat.id]).toMatchObject({
      claimId: ruled.id,
      status: 'false',
      by: { type: 'claim' },
    });
  });
});

describe('rulings a repeated figure is read against (repeatsInTies)', () => {
  const tie = (
    linkId: number,
    claimA: number,
    claimB: number,
    relation: string,
    status = 'open',
    statusA = 'unreviewed',
    statusB = 'unreviewed',
  ) => ({ factId: 1, linkId, claimA, claimB, relation, status, statusA, statusB }) as FactTie;
  it('reaches a ruled claim through a chain of agreeing reports, not across a conflict', () => {
    const out = repeatsInTies([
      tie(1, 1, 2, 'corroboration', 'open', 'false'),
      tie(2, 2, 3, 'corroboration'),
      tie(3, 3, 4, 'conflict'),
    ]);
    expect(out.get(2)).toMatchObject({ claimId: 1, status: 'false', by: { type: 'claim', id: 1 } });
    expect(out.get(3)).toMatchObject({ claimId: 1, status: 'false' });
    expect(out.has(4)).toBe(false);
    expect(out.has(1)).toBe(false);
  });
  it('reads a resolved conflict as a ruling on both its sides', () => {
    const out = repeatsInTies([
      tie(1, 1, 2, 'conflict', 'b_holds'),
      tie(2, 3, 1, 'corroboration'),
      tie(3, 4, 2, 'corroboration'),
    ]);
    expect(out.get(3)).toMatchObject({ claimId: 1, status: 'false', by: { type: 'link', id: 1 } });
    expect(out.get(4)).toMatchObject({ claimId: 2, status: 'verified', by: { type: 'link', id: 1 } });
    // A dismissed conflict rules on nothing.
    expect(repeatsInTies([tie(1, 1, 2, 'conflict', 'dismissed'), tie(2, 3, 1, 'corroboration')]).size).toBe(
      0,
    );
  });
});
