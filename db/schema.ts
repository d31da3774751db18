// The database schema, shared by libSQL (Node, Turso) and D1; drizzle-kit generates migrations from it.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CLAIM_STATUSES, LINK_STATUSES, ROLES } from '../src/shared/statuses';

const now = sql`(unixepoch('subsec') * 1000)`;

export const sources = sqliteTable('sources', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  homepage: text('homepage'),
});

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    title: text('title').notNull(),
    url: text('url'),
    publishedAt: text('published_at'),
    /** The normalized text every claim offset points into. */
    body: text('body').notNull(),
    contentHash: text('content_hash').notNull(),
    ingestedAt: integer('ingested_at').notNull().default(now),
    /**
     * Stored, but not compared with the archive yet: on Workers the cross-referencing runs in a Queue
     * consumer of its own (src/services/crossref-later.ts) so that each invocation fits the CPU limit.
     */
    crossrefPending: integer('crossref_pending', { mode: 'boolean' }).notNull().default(false),
    /**
     * While pending: the display names the article itself gives its entities, JSON [[key, name]…], as
     * the cross-referencer's explanations use them (the entities table keeps the fullest name across
     * all articles). Cleared once cross-referenced.
     */
    pendingNames: text('pending_names'),
    /** The byline of an article added from the web (its meta tags or JSON-LD), when it names one. */
    author: text('author'),
    /**
     * The story this article belongs to (src/services/story-upkeep.ts): articles joined by a fact
     * (a conflict or corroboration between their claims) that also name a common entity, connected.
     * Its id is the smallest article id it had when it formed (a merge keeps the smaller). Null for
     * an article that shares no fact with another.
     */
    storyId: integer('story_id'),
    /** The body's MinHash signature (src/core/wire-copies.ts, encodeSignature): finds wire copies. */
    copySignature: text('copy_signature'),
    /**
     * The article this one is a wire copy of (the first of its copies stored; src/core/wire-copies.ts):
     * shown as one article "also published by", and their claims are never linked to each other.
     * Null for an article that is no copy (or whose original was deleted).
     */
    copyOf: integer('copy_of'),
    /**
     * Cross-referenced, but its facts and stories not brought up to date yet: on Workers that upkeep
     * is a queue message of its own after the links are stored (src/services/crossref-later.ts), and
     * the sweeper sends it again if it is lost. Always false on Node, where both run in one call.
     */
    upkeepPending: integer('upkeep_pending', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    // One text once per outlet: the same text from another outlet is stored as its wire copy (copy_of);
    // the hash comes first, so the copy and duplicate checks by text alone use this index too.
    uniqueIndex('articles_content_hash_source').on(t.contentHash, t.sourceId),
    // Adding by URL refuses a URL already stored (src/services/web-articles.ts).
    index('articles_url').on(t.url),
    index('articles_source').on(t.sourceId),
    // The sweeper's lookup (src/services/crossref-later.ts): only pending rows are in it.
    index('articles_crossref_pending').on(t.id).where(sql`${t.crossrefPending} = 1`),
    index('articles_upkeep_pending').on(t.id).where(sql`${t.upkeepPending} = 1`),
    index('articles_story').on(t.storyId),
    index('articles_copy_of').on(t.copyOf),
  ],
);

