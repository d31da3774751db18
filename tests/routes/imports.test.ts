// /imports and /api/imports as a user meets them: a list of URLs, an OPML file and a manifest imported
// with each item's outcome (one failing never stops the others), the progress page mid-way (what a
// reload or another reviewer sees), the JSON twin, and bad input refused with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importItemsOf, recentImportJobs } from '../../db/queries/imports';
import { createApp } from '../../src/app';
import { importSource } from '../../src/services/import-sources';
import { createImport, runImportItem } from '../../src/services/imports';
import { nodeWebReader } from '../../src/web/node-reader';
import { HTMX, jsonPost, multipartPost, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';
import { createTestDb, type TestDb } from '../helpers/db';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';

let t: TestDb;
let web: FixtureServer;
let app: ReturnType<typeof createApp>;
let reviewer: SignedIn;
let viewer: SignedIn;
const reader = () => nodeWebReader({ policy: { allowLoopbackForTests: true } });

beforeAll(async () => {
  t = await createTestDb();
  web = await startFixtureServer();
  app = createApp({ db: t.db, webReader: reader() });
  reviewer = await signedIn(t.db, 'reviewer', 'rita');
  viewer = await signedIn(t.db, 'viewer');
});
afterAll(async () => {
  await web.close();
  t.cleanup();
});

const jobCount = async () => (await recentImportJobs(t.db, 1000)).length;

describe('/imports', () => {
  it('imports a list of URLs: the failures are listed with their reasons, the rest are stored', async () => {
    const urls = [
      web.url('/news/harbour-jsonld'),
      web.url('/file.pdf'),
      web.url('/news/budget-meta'),
      web.url('/gone'),
      '',
      web.url('/news/harbour-jsonld'),
    ].join('\n');
    const res = await app.request('/imports', multipartPost({ urls, intervalMinutes: '' }, reviewer.cookie));
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/imports\/\d+$/);
    const page = visibleText(await (await app.request(location)).text());
    // The repeated line counts once.
    expect(page).toMatch(/Import \d+: 4 URLs/);
    expect(page).toMatch(/4 \/ 4 done · 2 stored · 0 already stored · 2 failed/);
    expect(page).toMatch(/Finished \d{4}-\d\d-\d\d/);
    expect(page).toMatch(
      /Failures \(2\).*file\.pdf.*it is application\/pdf, not text\/html.*\/gone.*HTTP 404/,
    );
    // Finished: the page no longer asks for its progress.
    expect(await (await app.request(location)).text()).not.toContain('hx-trigger');
    // The stored items link to their articles.
    expect(await (await app.request(location)).text()).toMatch(/href="\/articles\/\d+"/);
    // The list of imports shows it, with who started it.
    expect(visibleText(await (await app.request('/imports')).text())).toMatch(
      /Import \d+: 4 URLs · articles by URL · 4 \/ 4 done, 2 failed · finished · started .* by rita/,
    );
  });

  it('shows an import mid-way the same to everyone: done / total, the current item, the failures so far', async () => {
    const job = await createImport(
      t.db,
      importSource([web.url('/gone'), web.url('/news/wire-graph'), web.url('/redirect/once')].join('\n')),
      { actor: 'rita' },
    );
    const run = { db: t.db, reader: reader() };
    const first = await runImportItem(run, job.id, 1);
    expect(first).toMatchObject({ status: 'failed', position: 1 });
    // An item taken but not finished: what a page shows while it is being fetched.
    await t.client.execute({
      sql: "update import_items set status = 'running', started_at = ? where job_id = ? and position = 2",
      args: [Date.now(), job.id],
    });
    const fragment = await app.request(`/imports/${job.id}/progress`, {
      headers: { ...HTMX, ...viewer.cookie },
    });
    expect(fragment.status).toBe(200);
    const html = await fragment.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('hx-trigger="every 1s"');
    expect(html).toMatch(/<progress[^>]*max="3"[^>]*value="1"/);
    const text = visibleText(html);
    expect(text).toMatch(/1 \/ 3 done…/);
    expect(text).toContain(`Now: item 2, ${web.url('/news/wire-graph')}`);
    expect(text).toMatch(/Failures \(1\).*\/gone.*HTTP 404/);
    const json = await (await app.request(`/api/imports/${job.id}`)).json();
    expect(json).toMatchObject({
      total: 3,
      done: 1,
      finished: false,
      current: { position: 2 },
      failures: [{ position: 1, target: web.url('/gone') }],
    });
    // A second runner never takes an item someone is doing, nor one that is done.
    expect(await runImportItem(run, job.id, 2)).toBeNull();
    expect(await runImportItem(run, job.id, 1)).toBeNull();
    expect(await runImportItem(run, job.id, 3)).toMatchObject({ status: 'stored', position: 3 });
  });

  it('subscribes to the feeds of an OPML file; a known feed is that item’s failure only', async () => {
    const known = web.url('/feeds/rss.xml');
    await app.request('/api/imports', jsonPost({ opml: opml([known]) }, reviewer.bearer));
    const res = await app.request(
      '/imports',
      multipartPost(
        {
          file: new File(
            [opml([web.url('/feeds/atom.xml'), known, web.url('/feeds/feed.json')])],
            'desk.opml',
          ),
          intervalMinutes: '45',
        },
        reviewer.cookie,
      ),
    );
    expect(res.status).toBe(303);
    const page = visibleText(await (await app.request(res.headers.get('location')!)).text());
    expect(page).toMatch(/desk\.opml/);
    expect(page).toMatch(/3 \/ 3 done · 0 stored · 0 already stored · 2 subscribed · 1 failed/);
    expect(page).toMatch(/rss\.xml is already subscribed as feed \d+/);
    const feeds = (await (await app.request('/api/feeds')).json()) as {
      url: string;
      intervalMinutes: number;
    }[];
    expect(feeds.find((f) => f.url.endsWith('/feeds/atom.xml'))?.intervalMinutes).toBe(45);
  });

  it('imports a JSON manifest of URLs and texts, through the API', async () => {
    const text =
      'The harbour authority said 41 ships waited outside Port Aldmoor on Tuesday after the storm.';
    const res = await app.request(
      '/api/imports',
      jsonPost(
        {
          manifest: [
            { text, outlet: 'Harbour Watch', title: 'Ships wait' },
            { url: web.url('/news/wire-graph'), outlet: 'Given outlet' },
            { text: '   <p> </p>', outlet: 'Empty', title: 'Nothing' },
          ],
        },
        reviewer.bearer,
      ),
    );
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toMatch(/^\/api\/imports\/\d+$/);
    const body = (await res.json()) as {
      counts: Record<string, number>;
      failures: { reason: string }[];
      items: unknown[];
    };
    expect(body.counts).toMatchObject({ stored: 1, duplicate: 1, failed: 1, pending: 0 });
    // wire-graph came in through the previous test's import: the same URL is not stored twice.
    expect(body.failures[0]!.reason).toMatch(/no text once markup and whitespace are removed/);
    // Payloads (article texts) are not echoed.
    expect(JSON.stringify(body.items)).not.toContain('41 ships');
  });

  it('refuses bad input with the reason and stores nothing', async () => {
    const before = await jobCount();
    const cases: [RequestInit, number, RegExp][] = [
      [
        multipartPost({ urls: `${web.url('/a')}\nnot a url\nftp://x/y` }, reviewer.cookie),
        422,
        /not a URL: line 2 \("not a url"\), line 3/,
      ],
      [multipartPost({ urls: '' }, reviewer.cookie), 422, /Give some URLs, or choose a file/],
      [
        multipartPost({ urls: web.url('/a'), file: new File(['x'], 'a.txt') }, reviewer.cookie),
        422,
        /not both/,
      ],
      [
        multipartPost({ file: new File(['[{"title": "x"}]'], 'm.json') }, reviewer.cookie),
        422,
        /Manifest entry 1: needs "url"/,
      ],
      [
        multipartPost({ file: new File(['<opml><body></body></opml>'], 'e.opml') }, reviewer.cookie),
        422,
        /lists no feeds/,
      ],
      [multipartPost({ urls: web.url('/a'), intervalMinutes: '2' }, reviewer.cookie), 422, /every 5 minutes/],
      [
        multipartPost(
          { urls: Array.from({ length: 501 }, (_, k) => web.url(`/n/${k}`)).join('\n') },
          reviewer.cookie,
        ),
        422,
        /at most 500/,
      ],
      [
        jsonPost({ urls: ['https://example.org/a'], opml: '<opml/>' }, reviewer.bearer),
        422,
        /exactly one of/,
      ],
      [jsonPost({ manifest: [] }, reviewer.bearer), 422, /JSON array of entries/],
      [jsonPost({ urls: ['javascript:alert(1)'] }, reviewer.bearer), 422, /not a URL/],
    ];
    for (const [init, status, message] of cases) {
      const path = (init.headers as Record<string, string>)['Content-Type'] ? '/api/imports' : '/imports';
      const res = await app.request(path, init);
      expect(res.status, String(message)).toBe(status);
      expect(visibleText(await res.text())).toMatch(message);
    }
    expect(await jobCount()).toBe(before);
  });

  it('lets only reviewers and editors start an import; anyone may follow one', async () => {
    const before = await jobCount();
    const denied = await app.request('/imports', multipartPost({ urls: web.url('/a') }, viewer.cookie));
    expect(denied.status).toBe(403);
    const anonymous = await app.request('/api/imports', jsonPost({ urls: ['https://example.org/a'] }));
    expect(anonymous.status).toBe(401);
    expect(await jobCount()).toBe(before);
    const page = await app.request('/imports', { headers: viewer.cookie });
    expect(await page.text()).not.toContain('id="import-form"');
    expect((await app.request('/imports/999999')).status).toBe(404);
    expect((await app.request('/api/imports/abc')).status).toBe(404);
  });

  it('keeps every item’s outcome in the database', async () => {
    const [job] = await recentImportJobs(t.db, 1);
    const items = await importItemsOf(t.db, job!.id);
    expect(items.every((i) => i.payload === null && i.finishedAt !== null)).toBe(true);
  });
});

function opml(urls: string[]): string {
  return `<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>${urls
    .map((u, k) => `<outline type="rss" text="Feed ${k}" xmlUrl="${u}"/>`)
    .join('')}</body></opml>`;
}
