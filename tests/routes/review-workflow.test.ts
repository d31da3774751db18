// Concurrency, the second-reviewer rule, assignment and bulk actions, through the front door.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConflicts } from '../../db/queries/links';
import { claims, links, reviews } from '../../db/schema';
import { createTestApp, formPost, HTMX, jsonPost, type TestApp, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

const linkRow = (t: TestApp, id: number) => t.db.select().from(links).where(eq(links.id, id)).get();
const log = (t: TestApp, type: 'claim' | 'link', id: number) =>
  t.db
    .select()
    .from(reviews)
    .where(and(eq(reviews.targetType, type), eq(reviews.targetId, id)))
    .orderBy(reviews.id);

describe('two reviewers acting on the same conflict at once', () => {
  let t: TestApp;
  let ana: SignedIn;
  let bo: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    ana = await signedIn(t.db, 'reviewer', 'ana');
    bo = await signedIn(t.db, 'reviewer', 'bo');
  });
  afterAll(() => t.cleanup());

  it('end with exactly one 200 and one 409, one audit row, and the loser told who won', async () => {
    for (let round = 0; round < 3; round++) {
      const { items } = await listConflicts(t.db, { status: 'open' });
      const l = items[0]!;
      const [ra, rb] = await Promise.all([
        t.app.request(
          `/conflicts/${l.id}/resolve`,
          formPost(
            { resolution: 'a_holds', version: String(l.version), note: 'ana' },
            { ...ana.cookie, ...HTMX },
          ),
        ),
        t.app.request(
          `/api/conflicts/${l.id}/resolve`,
          jsonPost({ resolution: 'b_holds', version: l.version, note: 'bo' }, bo.bearer),
        ),
      ]);
      expect([ra.status, rb.status].sort()).toEqual([200, 409]);
      const rows = await log(t, 'link', l.id);
      // One new row per round: the winner's (earlier rounds left theirs and the editor's reopen).
      expect(rows).toHaveLength(round * 2 + 1);
      const winner = rows.at(-1)!;
      const after = (await linkRow(t, l.id))!;
      expect(after).toMatchObject({ status: winner.toStatus, version: l.version + 1 });
      const loser = ra.status === 409 ? visibleText(await ra.text()) : JSON.stringify(await rb.json());
      expect(loser).toContain(winner.reviewer);
      // Reopen for the next round (an editor's job).
      const ed = await signedIn(t.db, 'editor');
      const reopened = await t.app.request(
        `/api/conflicts/${l.id}/resolve`,
        jsonPost({ resolution: 'open', version: after.version }, ed.bearer),
      );
      expect(reopened.status).toBe(200);
    }
  });
});

describe('second-reviewer rule (SECOND_REVIEWER on)', () => {
  let t: TestApp;
  let ana: SignedIn;
  let bo: SignedIn;
  let claimId: number;
  beforeAll(async () => {
    t = await createTestApp({ seed: true, settings: { secondReviewer: true } });
    ana = await signedIn(t.db, 'reviewer', 'ana');
    bo = await signedIn(t.db, 'reviewer', 'bo');
    claimId = (await t.db.select().from(claims).limit(1))[0]!.id;
  });
  afterAll(() => t.cleanup());
  const claim = () => t.db.select().from(claims).where(eq(claims.id, claimId)).get();

  it('turns a verdict into a proposal the proposer cannot approve and another reviewer can', async () => {
    const c = (await claim())!;
    const proposed = await t.app.request(
      `/claims/${claimId}/status`,
      formPost(
        { status: 'false', version: String(c.version), note: 'wrong figure' },
        { ...ana.cookie, ...HTMX },
      ),
    );
    expect(proposed.status).toBe(200);
    const html = await proposed.text();
    expect(visibleText(html)).toMatch(/Proposed: False by ana/);
    expect(html).toMatch(/class="badge status-unreviewed"/);
    expect(html).not.toContain('value="approve"');
    expect((await claim())!).toMatchObject({
      status: 'unreviewed',
      proposedStatus: 'false',
      proposedBy: 'ana',
    });

    const v = c.version + 1;
    const self = await t.app.request(
      `/api/claims/${claimId}/decide`,
      jsonPost({ decision: 'approve', version: v }, ana.bearer),
    );
    expect(self.status).toBe(403);
    expect((await self.json()).error.message).toMatch(/another reviewer has to approve/);

    const boView = await (await t.app.request(`/claims/${claimId}`, { headers: bo.cookie })).text();
    expect(boView).toContain('value="approve"');
    const approved = await t.app.request(
      `/claims/${claimId}/decide`,
      formPost({ decision: 'approve', version: String(v) }, { ...bo.cookie, ...HTMX }),
    );
    expect(approved.status).toBe(200);
    expect(await approved.text()).toMatch(/class="badge status-false"/);
    expect((await claim())!).toMatchObject({ status: 'false', proposedStatus: null, version: v + 1 });
    expect((await log(t, 'claim', claimId)).map((r) => [r.reviewer, r.action])).toEqual([
      ['ana', 'propose_false'],
      ['bo', 'approve_false'],
    ]);
  });
});

