// Workers entry: the same createApp as Node, over the D1 binding DB or a remote libSQL server (Turso).

import { createClient } from '@libsql/client/web';
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web';
import type { ExecutionContext } from 'hono';
import { verifyWithJwks } from 'hono/jwt';
import type { HonoJsonWebKey } from 'hono/utils/jwt/jws';
import { decodeHeader } from 'hono/utils/jwt/jwt';
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
  /** Cloudflare Access team domain, e.g. "newsroom.cloudflareaccess.com"; with ACCESS_AUD, turns the gate on. */
  ACCESS_TEAM_DOMAIN?: string;
  /** The Access application's Application Audience (AUD) tag. */
  ACCESS_AUD?: string;
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

// Cloudflare Access signs every request it lets through (Cf-Access-Jwt-Assertion). Checking that token
// here, not only at the edge, keeps the app closed on any hostname Access does not cover (a second
// route, a preview URL, Access switched off by mistake). Keys are cached per isolate and refetched
// when a token names a key we do not have (Access rotates them).
const ACCESS_HEADER = 'Cf-Access-Jwt-Assertion';
const KEYS_TTL_MS = 60 * 60 * 1000;
let accessKeys: { domain: string; keys: HonoJsonWebKey[]; fetchedAt: number } | null = null;

async function accessKeysFor(domain: string, refresh: boolean): Promise<HonoJsonWebKey[]> {
  const cached = accessKeys;
  if (!refresh && cached?.domain === domain && Date.now() - cached.fetchedAt < KEYS_TTL_MS)
    return cached.keys;
  const res = await fetch(`https://${domain}/cdn-cgi/access/certs`);
  if (!res.ok) throw new Error(`Cloudflare Access certs: HTTP ${res.status}`);
  const { keys } = (await res.json()) as { keys: HonoJsonWebKey[] };
  accessKeys = { domain, keys, fetchedAt: Date.now() };
  return keys;
}

/** A 403 response unless the request carries a valid Access token; null when the gate is off or passed. */
export async function accessDenied(request: Request, env: Env): Promise<Response | null> {
  if (!env.ACCESS_TEAM_DOMAIN || !env.ACCESS_AUD) return null;
  const deny = (why: string) =>
    new Response(`Forbidden: ${why}. Sign in through Cloudflare Access.`, {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  const token = request.headers.get(ACCESS_HEADER);
  if (!token) return deny('no Cloudflare Access token');
  const domain = env.ACCESS_TEAM_DOMAIN.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  const verification = { aud: env.ACCESS_AUD, iss: `https://${domain}` };
  try {
    const { kid } = decodeHeader(token);
    let keys = await accessKeysFor(domain, false);
    // Refetch only for an unknown key id, so bad tokens cannot make every request fetch the certs.
    if (!keys.some((k) => k.kid === kid)) keys = await accessKeysFor(domain, true);
    await verifyWithJwks(token, { keys, verification, allowedAlgorithms: ['RS256'] });
    return null;
  } catch {
    // malformed, expired, wrong audience or issuer, unknown key, or the certs could not be fetched
  }
  return deny('the Cloudflare Access token is not valid for this application');
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const denied = await accessDenied(request, env);
    if (denied) return denied;
    return appFor(env).fetch(request, env, ctx);
  },
};
