// The Worker inside workerd over its D1 binding, through the same entry `wrangler deploy` ships.
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { databaseFor } from '../../src/worker';
import { journey } from './journey';

describe('Worker on D1', () => {
  journey(
    (request) => SELF.fetch(request),
    () => databaseFor({ DB: env.DB }),
    // wrangler.toml's CROSSREF queue, delivered to this Worker's queue() handler by workerd.
    'queued',
  );
});

describe('static assets (wrangler [assets])', () => {
  const assets = (env as unknown as { ASSETS: { fetch(url: string): Promise<Response> } }).ASSETS;

  it('serves htmx from our own origin', async () => {
    const res = await assets.fetch('http://crosscheck.test/static/htmx.min.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('htmx');
  });

  it('serves the stylesheet', async () => {
    const res = await assets.fetch('http://crosscheck.test/static/app.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/css/);
  });
});
