// Ingesting with a queue (the Worker's CROSSREF binding): the answer comes before the comparison with
// the archive, and every page says so until the consumer has run, then shows what it found.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { crossReferenceStored } from '../../src/services/crossref-later';
import { HTMX, jsonPost, multipartPost, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';
import { createTestDb, type TestDb } from '../helpers/db';

const cnn = readFileSync('seeds/cnn-austin-kyiv-visit.txt', 'utf8');
const dod = readFileSync('seeds/dod-ukraine-assistance-briefing.txt', 'utf8');

let t: TestDb;
let app: ReturnType<typeof createApp>;
let reviewer: SignedIn;
const queued: number[] = [];
beforeAll(async () => {
  t = await createTestDb();
  app = createApp({
    db: t.db,
    crossReferenceLater: async (ids) => {
      queued.push(...ids);
    },
  });
  reviewer = await signedIn(t.db, 'reviewer');
});
afterAll(() => t.cleanup());

const consume = async () => {
  for (const id of queued.splice(0)) await crossReferenceStored(t.db, id);
};

describe('ingest with a cross-reference queue', () => {
  let dodId: number;
  it('answers the JSON API at once, saying the comparison is pending', async () => {
    const res = await app.request(
      '/api/articles',
      jsonPost({ outlet: 'DOD', title: 'Briefing', text: dod }, reviewer.bearer),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      articleId: number;
      claims: number;
      crossReference: string;
      message: string;
    };
    expect(body).toMatchObject({ status: 'created', crossReference: 'pending' });
    expect(body).not.toHaveProperty('conflicts');
    expect(body.message).toContain('comparing them with the archive');
    expect(queued).toEqual([body.articleId]);
    dodId = body.articleId;
    const detail = (await (await app.request(`/api/articles/${dodId}`)).json()) as {
      crossrefPending: boolean;
    };
    expect(detail.crossrefPending).toBe(true);
    await consume();
    expect(
      ((await (await app.request(`/api/articles/${dodId}`)).json()) as { crossrefPending: boolean })
        .crossrefPending,
    ).toBe(false);
  });

  it('shows a pending article as being compared, never as "0 conflicts", and polls until done', async () => {
    const post = await app.request(
      '/articles',
      multipartPost({ outlet: 'CNN', title: 'Austin in Kyiv', text: cnn }, reviewer.cookie),
    );
    expect(post.status).toBe(303);
    const location = post.headers.get('location')!;
    expect(location).toMatch(/^\/articles\/\d+\?added=1$/);
    const id = Number(/\/articles\/(\d+)/.exec(location)![1]);

    const pending = await app.request(location);
    const html = await pending.text();
    const text = visibleText(html);
    expect(text).toContain('Comparing them with everything stored');
    expect(text).toContain('Not compared with the archive yet.');
    expect(text).not.toContain('conflicts found');
    expect(text).not.toContain('No conflicts with anything stored');
    expect(html).toContain(`hx-get="/articles/${id}/crossref"`);
    expect(html).toContain('hx-trigger="every 2s"');
    const list = visibleText(await (await app.request('/articles')).text());
    expect(list).toMatch(/Austin in Kyiv CNN · \d+ claims · added [^·]+ · being compared with the archive/);

    // The poll, while pending: the same notice again.
    const poll = await app.request(`/articles/${id}/crossref`, { headers: HTMX });
    expect(poll.status).toBe(200);
    expect(poll.headers.get('hx-refresh')).toBeNull();
    expect(visibleText(await poll.text())).toContain('Comparing them with everything stored');

    await consume();
    const done = await app.request(`/articles/${id}/crossref`, { headers: HTMX });
    expect(done.status).toBe(200);
    expect(done.headers.get('hx-refresh')).toBe('true');
    // Without htmx the poll URL sends the reader to the article.
    const plain = await app.request(`/articles/${id}/crossref`);
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe(`/articles/${id}`);

    expect(visibleText(await (await app.request('/articles')).text())).not.toContain('being compared');
    const page = visibleText(await (await app.request(location)).text());
    expect(page).toMatch(/Stored: \d+ claims extracted, [1-9]\d* conflicts found\./);
    expect(page).not.toContain('Comparing them with everything stored');
    const queue = (await (await app.request('/api/conflicts?limit=200')).json()) as {
      items: { a: { text: string }; b: { text: string } }[];
    };
    expect(queue.items.some((l) => `${l.a.text} ${l.b.text}`.includes('some 50 partners'))).toBe(true);
  });

  it('answers 404 for the poll of an unknown article', async () => {
    expect((await app.request('/articles/999999/crossref', { headers: HTMX })).status).toBe(404);
    expect((await app.request('/articles/abc/crossref', { headers: HTMX })).status).toBe(404);
  });
});
