import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConflicts } from '../../db/queries/links';
import { claims, links, reviews } from '../../db/schema';
import { createTestApp, formPost, HTMX, jsonPost, type TestApp, visibleText } from '../helpers/app';

let t: TestApp;
let linkId: number;
let claimA: number;
beforeAll(async () => {
  t = await createTestApp({ seed: true, reviewer: 'Default Reviewer' });
  const { items } = await listConflicts(t.db, { status: 'open' });
  const pair = items.find((l) => [l.a.text, l.b.text].join(' ').includes('some 50 partners'))!;
  linkId = pair.id;
  claimA = pair.claimA;
});
afterAll(() => t.cleanup());

const claimRow = (id: number) => t.db.select().from(claims).where(eq(claims.id, id)).get();
const claimLog = (id: number) =>
  t.db
    .select()
    .from(reviews)
    .where(and(eq(reviews.targetType, 'claim'), eq(reviews.targetId, id)));

describe('GET /conflicts/:id', () => {
  it('puts both claims side by side, marks the differing numbers and explains', async () => {
    const res = await t.app.request(`/conflicts/${linkId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<mark>[^<]*57[^<]*<\/mark>/);
    expect(html).toMatch(/<mark>[^<]*50[^<]*<\/mark>/);
    expect(html).toMatch(/<del>|<ins>/);
    const text = visibleText(html);
    expect(text).toContain('Why this was flagged');
    expect(text).toContain('57 countries');
    expect(text).toContain('some 50 partners');
    expect(text).toMatch(/hedge “\s*some\s*” widens it/);
    expect(text).toContain('CNN');
    expect(text).toContain('A holds');
    expect(text).toContain('Not a real conflict');
    expect(text).toMatch(/Verified/);
  });

  it('is 404 for an unknown or malformed id', async () => {
    expect((await t.app.request('/conflicts/999999')).status).toBe(404);
    expect((await t.app.request('/conflicts/abc')).status).toBe(404);
    const api = await t.app.request('/api/conflicts/999999');
    expect(api.status).toBe(404);
    expect((await api.json()).error.message).toMatch(/no conflict/i);
  });

  it('has a JSON twin with the diff and explanation', async () => {
    const body = await (await t.app.request(`/api/conflicts/${linkId}`)).json();
    expect(body.link.id).toBe(linkId);
    expect(body.diff.some((p: { number?: boolean }) => p.number)).toBe(true);
    expect(body.link.explanation.summary).toEqual(expect.any(String));
  });
});

describe('reviewing a claim', () => {
  it('returns the badge fragment to htmx, stores the status and appends to the audit log', async () => {
    const before = (await claimRow(claimA))!;
    const res = await t.app.request(
      `/claims/${claimA}/status`,
      formPost(
        { status: 'verified', version: String(before.version), name: 'Ana', note: 'primary source' },
        HTMX,
      ),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith(`<section class="review" id="claim-review-${claimA}"`)).toBe(true);
    expect(html).toContain(`id="claim-badge-${claimA}"`);
    expect(html).toMatch(/class="badge status-verified"[^>]*>Verified</);
    expect(html).toContain(`name="version" value="${before.version + 1}"`);
    expect((await claimRow(claimA))!).toMatchObject({ status: 'verified', version: before.version + 1 });
    const log = await claimLog(claimA);
    expect(log.at(-1)).toMatchObject({
      reviewer: 'Ana',
      toStatus: 'verified',
      fromStatus: 'unreviewed',
      note: 'primary source',
    });
  });

  it('redirects a plain form post back with 303, using the default reviewer', async () => {
    const before = (await claimRow(claimA))!;
    const res = await t.app.request(
      `/claims/${claimA}/status`,
      formPost({ status: 'disputed', version: String(before.version), return_to: `/conflicts/${linkId}` }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/conflicts/${linkId}`);
    expect((await claimRow(claimA))!.status).toBe('disputed');
    expect((await claimLog(claimA)).at(-1)).toMatchObject({
      reviewer: 'Default Reviewer',
      toStatus: 'disputed',
    });
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const before = (await claimRow(claimA))!;
    const logBefore = await claimLog(claimA);
    const res = await t.app.request(
      `/claims/${claimA}/status`,
      formPost({ status: 'false', version: String(before.version - 1), name: 'Bo' }, HTMX),
    );
    expect(res.status).toBe(409);
    const text = visibleText(await res.text());
    expect(text).toMatch(/Someone else reviewed this claim/);
    expect(await claimRow(claimA)).toEqual(before);
    expect(await claimLog(claimA)).toHaveLength(logBefore.length);

    const plain = await t.app.request(
      `/claims/${claimA}/status`,
      formPost({ status: 'false', version: '1', name: 'Bo' }),
    );
    expect(plain.status).toBe(409);
    const api = await t.app.request(
      `/api/claims/${claimA}/status`,
      jsonPost({ status: 'false', version: 1, reviewer: 'Bo' }),
    );
    expect(api.status).toBe(409);
    expect((await api.json()).error.current).toEqual({ status: before.status, version: before.version });
    expect(await claimRow(claimA)).toEqual(before);
  });

  it('rejects an unknown status with 422 and a message in the fragment', async () => {
    const before = (await claimRow(claimA))!;
    const res = await t.app.request(
      `/claims/${claimA}/status`,
      formPost({ status: 'hmm', version: String(before.version), name: 'Ana' }, HTMX),
    );
    expect(res.status).toBe(422);
    expect(visibleText(await res.text())).toMatch(/Choose one of/);
    expect(await claimRow(claimA)).toEqual(before);
  });

  it('refuses a cross-site form post', async () => {
    const before = (await claimRow(claimA))!;
    const res = await t.app.request(
      `/claims/${claimA}/status`,
      formPost(
        { status: 'false', version: String(before.version), name: 'Eve' },
        { Origin: 'https://evil.example' },
      ),
    );
    expect(res.status).toBe(403);
    expect(await claimRow(claimA)).toEqual(before);
  });

  it('works as JSON too', async () => {
    const before = (await claimRow(claimA))!;
    const res = await t.app.request(
      `/api/claims/${claimA}/status`,
      jsonPost({ status: 'unverifiable', version: before.version, reviewer: 'Cy' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: claimA, status: 'unverifiable', version: before.version + 1 });
  });
});

describe('resolving a conflict', () => {
  it('swaps the resolution badge for htmx and logs the action', async () => {
    const link = (await t.db.select().from(links).where(eq(links.id, linkId)).get())!;
    const res = await t.app.request(
      `/conflicts/${linkId}/resolve`,
      formPost({ resolution: 'b_holds', version: String(link.version), name: 'Ana' }, HTMX),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/status-b_holds[^>]*>B holds</);
    const log = await t.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.targetType, 'link'), eq(reviews.targetId, linkId)));
    expect(log.at(-1)).toMatchObject({ reviewer: 'Ana', toStatus: 'b_holds', fromStatus: 'open' });
    const queue = await (await t.app.request('/api/conflicts?status=resolved')).json();
    expect(queue.items.map((i: { id: number }) => i.id)).toContain(linkId);
  });
});
