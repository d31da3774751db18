// The claim page's "Compared with" and the article page's per-claim note, over a real database: what was
// compared with a claim and why it was not linked, or that no other article states a figure of its kind.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleDetail } from '../../src/services/articles';
import { ingestArticle } from '../../src/services/ingest';
import { createTestApp, type TestApp, visibleText } from '../helpers/app';

let t: TestApp;
let wireId = 0;
const claimOf = async (articleId: number, text: string) =>
  (await articleDetail(t.db, articleId)).claims.find((c) => c.text.includes(text))!;

beforeAll(async () => {
  t = await createTestApp();
  await ingestArticle(t.db, {
    outlet: 'CNN',
    title: 'Austin in Kyiv',
    text: readFileSync('seeds/cnn-austin-kyiv-visit.txt', 'utf8'),
  });
  const r = await ingestArticle(t.db, {
    outlet: 'Wire',
    title: 'Contact group meets',
    text: [
      'On Tuesday, the Ukraine Defense Contact Group, a coalition of 54 countries, met in Brussels to pledge more arms for Ukraine.',
      'Organisers said 1,400 tonnes of grain were shipped from Odesa.',
    ].join('\n'),
  });
  if (r.status !== 'created') throw new Error('not stored');
  wireId = r.articleId;
});
afterAll(() => t.cleanup());

describe('the claim page says what a claim was compared with', () => {
  it('names the deciding rule of a pair that was not linked', async () => {
    const claim = await claimOf(wireId, '54 countries');
    const res = await t.app.request(`/claims/${claim.id}`);
    expect(res.status).toBe(200);
    const text = visibleText(await res.text());
    expect(text).toContain('Compared with');
    expect(text).toContain('Not linked: the reports date their events to different weekdays');
    expect(text).toContain('It is a coalition of 57 countries');
    expect(text).toMatch(/Rule\s+different-weekdays/);
  });

  it('says when no other article states a figure of this kind', async () => {
    const claim = await claimOf(wireId, 'tonnes of grain');
    const text = visibleText(await (await t.app.request(`/claims/${claim.id}`)).text());
    expect(text).toContain('No other article states a figure of this kind.');
  });

  it('marks on the article page the claims compared with nothing', async () => {
    const html = await (await t.app.request(`/articles/${wireId}`)).text();
    const grain = await claimOf(wireId, 'tonnes of grain');
    const coalition = await claimOf(wireId, '54 countries');
    expect(html).toMatch(new RegExp(`id="claim-${grain.id}"[^>]*class="[^"]*not-compared`));
    expect(html).not.toMatch(new RegExp(`id="claim-${coalition.id}"[^>]*class="[^"]*not-compared`));
    expect(visibleText(html)).toContain('1 of 2 claims were compared with no claim of another article.');
  });
});
