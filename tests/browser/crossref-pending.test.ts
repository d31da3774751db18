// An article added while the comparison with the archive runs later (the Worker's queue) in real
// Chromium: the page says it is being compared, htmx asks every 2 s, and once the consumer has run
// the page reloads by itself with the conflicts found.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossReferenceStored } from '../../src/services/crossref-later';
import { skipBrowserTests } from './chromium';
import { browserSession, SCREENSHOTS } from './session';

const cnn = readFileSync('seeds/cnn-austin-kyiv-visit.txt', 'utf8');

describe.skipIf(skipBrowserTests())('a pending cross-reference in Chromium', () => {
  const queued: number[] = [];

  const session = browserSession('pending', {
    accounts: [{ login: 'pat', displayName: 'Pat', role: 'reviewer', password: 'pat-password-1' }],
    server: {
      firstAdmin: false,
      seed: false,
      crossReferenceLater: async (ids) => {
        queued.push(...ids);
      },
    },
    async before({ server }) {
      // The DOD seed only: the CNN report, added below, is the one that conflicts with it.
      const dod = readFileSync('seeds/dod-ukraine-assistance-briefing.txt', 'utf8');
      const { ingestArticle } = await import('../../src/services/ingest');
      await ingestArticle(server.db, {
        outlet: 'U.S. Department of Defense (DOD News)',
        title: 'Briefing',
        text: dod,
      });
    },
  });

  it('says the article is being compared, then shows its conflicts without a manual reload', async () => {
    await session.signIn('pat', 'pat-password-1', '/articles/new');
    await session.page.locator('input[name="outlet"]').fill('CNN');
    await session.page.locator('input[name="title"]').fill('Austin in Kyiv');
    await session.page.locator('textarea[name="text"]').fill(cnn);
    await Promise.all([
      session.page.waitForURL(/\/articles\/\d+\?added=1$/),
      session.page.locator('#article-form button[type="submit"]').click(),
    ]);

    const notice = session.page.locator('p.notice.pending');
    await expect.poll(() => notice.textContent()).toContain('Comparing them with everything stored');
    expect(await session.page.locator('#claim-panel').textContent()).toContain(
      'Not compared with the archive yet.',
    );
    await session.page.waitForFunction(() => 'htmx' in window);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'article-pending.png'), fullPage: false });
    expect(queued).toHaveLength(1);

    // The consumer runs; within one poll the page reloads with what it found.
    await crossReferenceStored(session.server.db, queued[0]!);
    await session.page.waitForFunction(
      () => /conflicts found/.test(document.querySelector('p.notice')?.textContent ?? ''),
      undefined,
      { timeout: 10_000 },
    );
    expect(await session.page.locator('p.notice.pending').count()).toBe(0);
    expect(await session.page.locator('#claim-panel').textContent()).toMatch(/some 50 partners|57 countries/);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'article-compared.png'), fullPage: false });
    expect(session.problems).toEqual([]);
  }, 60_000);
});
