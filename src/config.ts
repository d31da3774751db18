// Configuration: every environment variable crosscheck reads, parsed once with zod at an entry's start
// (src/node.ts, src/cli/*, src/worker.ts from its vars), with the same names on Node and Workers. Each
// default is applied here and nowhere else; a malformed value stops the entry with a message that names
// the variable. The README's "Configuration" table lists them.
import type { AppSettings } from './shared/app-env';
import { ROLES, type Role } from './shared/statuses';
import * as z from './shared/zod';

export const DEFAULT_DATABASE_URL = 'file:data/crosscheck.db';
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DEV_WORKER_PORT = 8788;
/** The organisation exports name as ClaimReview author when ORG_NAME is not set. */
export const DEFAULT_ORG_NAME = 'crosscheck';

type Env = Record<string, string | undefined>;

/** Trimmed text; empty or unset = undefined. */
const text = z.pipe(
  z.optional(z.string()),
  z.transform((v: string | undefined) => v?.trim() || undefined),
);

/** `text`, then `fn`; `fn` refuses a value by returning a message (a `Refusal`). */
class Refusal {
  constructor(readonly message: string) {}
}
const then = <T>(fn: (v: string | undefined) => T | Refusal) =>
  z.pipe(
    text,
    z.transform((v: string | undefined, ctx) => {
      const out = fn(v);
      if (!(out instanceof Refusal)) return out;
      ctx.issues.push({ code: 'custom', message: out.message, input: v });
      return z.NEVER;
    }),
  );

/** "1", "true", "yes" or "on" (any case) = on; anything else, or unset, = off. */
const flag = then((v) => /^(1|true|yes|on)$/i.test(v ?? ''));

/** On unless "0", "false", "no" or "off". */
const onUnlessOff = then((v) => !/^(0|false|no|off)$/i.test(v ?? ''));

/** A whole number from min to max, or undefined when unset; `message` says what is wrong with a value. */
const wholeNumber = (min: number, max: number, message: (value: string) => string) =>
  then((v) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    return Number.isInteger(n) && n >= min && n <= max ? n : new Refusal(message(v));
  });

/**
 * A PUBLIC_ORIGIN value as an origin: http(s), a host, nothing else (a path, query, credentials or
 * another scheme is a configuration mistake worth refusing to start over). Undefined when empty.
 */
export function parsePublicOrigin(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Error(`PUBLIC_ORIGIN must be an origin such as https://crosscheck.example.org, not "${v}".`);
  }
  if (
    (u.protocol !== 'https:' && u.protocol !== 'http:') ||
    u.username ||
    u.password ||
    (u.pathname !== '/' && u.pathname !== '') ||
    u.search ||
    u.hash ||
    v.replace(/\/$/, '') !== u.origin
  )
    throw new Error(
      `PUBLIC_ORIGIN must be an http(s) origin with no path, such as https://crosscheck.example.org, not "${v}".`,
    );
  return u.origin;
}

const origin = then((v) => {
  try {
    return parsePublicOrigin(v);
  } catch (err) {
    return new Refusal((err as Error).message);
  }
});

const settingsVars = z.object({
  SECOND_REVIEWER: flag,
  ORG_NAME: text,
  ORG_URL: text,
  READ_REQUIRES_SIGNIN: flag,
  PUBLIC_ORIGIN: origin,
  TRUST_REQUEST_ORIGIN: flag,
  /** A whole number of minutes from 1 to 14 days; unset = the default (60, src/auth/identify.ts). */
  SESSION_IDLE_MINUTES: wholeNumber(
    1,
    14 * 24 * 60,
    (v) => `SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to 20160, not "${v}".`,
  ),
});

const databaseVars = z.object({
  DATABASE_URL: then((v) => v ?? DEFAULT_DATABASE_URL),
});

const nodeVars = z.object({
  PORT: wholeNumber(0, 65535, (v) => `PORT must be a port number from 0 to 65535, not "${v}".`),
  HOST: text,
  WRITES_PER_MINUTE: wholeNumber(
    0,
    Number.MAX_SAFE_INTEGER,
    (v) => `WRITES_PER_MINUTE must be a whole number (0 turns the limit off), not "${v}".`,
  ),
  ACCOUNTS_FILE: text,
  FEED_POLLING: onUnlessOff,
  WEBHOOKS: onUnlessOff,
  EXTRACTION_THREADS: wholeNumber(
    0,
    64,
    (v) =>
      `EXTRACTION_THREADS must be a whole number of threads (0 reads texts on the event loop), not "${v}".`,
  ),
});

const libsqlVars = z.object({ LIBSQL_URL: text, LIBSQL_AUTH_TOKEN: text });

/** Set and not empty: the Access gate's two values are taken as written (a stray space keeps it closed). */
const given = z.pipe(
  z.optional(z.string()),
  z.transform((v: string | undefined) => v || undefined),
);

const accessVars = z.object({
  ACCESS_TEAM_DOMAIN: given,
  ACCESS_AUD: given,
  ACCESS_DEFAULT_ROLE: then((v) => (v ?? '').toLowerCase()),
  ACCESS_EDITORS: text,
});

/** The client side of the Worker's gate, for commands that call a deployed Worker (seed:worker). */
const workerClientVars = z.object({
  CROSSCHECK_TOKEN: given,
  CF_ACCESS_CLIENT_ID: given,
  CF_ACCESS_CLIENT_SECRET: given,
});

const devWorkerVars = z.object({
  WORKER_PORT: wholeNumber(0, 65535, (v) => `WORKER_PORT must be a port number from 0 to 65535, not "${v}".`),
});