describe('assignment, my queue and bulk actions', () => {
  let t: TestApp;
  let ana: SignedIn;
  let ed: SignedIn;
  let ids: number[];
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    ana = await signedIn(t.db, 'reviewer', 'ana');
    ed = await signedIn(t.db, 'editor', 'ed');
    ids = (await listConflicts(t.db, { status: 'all' })).items.map((l) => l.id);
  });
  afterAll(() => t.cleanup());

  it('lets a reviewer take a conflict, which then shows in "my queue"', async () => {
    const l = (await linkRow(t, ids[0]!))!;
    const res = await t.app.request(
      `/conflicts/${l.id}/assign`,
      formPost({ assignee: 'ana', version: String(l.version) }, { ...ana.cookie, ...HTMX }),
    );
    expect(res.status).toBe(200);
    expect(visibleText(await res.text())).toMatch(/assigned to ana/);
    const mine = await t.app.request('/?assignee=me', { headers: { ...ana.cookie, ...HTMX } });
    const html = await mine.text();
    // Its fact's row (whose box selects it) is the one row of ana's queue.
    expect(html).toMatch(new RegExp(`value="(\\d+:\\d+,)*${l.id}:\\d+[",]`));
    expect(visibleText(html)).toMatch(/Showing 1–1 of 1 disagreement/);
    const edQueue = await (
      await t.app.request('/?assignee=me', { headers: { ...ed.cookie, ...HTMX } })
    ).text();
    expect(visibleText(edQueue)).toContain('No conflicts match.');
    const anon = await (await t.app.request('/?assignee=me', { headers: HTMX })).text();
    expect(visibleText(anon)).toContain('Sign in to see your queue.');
  });

  it('bulk: reports per item which landed and which were stale, and overwrites nothing', async () => {
    const rows = await Promise.all(ids.map((id) => linkRow(t, id)));
    const fresh = rows[1]!;
    const stale = rows[0]!;
    const body = new URLSearchParams({ action: 'dismiss', note: 'bulk', return_to: '/?status=all' });
    body.append('items', `${fresh.id}:${fresh.version}`);
    body.append('items', `${stale.id}:${stale.version - 1}`);
    const res = await t.app.request('/conflicts/bulk', {
      method: 'POST',
      body,
      headers: { Origin: 'http://localhost', ...ana.cookie, ...HTMX },
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html.startsWith('<div id="queue-list"')).toBe(true);
    const text = visibleText(html);
    expect(text).toMatch(new RegExp(`1 of 2 conflicts changed: #${fresh.id}`));
    expect(text).toMatch(new RegExp(`#${stale.id} — Someone else changed this conflict meanwhile by ana`));
    expect((await linkRow(t, fresh.id))!).toMatchObject({ status: 'dismissed', version: fresh.version + 1 });
    expect(await linkRow(t, stale.id)).toEqual(stale);
    expect((await log(t, 'link', fresh.id)).at(-1)).toMatchObject({
      action: 'resolve_dismissed',
      note: 'bulk',
    });
  });

  it('bulk as JSON: editors assign to anyone; a mark needs a resolution', async () => {
    const rows = await Promise.all(ids.map((id) => linkRow(t, id)));
    const items = rows.map((r) => ({ id: r!.id, version: r!.version }));
    const noResolution = await t.app.request(
      '/api/conflicts/bulk',
      jsonPost({ action: 'resolve', items }, ed.bearer),
    );
    expect(noResolution.status).toBe(422);
    const res = await t.app.request(
      '/api/conflicts/bulk',
      jsonPost({ action: 'assign', assignee: 'ed', items }, ed.bearer),
    );
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const byReviewer = await t.app.request(
      '/api/conflicts/bulk',
      jsonPost(
        {
          action: 'assign',
          assignee: 'me',
          items: body.results.map((r: { id: number; version: number }) => ({ id: r.id, version: r.version })),
        },
        ana.bearer,
      ),
    );
    expect(byReviewer.status).toBe(409);
    const refused = (await byReviewer.json()).results;
    expect(refused.every((r: { ok: boolean; reason: string }) => !r.ok && r.reason === 'forbidden')).toBe(
      true,
    );
  });

  it('shows checkboxes and the bulk form to reviewers only', async () => {
    const asAna = await (await t.app.request('/?status=all', { headers: ana.cookie })).text();
    // A fact's box selects its pairs: "id:version,id:version".
    expect(asAna).toMatch(
      /<input type="checkbox" class="row-select" name="items" value="\d+:\d+(,\d+:\d+)*"/,
    );
    expect(asAna).toContain('action="/conflicts/bulk"');
    const anon = await (await t.app.request('/?status=all')).text();
    expect(anon).not.toContain('class="row-select"');
    const res = await t.app.request('/conflicts/bulk', formPost({ action: 'dismiss', items: `${ids[0]}:1` }));
    expect(res.status).toBe(303);
  });
});
