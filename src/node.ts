// Node entry: the embedded libSQL file (WAL, migrations, seeds on first start), static files, the HTTP server.
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { jsx } from 'hono/jsx';
import type { Db } from '../db/client';
import { articleCount } from '../db/queries/articles';
import { loadSeeds } from '../seeds/load';
import { syncAccountsFile } from './accounts-file';
import { createApp } from './app';
import { type NodeConfig, nodeConfigFromEnv } from './config';
import { notFound } from './middleware/errors';
import { DEFAULT_WRITES_PER_MINUTE } from './middleware/rate-limit';
import { windowRateLimit } from './middleware/rate-limit/window';
import { security } from './middleware/security';
import { threadCompute } from './node-compute/pool';
import { openNodeDb, ROOT } from './node-db';
import { fileHealth } from './node-db-health';
import { ensureFirstAdmin } from './services/accounts';
import { type CrossReferenceLater, sweepPending } from './services/crossref-later';
import { backfillFactsIfNeeded } from './services/fact-upkeep';
import { type FeedScheduler, feedScheduler } from './services/feed-scheduler';
import { ingestFeedItem } from './services/feeds';
import { importScheduler } from './services/import-scheduler';
import type { StorePageLater } from './services/url-add';
import { type WebhookScheduler, webhookScheduler } from './services/webhook-scheduler';
import type { AppSettings } from './shared/app-env';
import { Hono } from './shared/hono';
import { staticFiles } from './static-files';
import { nodeWebReader } from './web/node-reader';
import { nodeTransport } from './web/node-transport';
import { onePerHost } from './web/one-per-host';

export interface ServerOptions {
  port?: number;
  host?: string;
  /** libSQL URL (src/config.ts applies DATABASE_URL's default). */
  databaseUrl: string;
  /** Load seeds/ into an empty database (default true). */
  seed?: boolean;
  /** Write requests (POSTs) allowed per client per minute; 0 turns the limiter off (default 120). */
  writesPerMinute?: number;
  /** JSON accounts file (env ACCOUNTS_FILE) synced into `users` on start. */
  accountsFile?: string;
  /** With no account at all, create an editor "admin" and log its random password once (default true). */
  firstAdmin?: boolean;
  /** Deployment settings (src/config.ts): READ_REQUIRES_SIGNIN, SECOND_REVIEWER, ... */
  settings?: AppSettings;
  /**
   * Cross-reference after the ingest request, as the Worker does with its queue (tests of the pending
   * pages); by default the request does it.
   */
  crossReferenceLater?: CrossReferenceLater;
  /**
   * Store an added URL's page after the answer, as the Worker does through its FEEDS queue (tests of the
   * form's status box); by default the request stores it.
   */
  storePageLater?: StorePageLater;
  /** Tests only: let "add by URL" and feeds fetch from 127.0.0.1 (a fixture server). Never from the environment. */
  allowLoopbackForTests?: boolean;
  /** Poll due feeds every minute in this process (npm start: on unless FEED_POLLING=off; default off here). */
  pollFeeds?: boolean;
  /** Send due webhook deliveries every few seconds in this process (npm start: on unless WEBHOOKS=off; default off here). */
  sendWebhooks?: boolean;
  /**
   * Worker threads for extracting and comparing large texts off the event loop (EXTRACTION_THREADS;
   * default 1); 0 runs them on the event loop, where one maximal request stalls every other for its
   * whole CPU time (docs/performance.md "Stall bound").
   */
  extractionThreads?: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  /** The feed scheduler, when pollFeeds is on. */
  feeds: FeedScheduler | null;
  /** The webhook sender, when sendWebhooks is on. */
  webhooks: WebhookScheduler | null;
  close(): Promise<void>;
}

/**
 * hono/jsx keeps a render's context across awaits with an AsyncLocalStorage that it makes on its first
 * render. On Node 20 that switches async hooks on for every promise of the process for good, which
 * cost the cached queue page about a third of its requests per second. The views are synchronous and
 * read no JSX context, so hono's one-time probe for AsyncLocalStorage is run here, first, with
 * node:async_hooks out of its reach: it then renders without one (as it does where there is none).
 */