export const claims = sqliteTable(
  'claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    text: text('text').notNull(),
    kind: text('kind', { enum: ['quantity', 'quote', 'statement'] }).notNull(),
    checkworthiness: real('checkworthiness').notNull(),
    /** Salient terms of the sentence and of its neighbours, JSON arrays: the matcher's input. */
    terms: text('terms', { mode: 'json' }).$type<string[]>().notNull(),
    contextTerms: text('context_terms', { mode: 'json' }).$type<string[]>().notNull(),
    entities: text('entities', { mode: 'json' }).$type<string[]>().notNull(),
    /** Quotes in the claim, JSON: [{start,end,text,speaker,speakerText}]. */
    quotes: text('quotes', { mode: 'json' }).$type<unknown[]>().notNull(),
    prevStart: integer('prev_start'),
    prevEnd: integer('prev_end'),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('unreviewed'),
    /** Under the second-reviewer rule: the verdict awaiting another reviewer's approval, and who proposed it. */
    proposedStatus: text('proposed_status', { enum: CLAIM_STATUSES }),
    proposedBy: text('proposed_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('claims_article').on(t.articleId, t.position), index('claims_status').on(t.status)],
);

export const quantities = sqliteTable(
  'quantities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    raw: text('raw').notNull(),
    value: real('value').notNull(),
    /** Infinity is stored as NULL high (SQLite has no infinity literal in JSON). */
    low: real('low').notNull(),
    high: real('high'),
    lowInclusive: integer('low_inclusive', { mode: 'boolean' }).notNull(),
    highInclusive: integer('high_inclusive', { mode: 'boolean' }).notNull(),
    unit: text('unit').notNull(),
    unitClass: text('unit_class').notNull(),
    modifiers: text('modifiers', { mode: 'json' }).$type<string[]>().notNull(),
    rate: text('rate'),
    hedge: text('hedge'),
  },
  (t) => [index('quantities_claim').on(t.claimId)],
);

/**
 * A deferred cross-reference in parts (src/services/crossref-later.ts): on Workers an article whose
 * candidates are many is compared with them a chunk per queue message, each chunk's part (links and
 * what the article-wide rules need; src/core/crossref/parts.ts) kept here until the last chunk joins
 * them and stores the links. `total` is the number of candidates the chunk saw (the parts of one run
 * agree on it).
 */
export const crossrefParts = sqliteTable(
  'crossref_parts',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    chunk: integer('chunk').notNull(),
    total: integer('total').notNull(),
    body: text('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.chunk] })],
);

/** The blocking index: a claim is a candidate for another only when they share a key. */
export const claimKeys = sqliteTable(
  'claim_keys',
  {
    key: text('key').notNull(),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
  },
  // (claim_id, key): a candidate's keys are read from the index alone (the candidate read asks each of
  // ~300 claims for its keys; a table lookup per key was 7-13 % of an ingest at 1M claims).
  (t) => [primaryKey({ columns: [t.key, t.claimId] }), index('claim_keys_claim_key').on(t.claimId, t.key)],
);

/** Document frequency of each term over all stored claims, for weighting shared terms. */
export const termStats = sqliteTable('term_stats', {
  term: text('term').primaryKey(),
  df: integer('df').notNull(),
});

export const entities = sqliteTable('entities', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  type: text('type', { enum: ['person', 'place', 'organization', 'other'] }).notNull(),
});

export const mentions = sqliteTable(
  'mentions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    entityKey: text('entity_key')
      .notNull()
      .references(() => entities.key),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    surface: text('surface').notNull(),
  },
  (t) => [index('mentions_article').on(t.articleId), index('mentions_entity').on(t.entityKey)],
);

