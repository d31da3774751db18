// The write limit at the edge: wrangler.toml's [[ratelimits]] binding WRITE_LIMITER, and a Worker that
// keeps working (unlimited) when the binding is absent or fails.
import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../src/worker';

const ORIGIN = 'http://crosscheck.test';
const post = (bindings: object, body: unknown = { documents: [] }, path = '/api/articles') =>
  worker.fetch(
    new Request(`${ORIGIN}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': '203.0.113.9' },
    }),
    bindings,
    createExecutionContext() as never,
  );
const get = (bindings: object) =>
  worker.fetch(new Request(`${ORIGIN}/api/articles`), bindings, createExecutionContext() as never);

const article = (i: number) => ({ outlet: 'Edge Wire', title: `t${i}`, text: `Crews counted ${i} trucks.` });

describe('write rate limit on Workers', () => {
  it('has the binding from wrangler.toml, and it counts', async () => {
    const binding = (env as unknown as { WRITE_LIMITER?: { limit(o: { key: string }): Promise<unknown> } })
      .WRITE_LIMITER;
    expect(binding).toBeDefined();
    expect(await binding!.limit({ key: 'probe' })).toMatchObject({ success: true });
  });

  it('answers 429 with Retry-After when the binding refuses, and reads stay open', async () => {
    const keys: string[] = [];
    const refusing = {
      DB: env.DB,
      WRITE_LIMITER: {
        limit: async ({ key }: { key: string }) => {
          keys.push(key);
          return { success: false };
        },
      },
    };
    const res = await post(refusing, article(1));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect((await res.json()).error.message).toMatch(/Too many/);
    expect(keys).toEqual(['203.0.113.9']);
    expect((await get(refusing)).status).toBe(200);
  });

  it('lets writes through when the binding is absent or throws', async () => {
    // Whatever the app then says (201, or 401 once writes need a signed-in user), it is not the limiter.
    const open = await post({ DB: env.DB }, article(2));
    expect(open.status).not.toBe(429);
    expect(open.status).toBeLessThan(500);
    const broken = {
      DB: env.DB,
      WRITE_LIMITER: {
        limit: async () => {
          throw new Error('limiter down');
        },
      },
    };
    const through = await post(broken, article(3));
    expect(through.status).not.toBe(429);
    expect(through.status).toBeLessThan(500);
  });
});