function parse<T>(schema: z.ZodMiniType<T>, env: Env): T {
  const result = schema.safeParse({ ...env });
  if (result.success) return result.data;
  throw new Error(result.error.issues.map((i) => i.message).join('\n'));
}

/**
 * SECOND_REVIEWER, ORG_NAME, ORG_URL, READ_REQUIRES_SIGNIN, PUBLIC_ORIGIN, TRUST_REQUEST_ORIGIN,
 * SESSION_IDLE_MINUTES → AppSettings, for createApp({ settings }) on Node and Workers alike. Throws on
 * a malformed PUBLIC_ORIGIN or SESSION_IDLE_MINUTES.
 */
export function settingsFromEnv(env: Env): AppSettings {
  const v = parse(settingsVars, env);
  return {
    secondReviewer: v.SECOND_REVIEWER,
    orgName: v.ORG_NAME,
    orgUrl: v.ORG_URL,
    readRequiresSignin: v.READ_REQUIRES_SIGNIN,
    publicOrigin: v.PUBLIC_ORIGIN,
    trustRequestOrigin: v.TRUST_REQUEST_ORIGIN,
    sessionIdleMinutes: v.SESSION_IDLE_MINUTES,
  };
}

/** DATABASE_URL, or the embedded file: what the Node server and every CLI open. */
export function databaseUrlFromEnv(env: Env): string {
  return parse(databaseVars, env).DATABASE_URL;
}

/** LIBSQL_URL and LIBSQL_AUTH_TOKEN: a remote libSQL server (Turso) for the Worker and the deploy commands. */
export function libsqlFromEnv(env: Env): { url?: string; authToken?: string } {
  const v = parse(libsqlVars, env);
  return { url: v.LIBSQL_URL, authToken: v.LIBSQL_AUTH_TOKEN };
}

/** What `npm start` runs with (src/node.ts). */
export interface NodeConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Unset = the server's default (120); 0 turns the limit off. */
  writesPerMinute?: number;
  accountsFile?: string;
  pollFeeds: boolean;
  /** Send webhook deliveries in this process (WEBHOOKS; on unless off). */
  sendWebhooks: boolean;
  /** Unset = the server's default (1); 0 extracts large texts on the event loop. */
  extractionThreads?: number;
  settings: AppSettings;
}

/** PORT, HOST, DATABASE_URL, WRITES_PER_MINUTE, ACCOUNTS_FILE, FEED_POLLING, WEBHOOKS, EXTRACTION_THREADS and the settings. */
export function nodeConfigFromEnv(env: Env): NodeConfig {
  const v = parse(nodeVars, env);
  return {
    port: v.PORT ?? DEFAULT_PORT,
    host: v.HOST ?? DEFAULT_HOST,
    databaseUrl: databaseUrlFromEnv(env),
    writesPerMinute: v.WRITES_PER_MINUTE,
    accountsFile: v.ACCOUNTS_FILE,
    pollFeeds: v.FEED_POLLING,
    sendWebhooks: v.WEBHOOKS,
    extractionThreads: v.EXTRACTION_THREADS,
    settings: settingsFromEnv(env),
  };
}

/** Who Cloudflare Access lets in becomes which user (src/auth/access-user.ts). */
export interface AccessPolicy {
  /** ACCESS_DEFAULT_ROLE for an email seen first; a typo gives no more than the safe default, viewer. */
  defaultRole: Role;
  /** ACCESS_EDITORS, lower-cased: emails that are (at least) editors, how a fresh deployment gets its first editor. */
  editors: Set<string>;
}

/** The Worker's Cloudflare Access settings: the gate (null = off) and the policy for the emails it vouches for. */
export interface AccessConfig {
  /** ACCESS_TEAM_DOMAIN (scheme and trailing slashes dropped) and ACCESS_AUD; null unless both are set. */
  gate: { domain: string; aud: string } | null;
  policy: AccessPolicy;
}

/** ACCESS_TEAM_DOMAIN, ACCESS_AUD, ACCESS_DEFAULT_ROLE and ACCESS_EDITORS (the Worker's vars). */
export function accessFromEnv(env: Env): AccessConfig {
  const v = parse(accessVars, env);
  const wanted = v.ACCESS_DEFAULT_ROLE;
  const defaultRole = (ROLES as readonly string[]).includes(wanted) ? (wanted as Role) : 'viewer';
  const editors = new Set(
    (v.ACCESS_EDITORS ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  );
  const gate =
    v.ACCESS_TEAM_DOMAIN && v.ACCESS_AUD
      ? { domain: v.ACCESS_TEAM_DOMAIN.replace(/^https?:\/\//, '').replace(/\/+$/, ''), aud: v.ACCESS_AUD }
      : null;
  return { gate, policy: { defaultRole, editors } };
}

/** CROSSCHECK_TOKEN and an Access service token (CF_ACCESS_CLIENT_ID/SECRET) as request headers for a deployed Worker. */
export function workerClientHeadersFromEnv(env: Env): Record<string, string> {
  const v = parse(workerClientVars, env);
  const headers: Record<string, string> = {};
  if (v.CROSSCHECK_TOKEN) headers.Authorization = `Bearer ${v.CROSSCHECK_TOKEN}`;
  if (v.CF_ACCESS_CLIENT_ID && v.CF_ACCESS_CLIENT_SECRET) {
    headers['CF-Access-Client-Id'] = v.CF_ACCESS_CLIENT_ID;
    headers['CF-Access-Client-Secret'] = v.CF_ACCESS_CLIENT_SECRET;
  }
  return headers;
}

/** WORKER_PORT: where `npm run dev:worker` serves (default 8788). */
export function devWorkerPortFromEnv(env: Env): number {
  return parse(devWorkerVars, env).WORKER_PORT ?? DEFAULT_DEV_WORKER_PORT;
}
