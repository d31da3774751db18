// Every app routes with TrieRouter alone (src/shared/hono.ts) instead of hono's default SmartRouter,
// whose RegExpRouter is 1.7 KiB gzip of the Worker's budget. Held here to the default's matches on the
// app's real route table: for every route, its path with sample values (and neighbours of it), each
// method, the same handlers in the same order with the same parameters.

import type { Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ settings: { readRequiresSignin: true } });
});
afterAll(() => t.cleanup());

type Handler = (...args: never[]) => unknown;

/** What a router matched, with each handler's parameters resolved (RegExpRouter hands out indexes). */
function matched(router: Router<Handler>, method: string, path: string) {
  const [entries, stash] = router.match(method, path) as [[Handler, Record<string, unknown>][], string[]?];
  return entries.map(([handler, params]) => ({
    handler,
    params: Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, stash && typeof v === 'number' ? stash[v] : v]),
    ),
  }));
}

it("TrieRouter alone matches as hono's default router on every route of the app", () => {
  const smart = new SmartRouter<Handler>({ routers: [new RegExpRouter(), new TrieRouter()] });
  const trie = new TrieRouter<Handler>();
  const routes = t.app.routes;
  expect(routes.length).toBeGreaterThan(100);
  for (const r of routes) {
    smart.add(r.method, r.path, r.handler as Handler);
    trie.add(r.method, r.path, r.handler as Handler);
  }
  const paths = new Set(['/', '/x', '/api', '/api/', '/static/app.css', '/nothing/here', '/conflicts/bulk']);
  for (const r of routes) {
    for (const value of ['12', 'bulk', 'a%20b', 'new']) {
      const path = r.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, value).replace(/\*$/, 'x/y');
      paths.add(path);
      paths.add(`${path}/`);
      paths.add(`${path}/extra`);
    }
  }
  let compared = 0;
  let found = 0;
  for (const method of ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'PATCH']) {
    for (const path of paths) {
      expect(matched(trie, method, path), `${method} ${path}`).toEqual(matched(smart, method, path));
      compared++;
      if (matched(trie, method, path).length > 1) found++;
    }
  }
  expect(compared).toBeGreaterThan(1000);
  expect(found).toBeGreaterThan(300); // beyond the middleware every path passes through
});
