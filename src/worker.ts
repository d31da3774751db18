// Workers entry: the same createApp as Node, over the D1 binding DB or a remote libSQL server (Turso).

import { createClient } from '@libsql/client/http';
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/http';
import type { ExecutionContext } from 'hono';
import { verifyWithJwks } from 'hono/jwt';
import type { HonoJsonWebKey } from 'hono/utils/jwt/jws';
import { decodeHeader } from 'hono/utils/jwt/jwt';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { createApp } from './app';
import { accessUser } from './auth/access-user';
import { type AccessConfig, accessFromEnv, libsqlFromEnv, settingsFromEnv } from './config';
import { bindingRateLimit, type RateLimitBinding } from './middleware/rate-limit';
import {
  type CrossReferenceLater,
  type CrossReferenceStage,
  crossReferenceLinks,
  LINKS_CHUNK,
  sweepPending,
  upkeepStored,
} from './services/crossref-later';
import { recoverStaleImports } from './services/imports';
import { type StoreTextLater, storeImportText } from './services/text-add';
import { workerWebReader } from './web/worker-reader';
import {
  consumeFeedMessages,
  enqueueDueFeeds,
  FEEDS_QUEUE,
  type FeedQueue,
  feedItemsLaterFor,
} from './worker-feeds';
import { importLaterFor, storePageLaterFor } from './worker-imports';
import { enqueueDueDeliveries, sendFirstAttemptsAtOnce } from './worker-webhooks';

/** The Queue producer binding, as much of it as this file uses. */
interface QueueProducer {
  sendBatch(messages: { body: CrossReferenceMessage | ExtractMessage }[]): Promise<unknown>;
}
/**
 * What the ingest sends the consumer: the article to compare with the archive, and the stage
 * (crossref-later.ts): `links` (the default; what messages from before stages carry), then `upkeep`.
 */
export interface CrossReferenceMessage {
  articleId: number;
  stage?: CrossReferenceStage;
  /** For `links`: the chunk of candidates to compare (crossref-later.ts; absent: 0, the first). */
  chunk?: number;
}
/**
 * The stage before those: an article given with its text, held by import item `jobId`/`position`
 * (src/services/text-add.ts), extracted and stored; its `links` message follows from the ingest.
 */
export interface ExtractMessage {
  stage: 'extract';
  jobId: number;
  position: number;
}
/** A consumer batch, as much of it as this file uses. */
export interface MessageBatchLike {
  messages: readonly { body: unknown; attempts?: number; ack(): void; retry(): void }[];
}

/** The bindings wrangler.toml (or `wrangler secret put`) provides. */
export interface Env {
  /** D1 binding; when present it wins over LIBSQL_URL. Typed loosely: workers-types' globals clash with DOM's. */
  DB?: unknown;
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
  /** Cloudflare Access team domain, e.g. "newsroom.cloudflareaccess.com"; with ACCESS_AUD, turns the gate on. */
  ACCESS_TEAM_DOMAIN?: string;
  /** The Access application's Application Audience (AUD) tag. */
  ACCESS_AUD?: string;
  /** Role of an Access email with no account yet: viewer (default), reviewer or editor. */
  ACCESS_DEFAULT_ROLE?: string;
  /** Comma-separated Access emails that are editors (the first editors of a fresh deployment). */
  ACCESS_EDITORS?: string;
  /** "1"/"true": every page and API call except /signin needs a signed-in user. */
  READ_REQUIRES_SIGNIN?: string;
  /** The origin for absolute URLs (permalinks, exports); see src/routes/public-origin.ts. */
  PUBLIC_ORIGIN?: string;
  /** "1": without PUBLIC_ORIGIN, absolute URLs use the request's URL (Cloudflare routes by hostname). */
  TRUST_REQUEST_ORIGIN?: string;
  /** Minutes a browser session may stay unused before it ends (default 60). */
  SESSION_IDLE_MINUTES?: string;
  /** Rate-limiting binding for writes (`[[ratelimits]]` in wrangler.toml); absent = writes are not limited. */
  WRITE_LIMITER?: RateLimitBinding;
  /**
   * The cross-reference queue (`[[queues.producers]]`): an ingest stores the article and sends its id
   * here, and this Worker's queue() handler compares it with the archive, each within the Free plan's
   * 10 ms of CPU. Absent = the ingest request cross-references itself.
   */
  CROSSREF?: QueueProducer;
  /**
   * The feeds queue (`[[queues.producers]]` FEEDS): the cron sends one message per due feed, a feed's
   * poll one per new item (src/worker-feeds.ts). Absent = feeds are not polled on this deployment.
   */
  FEEDS?: FeedQueue;
}

