import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConflicts } from '../../db/queries/links';
import { claims, links, reviews } from '../../db/schema';
import { createTestApp, formPost, HTMX, jsonPost, type TestApp, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let linkId: number;
let claimA: number;
let ana: SignedIn;
let bo: SignedIn;
let viewer: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const { items } = await listConflicts(t.db, { status: 'open' });
  const pair = items.find((l) => [l.a.text, l.b.text].join(' ').includes('some 50 partners'))!;
  linkId = pair.id;
  claimA = pair.claimA;
  ana = await signedIn(t.db, 'reviewer', 'ana');
  bo = await signedIn(t.db, 'reviewer', 'bo');
  viewer = await signedIn(t.db, 'viewer', 'vic');
});
afterAll(() => t.cleanup());

const claimRow = (id: number) => t.db.select().from(claims).where(eq(claims.id, id)).get();
const linkRow = (id: number) => t.db.select().from(links).where(eq(links.id, id)).get();
const log = (type: 'claim' | 'link', id: number) =>
  t.db
    .select()
    .from(reviews)
    .where(and(eq(reviews.targetType, type), eq(reviews.targetId, id)))
    .orderBy(reviews.id);

describe('GET /conflicts/:id', () => {
  it('puts both claims side by side, marks the differing numbers, explains, and shows a permalink', async () => {
    const res = await t.app.request(`/conflicts/${linkId}`, { headers: ana.cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<mark>[^<]*57[^<]*<\/mark>/);
    expect(html).toMatch(/<mark>[^<]*50[^<]*<\/mark>/);
    expect(html).toContain(`href="http://localhost/conflicts/${linkId}"`);
    expect(html).toContain(`data-copy="http://localhost/conflicts/${linkId}"`);
    const text = visibleText(html);
    expect(text).toContain('Why this was flagged');
    expect(text).toContain('57 countries');
    expect(text).toContain('some 50 partners');
    expect(text).toContain('A holds');
    expect(text).toContain('Not a real conflict');
    expect(text).toMatch(/Verified/);
    expect(html).not.toContain('name="name"');
    expect(html).toContain('name="evidence"');
  });

  it('shows no review form to viewers or anonymous readers', async () => {
    for (const headers of [viewer.cookie, {}]) {
      const html = await (await t.app.request(`/conflicts/${linkId}`, { headers })).text();
      expect(html).not.toContain(`action="/conflicts/${linkId}/resolve"`);
      expect(html).not.toContain(`action="/claims/${claimA}/status"`);
    }
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

describe('who may review', () => {
  it('sends anonymous form posts to sign in, and answers the API with 401', async () => {
    const before = (await claimRow(claimA))!;
    const form = await t.app.request(
      `/claims/${claimA}/status`,
      formPost({ status: 'verified', version: String(before.version) }),
    );
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toMatch(/^\/signin\?next=/);
    const api = await t.app.request(
      `/api/claims/${claimA}/status`,
      jsonPost({ status: 'verified', version: before.version }),
    );
    expect(api.status).toBe(401);
    expect(await claimRow(claimA)).toEqual(before);
  });

  it('refuses a viewer with 403, in forms and the API, and changes nothing', async () => {
    const before = (await claimRow(claimA))!;
    const form = await t.app.request(
      `/claims/${claimA}/status`,
      formPost({ status: 'verified', version: String(before.version) }, { ...viewer.cookie, ...HTMX }),
    );
    expect(form.status).toBe(403);
    const api = await t.app.request(
      `/api/conflicts/${linkId}/resolve`,
      jsonPost({ resolution: 'a_holds', version: 1 }, viewer.bearer),
    );
    expect(api.status).toBe(403);
    expect(await claimRow(claimA)).toEqual(before);
    expect(await log('claim', claimA)).toHaveLength(0);
  });
});

describe('reviewing a claim', () => {
  it('returns the box to htmx, stores the status and signs the log with the login, note and evidence', async () => {
    const before = (await claimRow(claimA))!;
    const res = await t.app.request(
      `/claims/${claimA}/status`,
      formPost(
        {
          status: 'verified',
          version: String(before.version),
          note: 'primary source',
          evidence: 'https://example.org/briefing\n\n  https://example.org/transcript  ',
        },
        { ...ana.cookie, ...HTMX },
      ),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith(`<section class="review" id="claim-review-${claimA}"`)).toBe(true);
    expect(html).toMatch(/class="badge status-verified"[^>]*>Verified</);
    expect(html).toContain(`name="version" value="${before.version + 1}"`);
    // The history inside the swapped box: who, what, note, evidence as links.
    const text = visibleText(html);
    expect(text).toMatch(/ana marked verified/);
    expect(text).toContain('primary source');
    expect(html).toContain('href="https://example.org/briefing"');
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT/);
    expect((await claimRow(claimA))!).toMatchObject({ status: 'verified', version: before.version + 1 });
    expect((await log('claim', claimA)).at(-1)).toMatchObject({
      reviewer: 'ana',
      toStatus: 'verified',
      fromStatus: 'unreviewed',
      note: 'primary source',
      evidence: ['https://example.org/briefing', 'https://example.org/transcript'],
    });
  });

  it('redirects a plain form post back with 303', async () => {
    const before = (await claimRow(claimA))!;
    const res = await t.app.request(
      `/claims/${claimA}/status`,
      formPost(
        { status: 'disputed', version: String(before.version), return_to: `/conflicts/${linkId}` },
        ana.cookie,
      ),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/conflicts/${linkId}`);
    expect((await claimRow(claimA))!.status).toBe('disputed');
  });

  it('answers a stale version with 409, the current state and who changed it; nothing changes', async () => {
    const before = (await claimRow(claimA))!;
    const logBefore = await log('claim', claimA);
    const res = await t.app.request(
      `/claims/${claimA}/status`,
      formPost({ status: 'false', version: String(before.version - 1) }, { ...ana.cookie, ...HTMX }),
    );
    expect(res.status).toBe(409);
    const html = await res.text();
    const text = visibleText(html);
    expect(text).toMatch(/Someone else changed this claim meanwhile by ana/);
    expect(html).toMatch(/class="badge status-disputed"/);
    expect(html).toContain(`name="version" value="${before.version}"`);
    expect(await claimRow(claimA)).toEqual(before);
    expect(await log('claim', claimA)).toHaveLength(logBefore.length);

    const plain = await t.app.request(
      `/claims/${claimA}/status`,
      formPost({ status: 'false', version: '1' }, bo.cookie),
    );
    expect(plain.status).toBe(409);
    const api = await t.app.request(
      `/api/claims/${claimA}/status`,
      jsonPost({ status: 'false', version: 1 }, bo.bearer),
    );
    expect(api.status).toBe(409);
    const body = await api.json();
    expect(body.error.current).toMatchObject({ status: before.status, version: before.version });
    expect(body.error.current.changedBy).toMatchObject({ login: 'ana', action: 'mark_disputed' });
    expect(body.error.current.changedBy.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await claimRow(claimA)).toEqual(before);
  });

  it('refuses to let another reviewer override the verdict (403 with a clear message)', async () => {
    const before = (await claimRow(claimA))!;
    const res = await t.app.request(
      `/claims/${claimA}/status`,
      formPost({ status: 'false', version: String(before.version) }, { ...bo.cookie, ...HTMX }),
    );
    expect(res.status).toBe(403);
    expect(visibleText(await res.text())).toMatch(/Only an editor can override a verdict someone else gave/);
    const api = await t.app.request(
      `/api/claims/${claimA}/status`,
      jsonPost({ status: 'false', version: before.version }, bo.bearer),
    );
    expect(api.status).toBe(403);
    expect(await claimRow(claimA)).toEqual(before);
  });

  it('rejects an unknown status, a non-http evidence link and too many links with 422', async () => {
    const before = (await claimRow(claimA))!;
    const post = (fields: Record<string, string>) =>
      t.app.request(
        `/claims/${claimA}/status`,
        formPost({ version: String(before.version), ...fields }, { ...ana.cookie, ...HTMX }),
      );
    const bad = await post({ status: 'hmm' });
    expect(bad.status).toBe(422);
    expect(visibleText(await bad.text())).toMatch(/Choose one of/);
    const js = await post({ status: 'false', evidence: 'javascript:alert(1)' });
    expect(js.status).toBe(422);
    expect(visibleText(await js.text())).toMatch(/http:\/\/ or https:\/\//);
    const many = await post({
      status: 'false',
      evidence: Array.from({ length: 11 }, (_, i) => `https://e.example/${i}`).join('\n'),
    });
    expect(many.status).toBe(422);
    expect(visibleText(await many.text())).toMatch(/Ten evidence links at most/);
    const api = await t.app.request(
      `/api/claims/${claimA}/status`,
      jsonPost({ status: 'false', version: before.version, evidence: ['ftp://x'] }, ana.bearer),
    );
    expect(api.status).toBe(422);
    expect(await claimRow(claimA)).toEqual(before);
  });

  it('refuses a cross-site form post', async () => {
    const before = (await claimRow(claimA))!;
    const res = await t.app.request(
      `/claims/${claimA}/status`,
      formPost(
        { status: 'false', version: String(before.version) },
        { ...ana.cookie, Origin: 'https://evil.example' },
      ),
    );
    expect(res.status).toBe(403);
    expect(await claimRow(claimA)).toEqual(before);
  });

  it('works as JSON too, and ignores a "reviewer" field (the login signs)', async () => {
    const before = (await claimRow(claimA))!;
    const res = await t.app.request(
      `/api/claims/${claimA}/status`,
      jsonPost(
        { status: 'unverifiable', version: before.version, reviewer: 'Mallory', note: 'n' },
        ana.bearer,
      ),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: claimA,
      status: 'unverifiable',
      version: before.version + 1,
    });
    expect((await log('claim', claimA)).at(-1)!.reviewer).toBe('ana');
  });

  it('shows the history on the claim page with who, when, from → to and evidence', async () => {
    const html = await (await t.app.request(`/claims/${claimA}`)).text();
    const text = visibleText(html);
    expect(text).toMatch(/History \(3\)/);
    expect(text).toMatch(/ana marked unverifiable Disputed → Unverifiable/);
    expect(html).toContain('href="https://example.org/transcript"');
  });
});

describe('resolving a conflict', () => {
  it('swaps the box for htmx, logs the action with the note, and shows the history', async () => {
    const link = (await linkRow(linkId))!;
    const res = await t.app.request(
      `/conflicts/${linkId}/resolve`,
      formPost(
        { resolution: 'b_holds', version: String(link.version), note: 'DOD counts members' },
        { ...ana.cookie, ...HTMX },
      ),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/status-b_holds[^>]*>B holds</);
    expect(visibleText(html)).toMatch(/ana resolved: B holds Open → B holds .*DOD counts members/);
    expect((await log('link', linkId)).at(-1)).toMatchObject({
      reviewer: 'ana',
      toStatus: 'b_holds',
      fromStatus: 'open',
      note: 'DOD counts members',
    });
    const queue = await (await t.app.request('/api/conflicts?status=resolved')).json();
    expect(queue.items.map((i: { id: number }) => i.id)).toContain(linkId);
  });

  it('lets only an editor reopen it', async () => {
    const link = (await linkRow(linkId))!;
    const res = await t.app.request(
      `/api/conflicts/${linkId}/resolve`,
      jsonPost({ resolution: 'open', version: link.version }, ana.bearer),
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/Only an editor can reopen/);
    const ed = await signedIn(t.db, 'editor', 'ed');
    const page = await (await t.app.request(`/conflicts/${linkId}`, { headers: ed.cookie })).text();
    expect(page).toMatch(/name="resolution" value="open"[^>]*>Reopen/);
    const ok = await t.app.request(
      `/api/conflicts/${linkId}/resolve`,
      jsonPost({ resolution: 'open', version: link.version, note: 'new evidence' }, ed.bearer),
    );
    expect(ok.status).toBe(200);
    expect((await log('link', linkId)).at(-1)).toMatchObject({ reviewer: 'ed', action: 'reopen' });
  });
});
