// 4xx answers to htmx forms are swapped in place (htmx 4 swaps 4xx by default), so each must be the
// fragment the form targets: the same element id, the message inside it, and what the reviewer typed
// still there. Nothing is stored by any of them.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConflicts } from '../../db/queries/links';
import { claims, links, reviews } from '../../db/schema';
import { createApp } from '../../src/app';
import { windowRateLimit } from '../../src/middleware/rate-limit/window';
import { createTestApp, formPost, HTMX, jsonPost, type TestApp, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let ana: SignedIn;
let bo: SignedIn;
let linkId: number;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  ana = await signedIn(t.db, 'reviewer', 'ana');
  bo = await signedIn(t.db, 'reviewer', 'bo');
  linkId = (await listConflicts(t.db, { status: 'open' })).items[0]!.id;
});
afterAll(() => t.cleanup());

const reviewCount = async () => (await t.db.select({ n: count() }).from(reviews).get())!.n;
const link = async () => (await t.db.select().from(links).where(eq(links.id, linkId)).get())!;
/** The outer element of a fragment: its tag and id. */
const outer = (html: string) => /^\s*<(\w+)[^>]*\bid="([^"]+)"/.exec(html)?.slice(1, 3);

describe('review forms answer 4xx inside their box', () => {
  it('422: the box comes back with the message and the note and evidence as typed', async () => {
    const before = await reviewCount();
    const { version } = await link();
    const res = await t.app.request(
      `/conflicts/${linkId}/resolve`,
      formPost(
        {
          resolution: 'a_holds',
          version: String(version),
          note: 'DOD lists 50 partners',
          evidence: 'https://www.defense.gov/\njavascript:alert(1)',
        },
        { ...ana.cookie, ...HTMX },
      ),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(outer(html)).toEqual(['section', `link-review-${linkId}`]);
    expect(html).toMatch(/<p class="error" role="alert">The URL must start with http:\/\/ or https:\/\/\./);
    expect(html).toContain('>DOD lists 50 partners</textarea>');
    // Typed text goes back as text: the bad link is there to fix, escaped, never a link.
    expect(html).toContain('https://www.defense.gov/\njavascript:alert(1)</textarea>');
    expect(html).not.toContain('href="javascript:');
    expect(await reviewCount()).toBe(before);
  });

  it('409: the loser keeps the note, sees who won and the current state', async () => {
    const { version } = await link();
    const won = await t.app.request(
      `/api/conflicts/${linkId}/assign`,
      jsonPost({ assignee: 'bo', version }, bo.bearer),
    );
    expect(won.status).toBe(200);
    const before = await reviewCount();
    const res = await t.app.request(
      `/conflicts/${linkId}/resolve`,
      formPost(
        { resolution: 'a_holds', version: String(version), note: 'my careful reasoning' },
        { ...ana.cookie, ...HTMX },
      ),
    );
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(outer(html)).toEqual(['section', `link-review-${linkId}`]);
    expect(visibleText(html)).toMatch(/changed this conflict meanwhile by bo/);
    expect(visibleText(html)).toMatch(/assigned to bo/);
    expect(html).toContain('>my careful reasoning</textarea>');
    expect(html).toContain(`name="version" value="${version + 1}"`);
    expect(await reviewCount()).toBe(before);
  });

  it('413: an oversized review comes back as the box with the message, not a bare error', async () => {
    const before = await reviewCount();
    const { version } = await link();
    const res = await t.app.request(
      `/conflicts/${linkId}/resolve`,
      formPost(
        { resolution: 'a_holds', version: String(version), note: 'x'.repeat(100_000) },
        { ...ana.cookie, ...HTMX },
      ),
    );
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(outer(html)).toEqual(['section', `link-review-${linkId}`]);
    expect(visibleText(html)).toMatch(/The review is too large/);
    expect(html).toContain('class="history"');
    expect(await reviewCount()).toBe(before);
  });

  it('the largest valid review (2,000-character note, ten long links) is not refused as too large', async () => {
    const { version } = await link();
    const evidence = Array.from({ length: 10 }, (_, i) => `https://e.example/${i}/${'p'.repeat(1900)}`);
    const res = await t.app.request(
      `/conflicts/${linkId}/resolve`,
      formPost(
        {
          resolution: 'a_holds',
          version: String(version),
          note: 'é'.repeat(2000),
          evidence: evidence.join('\n'),
        },
        { ...ana.cookie, ...HTMX },
      ),
    );
    expect(res.status).toBe(200);
    expect((await link()).status).toBe('a_holds');
  });
});

describe('the queue answers 4xx in the list', () => {
  it('a bulk action with nothing selected: 422, the list stays with the message above it', async () => {
    const before = await reviewCount();
    const res = await t.app.request(
      '/conflicts/bulk',
      formPost({ action: 'dismiss', return_to: '/?status=all' }, { ...ana.cookie, ...HTMX }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(outer(html)).toEqual(['div', 'queue-list']);
    expect(visibleText(html)).toContain('Select at least one conflict. Nothing was changed.');
    // The filters came back too: status=all still lists the conflict resolved above.
    expect(html).toMatch(new RegExp(`value="(\\d+:\\d+,)*${linkId}:\\d+[",]`));
    expect(html).toContain('id="bulk-form"');
    expect(await reviewCount()).toBe(before);
  });

  it('a bulk "Mark" without a resolution: 422 saying so, in the list', async () => {
    const { version } = await link();
    const res = await t.app.request(
      '/conflicts/bulk',
      formPost({ action: 'resolve', items: `${linkId}:${version}` }, { ...ana.cookie, ...HTMX }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(outer(html)).toEqual(['div', 'queue-list']);
    expect(visibleText(html)).toContain('Choose the resolution to give the selected conflicts.');
  });

  it('a bad filter through htmx: 400 in an element that keeps the list id, so the next filter works', async () => {
    const res = await t.app.request(`/?q=${'x'.repeat(300)}`, { headers: HTMX });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(outer(html)).toEqual(['div', 'queue-list']);
    expect(visibleText(html)).toMatch(/The search is too long/);
    const page = await t.app.request(`/?q=${'x'.repeat(300)}`);
    expect(page.status).toBe(400);
    expect(visibleText(await page.text())).toMatch(/The search is too long/);
  });
});

describe('the review box offers only what the rules allow', () => {
  it('another reviewer sees who gave the verdict instead of buttons that would be refused; its giver and editors see them', async () => {
    // The largest-valid-review test above left the conflict resolved "A holds" by ana.
    expect(await link()).toMatchObject({ status: 'a_holds' });
    const ed = await signedIn(t.db, 'editor');
    const box = async (who: SignedIn) => {
      const html = await (await t.app.request(`/conflicts/${linkId}`, { headers: who.cookie })).text();
      return html.slice(html.indexOf(`id="link-review-${linkId}"`));
    };
    const forBo = await box(bo);
    expect(visibleText(forBo)).toContain('ana (ana) gave this verdict; only an editor can change it.');
    expect(forBo).not.toContain('name="resolution"');
    // What the server would answer bo, had the buttons been there.
    const { version } = await link();
    const refused = await t.app.request(
      `/api/conflicts/${linkId}/resolve`,
      jsonPost({ resolution: 'b_holds', version }, bo.bearer),
    );
    expect(refused.status).toBe(403);
    expect(await box(ana)).toContain('name="resolution" value="b_holds"');
    expect(await box(ed)).toContain('name="resolution" value="b_holds"');
  });
});

describe("failures from outside the form go to the page's #flash box, leaving the form in place", () => {
  it('429 (rate limit) and 403 (cross-site) answer htmx with HX-Retarget #flash and the message', async () => {
    const limited = createApp({
      db: t.db,
      writeLimiter: windowRateLimit({ limit: 1, address: () => 'one-client' }),
    });
    const post = async (app: typeof limited, headers: Record<string, string> = {}) => {
      const { version } = await link();
      return app.request(
        `/conflicts/${linkId}/resolve`,
        formPost(
          { resolution: 'neither', version: String(version), note: 'n' },
          { ...ana.cookie, ...HTMX, ...headers },
        ),
      );
    };
    await post(limited);
    const before = await reviewCount();
    const tooMany = await post(limited);
    expect(tooMany.status).toBe(429);
    expect(tooMany.headers.get('hx-retarget')).toBe('#flash');
    expect(tooMany.headers.get('hx-reswap')).toBe('innerHTML');
    expect(visibleText(await tooMany.text())).toMatch(/Too many changes in a short time/);
    const forged = await post(t.app, { Origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('hx-retarget')).toBe('#flash');
    expect(await reviewCount()).toBe(before);
    // Without htmx it is a whole page, and every page has the box to retarget to.
    const page = await t.app.request(`/conflicts/${linkId}`);
    expect(await page.text()).toContain('<div id="flash" class="flash" aria-live="assertive"></div>');
  });
});

describe('every action takes a note and evidence', () => {
  it('an assignment from the page logs the note and evidence typed in the box; the API takes them too', async () => {
    const carl = await signedIn(t.db, 'reviewer', 'carl');
    const other = (await listConflicts(t.db, { status: 'open' })).items.find(
      (l) => !l.assignee && l.id !== linkId,
    );
    expect(other).toBeDefined();
    const l = other!;
    const html = await (await t.app.request(`/conflicts/${l.id}`, { headers: carl.cookie })).text();
    // The assign form sends the box's textareas along (htmx), so what was typed is not lost.
    expect(html).toContain(`hx-include="#link-review-${l.id} form.verdict textarea"`);
    const res = await t.app.request(
      `/conflicts/${l.id}/assign`,
      formPost(
        { assignee: 'carl', version: String(l.version), note: 'taking it', evidence: 'https://a.example/1' },
        { ...carl.cookie, ...HTMX },
      ),
    );
    expect(res.status).toBe(200);
    const back = await t.app.request(
      `/api/conflicts/${l.id}/assign`,
      jsonPost(
        { assignee: null, version: l.version + 1, note: 'giving back', evidence: ['https://a.example/2'] },
        carl.bearer,
      ),
    );
    expect(back.status).toBe(200);
    const rows = await t.db.select().from(reviews).where(eq(reviews.targetId, l.id)).orderBy(reviews.id);
    const mine = rows.filter((r) => r.targetType === 'link' && r.reviewer === 'carl');
    expect(mine.map((r) => [r.action, r.note, r.evidence])).toEqual([
      ['assign:carl', 'taking it', ['https://a.example/1']],
      ['unassign', 'giving back', ['https://a.example/2']],
    ]);
  });

  it('the approve form and the bulk bar have evidence fields too, and what they send is logged', async () => {
    const second = createApp({ db: t.db, settings: { secondReviewer: true } });
    const dana = await signedIn(t.db, 'reviewer', 'dana');
    const claim = (
      await t.db.select().from(claims).where(eq(claims.status, 'unreviewed')).limit(1).offset(2)
    )[0]!;
    const proposed = await second.request(
      `/api/claims/${claim.id}/status`,
      jsonPost({ status: 'verified', version: claim.version }, ana.bearer),
    );
    expect(proposed.status).toBe(200);
    const page = await (await second.request(`/claims/${claim.id}`, { headers: dana.cookie })).text();
    const decide = page.slice(page.indexOf(`action="/claims/${claim.id}/decide"`));
    expect(decide.slice(0, decide.indexOf('</form>'))).toContain('name="evidence"');
    const approved = await second.request(
      `/claims/${claim.id}/decide`,
      formPost(
        {
          decision: 'approve',
          version: String(claim.version + 1),
          note: 'seen it',
          evidence: 'https://b.example/1',
        },
        { ...dana.cookie, ...HTMX },
      ),
    );
    expect(approved.status).toBe(200);
    const log = await t.db.select().from(reviews).where(eq(reviews.targetId, claim.id)).orderBy(reviews.id);
    expect(log.filter((r) => r.targetType === 'claim').at(-1)).toMatchObject({
      reviewer: 'dana',
      action: 'approve_verified',
      note: 'seen it',
      evidence: ['https://b.example/1'],
    });

    const queue = await (await t.app.request('/', { headers: dana.cookie })).text();
    expect(queue).toMatch(/<input name="evidence" type="url"/);
    const l = (await listConflicts(t.db, { status: 'open' })).items.find((x) => !x.assignee)!;
    const bulk = await t.app.request(
      '/conflicts/bulk',
      formPost(
        {
          items: `${l.id}:${l.version}`,
          action: 'assign',
          assignee: 'me',
          note: 'bulk',
          evidence: 'https://b.example/2',
        },
        { ...dana.cookie, ...HTMX },
      ),
    );
    expect(bulk.status).toBe(200);
    const last = (await t.db.select().from(reviews).orderBy(reviews.id)).at(-1)!;
    expect(last).toMatchObject({
      targetId: l.id,
      reviewer: 'dana',
      note: 'bulk',
      evidence: ['https://b.example/2'],
    });
  });
});
