// The work one request may cause is capped, and the answer says the limit (issue 19): the text of a
// compare request together, the claims read from one document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLAIMS_PER_DOCUMENT, MAX_FIGURES_PER_DOCUMENT } from '../../src/services/work-limits';
import { createTestApp, jsonPost, type TestApp } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let ed: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  ed = await signedIn(t.db, 'editor');
});
afterAll(() => t.cleanup());

const sentences = (n: number) =>
  Array.from({ length: n }, (_, i) => `Officials in Kyiv said ${i + 10} trucks arrived.`).join(' ');

describe('caps on the work of one request', () => {
  it('refuses a compare request over 1 MB of text together with 422, saying the limit', async () => {
    const text = 'Crews counted 12 trucks in Kyiv. '.repeat(18_000); // ~600 KB each, under 1 MB alone
    const res = await t.app.request(
      '/api/compare',
      jsonPost(
        {
          documents: [
            { id: 'a', text },
            { id: 'b', text: `${text} ` },
          ],
        },
        ed.bearer,
      ),
    );
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toMatch(/more than 1 MB of text together/);
  });

  it('refuses a body far over the limit with 413 before reading it', async () => {
    const text = 'x'.repeat(1024 * 1024);
    const res = await t.app.request(
      '/api/compare',
      jsonPost(
        {
          documents: [
            { id: 'a', text },
            { id: 'b', text },
            { id: 'c', text },
          ],
        },
        ed.bearer,
      ),
    );
    expect(res.status).toBe(413);
    expect(JSON.stringify(await res.json())).toMatch(/1 MB of text together/);
  });

  it(`refuses a document of more than ${MAX_CLAIMS_PER_DOCUMENT} claims, in compare and in ingest`, async () => {
    const text = sentences(MAX_CLAIMS_PER_DOCUMENT + 50);
    const cmp = await t.app.request(
      '/api/compare',
      jsonPost(
        {
          documents: [
            { id: 'a', text },
            { id: 'b', text: 'Crews counted 12 trucks.' },
          ],
        },
        ed.bearer,
      ),
    );
    expect(cmp.status).toBe(422);
    expect(JSON.stringify(await cmp.json())).toMatch(/at most 2,000 are read from one document/);
    const ing = await t.app.request(
      '/api/articles',
      jsonPost({ outlet: 'Wire', title: 'Long', text }, ed.bearer),
    );
    expect(ing.status).toBe(422);
    expect(JSON.stringify(await ing.json())).toMatch(/at most 2,000/);
    // Just under the cap is read.
    const ok = await t.app.request(
      '/api/compare',
      jsonPost(
        {
          documents: [
            { id: 'a', text: sentences(MAX_CLAIMS_PER_DOCUMENT - 50) },
            { id: 'b', text: 'Crews counted 12 trucks.' },
          ],
        },
        ed.bearer,
      ),
    );
    expect(ok.status).toBe(200);
  }, 60_000);

  it(`refuses a document of more than ${MAX_FIGURES_PER_DOCUMENT} figures, in compare and in ingest`, async () => {
    // One "sentence" of figures: a single claim, so only the figures cap applies.
    const text = '5% '.repeat(MAX_FIGURES_PER_DOCUMENT + 10);
    const cmp = await t.app.request(
      '/api/compare',
      jsonPost(
        {
          documents: [
            { id: 'a', text },
            { id: 'b', text: 'Crews counted 12 trucks.' },
          ],
        },
        ed.bearer,
      ),
    );
    expect(cmp.status).toBe(422);
    expect(JSON.stringify(await cmp.json())).toMatch(
      /Document \\"a\\" states [\d,]+ figures; at most 20,000/,
    );
    const ing = await t.app.request(
      '/api/articles',
      jsonPost({ outlet: 'Wire', title: 'Figures', text, format: 'text' }, ed.bearer),
    );
    expect(ing.status).toBe(422);
    expect(JSON.stringify(await ing.json())).toMatch(/at most 20,000 are read from one document/);
    // Just under the cap is read.
    const ok = await t.app.request(
      '/api/compare',
      jsonPost(
        {
          documents: [
            { id: 'a', text: '5% '.repeat(MAX_FIGURES_PER_DOCUMENT - 10) },
            { id: 'b', text: 'Crews counted 12 trucks.' },
          ],
        },
        ed.bearer,
      ),
    );
    expect(ok.status).toBe(200);
  }, 60_000);
});
