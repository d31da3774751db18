// POST /api/compare with "explain": true: per claim, the claims it was compared with and the rule that
// decided each pair; nothing of that without it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, jsonPost, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.cleanup());

const cnn = readFileSync(resolve(__dirname, '../../seeds/cnn-austin-kyiv-visit.txt'), 'utf8');
const wire =
  'On Tuesday, the Ukraine Defense Contact Group, a coalition of 54 countries, met in Brussels to pledge more arms for Ukraine.';
const documents = [
  { id: 'cnn', text: cnn },
  { id: 'wire', text: wire },
];

describe('POST /api/compare with "explain"', () => {
  it('says per claim what it was compared with and which rule decided', async () => {
    const res = await t.app.request('/api/compare', jsonPost({ documents, explain: true }));
    expect(res.status).toBe(200);
    const body = await res.json();
    const claim = body.claims.find((c: { text: string }) => c.text.includes('54 countries'));
    const with57 = body.claims.find((c: { text: string }) => c.text.includes('57 countries'));
    const pair = claim.compared.find((x: { claim: string }) => x.claim === with57.id);
    expect(pair).toMatchObject({
      linked: null,
      decidedBy: 'different-weekdays',
      verdict: expect.stringMatching(/^not linked: rule `different-weekdays`.*Tuesday/),
    });
    expect(pair.steps.at(-1)).toMatchObject({ rule: 'different-weekdays', outcome: 'reject' });
    // The other side of the pair says the same.
    expect(with57.compared.find((x: { claim: string }) => x.claim === claim.id).decidedBy).toBe(
      'different-weekdays',
    );
    // Every claim says it, an empty list when nothing was compared with it.
    for (const c of body.claims) expect(Array.isArray(c.compared)).toBe(true);
  });

  it('returns the same links, and nothing extra, when explain is off', async () => {
    const on = await (await t.app.request('/api/compare', jsonPost({ documents, explain: true }))).json();
    const off = await (await t.app.request('/api/compare', jsonPost({ documents }))).json();
    expect(off.links).toEqual(on.links);
    for (const c of off.claims) expect(c).not.toHaveProperty('compared');
    const no = await (await t.app.request('/api/compare', jsonPost({ documents, explain: false }))).json();
    expect(no).toEqual(off);
  });

  it('refuses an explain that is not a boolean', async () => {
    const res = await t.app.request('/api/compare', jsonPost({ documents, explain: 'yes' }));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('is true or false');
  });
});
