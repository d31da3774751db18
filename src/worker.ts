// Workers entry: the same createApp as Node, over the D1 binding DB or a remote libSQL server (Turso).

import { createClient } from '@libsql/client/web';
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web';
import type { ExecutionContext } from 'hono';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { createApp } from './app';

/** The bindings wrangler.toml (or `wrangler secret put`) provides. */
export interface Env {
  /** D1 binding; when present it wins over LIBSQL_URL. Typed loosely: workers-types' globals clash with DOM's. */
  DB?: unknown;
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
  REVIEWER?: string;
}

type App = ReturnType<typeof createApp>;

// One app per env object: the isolate reuses it across requests, and a libSQL client keeps its HTTP
// connection warm. A WeakMap lets tests (and wrangler environments) pass different bindings.
const apps = new WeakMap<object, App>();

export function databaseFor(env: Env): Db {
  if (env.DB) return drizzleD1(env.DB as Parameters<typeof drizzleD1>[0], { schema }) as unknown as Db;
  if (env.LIBSQL_URL) {
    const client = createClient({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN || undefined });
    return drizzleLibsql(client, { schema }) as unknown as Db;
  }
  throw new Error(
    'No database: bind a D1 database as DB, or set LIBSQL_URL (and LIBSQL_AUTH_TOKEN) for Turso.',
  );
}

function appFor(env: Env): App {
  let app = apps.get(env);
  if (!app) {
    app = createApp({ db: databaseFor(env), reviewer: env.REVIEWER || undefined });
    apps.set(env, app);
  }
  return app;
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    return appFor(env).fetch(request, env, ctx);
  },
};
