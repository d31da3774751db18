// A conflict's resolution box on a 390 px phone, clicked through in Chromium: its note, evidence (and an
// editor's override and assignment) fold behind a tap, as a claim's do, so the resolution's buttons sit
// near its top; the fold opens by keyboard as well, and without scripts the folded fields still go with
// the resolution the phone posts. On a wide screen everything is simply there.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipBrowserTests } from './chromium';
import { browserSession, failedResponse, SCREENSHOTS } from './session';

const PHONE = { width: 390, height: 844 };

describe.skipIf(skipBrowserTests())('the resolution box on a phone, in Chromium', () => {
  const session = browserSession('conflict-phone', {
    accounts: [
      { login: 'ana', displayName: 'Ana', role: 'reviewer', password: 'ana-password-1' },
      { login: 'eve', displayName: 'Eve', role: 'editor', password: 'eve-password-1' },
    ],
    server: { firstAdmin: false },
    screenshots: true,
    csp: true,
    badResponse: failedResponse,
    after: (s) => s.signIn('ana', 'ana-password-1', '/conflicts/1'),
  });
  const box = () => session.page.locator('#link-review-1');
  const folded = () => box().locator('details.review-notes');
  /** Where the box's first resolution button is, from the box's top (CSS px). */
  const buttonsDown = () =>
    box().evaluate((el) => {
      const button = el.querySelector('button[name="resolution"]') as HTMLElement;
      return button.getBoundingClientRect().top - el.getBoundingClientRect().top;
    });

  it('folds the note and evidence behind a tap; the buttons come up; a tap or the keyboard opens them', async () => {
    const { page } = session;
    await page.setViewportSize(PHONE);
    await page.goto(session.url('/conflicts/1'));
    await page.waitForFunction(() => 'htmx' in window);
    const note = folded().locator('textarea[name="note"]');
    expect(await note.isVisible()).toBe(false);
    expect(await folded().locator('summary').textContent()).toBe('Note, evidence');
    const closed = await buttonsDown();
    await box().screenshot({ path: join(SCREENSHOTS, 'conflict-resolution-390.png') });

    await folded().locator('summary').click();
    expect(await note.isVisible()).toBe(true);
    const open = await buttonsDown();
    // The two text boxes and their labels are what the fold keeps out of the way.
    expect(open - closed).toBeGreaterThan(120);
    await folded().locator('summary').click();
    expect(await note.isVisible()).toBe(false);

    // By keyboard: the summary takes focus and Enter opens it; Esc then leaves the text box.
    await folded().locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await note.isVisible()).toBe(true);
    await note.fill('DOD lists 50 partners');
    await note.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA');
    expect(session.problems).toEqual([]);
  }, 60_000);

  it('without scripts, the folded note goes with the resolution the phone posts', async () => {
    const page = await session.chromium.context.newPage();
    try {
      await page.setViewportSize(PHONE);
      await page.route(/\.js(\?.*)?$/, (route) => route.abort());
      await page.goto(session.url('/conflicts/1'));
      expect(await page.evaluate(() => 'htmx' in window)).toBe(false);
      const notes = page.locator('#link-review-1 details.review-notes');
      await notes.locator('summary').click();
      await notes.locator('textarea[name="note"]').fill('the DOD figure is the official one');
      await notes.locator('summary').click(); // folded again before posting
      await Promise.all([
        page.waitForURL(/\/conflicts\/1(\?.*)?$/),
        page.locator('#link-review-1 button[name="resolution"][value="b_holds"]').click(),
      ]);
      expect((await page.locator('#link-badge-1').textContent())?.trim()).toBe('B holds');
      const history = page.locator('#link-review-1 .history-box');
      await history.locator('summary').click();
      expect(await history.textContent()).toContain('the DOD figure is the official one');
    } finally {
      await page.close();
    }
  }, 60_000);

  it('an editor’s override and assignment fold too; at 1440 px nothing is folded', async () => {
    const { page } = session;
    await session.signIn('eve', 'eve-password-1', '/conflicts/1');
    await page.setViewportSize(PHONE);
    await page.reload();
    expect(await folded().locator('summary').textContent()).toBe('Note, evidence, override');
    expect(await folded().locator('input[name="override"]').isVisible()).toBe(false);
    const assign = box().locator('details.assign-fold');
    expect(await assign.locator('input[name="assignee"]').isVisible()).toBe(false);
    await assign.locator('summary').click();
    expect(await assign.locator('input[name="assignee"]').isVisible()).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.reload();
    expect(await folded().locator('summary').isVisible()).toBe(false);
    expect(await folded().locator('textarea[name="note"]').isVisible()).toBe(true);
    expect(await folded().locator('input[name="override"]').isVisible()).toBe(true);
    expect(await assign.locator('input[name="assignee"]').isVisible()).toBe(true);
    expect(session.problems).toEqual([]);
  }, 60_000);
});