export const links = sqliteTable(
  'links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimA: integer('claim_a')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    claimB: integer('claim_b')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    relation: text('relation', {
      enum: ['conflict', 'corroboration', 'different_scope', 'quote_differs'],
    }).notNull(),
    score: real('score').notNull(),
    severity: text('severity', { enum: ['high', 'medium', 'low'] }).notNull(),
    /**
     * The severity as a sortable number (0 high, 1 medium, 2 low), computed by SQLite (a virtual
     * column: nothing to write, nothing to backfill), so the queue's order is an index walk.
     */
    severityRank: integer('severity_rank').generatedAlwaysAs(
      sql`(case "severity" when 'high' then 0 when 'medium' then 1 else 2 end)`,
      { mode: 'virtual' },
    ),
    /** The core's Explanation, JSON. */
    explanation: text('explanation', { mode: 'json' }).$type<unknown>().notNull(),
    status: text('status', { enum: LINK_STATUSES }).notNull().default('open'),
    proposedStatus: text('proposed_status', { enum: LINK_STATUSES }),
    proposedBy: text('proposed_by'),
    /** The login of the reviewer this conflict is assigned to ("my queue"). */
    assignee: text('assignee'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull().default(now),
    /**
     * The fact this link belongs to (src/services/facts.ts): conflicts and corroborations between
     * claims stating one measurable fact in one unit family form a connected component; its id is
     * the smallest link id it had when it formed (a merge keeps the smaller), so /facts/:id of a
     * merged-away fact finds its way through the link of that id. Null for other relations.
     */
    factId: integer('fact_id'),
  },
  (t) => [
    index('links_fact').on(t.factId),
    uniqueIndex('links_pair').on(t.claimA, t.claimB),
    index('links_b').on(t.claimB),
    index('links_queue').on(t.relation, t.status, t.severity),
    index('links_assignee').on(t.assignee, t.status),
    // The conflict queue in its default order, one LIMIT walk per page. Partial: only the relations
    // a reviewer settles (QUEUE_RELATIONS; the queue's WHERE must spell this condition the same way).
    // fact_id last: the queue by fact reads each link's fact from the index, not from the row.
    index('links_queue_order')
      .on(t.status, t.severityRank, sql`${t.score} desc`, t.id, t.factId)
      .where(sql`relation in ('conflict', 'quote_differs')`),
    // The queue by fact (db/queries/queue-facts.ts): whether a link heads its fact's entry is one seek
    // here (a fact's queued links of one status, in the queue's order); and the open facts are counted
    // from it alone.
    index('links_fact_queue')
      .on(t.status, t.factId, t.severityRank, sql`${t.score} desc`, t.id)
      .where(sql`relation in ('conflict', 'quote_differs')`),
  ],
);

/**
 * Totals the dashboard shows, and a version every write to what the queue shows bumps: kept by
 * triggers (db/migrations/0003), so they hold whichever code path, process or driver writes.
 * One row, id 1. The queue's caches are keyed on `version`.
 */
export const counters = sqliteTable('counters', {
  id: integer('id').primaryKey(),
  articles: integer('articles').notNull().default(0),
  claims: integer('claims').notNull().default(0),
  openConflicts: integer('open_conflicts').notNull().default(0),
  verifiedClaims: integer('verified_claims').notNull().default(0),
  version: integer('version').notNull().default(0),
});

/** Append-only audit log: current status lives on the row, history lives here. */
export const reviews = sqliteTable(
  'reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'article' rows record an editor deleting an article (its claims and links go with it). */
    targetType: text('target_type', { enum: ['claim', 'link', 'article'] }).notNull(),
    targetId: integer('target_id').notNull(),
    reviewer: text('reviewer').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    /** Evidence URLs (http/https only), JSON array. */
    evidence: text('evidence', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [index('reviews_target').on(t.targetType, t.targetId, t.createdAt)],
);

/** Accounts. On Node they sign in with a password; on Workers, Cloudflare Access vouches for the login (an email). */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Sign-in name, or the Access email; what the audit log records. */
  login: text('login').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('viewer'),
  /** PBKDF2-SHA256 "pbkdf2-sha256$iterations$salt$hash" (base64); null for Access-only accounts. */
  passwordHash: text('password_hash'),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull().default(now),
});

/** Browser sessions: only the SHA-256 of the cookie's random token is stored, so a leaked table signs nobody in. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Bearer tokens for the JSON API and the CLI; stored hashed like sessions. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    label: text('label').notNull(),
    createdAt: integer('created_at').notNull().default(now),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);

/**
 * Feed subscriptions (RSS, Atom, RDF, JSON Feed) polled on a schedule (src/services/feeds.ts). The
 * conditional-GET validators, the backoff and the last poll's outcome live on the row.
 */
