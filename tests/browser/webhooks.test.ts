// Webhooks in Chromium: an editor adds one aimed at a loopback receiver, copies the secret shown once,
// sends a test and watches the delivery log turn from waiting to delivered (the server's own sender).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../helpers/web-fixtures';
import { skipBrowserTests } from './chromium';
import { browserSession, failedResponse, SCREENSHOTS } from './session';

describe.skipIf(skipBrowserTests())('webhooks in Chromium', () => {
  let web: FixtureServer;
  const received: string[] = [];

  const session = browserSession('webhooks', {
    accounts: [{ login: 'eve', displayName: 'Eve', role: 'editor', password: 'eve-password-1' }],
    server: { firstAdmin: false, seed: false, allowLoopbackForTests: true, sendWebhooks: true },
    csp: true,
    badResponse: failedResponse,
    screenshots: true,
    async before() {
      web = await startFixtureServer();
      web.route('/hook', (req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => {
          body += c.toString('utf8');
        });
        req.on('end', () => {
          received.push(body);
          res.writeHead(204);
          res.end();
        });
      });
    },
    after: (s) => s.signIn('eve', 'eve-password-1', '/webhooks'),
  });
  afterAll(async () => {
    await web?.close();
  });

  it('adds a webhook, shows the secret once, and logs a test delivery', async () => {
    const { page } = session;
    await page.locator('#webhook-form input[name="url"]').fill(web.url('/hook'));
    await page.locator('#webhook-form button[type="submit"]').click();
    await expect.poll(() => page.locator('.secret-value').textContent()).toMatch(/^whsec_[\w-]{43}$/);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, 'webhook-added-1440.png'), fullPage: true });

    await Promise.all([
      page.waitForURL(/\/webhooks\?notice=/),
      page.locator('.webhook button', { hasText: 'Send a test' }).click(),
    ]);
    expect(await page.locator('.secret-value').count()).toBe(0);
    expect(await page.locator('.delivery-log').textContent()).toMatch(/ping/);
    // The server sends within 5 s; the list asks again every 3 s.
    await expect
      .poll(() => page.locator('.delivery-log').textContent(), { timeout: 20_000 })
      .toMatch(/delivered \(HTTP 204\) after 1 attempt/);
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!)).toMatchObject({ event: 'ping' });
    await page.screenshot({ path: join(SCREENSHOTS, 'webhooks-1440.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SCREENSHOTS, 'webhooks-390.png'), fullPage: true });
    expect(session.problems).toEqual([]);
  }, 60_000);
});
