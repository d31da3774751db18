import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../src/services/accounts';
import { signedIn } from '../helpers/auth';
import { settleableConflict } from '../helpers/verdicts';
import { type Chromium, launchChromium, skipBrowserTests } from './chromium';
import { browserSession, failedResponse, SCREENSHOTS, signIn } from './session';

describe.skipIf(skipBrowserTests())('reviewer workflow in Chromium', () => {
  let second: Chromium | undefined;
  let resolvedLinkId = 0;
  let forgedWrite = '';

  const session = browserSession('review', {
    accounts: [
      { login: 'ana', displayName: 'Ana Reviewer', role: 'reviewer', password: 'ana-password-1' },
      { login: 'vic', displayName: 'Vic Viewer', role: 'viewer', password: 'vic-password-1' },
    ],
    server: { firstAdmin: false },
    csp: true,
    // The 409 and the viewer's forged 403 below are expected; every other 4xx/5xx is a problem.
    badResponse: (res) =>
      failedResponse(res) &&
      res.status() !== 409 &&
      !(res.status() === 403 && new URL(res.url()).pathname === forgedWrite),
    screenshots: true,
  });
  afterAll(async () => {
    await second?.close();
  });

  it('signs in, filters, moves with j/k, survives a 409 and resolves the conflict with a note', async () => {
    // Sign in through the real form.
    await session.signIn('ana', 'ana-password-1', '/');
    await session.page.waitForFunction(() => 'htmx' in window);

    // Filter: outlet and a full-text search; htmx swaps the list and pushes the filters into the URL.
    await session.page.locator('select[name="outlet"]').selectOption('CNN');
    await session.page.waitForURL(/outlet=CNN/);
    await session.page.locator('input[name="q"]').fill('partners');
    await session.page.waitForURL(/q=partners/);
    // One entry a fact: the filtered list holds the fact of the 57-vs-50 pairs, once.
    await session.page.waitForFunction(
      () => document.querySelectorAll('#bulk-form > ol.queue > li').length === 1,
    );
    const rowText = await session.page.locator('#bulk-form > ol.queue > li').first().textContent();
    expect(rowText).toContain('57 countries');
    expect(rowText).toContain('some 50 partners');
    await session.page.locator('input[name="q"]').fill('');
    await session.page.waitForURL((u) => !u.search.includes('q=partners'));
    await session.page.waitForFunction(
      () => document.querySelectorAll('#bulk-form > ol.queue > li').length >= 1,
    );

    // Keyboard: j moves down, k back up, ? shows the keys.
    await session.page.locator('h1').click();
    await session.page.keyboard.press('j');
    const firstId = await session.page.locator('li.queue-row.kb-current').getAttribute('id');
    expect(firstId).toMatch(/^(row|fact)-\d+$/);
    const rows = await session.page.locator('li.queue-row').count();
    if (rows > 1) {
      await session.page.keyboard.press('j');
      expect(await session.page.locator('li.queue-row.kb-current').getAttribute('id')).not.toBe(firstId);
      await session.page.keyboard.press('k');
    }
    expect(await session.page.locator('li.queue-row.kb-current').getAttribute('id')).toBe(firstId);
    await session.page.keyboard.press('?');
    expect(await session.page.locator('#kb-help').isVisible()).toBe(true);
    expect(await session.page.locator('#kb-help').textContent()).toContain('j / k');
    await session.page.keyboard.press('Escape');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'queue-filtered.png'), fullPage: true });

    // Open the 57-vs-50 conflict with the keyboard: unfold its fact's pairs, focus the pair, Enter.
    await session.page.locator('li.fact-entry details.fact-pairs summary').first().click();
    const target = session.page
      .locator('li.queue-row:not(.fact-entry)')
      .filter({ hasText: '57 countries' })
      .filter({ hasText: 'some 50 partners' })
      .first();
    const targetId = await target.getAttribute('id');
    while ((await session.page.locator('li.queue-row.kb-current').getAttribute('id')) !== targetId) {
      await session.page.keyboard.press('j');
    }
    await session.page.keyboard.press('Enter');
    await session.page.waitForURL(/\/conflicts\/\d+$/);
    const linkId = Number(new URL(session.page.url()).pathname.split('/').pop());
    await session.page.waitForFunction(() => 'htmx' in window);
    expect(await session.page.locator('.permalink a').textContent()).toBe(
      new URL(`/conflicts/${linkId}`, session.server.url).href,
    );

    // Meanwhile another reviewer acts on the same conflict (assigns it to himself) through the API.
    const bo = await signedIn(session.server.db, 'reviewer', 'bo');
    const seen = Number(await session.page.locator(`#link-review-${linkId}`).getAttribute('data-version'));
    const other = await fetch(new URL(`/api/conflicts/${linkId}/assign`, session.server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bo.bearer },
      body: JSON.stringify({ assignee: 'bo', version: seen, note: 'I will take this one' }),
    });
    expect(other.status).toBe(200);

    // Ana's stale click: 409 in place, with the current state and who changed it.
    const box = session.page.locator(`#link-review-${linkId}`);
    await box.locator('textarea[name="note"]').first().fill('DOD lists 50 partners; CNN rounds up');
    await box.locator('button[name="resolution"][value="a_holds"]').click();
    await session.page.waitForFunction(
      (id) =>
        /changed this conflict meanwhile by bo/.test(
          document.querySelector(`#link-review-${id}`)?.textContent ?? '',
        ),
      linkId,
    );
    expect(await box.textContent()).toMatch(/assigned to bo/);

    // Retry on the fresh version: it lands, and the history shows both actions.
    const fresh = session.page.locator(`#link-review-${linkId}`);
    await fresh.locator('textarea[name="note"]').first().fill('DOD lists 50 partners; CNN rounds up');
    await fresh.locator('textarea[name="evidence"]').first().fill('https://www.defense.gov/News/');
    await fresh.locator('button[name="resolution"][value="a_holds"]').click();
    await session.page.waitForFunction(
      (id) => document.querySelector(`#link-badge-${id}`)?.textContent?.trim() === 'A holds',
      linkId,
    );
    const history = await session.page.locator(`#link-review-${linkId} .history`).textContent();
    expect(history).toContain('Ana Reviewer');
    expect(history).toContain('resolved: A holds');
    expect(history).toContain('DOD lists 50 partners; CNN rounds up');
    expect(history).toContain('assigned to bo');
    expect(history).toContain('I will take this one');
    expect(await session.page.locator(`#link-review-${linkId} .evidence a`).getAttribute('href')).toBe(
      'https://www.defense.gov/News/',
    );
    await session.page.screenshot({
      path: join(SCREENSHOTS, 'conflict-resolved-history.png'),
      fullPage: true,
    });

    // Keyboard on the conflict page: j focuses claim A, v marks it verified (swapped in place).
    await session.page.locator('h1').click();
    await session.page.keyboard.press('j');
    expect(await session.page.locator('article.side-card.kb-current').count()).toBe(1);
    await session.page.keyboard.press('v');
    await session.page.waitForFunction(
      () =>
        document.querySelector('article.side-card [id^="claim-badge-"]')?.textContent?.trim() === 'Verified',
    );

    // Reload: stored, not just swapped.
    await session.page.reload();
    expect((await session.page.locator(`#link-badge-${linkId}`).textContent())?.trim()).toBe('A holds');
    resolvedLinkId = linkId;
    expect(session.problems).toEqual([]);
  }, 90_000);

  it('two reviewers in two browsers click on the same conflict at once: one lands, one 409, nothing lost', async () => {
    await addAccount(session.server.db, {
      login: 'cy',
      displayName: 'Cy Second',
      role: 'reviewer',
      password: 'cy-password-1',
    });
    // A second browser for the second reviewer (its own cookies); the first browser signs in as ana again.
    second = await launchChromium();
    const other = second.context.pages()[0] ?? (await second.context.newPage());
    other.on('pageerror', (error) => session.problems.push(`page error (cy): ${error.message}`));
    const signInAt = async (p: Page, login: string, password: string, next: string) => {
      await signIn(p, session.server.url, login, password, next);
      await p.waitForFunction(() => 'htmx' in window);
    };
    // Another open conflict that either resolution may settle: resolving the 57-vs-50 one above set
    // its claims' verdicts, and a resolution contradicting those would be refused (verdict-rules.ts).
    await session.page.goto(session.server.url);
    const { id, resolutions } = await settleableConflict(session.server.db);
    const [anaSays, cySays] = resolutions;
    const words: Record<string, string> = {
      a_holds: 'A holds',
      b_holds: 'B holds',
      neither: 'Neither holds',
      dismissed: 'Not a real conflict',
    };
    const href = `/conflicts/${id}`;
    await Promise.all([
      session.page.waitForURL(session.server.url),
      session.page.locator('form.signed-in button[type="submit"]').click(),
    ]);
    await signInAt(session.page, 'ana', 'ana-password-1', href!);
    await signInAt(other, 'cy', 'cy-password-1', href!);
    const boxA = session.page.locator(`#link-review-${id}`);
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
    await Promise.all([settled(session.page), settled(other)]);

    const texts = [await boxA.textContent(), await boxC.textContent()];
    const lost = texts.filter((t) => /Someone else changed this conflict meanwhile/.test(t ?? ''));
    expect(lost).toHaveLength(1);
    const [winner, loserPage, loserNote, winnerName, verdict] = /meanwhile/.test(texts[0] ?? '')
      ? (['cy', session.page, 'ana: the Pentagon figure', 'Cy Second', words[cySays]] as const)
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
    const api = await (await fetch(new URL(`/api/conflicts/${id}`, session.server.url))).json();
    const history = api.reviews;
    expect(api.link.status).toBe(winner === 'ana' ? anaSays : cySays);
    expect(Array.isArray(history)).toBe(true);
    expect(history.map((h: { reviewer: string }) => h.reviewer)).toEqual([winner]);
    for (const p of [session.page, other]) {
      await p.reload();
      expect(await p.locator(`#link-review-${id} .history li`).count()).toBe(1);
      expect(await p.locator(`#link-review-${id} .history`).textContent()).not.toContain(loserNote);
    }
    expect(session.problems).toEqual([]);
    await Promise.all([
      session.page.waitForURL(session.server.url),
      session.page.locator('form.signed-in button[type="submit"]').click(),
    ]);
  }, 90_000);

  it('bulk in the queue: a refused action keeps the list, x selects, Assign lands, my queue lists it', async () => {
    // Unassigned conflicts of any status: the ones ana may take.
    await session.signIn('ana', 'ana-password-1', '/?status=all&assignee=none');
    await session.page.waitForFunction(() => 'htmx' in window);
    // The queue's entries: one a fact in disagreement (its pairs folded under it), or a lone pair.
    const ENTRIES = '#bulk-form > ol.queue > li';
    const rowsBefore = await session.page.locator(ENTRIES).count();
    expect(rowsBefore).toBeGreaterThan(0);

    // Nothing selected: the 422 is swapped into the list's place, the list and its form stay usable.
    await session.page.locator('button[data-bulk="dismiss"]').click();
    await session.page.waitForFunction(() =>
      /Select at least one conflict/.test(document.querySelector('#queue-list')?.textContent ?? ''),
    );
    expect(await session.page.locator(ENTRIES).count()).toBe(rowsBefore);

    // Keyboard: j to the first entry, x selects it (a fact's box selects its pairs); then Assign (to
    // me) through the bulk form.
    await session.page.locator('h1').click();
    await session.page.keyboard.press('j');
    await session.page.keyboard.press('x');
    const picked = session.page.locator(`${ENTRIES}.kb-current`);
    const entryId = (await picked.getAttribute('id'))!;
    const selectBox = picked.locator('input.row-select').first();
    expect(await selectBox.isChecked()).toBe(true);
    const pairIds = (await selectBox.getAttribute('value'))!.split(',').map((v) => v.split(':')[0]);
    const id = pairIds[0]!;
    await session.page.locator('#bulk-form select[name="assignee"]').selectOption('me');
    await session.page.locator('button[data-bulk="assign"]').click();
    const n = pairIds.length;
    await session.page.waitForFunction(
      (n) =>
        new RegExp(`${n} of ${n} conflicts? changed`).test(
          document.querySelector('.bulk-report')?.textContent ?? '',
        ),
      n,
    );
    // The list came back with the filters kept: assigned now, the entry left the "unassigned" list.
    expect(await session.page.locator(`#${entryId}`).count()).toBe(0);
    expect(await session.page.locator(ENTRIES).count()).toBe(rowsBefore - 1);
    expect(new URL(session.page.url()).search).toBe('?status=all&assignee=none');

    // My queue: the filter picks it, the URL says so.
    await session.page.locator('form.filters select[name="assignee"]').selectOption('me');
    await session.page.waitForURL(/assignee=me/);
    await session.page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, ENTRIES);
    expect(await session.page.locator(ENTRIES).first().getAttribute('id')).toBe(entryId);
    // Stored: the conflict's history names ana's assignment.
    const api = await (await fetch(new URL(`/api/conflicts/${id}`, session.server.url))).json();
    expect(api.link.assignee).toBe('ana');
    expect(api.reviews[0]).toMatchObject({ reviewer: 'ana', action: 'assign:ana' });
    await session.page.screenshot({ path: join(SCREENSHOTS, 'queue-bulk-assigned.png'), fullPage: true });

    // On the conflict page, "Give back" takes the note typed in the box above it along. (The race
    // above may have left this conflict with cy's verdict, which would leave ana no verdict form:
    // an editor reopens it first.)
    const ed = await signedIn(session.server.db, 'editor');
    const reopen = await fetch(new URL(`/api/conflicts/${id}/resolve`, session.server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...ed.bearer },
      body: JSON.stringify({ resolution: 'open', version: api.link.version }),
    });
    expect(reopen.status).toBe(200);
    if (entryId.startsWith('fact-'))
      await session.page.locator(`#${entryId} details.fact-pairs summary`).click();
    await session.page.locator(`#row-${id} a.row-link`).click();
    await session.page.waitForURL(new RegExp(`/conflicts/${id}$`));
    await session.page.waitForFunction(() => 'htmx' in window);
    const box = session.page.locator(`#link-review-${id}`);
    await box.locator('textarea[name="note"]').first().fill('back to the pool: needs a Ukrainian speaker');
    await box.locator('form.assign button[type="submit"]').click();
    await session.page.waitForFunction(
      (id) => /unassigned/.test(document.querySelector(`#link-review-${id} .assignee`)?.textContent ?? ''),
      id,
    );
    expect(await box.locator('.history').textContent()).toContain(
      'back to the pool: needs a Ukrainian speaker',
    );
    // The one 4xx was the refused empty selection above.
    expect(session.problems).toEqual([expect.stringMatching(/^HTTP 422: .*\/conflicts\/bulk$/)]);
    session.problems.length = 0;
    await Promise.all([
      session.page.waitForURL(session.server.url),
      session.page.locator('form.signed-in button[type="submit"]').click(),
    ]);
  }, 90_000);

  it('a viewer reads the same conflict but has no buttons, and a forged write changes nothing', async () => {
    expect(resolvedLinkId).toBeGreaterThan(0);
    await session.signIn('vic', 'vic-password-1', `/conflicts/${resolvedLinkId}`);
    expect(await session.page.locator('header').textContent()).toContain('Vic Viewer');

    // The verdict and its history are there to read; nothing to click.
    const box = session.page.locator(`#link-review-${resolvedLinkId}`);
    expect((await session.page.locator(`#link-badge-${resolvedLinkId}`).textContent())?.trim()).toBe(
      'A holds',
    );
    expect(await box.locator('.history').textContent()).toContain('Ana Reviewer');
    expect(await session.page.locator('button[name="resolution"], button[name="status"]').count()).toBe(0);
    const historyBefore = await box.locator('.history li').count();
    expect(historyBefore).toBeGreaterThan(0);

    // A same-origin POST built by hand (what a viewer could try from the console) is refused.
    forgedWrite = `/conflicts/${resolvedLinkId}/resolve`;
    const status = await session.page.evaluate(async (path) => {
      const version = document.querySelector('[data-version]')?.getAttribute('data-version') ?? '0';
      const body = new URLSearchParams({ resolution: 'b_holds', version, note: 'viewer override' });
      return (await fetch(path, { method: 'POST', body })).status;
    }, forgedWrite);
    expect(status).toBe(403);

    await session.page.reload();
    expect((await session.page.locator(`#link-badge-${resolvedLinkId}`).textContent())?.trim()).toBe(
      'A holds',
    );
    expect(await session.page.locator(`#link-review-${resolvedLinkId} .history li`).count()).toBe(
      historyBefore,
    );
    expect(await session.page.content()).not.toContain('viewer override');
    expect(session.problems).toEqual([]);
  }, 60_000);
});
