// The reviewer's journey in real Chromium against the real Node server: sign in, filter the queue (URL
// kept), move with j/k, open the 57-vs-50 conflict, meet a 409 when another reviewer acted first (it says
// who), resolve it with a note, and read the history — nothing lost, no CSP violation, no console error.
// Then a viewer reads the same conflict, finds nothing to click, and a hand-built POST is refused.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/node';
import { addAccount } from '../../src/services/accounts';
import { signedIn } from '../helpers/auth';
import { settleableConflict } from '../helpers/verdicts';
import { type Chromium, launchChromium, skipBrowserTests } from './chromium';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

describe.skipIf(skipBrowserTests())('reviewer workflow in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-review-'));
  let server: RunningServer;
  let chromium: Chromium;
  let second: Chromium | undefined;
  let page: Page;
  const problems: string[] = [];
  let resolvedLinkId = 0;
  let forgedWrite = '';

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer({ port: 0, databaseUrl: `file:${join(dir, 'review.db')}`, firstAdmin: false });
    await addAccount(server.db, {
      login: 'ana',
      displayName: 'Ana Reviewer',
      role: 'reviewer',
      password: 'ana-password-1',
    });
    await addAccount(server.db, {
      login: 'vic',
      displayName: 'Vic Viewer',
      role: 'viewer',
      password: 'vic-password-1',
    });
    chromium = await launchChromium();
    await chromium.context.exposeBinding('__reportCsp', (_source, violation: string) => {
      problems.push(`CSP: ${violation}`);
    });
    await chromium.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp;
        report(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
        problems.push(`console: ${msg.text()}`);
      }
    });
    page.on('response', (res) => {
      // The 409 and the viewer's forged 403 below are expected; every other 4xx/5xx is a problem.
      const path = new URL(res.url()).pathname;
      const expected = res.status() === 409 || (res.status() === 403 && path === forgedWrite);
      if (res.status() >= 400 && path !== '/favicon.ico' && !expected) {
        problems.push(`HTTP ${res.status()}: ${res.url()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await second?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in, filters, moves with j/k, survives a 409 and resolves the conflict with a note', async () => {
    // Sign in through the real form.
    await page.goto(new URL('/signin?next=%2F', server.url).href);
    await page.locator('input[name="login"]').fill('ana');
    await page.locator('input[name="password"]').fill('ana-password-1');
    await page.locator('form.signin button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.waitForFunction(() => 'htmx' in window);

    // Filter: outlet and a full-text search; htmx swaps the list and pushes the filters into the URL.
    await page.locator('select[name="outlet"]').selectOption('CNN');
    await page.waitForURL(/outlet=CNN/);
    await page.locator('input[name="q"]').fill('partners');
    await page.waitForURL(/q=partners/);
    // One entry a fact: the filtered list holds the fact of the 57-vs-50 pairs, once.
    await page.waitForFunction(() => document.querySelectorAll('#bulk-form > ol.queue > li').length === 1);
    const rowText = await page.locator('#bulk-form > ol.queue > li').first().textContent();
    expect(rowText).toContain('57 countries');
    expect(rowText).toContain('some 50 partners');
    await page.locator('input[name="q"]').fill('');
    await page.waitForURL((u) => !u.search.includes('q=partners'));
    await page.waitForFunction(() => document.querySelectorAll('#bulk-form > ol.queue > li').length >= 1);

    // Keyboard: j moves down, k back up, ? shows the keys.
    await page.locator('h1').click();
    await page.keyboard.press('j');
    const firstId = await page.locator('li.queue-row.kb-current').getAttribute('id');
    expect(firstId).toMatch(/^(row|fact)-\d+$/);
    const rows = await page.locator('li.queue-row').count();
    if (rows > 1) {
      await page.keyboard.press('j');
      expect(await page.locator('li.queue-row.kb-current').getAttribute('id')).not.toBe(firstId);
      await page.keyboard.press('k');
    }
    expect(await page.locator('li.queue-row.kb-current').getAttribute('id')).toBe(firstId);
    await page.keyboard.press('?');
    expect(await page.locator('#kb-help').isVisible()).toBe(true);
    expect(await page.locator('#kb-help').textContent()).toContain('j / k');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(SCREENSHOTS, 'queue-filtered.png'), fullPage: true });

    // Open the 57-vs-50 conflict with the keyboard: unfold its fact's pairs, focus the pair, Enter.
    await page.locator('li.fact-entry details.fact-pairs summary').first().click();
    const target = page
      .locator('li.queue-row:not(.fact-entry)')
      .filter({ hasText: '57 countries' })
      .filter({ hasText: 'some 50 partners' })
      .first();
    const targetId = await target.getAttribute('id');
    while ((await page.locator('li.queue-row.kb-current').getAttribute('id')) !== targetId) {
      await page.keyboard.press('j');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/conflicts\/\d+$/);
    const linkId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.waitForFunction(() => 'htmx' in window);
    expect(await page.locator('.permalink a').textContent()).toBe(
      new URL(`/conflicts/${linkId}`, server.url).href,
    );

    // Meanwhile another reviewer acts on the same conflict (assigns it to himself) through the API.
    const bo = await signedIn(server.db, 'reviewer', 'bo');
    const seen = Number(await page.locator(`#link-review-${linkId}`).getAttribute('data-version'));
    const other = await fetch(new URL(`/api/conflicts/${linkId}/assign`, server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bo.bearer },
      body: JSON.stringify({ assignee: 'bo', version: seen, note: 'I will take this one' }),
    });
    expect(other.status).toBe(200);

    // Ana's stale click: 409 in place, with the current state and who changed it.
    const box = page.locator(`#link-review-${linkId}`);
    await box.locator('textarea[name="note"]').first().fill('DOD lists 50 partners; CNN rounds up');
    await box.locator('button[name="resolution"][value="a_holds"]').click();
    await page.waitForFunction(
      (id) =>
        /changed this conflict meanwhile by bo/.test(
          document.querySelector(`#link-review-${id}`)?.textContent ?? '',
        ),
      linkId,
    );
    expect(await box.textContent()).toMatch(/assigned to bo/);

    // Retry on the fresh version: it lands, and the history shows both actions.
    const fresh = page.locator(`#link-review-${linkId}`);
    await fresh.locator('textarea[name="note"]').first().fill('DOD lists 50 partners; CNN rounds up');
    await fresh.locator('textarea[name="evidence"]').first().fill('https://www.defense.gov/News/');
    await fresh.locator('button[name="resolution"][value="a_holds"]').click();
    await page.waitForFunction(
      (id) => document.querySelector(`#link-badge-${id}`)?.textContent?.trim() === 'A holds',
      linkId,
    );
    const history = await page.locator(`#link-review-${linkId} .history`).textContent();
    expect(history).toContain('Ana Reviewer');
    expect(history).toContain('resolved: A holds');
    expect(history).toContain('DOD lists 50 partners; CNN rounds up');
    expect(history).toContain('assigned to bo');
    expect(history).toContain('I will take this one');
    expect(await page.locator(`#link-review-${linkId} .evidence a`).getAttribute('href')).toBe(
      'https://www.defense.gov/News/',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'conflict-resolved-history.png'), fullPage: true });

    // Keyboard on the conflict page: j focuses claim A, v marks it verified (swapped in place).
    await page.locator('h1').click();
    await page.keyboard.press('j');
    expect(await page.locator('article.side-card.kb-current').count()).toBe(1);
    await page.keyboard.press('v');
    await page.waitForFunction(
      () =>
        document.querySelector('article.side-card [id^="claim-badge-"]')?.textContent?.trim() === 'Verified',
    );

    // Reload: stored, not just swapped.
    await page.reload();
    expect((await page.locator(`#link-badge-${linkId}`).textContent())?.trim()).toBe('A holds');
    resolvedLinkId = linkId;
    expect(problems).toEqual([]);
  }, 90_000);

  it('two reviewers in two browsers click on the same conflict at once: one lands, one 409, nothing lost', async () => {
    await addAccount(server.db, {
      login: 'cy',
      displayName: 'Cy Second',
      role: 'reviewer',
      password: 'cy-password-1',
    });
    // A second browser for the second reviewer (its own cookies); the first browser signs in as ana again.
    second = await launchChromium();
    const other = second.context.pages()[0] ?? (await second.context.newPage());
    other.on('pageerror', (error) => problems.push(`page error (cy): ${error.message}`));
    const signIn = async (p: Page, login: string, password: string, next: string) => {
      await p.goto(new URL(`/signin?next=${encodeURIComponent(next)}`, server.url).href);
      await p.locator('input[name="login"]').fill(login);
      await p.locator('input[name="password"]').fill(password);
      await p.locator('form.signin button[type="submit"]').click();
      await p.waitForURL((u) => u.pathname === next);
      await p.waitForFunction(() => 'htmx' in window);
    };
    // Another open conflict that either resolution may settle: resolving the 57-vs-50 one above set
    // its claims' verdicts, and a resolution contradicting those would be refused (verdict-rules.ts).
    await page.goto(server.url);
    const { id, resolutions } = await settleableConflict(server.db);
    const [anaSays, cySays] = resolutions;
    const words: Record<string, string> = {
      a_holds: 'A holds',
      b_holds: 'B holds',
      neither: 'Neither holds',
      dismissed: 'Not a real conflict',
    };
    const href = `/conflicts/${id}`;
    await Promise.all([
      page.waitForURL(server.url),
      page.locator('form.signed-in button[type="submit"]').click(),
    ]);
    await signIn(page, 'ana', 'ana-password-1', href!);
    await signIn(other, 'cy', 'cy-password-1', href!);
    const boxA = page.locator(`#link-review-${id}`);
    const boxC = other.locator(`#link-review-${id}`);
    const version = await boxA.getAttribute('data-version');
    expect(await boxC.getAttribute('data-version')).toBe(version);

    await boxA.locator('textarea[name="note"]').first().fill('ana: the Pentagon figure');
    await boxC.locator('textarea[name="note"]').first().fill('cy: neither source is sourced');
    // Both clicks at once, each answered in place by htmx.
    await Promise.all([
      boxA.locator(`button[name="resolution"][value="${anaSays}"]`).click(),
      boxC.locator(`button[name="resolution"][value="${cySays}"]`).click(),
    ]);
    const settled = (p: Page) =>
      p.waitForFunction(
        ({ id, version }) => {
          const box = document.querySelector(`#link-review-${id}`);
          return (
            !!box && (box.getAttribute('data-version') !== version || /meanwhile/.test(box.textContent ?? ''))
          );
        },
        { id, version },
      );
    await Promise.all([settled(page), settled(other)]);

    const texts = [await boxA.textContent(), await boxC.textContent()];
    const lost = texts.filter((t) => /Someone else changed this conflict meanwhile/.test(t ?? ''));
    expect(lost).toHaveLength(1);
    const [winner, loserPage, loserNote, winnerName, verdict] = /meanwhile/.test(texts[0] ?? '')
      ? (['cy', page, 'ana: the Pentagon figure', 'Cy Second', words[cySays]] as const)
      : (['ana', other, 'cy: neither source is sourced', 'Ana Reviewer', words[anaSays]] as const);
    // The loser is told who acted, sees the verdict that stands, and still has their note to reuse.
    const loserBox = loserPage.locator(`#link-review-${id}`);
    expect(await loserBox.textContent()).toContain(`by ${winnerName}`);
    expect((await loserPage.locator(`#link-badge-${id}`).textContent())?.trim()).toBe(verdict);
    // The verdict is now someone else's, so the loser gets no buttons (only an editor may override),
    // but what they typed is still there to copy.
    expect(await loserBox.textContent()).toContain(`${winnerName} (${winner}) gave this verdict`);
    expect(await loserBox.locator('button[name="resolution"]').count()).toBe(0);
    expect(await loserBox.locator('textarea.unsaved-note').inputValue()).toBe(loserNote);
    await loserPage.screenshot({ path: join(SCREENSHOTS, 'conflict-409.png'), fullPage: true });

    // Stored: one verdict, one history entry, by the winner; nothing of the loser's.
    const api = await (await fetch(new URL(`/api/conflicts/${id}`, server.url))).json();
    const history = api.reviews;
    expect(api.link.status).toBe(winner === 'ana' ? anaSays : cySays);
    expect(Array.isArray(history)).toBe(true);
    expect(history.map((h: { reviewer: string }) => h.reviewer)).toEqual([winner]);
    for (const p of [page, other]) {
      await p.reload();
      expect(await p.locator(`#link-review-${id} .history li`).count()).toBe(1);
      expect(await p.locator(`#link-review-${id} .history`).textContent()).not.toContain(loserNote);
    }
    expect(problems).toEqual([]);
    await Promise.all([
      page.waitForURL(server.url),
      page.locator('form.signed-in button[type="submit"]').click(),
    ]);
  }, 90_000);

  it('bulk in the queue: a refused action keeps the list, x selects, Assign lands, my queue lists it', async () => {
    // Unassigned conflicts of any status: the ones ana may take.
    await page.goto(new URL('/signin?next=%2F%3Fstatus%3Dall%26assignee%3Dnone', server.url).href);
    await page.locator('input[name="login"]').fill('ana');
    await page.locator('input[name="password"]').fill('ana-password-1');
    await Promise.all([
      page.waitForURL((u) => u.search === '?status=all&assignee=none'),
      page.locator('form.signin button[type="submit"]').click(),
    ]);
    await page.waitForFunction(() => 'htmx' in window);
    // The queue's entries: one a fact in disagreement (its pairs folded under it), or a lone pair.
    const ENTRIES = '#bulk-form > ol.queue > li';
    const rowsBefore = await page.locator(ENTRIES).count();
    expect(rowsBefore).toBeGreaterThan(0);

    // Nothing selected: the 422 is swapped into the list's place, the list and its form stay usable.
    await page.locator('button[data-bulk="dismiss"]').click();
    await page.waitForFunction(() =>
      /Select at least one conflict/.test(document.querySelector('#queue-list')?.textContent ?? ''),
    );
    expect(await page.locator(ENTRIES).count()).toBe(rowsBefore);

    // Keyboard: j to the first entry, x selects it (a fact's box selects its pairs); then Assign (to
    // me) through the bulk form.
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    const picked = page.locator(`${ENTRIES}.kb-current`);
    const entryId = (await picked.getAttribute('id'))!;
    const selectBox = picked.locator('input.row-select').first();
    expect(await selectBox.isChecked()).toBe(true);
    const pairIds = (await selectBox.getAttribute('value'))!.split(',').map((v) => v.split(':')[0]);
    const id = pairIds[0]!;
    await page.locator('#bulk-form select[name="assignee"]').selectOption('me');
    await page.locator('button[data-bulk="assign"]').click();
    const n = pairIds.length;
    await page.waitForFunction(
      (n) =>
        new RegExp(`${n} of ${n} conflicts? changed`).test(
          document.querySelector('.bulk-report')?.textContent ?? '',
        ),
      n,
    );
    // The list came back with the filters kept: assigned now, the entry left the "unassigned" list.
    expect(await page.locator(`#${entryId}`).count()).toBe(0);
    expect(await page.locator(ENTRIES).count()).toBe(rowsBefore - 1);
    expect(new URL(page.url()).search).toBe('?status=all&assignee=none');

    // My queue: the filter picks it, the URL says so.
    await page.locator('form.filters select[name="assignee"]').selectOption('me');
    await page.waitForURL(/assignee=me/);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, ENTRIES);
    expect(await page.locator(ENTRIES).first().getAttribute('id')).toBe(entryId);
    // Stored: the conflict's history names ana's assignment.
    const api = await (await fetch(new URL(`/api/conflicts/${id}`, server.url))).json();
    expect(api.link.assignee).toBe('ana');
    expect(api.reviews[0]).toMatchObject({ reviewer: 'ana', action: 'assign:ana' });
    await page.screenshot({ path: join(SCREENSHOTS, 'queue-bulk-assigned.png'), fullPage: true });

    // On the conflict page, "Give back" takes the note typed in the box above it along. (The race
    // above may have left this conflict with cy's verdict, which would leave ana no verdict form:
    // an editor reopens it first.)
    const ed = await signedIn(server.db, 'editor');
    const reopen = await fetch(new URL(`/api/conflicts/${id}/resolve`, server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...ed.bearer },
      body: JSON.stringify({ resolution: 'open', version: api.link.version }),
    });
    expect(reopen.status).toBe(200);
    if (entryId.startsWith('fact-')) await page.locator(`#${entryId} details.fact-pairs summary`).click();
    await page.locator(`#row-${id} a.row-link`).click();
    await page.waitForURL(new RegExp(`/conflicts/${id}$`));
    await page.waitForFunction(() => 'htmx' in window);
    const box = page.locator(`#link-review-${id}`);
    await box.locator('textarea[name="note"]').first().fill('back to the pool: needs a Ukrainian speaker');
    await box.locator('form.assign button[type="submit"]').click();
    await page.waitForFunction(
      (id) => /unassigned/.test(document.querySelector(`#link-review-${id} .assignee`)?.textContent ?? ''),
      id,
    );
    expect(await box.locator('.history').textContent()).toContain(
      'back to the pool: needs a Ukrainian speaker',
    );
    // The one 4xx was the refused empty selection above.
    expect(problems).toEqual([expect.stringMatching(/^HTTP 422: .*\/conflicts\/bulk$/)]);
    problems.length = 0;
    await Promise.all([
      page.waitForURL(server.url),
      page.locator('form.signed-in button[type="submit"]').click(),
    ]);
  }, 90_000);

  it('a viewer reads the same conflict but has no buttons, and a forged write changes nothing', async () => {
    expect(resolvedLinkId).toBeGreaterThan(0);
    await page.goto(new URL(`/signin?next=%2Fconflicts%2F${resolvedLinkId}`, server.url).href);
    await page.locator('input[name="login"]').fill('vic');
    await page.locator('input[name="password"]').fill('vic-password-1');
    await page.locator('form.signin button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === `/conflicts/${resolvedLinkId}`);
    expect(await page.locator('header').textContent()).toContain('Vic Viewer');

    // The verdict and its history are there to read; nothing to click.
    const box = page.locator(`#link-review-${resolvedLinkId}`);
    expect((await page.locator(`#link-badge-${resolvedLinkId}`).textContent())?.trim()).toBe('A holds');
    expect(await box.locator('.history').textContent()).toContain('Ana Reviewer');
    expect(await page.locator('button[name="resolution"], button[name="status"]').count()).toBe(0);
    const historyBefore = await box.locator('.history li').count();
    expect(historyBefore).toBeGreaterThan(0);

    // A same-origin POST built by hand (what a viewer could try from the console) is refused.
    forgedWrite = `/conflicts/${resolvedLinkId}/resolve`;
    const status = await page.evaluate(async (path) => {
      const version = document.querySelector('[data-version]')?.getAttribute('data-version') ?? '0';
      const body = new URLSearchParams({ resolution: 'b_holds', version, note: 'viewer override' });
      return (await fetch(path, { method: 'POST', body })).status;
    }, forgedWrite);
    expect(status).toBe(403);

    await page.reload();
    expect((await page.locator(`#link-badge-${resolvedLinkId}`).textContent())?.trim()).toBe('A holds');
    expect(await page.locator(`#link-review-${resolvedLinkId} .history li`).count()).toBe(historyBefore);
    expect(await page.content()).not.toContain('viewer override');
    expect(problems).toEqual([]);
  }, 60_000);
});
