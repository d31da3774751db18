// The claim page's "Compared with" in real Chromium: a wire report's "coalition of 54 countries" was not
// linked with CNN's 57, and the page says why in a reviewer's words (the events fall on different
// weekdays, Monday against Tuesday), with every rule that ran one click away.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleDetail } from '../../src/services/articles';
import { ingestArticle } from '../../src/services/ingest';
import { skipBrowserTests } from './chromium';
import { browserSession } from './session';

const cnn = readFileSync('seeds/cnn-austin-kyiv-visit.txt', 'utf8');
const wire =
  'On Tuesday, the Ukraine Defense Contact Group, a coalition of 54 countries, met in Brussels to pledge more arms for Ukraine.';

describe.skipIf(skipBrowserTests())('the claim page says why a claim was not linked, in Chromium', () => {
  let claimId = 0;

  const session = browserSession('compared', {
    accounts: [{ login: 'pat', displayName: 'Pat', role: 'reviewer', password: 'pat-password-1' }],
    server: { firstAdmin: false, seed: false },
    async before({ server }) {
      await ingestArticle(server.db, { outlet: 'CNN', title: 'Austin in Kyiv', text: cnn });
      const r = await ingestArticle(server.db, { outlet: 'Wire', title: 'Contact group meets', text: wire });
      if (r.status !== 'created') throw new Error('the wire report was not stored');
      const article = await articleDetail(server.db, r.articleId);
      claimId = article.claims.find((c) => c.text.includes('54 countries'))!.id;
    },
  });

  it('shows the deciding rule of the pair it did not link', async () => {
    await session.signIn('pat', 'pat-password-1', `/claims/${claimId}`);
    const section = session.page.locator('#compared-with');
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
    expect(session.problems).toEqual([]);
  });
});