type App = ReturnType<typeof createApp>;

// One app (and database) per env object: the isolate reuses it across requests, and a libSQL client
// keeps its HTTP connection warm. A WeakMap lets tests (and wrangler environments) pass different bindings.
const apps = new WeakMap<object, { app: App; db: Db }>();

/** Queue sends allow at most 100 messages a call. */
const SEND_BATCH = 100;

function laterFor(env: Env): CrossReferenceLater | undefined {
  const queue = env.CROSSREF;
  if (!queue) return undefined;
  return async (ids, stage = 'links', chunk = 0) => {
    // A `links` message carries no stage, as before stages: a Worker of either version reads it.
    const body = (articleId: number) =>
      stage !== 'links' ? { articleId, stage } : chunk > 0 ? { articleId, chunk } : { articleId };
    for (let i = 0; i < ids.length; i += SEND_BATCH)
      await queue.sendBatch(ids.slice(i, i + SEND_BATCH).map((id) => ({ body: body(id) })));
  };
}

function storeTextLaterFor(env: Env): StoreTextLater | undefined {
  const queue = env.CROSSREF;
  if (!queue) return undefined;
  return async ({ jobId, position }) => {
    try {
      await queue.sendBatch([{ body: { stage: 'extract', jobId, position } }]);
      return true;
    } catch (err) {
      console.error(
        'crosscheck: sending an article to be extracted failed; extracting it in the request',
        err,
      );
      return false;
    }
  };
}

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

export function databaseFor(env: Env): Db {
  if (env.DB) return drizzleD1(env.DB as Parameters<typeof drizzleD1>[0], { schema }) as unknown as Db;
  const { url, authToken } = libsqlFromEnv(env as unknown as Record<string, string | undefined>);
  if (url) {
    const client = createClient({ url, authToken });
    return drizzleLibsql(client, { schema }) as unknown as Db;
  }
  throw new Error(
    'No database: bind a D1 database as DB, or set LIBSQL_URL (and LIBSQL_AUTH_TOKEN) for Turso.',
  );
}

function appFor(env: Env): { app: App; db: Db } {
  let entry = apps.get(env);
  if (!entry) {
    const db = databaseFor(env);
    // A new webhook delivery's first attempt goes to the FEEDS queue at once; retries wait for the cron.
    if (env.FEEDS) sendFirstAttemptsAtOnce(db, env.FEEDS);
    const { policy } = accessOf(env);
    const app = createApp({
      db,
      crossReferenceLater: laterFor(env),
      webReader: workerWebReader(),
      feedItemsLater: feedItemsLaterFor(env.FEEDS),
      importLater: importLaterFor(env.FEEDS),
      storePageLater: storePageLaterFor(env.FEEDS),
      storeTextLater: storeTextLaterFor(env),
      writeLimiter: bindingRateLimit(env.WRITE_LIMITER),
      settings: settingsFromEnv(env as unknown as Record<string, string | undefined>),
      // Cloudflare sets CF-Connecting-IP itself (a client's own copy does not survive the edge).
      clientAddress: (c) => c.req.header('cf-connecting-ip'),
      // Only an email this file verified (verifiedEmails) ever becomes the user, never a header as sent.
      identify: async (c) => {
        const email = verifiedEmails.get(c.req.raw);
        return email ? accessUser(db, email, policy) : null;
      },
    });
    entry = { app, db };
    apps.set(env, entry);
  }
  return entry;
}

