// The claim page's "Compared with" in real Chromium: a wire report's "coalition of 54 countries" was not
// linked with CNN's 57, and the page says why in a reviewer's words (the events fall on different
// weekdays, Monday against Tuesday), with every rule that ran one click away.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/node';
import { addAccount } from '../../src/services/accounts';
import { articleDetail } from '../../src/services/articles';
import { ingestArticle } from '../../src/services/ingest';
import { type Chromium, firstPage, launchChromium, skipBrowserTests } from './chromium';

const cnn = readFileSync('seeds/cnn-austin-kyiv-visit.txt', 'utf8');
const wire =
  'On Tuesday, the Ukraine Defense Contact Group, a coalition of 54 countries, met in Brussels to pledge more arms for Ukraine.';

describe.skipIf(skipBrowserTests())('the claim page says why a claim was not linked, in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-compared-'));
  let server: RunningServer;
  let chromium: Chromium;
  let page: Page;
  let claimId = 0;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      databaseUrl: `file:${join(dir, 'c.db')}`,
      firstAdmin: false,
      seed: false,
    });
    await ingestArticle(server.db, { outlet: 'CNN', title: 'Austin in Kyiv', text: cnn });
    const r = await ingestArticle(server.db, { outlet: 'Wire', title: 'Contact group meets', text: wire });
    if (r.status !== 'created') throw new Error('the wire report was not stored');
    const article = await articleDetail(server.db, r.articleId);
    claimId = article.claims.find((c) => c.text.includes('54 countries'))!.id;
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

  it('shows the deciding rule of the pair it did not link', async () => {
    await page.goto(new URL(`/signin?next=%2Fclaims%2F${claimId}`, server.url).href);
    await page.locator('input[name="login"]').fill('pat');
    await page.locator('input[name="password"]').fill('pat-password-1');
    await Promise.all([
      page.waitForURL(new RegExp(`/claims/${claimId}$`)),
      page.locator('form.signin button[type="submit"]').click(),
    ]);
    const section = page.locator('#compared-with');
    await expect.poll(() => section.locator('h2').textContent()).toBe('Compared with');
    const item = section.locator('li.link-item', { hasText: '57 countries' });
    const verdict = (await item.locator('p.verdict').innerText()).replace(/\s+/g, ' ');
    expect(verdict).toContain('Not linked: the reports date their events to different weekdays');
    expect(verdict).toContain('(Tuesday against Monday');
    expect(verdict).toContain('Rule different-weekdays');
    // Every rule that ran, one click away.
    await item.locator('summary').click();
    const steps = await item.locator('ol.trail li').allInnerTexts();
    expect(steps[0]).toContain('no-shared-key pass');
    expect(steps.at(-1)).toContain('different-weekdays reject');
    expect(problems).toEqual([]);
  });
});
