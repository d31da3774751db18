// Verbatim reprints as a newsroom meets them: the same wire text from another outlet is stored as a
// wire copy of the first and shown as one article "also published by …", its claims never linked to the
// other copies'; the same text from the same outlet, or under the same URL, is refused as a duplicate.
// Every way in: the form, POST /api/articles with the text and with only a URL, and a feed's items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { nodeWebReader } from '../../src/web/node-reader';
import { jsonPost, multipartPost, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';
import { createTestDb, type TestDb } from '../helpers/db';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';

const WIRE = `The ferry operator said 412 passengers were evacuated from the burning ship on Tuesday night, and 23 of them were taken to hospital.
The fire started in the engine room at about 9 p.m., when the ferry was 14 kilometres from the port, the coast guard said.
Four rescue boats and two helicopters took part in the operation, which lasted three hours.`;
// An independent report of the same fire: one of its figures corroborates the wire story's.
const OWN =
  'The ferry operator said 412 passengers were evacuated from the burning ship on Tuesday, and 31 of them were taken to hospital. Rescue boats and helicopters worked for three hours, the coast guard said.';

interface Env {
  t: TestDb;
  app: ReturnType<typeof createApp>;
  reviewer: SignedIn;
}
let web: FixtureServer;
const envs: Env[] = [];
async function env(): Promise<Env> {
  const t = await createTestDb();
  const app = createApp({ db: t.db, webReader: nodeWebReader({ policy: { allowLoopbackForTests: true } }) });
  const e = { t, app, reviewer: await signedIn(t.db, 'reviewer') };
  envs.push(e);
  return e;
}
beforeAll(async () => {
  web = await startFixtureServer();
});
afterAll(async () => {
  await web.close();
  for (const e of envs) e.t.cleanup();
});

interface Detail {
  outlet: string;
  alsoPublishedBy: { id: number; outlet: string }[];
}
const detail = async ({ app }: Env, id: number) =>
  (await (await app.request(`/api/articles/${id}`)).json()) as Detail;
const count = async ({ t }: Env, sql: string) => Number((await t.client.execute(sql)).rows[0]!.n);
/** Links between claims of two different articles of one copy group: must stay 0. */
const linksInsideGroups = (e: Env) =>
  count(
    e,
    `select count(*) as n from links l join claims ca on ca.id = l.claim_a join claims cb on cb.id = l.claim_b
     join articles a on a.id = ca.article_id join articles b on b.id = cb.article_id
     where a.id <> b.id and coalesce(a.copy_of, a.id) = coalesce(b.copy_of, b.id)`,
  );

describe('a verbatim reprint by another outlet', () => {
  it('added through the form: stored as a copy, one article "also published by" on every page', async () => {
    const e = await env();
    const post = (fields: Record<string, string>) =>
      e.app.request('/articles', multipartPost(fields, e.reviewer.cookie));
    const ids: number[] = [];
    for (const outlet of ['Wire Service', 'Harbour Post', 'Island Times']) {
      const res = await post({ outlet, title: `Ferry fire (${outlet})`, text: WIRE });
      expect(res.status).toBe(303);
      const location = res.headers.get('location')!;
      expect(location).toMatch(/^\/articles\/\d+\?added=1$/);
      ids.push(Number(location.split('/')[2]!.split('?')[0]));
    }
    await post({ outlet: 'Coast Daily', title: 'Our report', text: OWN });
    const [first, second, third] = ids as [number, number, number];
    expect(new Set(ids).size).toBe(3);
    const page = async (id: number) => visibleText(await (await e.app.request(`/articles/${id}`)).text());
    expect(await page(first)).toMatch(/One wire story: also published by Harbour Post ?, Island Times ?\./);
    expect(await page(third)).toMatch(/also published by Wire Service ?, Harbour Post ?\./);
    expect((await detail(e, second)).alsoPublishedBy.map((p) => p.outlet)).toEqual([
      'Wire Service',
      'Island Times',
    ]);
    expect(await count(e, `select count(*) as n from articles where copy_of = ${first}`)).toBe(2);
    // Each copy is linked to the independent report; never to each other.
    expect(await linksInsideGroups(e)).toBe(0);
    for (const id of ids)
      expect(
        await count(
          e,
          `select count(*) as n from links l join claims a on a.id = l.claim_a join claims b on b.id = l.claim_b
           where a.article_id = ${id} or b.article_id = ${id}`,
        ),
      ).toBeGreaterThan(0);

    // The same text from the same outlet is the same article: refused, with the article that has it.
    const again = await post({ outlet: 'Harbour Post', title: 'Ferry fire again', text: WIRE });
    expect(again.headers.get('location')).toBe(`/articles/${second}?duplicate=1`);
    expect(await count(e, 'select count(*) as n from articles')).toBe(4);
  });

  it('posted as text to the API: 201 and a copy; the same outlet or URL again: 200 "already … as article N"', async () => {
    const e = await env();
    const post = (body: Record<string, string | undefined>) =>
      e.app.request('/api/articles', jsonPost(body, e.reviewer.bearer));
    const original = await post({
      outlet: 'AP',
      title: 'Ferry fire',
      url: 'https://ap.example/ferry',
      text: WIRE,
    });
    expect(original.status).toBe(201);
    const { articleId: a } = (await original.json()) as { articleId: number };
    const reprint = await post({
      outlet: 'Bay Herald',
      title: 'Ferry',
      url: 'https://bay.example/1',
      text: WIRE,
    });
    expect(reprint.status).toBe(201);
    const r = (await reprint.json()) as { status: string; articleId: number; links: number };
    expect(r).toMatchObject({ status: 'created', links: 0 });
    expect((await detail(e, r.articleId)).alsoPublishedBy).toEqual([
      { id: a, title: 'Ferry fire', outlet: 'AP' },
    ]);
    expect((await detail(e, a)).alsoPublishedBy.map((p) => p.outlet)).toEqual(['Bay Herald']);

    for (const body of [
      { outlet: 'AP', title: 'Ferry fire (updated headline)', text: WIRE },
      { outlet: 'Someone', title: 'Ferry', url: 'https://ap.example/ferry', text: WIRE },
    ]) {
      const dup = await post(body);
      expect(dup.status).toBe(200);
      expect(await dup.json()).toMatchObject({
        status: 'duplicate',
        articleId: a,
        message: expect.stringContaining(
          `already ingested from this outlet (or under this URL): it is stored as article ${a}`,
        ),
      });
    }
    expect(await count(e, 'select count(*) as n from articles')).toBe(2);
    expect(await linksInsideGroups(e)).toBe(0);
  });

  it('added by URL through the API: another outlet’s page of the same text is stored as a copy; its URL again is refused', async () => {
    const e = await env();
    const postUrl = (url: string) => e.app.request('/api/articles', jsonPost({ url }, e.reviewer.bearer));
    const original = await postUrl(web.url('/news/harbour-jsonld'));
    expect(original.status).toBe(201);
    const { articleId: a } = (await original.json()) as { articleId: number };
    const ids = [];
    for (const path of ['/wire/bay-herald', '/wire/island-times']) {
      const res = await postUrl(web.url(path));
      expect(res.status).toBe(201);
      const body = (await res.json()) as { articleId: number; url: string };
      expect(body.url).toBe(web.url(path));
      ids.push(body.articleId);
    }
    expect((await detail(e, ids[0]!)).outlet).toBe('Bay Herald');
    const page = visibleText(await (await e.app.request(`/articles/${a}`)).text());
    expect(page).toMatch(/One wire story: also published by Bay Herald ?, Island Times ?\./);
    expect(await linksInsideGroups(e)).toBe(0);

    const again = await postUrl(web.url('/wire/bay-herald'));
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
      new RegExp(`already stored as article ${ids[0]}`),
    );
  });

  it('in a feed: every item stored, the reprints as copies; none counted as "already stored" or failed', async () => {
    const e = await env();
    const res = await e.app.request(
      '/feeds',
      multipartPost({ url: web.url('/feeds/wire.xml'), intervalMinutes: '30' }, e.reviewer.cookie),
    );
    expect(res.status).toBe(303);
    const notice = decodeURIComponent(res.headers.get('location')!.split('notice=')[1]!);
    expect(notice).toMatch(/Polled: 3 new items, 3 stored, 0 failed\./);
    const feeds = visibleText(await (await e.app.request('/feeds', { headers: e.reviewer.cookie })).text());
    expect(feeds).toMatch(/3 done of 3: 3 stored, 0 already stored, 0 failed/);
    expect(await count(e, 'select count(*) as n from articles where copy_of is not null')).toBe(2);
    // Each item points at its own article (found in the insert batch by text and outlet), not the first.
    const items = await e.t.client.execute(
      'select i.url, s.name from feed_items i join articles a on a.id = i.article_id join sources s on s.id = a.source_id order by i.url',
    );
    expect(items.rows.map((r) => [new URL(String(r.url)).pathname, r.name])).toEqual([
      ['/news/harbour-jsonld', 'The Coastal Ledger'],
      ['/wire/bay-herald', 'Bay Herald'],
      ['/wire/island-times', 'Island Times'],
    ]);
    const rows = await e.t.client.execute(
      'select a.id, s.name from articles a join sources s on s.id = a.source_id where a.copy_of is null',
    );
    expect(rows.rows.map((r) => r.name)).toEqual(['The Coastal Ledger']);
    const page = visibleText(await (await e.app.request(`/articles/${rows.rows[0]!.id}`)).text());
    expect(page).toMatch(/also published by Bay Herald ?, Island Times ?\./);
  });
});
