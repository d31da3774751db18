// The Hono environment every sub-app shares, and the dependencies createApp receives.
import type { Context, MiddlewareHandler } from 'hono';
import type { SecureHeadersVariables } from 'hono/secure-headers';
import type { Db } from '../../db/client';
import type { DatabaseHealth } from '../middleware/db-unavailable';
import type { Compute } from '../services/compute';
import type { CrossReferenceLater } from '../services/crossref-later';
import type { FeedItemsLater } from '../services/feeds';
import type { ImportLater } from '../services/imports';
import type { StoreTextLater } from '../services/text-add';
import type { StorePageLater } from '../services/url-add';
import type { WebReader } from '../web/reader';
import type { User } from './user';

export interface AppDeps {
  db: Db;
  /** Rate limit for write requests (src/middleware/rate-limit), chosen by the entry; none in tests. */
  writeLimiter?: MiddlewareHandler;
  /** Deployment settings from the environment (src/config.ts reads them); add fields, do not rewrite. */
  settings?: AppSettings;
  /**
   * A trusted identity from the entry (the Worker's verified Cloudflare Access email), tried before
   * bearer tokens and session cookies. Never derived from a request header the client controls.
   */
  identify?: (c: Context) => Promise<User | null | undefined>;
  /**
   * Cross-reference new articles after the ingest request instead of inside it (the Worker's Queue,
   * src/worker.ts); absent = inside it, so the answer has the conflict counts (Node, CLI, tests).
   */
  crossReferenceLater?: CrossReferenceLater;
  /**
   * The entry's watch over its database (Node: the file under the server, src/node-db-health.ts):
   * checked around every request, so faults answer 503 and nothing unstored is acknowledged.
   */
  health?: DatabaseHealth;
  /**
   * The client's network address as the runtime knows it (Node: the socket; Workers: CF-Connecting-IP,
   * set by Cloudflare), never a header a client can set. The sign-in brake counts per login and address.
   */
  clientAddress?: (c: Context) => string | undefined;
  /**
   * Fetches and extracts web pages and feeds for "add by URL" and feed polling (src/web/node-reader.ts
   * or worker-reader.ts, chosen by the entry); absent = only pasted text can be added.
   */
  webReader?: WebReader;
  /**
   * Adds the new items a "Poll now" or a new subscription found after the request (Node: in the
   * background; Workers: one FEEDS queue message each); absent = inside the request (tests).
   */
  feedItemsLater?: FeedItemsLater;
  /**
   * Runs a bulk import's items after the request that started it (Node: in the background; Workers: one
   * FEEDS queue message each); absent = inside the request (tests). The page follows its stored progress.
   */
  importLater?: ImportLater;
  /**
   * Stores a page read by "add by URL" after the request (Workers: an `import-page` FEEDS message), so
   * the request answers 202 with a one-item import to follow; absent = stored in the request, 201.
   */
  storePageLater?: StorePageLater;
  /**
   * Extracts and stores an article given with its text after the request (Workers: the CROSSREF queue's
   * `extract` stage), so the request answers 202 with a one-item import to follow; absent = in the request, 201.
   */
  storeTextLater?: StoreTextLater;
  /**
   * Where extraction and the stateless compare run (src/services/compute.ts): Node passes a worker-thread
   * pool for large inputs (src/node-compute/pool.ts); absent = in the request's thread (Worker, tests).
   */
  compute?: Compute;
}

export interface AppSettings {
  /** SECOND_REVIEWER: a verdict becomes final only after another reviewer approves it. */
  secondReviewer?: boolean;
  /** ORG_NAME / ORG_URL: the organisation named as author of exported ClaimReviews. */
  orgName?: string;
  orgUrl?: string;
  /** READ_REQUIRES_SIGNIN: every page and API call except /signin needs a signed-in user (default off). */
  readRequiresSignin?: boolean;
  /**
   * PUBLIC_ORIGIN: where reviewers reach the service ("https://crosscheck.example.org"); absolute URLs
   * (permalinks, exports) are built from it, never from the Host header (src/routes/public-origin.ts).
   */
  publicOrigin?: string;
  /**
   * TRUST_REQUEST_ORIGIN: without PUBLIC_ORIGIN, build absolute URLs from the request's URL. Only for
   * runtimes that route by hostname themselves (Cloudflare sends a Worker only its own hostnames).
   */
  trustRequestOrigin?: boolean;
  /** SESSION_IDLE_MINUTES: a browser session unused this long ends (default 60; src/auth/identify.ts). */
  sessionIdleMinutes?: number;
}

/** `user` is set by the identify middleware on every request: null when nobody is signed in. */
export type AppEnv = {
  Variables: SecureHeadersVariables & {
    user: User | null;
    /** Set by a handler that sent security()'s headers itself (src/routes/cached-html.ts). */
    secureHeadersDone?: boolean;
  };
};