export const feeds = sqliteTable('feeds', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull().unique(),
  title: text('title'),
  /** Outlet name given to its articles when their pages do not name one. */
  outlet: text('outlet'),
  intervalMinutes: integer('interval_minutes').notNull().default(30),
  etag: text('etag'),
  lastModified: text('last_modified'),
  /** Epoch ms: when the feed is due next (after an error, later: backoff). */
  nextPollAt: integer('next_poll_at').notNull().default(0),
  lastPolledAt: integer('last_polled_at'),
  /** 'ok', 'not-modified' or 'error'. */
  lastStatus: text('last_status'),
  lastError: text('last_error'),
  lastNewItems: integer('last_new_items'),
  consecutiveErrors: integer('consecutive_errors').notNull().default(0),
  createdAt: integer('created_at').notNull().default(now),
  createdBy: text('created_by'),
});

/** Every item URL a feed has listed: an item is fetched once, whatever became of it. */
export const feedItems = sqliteTable(
  'feed_items',
  {
    url: text('url').primaryKey(),
    feedId: integer('feed_id')
      .notNull()
      .references(() => feeds.id, { onDelete: 'cascade' }),
    title: text('title'),
    /** 'stored', 'duplicate' (text or URL stored already) or 'failed'. */
    status: text('status').notNull(),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'set null' }),
    error: text('error'),
    seenAt: integer('seen_at').notNull().default(now),
  },
  (t) => [index('feed_items_feed').on(t.feedId, t.seenAt)],
);

/**
 * A bulk import (a list of URLs, an OPML file, a manifest; the form at /imports or `npm run ingest`):
 * its items are done one by one (src/services/imports.ts), and the page reads its progress from here,
 * so a reload or another reviewer sees the same. Finished once no item is pending or running.
 */
export const importJobs = sqliteTable('import_jobs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /**
   * 'urls' (articles by URL), 'opml' (feed subscriptions), 'manifest' (articles, by URL or text), or
   * 'url': one article added by URL from the form or the API on Workers, its page stored from a queue message.
   */
  kind: text('kind').notNull(),
  /** What was imported, for the list: a file name, or "12 URLs". */
  label: text('label').notNull(),
  total: integer('total').notNull(),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull().default(now),
  finishedAt: integer('finished_at'),
});

/** One item of an import and what became of it; one item's failure never touches the others. */
export const importItems = sqliteTable(
  'import_items',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** The URL (article or feed) or the manifest entry's name. */
    target: text('target').notNull(),
    /** What the item needs besides its target (a manifest entry: outlet, title, text), JSON; cleared once done. */
    payload: text('payload'),
    /** 'pending', 'running', 'stored', 'duplicate', 'subscribed' or 'failed'. */
    status: text('status').notNull().default('pending'),
    /** Why it failed, or what it duplicates. */
    reason: text('reason'),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'set null' }),
    feedId: integer('feed_id').references(() => feeds.id, { onDelete: 'set null' }),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.position] }), index('import_items_status').on(t.jobId, t.status)],
);

/**
 * Outgoing webhooks (src/services/webhooks.ts): where to POST which events, signed with the
 * subscription's own secret (HMAC-SHA256; docs/webhooks.md says how a receiver checks it).
 */
export const webhooks = sqliteTable('webhooks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull(),
  /** Comma-separated event names: 'conflict.high', 'feed.failed'. */
  events: text('events').notNull(),
  /** The signing key; shown once, when the subscription is made. */
  secret: text('secret').notNull(),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull().default(now),
});

/**
 * Every event sent (or to be sent) to a webhook: the exact body, its attempts and their outcome — the
 * delivery log. Pending deliveries are due at `next_attempt_at`; retried with backoff, then failed.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    /** The JSON body, exactly as signed and sent on every attempt. */
    body: text('body').notNull(),
    /** 'pending', 'delivered' or 'failed' (no attempts left). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    /** The receiver's HTTP status on the last attempt (null when it never answered). */
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    lastAttemptAt: integer('last_attempt_at'),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_log').on(t.webhookId, t.id),
  ],
);