function renderJsxWithoutAsyncHooks(): void {
  const p = process as { getBuiltinModule?: unknown; mainModule?: unknown };
  const [getBuiltinModule, mainModule] = [p.getBuiltinModule, p.mainModule];
  p.getBuiltinModule = undefined;
  p.mainModule = undefined;
  try {
    String(jsx('i', {}));
  } finally {
    p.getBuiltinModule = getBuiltinModule;
    p.mainModule = mainModule;
  }
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|::1)$/i;

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  renderJsxWithoutAsyncHooks();
  const log = opts.log ?? (() => {});
  const opened = await openNodeDb(opts.databaseUrl);
  const { db } = opened;
  const closeDb = () => opened.close();
  if ((opts.seed ?? true) && (await articleCount(db)) === 0) {
    await loadSeeds(db, (entry, r) => log(`seeded ${entry.file}: ${r.status}`));
  }
  // Articles a Worker stored over the same (Turso) database and left pending for long.
  const swept = await sweepPending(db, undefined);
  if (swept > 0) log(`cross-referenced ${swept} articles left pending`);
  // A database from before facts (migration 0006): its links get their facts once.
  const facts = await backfillFactsIfNeeded(db);
  if (facts) log(`put ${facts.moved} links into ${facts.facts} facts`);
  if (opts.accountsFile) {
    const r = await syncAccountsFile(db, opts.accountsFile);
    log(`accounts file ${opts.accountsFile}: ${r.created} created, ${r.updated} updated`);
  }
  if (opts.firstAdmin ?? true) {
    const admin = await ensureFirstAdmin(db);
    // Printed once: only its hash is stored. README "Accounts, roles and settings" says how to replace it.
    if (admin)
      log(
        `No accounts yet: created editor "${admin.login}" with password ${admin.password} — sign in at /signin and change it (npm run user, or Users page).`,
      );
  }
  const root = new Hono();
  // Static answers, 404s included, carry the same security headers as pages (CSP, nosniff, frames).
  root.use('/static/*', security());
  root.get('/static/*', staticFiles(ROOT));
  const clientAddress = (c: Context) => getConnInfo(c).remote.address;
  const writeLimiter = windowRateLimit({
    limit: opts.writesPerMinute ?? DEFAULT_WRITES_PER_MINUTE,
    address: clientAddress,
  });
  // One reader for the app and the scheduler, so that one request at a time goes to each host.
  const webReader = onePerHost(
    nodeWebReader({ policy: { allowLoopbackForTests: opts.allowLoopbackForTests } }),
  );
  const threads = opts.extractionThreads ?? 1;
  const compute = threads > 0 ? threadCompute({ threads }) : undefined;
  const ingestOptions = { crossReferenceLater: opts.crossReferenceLater, compute };
  const feeds = opts.pollFeeds ? feedScheduler(db, webReader, { log, ingest: ingestOptions }) : null;
  // Bulk imports run in the background; those a stopped server left unfinished go on from where they were.
  const imports = importScheduler(db, webReader, { log, ingest: ingestOptions });
  const resumed = await imports.resume();
  // Webhook targets pass the same address rules as fetched pages (checked again on every connection).
  const webhooks = opts.sendWebhooks
    ? webhookScheduler(db, { transport: nodeTransport, policy: webReader.policy }, { log })
    : null;
  if (resumed > 0) log(`resumed ${resumed} unfinished imports`);
  // A copy the routes read on each request: the fallback origin below is known only once listening.
  const settings: AppSettings = { ...opts.settings };
  root.route(
    '/',
    createApp({
      db,
      writeLimiter,
      settings,
      crossReferenceLater: opts.crossReferenceLater,
      compute,
      clientAddress,
      health: fileHealth(opened, (line) => console.error(line)),
      webReader,
      importLater: imports.later,
      storePageLater: opts.storePageLater,
      // New items a "Poll now" found are added after the answer, one at a time per host (the reader's).
      feedItemsLater: async (feedId, urls) => {
        void (async () => {
          for (const url of urls)
            await ingestFeedItem(db, webReader, feedId, url, ingestOptions).catch((err: unknown) =>
              log(`feed ${feedId} item ${url}: ${err instanceof Error ? err.message : String(err)}`),
            );
        })();
      },
    }),
  );
  // Unknown paths get the app's readable 404 (the mounted app's own notFound is not consulted).
  root.notFound(notFound);

  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: root.fetch, port: opts.port ?? 8787, hostname: host }, () => ok(s));
    s.once('error', fail);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  // Without PUBLIC_ORIGIN, a server on loopback is reached at its own address (a laptop, a test), so
  // absolute URLs use it; listening on all interfaces names no address, so URLs stay relative.
  if (!settings.publicOrigin && !settings.trustRequestOrigin && LOOPBACK.test(host))
    settings.publicOrigin = new URL(url).origin;
  return {
    url,
    port,
    db,
    feeds,
    webhooks,
    close: () =>
      new Promise<void>((ok) => {
        const stopped = Promise.all([feeds?.stop(), imports.stop(), webhooks?.stop()]);
        server.close(() => {
          void stopped
            .then(() => compute?.close())
            .then(() => {
              closeDb();
              ok();
            });
        });
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  new Promise<NodeConfig>((ok) => ok(nodeConfigFromEnv(process.env)))
    .then((config) => startServer({ ...config, log: (line) => console.log(line) }))
    .then(
      (s) => {
        console.log(`crosscheck is running at ${s.url}`);
        const stop = () => s.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      },
      (err) => {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
}