/**
 * The queue consumer: one stage of one article per message (max_batch_size = 1 in wrangler.toml keeps
 * each invocation to that much CPU). The `extract` stage stores an article given with its text (its
 * import item's outcome with it) and sends it on to `links`; an InputError fails the item, visibly. The `links` stage compares a chunk of LINKS_CHUNK candidates
 * (`chunkSize`: tests) and sends the next chunk on, and after the last one more message joins the
 * parts; that one (or the only one) sends the article on to the `upkeep` stage when it gained links (or, on a repeated delivery, when its upkeep is still
 * pending: a lost upkeep message is sent again). A message that names no article, stage or chunk is
 * dropped; a failure (a send that fails too) is retried by the queue, and the cron sweep catches
 * anything that still stays pending.
 */
export async function consumeCrossReferences(
  batch: MessageBatchLike,
  env: Env,
  { chunkSize = LINKS_CHUNK }: { chunkSize?: number } = {},
): Promise<void> {
  const { db } = appFor(env);
  const later = laterFor(env);
  for (const message of batch.messages) {
    const extract = message.body as Partial<ExtractMessage> | null;
    if (extract?.stage === 'extract' && isId(extract.jobId) && isId(extract.position)) {
      try {
        await storeImportText(
          { db, ingest: { crossReferenceLater: later } },
          extract.jobId,
          extract.position,
        );
        message.ack();
      } catch (err) {
        console.error(
          `crosscheck: extracting import ${extract.jobId} failed (attempt ${message.attempts ?? '?'})`,
          err,
        );
        message.retry();
      }
      continue;
    }
    const body = message.body as Partial<CrossReferenceMessage> | null;
    const id = body?.articleId;
    const stage = body?.stage ?? 'links';
    const chunk = body?.chunk ?? 0;
    if (
      typeof id !== 'number' ||
      !Number.isSafeInteger(id) ||
      id < 1 ||
      (stage !== 'links' && stage !== 'upkeep') ||
      typeof chunk !== 'number' ||
      !Number.isSafeInteger(chunk) ||
      chunk < 0
    ) {
      console.error('crosscheck: dropped a queue message that names no article', message.body);
      message.ack();
      continue;
    }
    try {
      if (stage === 'upkeep') await upkeepStored(db, id);
      else {
        // Without a queue to send the next chunk to, all candidates at once.
        const r = await crossReferenceLinks(db, id, later ? { chunkSize, chunk } : {});
        if (r.next !== undefined) await later?.([id], 'links', r.next);
        else if (r.upkeep) {
          if (later) await later([id], 'upkeep');
          else await upkeepStored(db, id);
        }
      }
      message.ack();
    } catch (err) {
      console.error(`crosscheck: ${stage} of article ${id} failed (attempt ${message.attempts ?? '?'})`, err);
      message.retry();
    }
  }
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

/** Requests whose Access token this Worker verified, with the email it carries (see withoutClientIdentity). */
const verifiedEmails = new WeakMap<Request, string>();
const IDENTITY_HEADER = 'Cf-Access-Authenticated-User-Email';

/**
 * A copy of the request that carries no identity the client could have made up: Access's email header
 * is removed, and set again only from a token we verified (the rate limiter keys on it).
 */
export function withoutClientIdentity(request: Request, email: string | null): Request {
  const copy = new Request(request);
  copy.headers.delete(IDENTITY_HEADER);
  if (email) {
    copy.headers.set(IDENTITY_HEADER, email);
    verifiedEmails.set(copy, email);
  }
  return copy;
}

// The Access settings, parsed once per env object (src/config.ts), like the app itself.
const accessConfigs = new WeakMap<object, AccessConfig>();
function accessOf(env: Env): AccessConfig {
  let config = accessConfigs.get(env);
  if (!config) {
    config = accessFromEnv(env as unknown as Record<string, string | undefined>);
    accessConfigs.set(env, config);
  }
  return config;
}

/** A 403 response unless the request carries a valid Access token; null when the gate is off or passed. */
export async function accessDenied(request: Request, env: Env): Promise<Response | null> {
  const r = await verifyAccess(request, env);
  return 'denied' in r ? r.denied : null;
}

/** The Access gate: a 403 to send back, or the verified email (null when the gate is off). */
export async function verifyAccess(
  request: Request,
  env: Env,
): Promise<{ denied: Response } | { email: string | null }> {
  const { gate } = accessOf(env);
  if (!gate) return { email: null };
  const deny = (why: string) => ({
    denied: new Response(`Forbidden: ${why}. Sign in through Cloudflare Access.`, {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    }),
  });
  const token = request.headers.get(ACCESS_HEADER);
  if (!token) return deny('no Cloudflare Access token');
  const { domain } = gate;
  const verification = { aud: gate.aud, iss: `https://${domain}` };
  try {
    const { kid } = decodeHeader(token);
    let keys = await accessKeysFor(domain, false);
    // Refetch only for an unknown key id, so bad tokens cannot make every request fetch the certs.
    if (!keys.some((k) => k.kid === kid)) keys = await accessKeysFor(domain, true);
    const payload = await verifyWithJwks(token, { keys, verification, allowedAlgorithms: ['RS256'] });
    // A person's token carries their email; an Access service token has none and stays anonymous.
    return { email: typeof payload.email === 'string' && payload.email ? payload.email : null };
  } catch {
    // malformed, expired, wrong audience or issuer, unknown key, or the certs could not be fetched
  }
  return deny('the Cloudflare Access token is not valid for this application');
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const access = await verifyAccess(request, env);
    if ('denied' in access) return access.denied;
    return appFor(env).app.fetch(withoutClientIdentity(request, access.email), env, ctx);
  },
  queue(batch: MessageBatchLike & { queue?: string }, env: Env): Promise<void> {
    if (batch.queue === FEEDS_QUEUE)
      return consumeFeedMessages(batch.messages, appFor(env).db, workerWebReader(), env.FEEDS, {
        crossReferenceLater: laterFor(env),
      });
    return consumeCrossReferences(batch, env);
  },
  /**
   * The cron trigger: due feeds and webhook retries are sent to FEEDS; import items and articles left
   * without an outcome (a lost message, an outage) are sent again.
   */
  async scheduled(_controller: unknown, env: Env, ctx: ExecutionContext): Promise<void> {
    const feeds = env.FEEDS;
    if (feeds)
      ctx.waitUntil(
        enqueueDueDeliveries(appFor(env).db, feeds).catch((err) =>
          console.error('crosscheck: sending the due webhook deliveries failed', err),
        ),
      );
    const importLater = importLaterFor(feeds);
    if (importLater)
      ctx.waitUntil(
        recoverStaleImports(appFor(env).db, importLater).then(
          ({ resent, failed }) => {
            if (resent + failed > 0)
              console.log(
                `crosscheck: import items left without an outcome: ${resent} sent again, ${failed} failed`,
              );
          },
          (err) => console.error('crosscheck: recovering stale import items failed', err),
        ),
      );
    if (feeds)
      ctx.waitUntil(
        enqueueDueFeeds(appFor(env).db, feeds).then(
          (n) => {
            if (n > 0) console.log(`crosscheck: ${n} feeds due, sent to the feeds queue`);
          },
          (err) => console.error('crosscheck: sending the due feeds failed', err),
        ),
      );
    ctx.waitUntil(
      sweepPending(appFor(env).db, laterFor(env)).then(
        (n) => {
          if (n > 0) console.log(`crosscheck: the sweep took up ${n} articles left pending`);
        },
        (err) => {
          console.error('crosscheck: the pending sweep failed', err);
          throw err;
        },
      ),
    );
  },
};
