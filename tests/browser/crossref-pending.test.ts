// An article added while the comparison with the archive runs later (the Worker's queue) in real
// Chromium: the page says it is being compared, htmx asks every 2 s, and once the consumer has run
// the page reloads by itself with the conflicts found.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/node';
import { addAccount } from '../../src/services/accounts';
import { crossReferenceStored } from '../../src/services/crossref-later';
import { type Chromium, firstPage, launchChromium, skipBrowserTests } from './chromium';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const cnn = readFileSync('seeds/cnn-austin-kyiv-visit.txt', 'utf8');

describe.skipIf(skipBrowserTests())('a pending cross-reference in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-pending-'));
  let server: RunningServer;
  let chromium: Chromium;
  let page: Page;
  const queued: number[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    // The DOD seed only: the CNN report, added below, is the one that conflicts with it.
    server = await startServer({
      port: 0,
      databaseUrl: `file:${join(dir, 'p.db')}`,
      firstAdmin: false,
      seed: false,
      crossReferenceLater: async (ids) => {
        queued.push(...ids);
      },
    });
    const dod = readFileSync('seeds/dod-ukraine-assistance-briefing.txt', 'utf8');
    const { ingestArticle } = await import('../../src/services/ingest');
    await ingestArticle(server.db, {
      outlet: 'U.S. Department of Defense (DOD News)',
      title: 'Briefing',
      text: dod,
    });
    await addAccount(server.db, {
      login: 'pat',
      displayName: 'Pat',
      role: 'reviewer',
      password: 'pat-password-1',
    });
    chromium = await launchChromium();
    page = await firstPage(chromium, problems);
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says the article is being compared, then shows its conflicts without a manual reload', async () => {
    await page.goto(new URL('/signin?next=%2Farticles%2Fnew', server.url).href);
    await page.locator('input[name="login"]').fill('pat');
    await page.locator('input[name="password"]').fill('pat-password-1');
    await Promise.all([
      page.waitForURL(/\/articles\/new$/),
      page.locator('form.signin button[type="submit"]').click(),
    ]);
    await page.locator('input[name="outlet"]').fill('CNN');
    await page.locator('input[name="title"]').fill('Austin in Kyiv');
    await page.locator('textarea[name="text"]').fill(cnn);
    await Promise.all([
      page.waitForURL(/\/articles\/\d+\?added=1$/),
      page.locator('#article-form button[type="submit"]').click(),
    ]);

    const notice = page.locator('p.notice.pending');
    await expect.poll(() => notice.textContent()).toContain('Comparing them with everything stored');
    expect(await page.locator('#claim-panel').textContent()).toContain('Not compared with the archive yet.');
    await page.waitForFunction(() => 'htmx' in window);
    await page.screenshot({ path: join(SCREENSHOTS, 'article-pending.png'), fullPage: false });
    expect(queued).toHaveLength(1);

    // The consumer runs; within one poll the page reloads with what it found.
    await crossReferenceStored(server.db, queued[0]!);
    await page.waitForFunction(
      () => /conflicts found/.test(document.querySelector('p.notice')?.textContent ?? ''),
      undefined,
      { timeout: 10_000 },
    );
    expect(await page.locator('p.notice.pending').count()).toBe(0);
    expect(await page.locator('#claim-panel').textContent()).toMatch(/some 50 partners|57 countries/);
    await page.screenshot({ path: join(SCREENSHOTS, 'article-compared.png'), fullPage: false });
    expect(problems).toEqual([]);
  }, 60_000);
});
