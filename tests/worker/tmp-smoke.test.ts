import { env, SELF } from 'cloudflare:test';
import { expect, inject, it } from 'vitest';

it('d1 migrated', async () => {
  const db = env.DB as { prepare(s: string): { all(): Promise<{ results: unknown[] }> } };
  const r = await db.prepare("select name from sqlite_master where type='table'").all();
  console.log(r.results);
  expect(r.results.length).toBeGreaterThan(3);
});
it('asset', async () => {
  const res = await SELF.fetch('http://x/static/htmx.min.js');
  console.log(
    (await res.clone().text()).slice(0, 50),
    res.status,
    res.headers.get('content-type'),
    res.headers.get('x-content-type-options'),
  );
  expect(res.status).toBe(200);
});
it('inject', () => {
  console.log(inject('libsqlUrl'), inject('ci'));
});
it('sqld reachable from workerd', async () => {
  const url = inject('libsqlUrl');
  const res = await fetch(`${url}/v2/pipeline`, {
    method: 'POST',
    body: JSON.stringify({ requests: [{ type: 'execute', stmt: { sql: 'select count(*) from claims' } }] }),
  });
  console.log(res.status, await res.text());
});
it('assets binding', async () => {
  const res = await (env as any).ASSETS.fetch('http://x/static/htmx.min.js');
  console.log(res.status, [...res.headers], (await res.text()).length);
});
