// Adding an article with its text where the app extracts later (the Worker: `storeTextLater`, its
// CROSSREF queue's extract stage), as a user sees it: the API answers 202 with a one-item import, the
// form's message box says the text was received and is being read, and both follow the import until
// the article is stored, found stored already, or failed with the reason. What needs no extraction to
// refuse is refused at once, and nothing is recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJobs } from '../../db/schema';
import { createApp } from '../../src/app';
import { storeImportText, type TextItem } from '../../src/services/text-add';
import { HTMX, jsonPost, multipartPost, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';
import { createTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let reviewer: SignedIn;
let app: ReturnType<typeof createApp>;
let sent: TextItem[] = [];

beforeAll(async () => {
  t = await createTestDb();
  reviewer = await signedIn(t.db, 'reviewer');
  app = createApp({
    db: t.db,
    crossReferenceLater: async () => {},
    storeTextLater: async (item) => {
      sent.push(item);
      return true;
    },
  });
});
afterAll(() => t.cleanup());

/** What the queue's extract stage does with the messages sent. */
const deliver = async () => {
  for (const m of sent.splice(0))
    await storeImportText({ db: t.db, ingest: { crossReferenceLater: async () => {} } }, m.jobId, m.position);
};
const TEXT =
  'The port of Aldmoor reopened on Tuesday after 6 weeks of repairs costing 2.4 million euros, the port authority said. About 300 dockers returned to work.';
type Progress = {
  finished: boolean;
  items: { status: string; articleId: number | null; reason: string | null }[];
};
const progressOf = async (path: string) =>
  (await (await app.request(path, { headers: reviewer.bearer })).json()) as Progress;

describe('POST /api/articles with text, extracted later', () => {
  it('answers 202 with the import to follow; the article and its claims are stored from the queue', async () => {
    const res = await app.request(
      '/api/articles',
      jsonPost({ outlet: 'Harbour Times', title: 'Quay reopens', text: TEXT }, reviewer.bearer),
    );
    expect(res.status).toBe(202);
    const body = (await res.json()) as {
      status: string;
      progress: string;
      message: string;
      importId: number;
    };
    expect(body).toMatchObject({
      status: 'queued',
      title: 'Quay reopens',
      outlet: 'Harbour Times',
      url: null,
    });
    expect(res.headers.get('Location')).toBe(`/api/imports/${body.importId}`);
    expect(body.progress).toBe(res.headers.get('Location'));
    expect(body.message).toMatch(/^Received "Quay reopens" \(Harbour Times\); extracting its claims/);
    expect(await progressOf(body.progress)).toMatchObject({
      finished: false,
      items: [{ status: 'running', articleId: null }],
    });
    expect(sent).toEqual([{ jobId: body.importId, position: 1 }]);
    await deliver();
    const done = await progressOf(body.progress);
    expect(done).toMatchObject({ finished: true, items: [{ status: 'stored' }] });
    const article = (await (await app.request(`/api/articles/${done.items[0]!.articleId}`)).json()) as {
      title: string;
      claims: unknown[];
      crossrefPending: boolean;
    };
    expect(article).toMatchObject({ title: 'Quay reopens', crossrefPending: true });
    expect(article.claims.length).toBeGreaterThan(0);

    // The same text again from the same outlet: received, then a duplicate of that article.
    const again = await app.request(
      '/api/articles',
      jsonPost({ outlet: 'Harbour Times', title: 'Quay reopens (again)', text: TEXT }, reviewer.bearer),
    );
    expect(again.status).toBe(202);
    await deliver();
    expect(await progressOf(((await again.json()) as { progress: string }).progress)).toMatchObject({
      items: [{ status: 'duplicate', articleId: done.items[0]!.articleId }],
    });
  });

  it('a text that is only markup fails its item, with the reason', async () => {
    const res = await app.request(
      '/api/articles',
      jsonPost(
        { outlet: 'Ledger', title: 'Nothing here', text: '<p></p><script>x()</script>', format: 'html' },
        reviewer.bearer,
      ),
    );
    expect(res.status).toBe(202);
    await deliver();
    const { progress } = (await res.json()) as { progress: string };
    expect(await progressOf(progress)).toMatchObject({
      finished: true,
      items: [
        { status: 'failed', reason: 'The article has no text once markup and whitespace are removed.' },
      ],
    });
  });

  it('refuses at once an outlet with no visible character, and records nothing', async () => {
    const before = (await t.db.select().from(importJobs)).length;
    const res = await app.request(
      '/api/articles',
      jsonPost({ outlet: '\u200B\u200B', title: 'Quay', text: TEXT }, reviewer.bearer),
    );
    expect(res.status).toBe(422);
    expect(await t.db.select().from(importJobs)).toHaveLength(before);
    expect(sent).toEqual([]);
  });
});

describe('the "Add article" form with text, extracted later', () => {
  const form = {
    outlet: 'Dock Daily',
    title: 'Cranes back',
    text: `${TEXT} Twelve cranes are back in service.`,
  };

  it('says the text was received and is being read, then links to the stored article (htmx)', async () => {
    const res = await app.request('/articles', multipartPost(form, { ...reviewer.cookie, ...HTMX }));
    expect(res.status).toBe(202);
    expect(res.headers.get('HX-Retarget')).toBe('#article-form-message');
    const html = await res.text();
    expect(visibleText(html)).toMatch(
      /Text received: “Cranes back” \(Dock Daily\)\. Extracting its claims and storing it/,
    );
    const poll = /hx-get="(\/imports\/\d+\/progress\?view=add)"/.exec(html)?.[1];
    expect(poll).toBeDefined();
    const waiting = await (await app.request(poll!, { headers: { ...reviewer.cookie, ...HTMX } })).text();
    expect(visibleText(waiting)).toMatch(/Text received\. Extracting its claims and storing it/);
    expect(waiting).toContain('hx-get=');
    await deliver();
    const done = await (await app.request(poll!, { headers: { ...reviewer.cookie, ...HTMX } })).text();
    expect(visibleText(done)).toMatch(/Stored as article \d+/);
    expect(done).toMatch(/href="\/articles\/\d+"/);
    expect(done).not.toContain('hx-get=');
  });

  it('without htmx, goes to the import’s page', async () => {
    const res = await app.request(
      '/articles',
      multipartPost({ ...form, title: 'Cranes back 2', text: `${form.text} Again.` }, reviewer.cookie),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toMatch(/^\/imports\/\d+$/);
    sent = [];
  });
});
