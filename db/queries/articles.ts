// Articles: the duplicate check and the reads (article-insert.ts stores them).
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, claims, sources } from '../schema';
import { type Read, readOne } from './batch';
import type { ClaimSummary } from './claims';
import { claimSummaries } from './claims';
import { type LinkWithClaims, linksOfClaims } from './links';

/** A stored article found by its text (content hash). */
export interface StoredByHash {
  id: number;
  title: string;
  outlet: string;
  url: string | null;
  /** The first article of its wire-copy group: itself when it is no copy. */
  group: number;
}

/**
 * Stored articles with any of `hashes`, by content hash (oldest first): the duplicate and verbatim-reprint
 * check for a whole batch as one read. A hash has one article per outlet at most (the unique index).
 */
export function articlesByHashQuery(hashes: string[]): Read<Map<string, StoredByHash[]>> {
  return {
    statement: {
      sql: `select a.id, a.title, a.url, a.content_hash, coalesce(a.copy_of, a.id) as grp, s.name as outlet
from articles a join sources s on s.id = a.source_id where a.content_hash in (select value from json_each(?)) order by a.id`,
      args: [JSON.stringify([...new Set(hashes)])],
    },
    decode(rows) {
      const out = new Map<string, StoredByHash[]>();
      for (const r of rows) {
        const hash = String(r.content_hash);
        const list = out.get(hash) ?? [];
        list.push({
          id: Number(r.id),
          title: String(r.title),
          outlet: String(r.outlet),
          url: r.url === null ? null : String(r.url),
          group: Number(r.grp),
        });
        out.set(hash, list);
      }
      return out;
    },
  };
}

/** articlesByHashQuery run on its own. */
export async function findArticlesByHashes(db: Db, hashes: string[]): Promise<Map<string, StoredByHash[]>> {
  if (hashes.length === 0) return new Map();
  return readOne(db, articlesByHashQuery(hashes));
}

export interface ArticleRecord {
  id: number;
  title: string;
  url: string | null;
  publishedAt: string | null;
  body: string;
  outlet: string;
  ingestedAt: number;
  /** Stored but not compared with the archive yet (see src/services/crossref-later.ts). */
  crossrefPending: boolean;
}

export interface ArticleDetail extends ArticleRecord {
  /** The byline the page gave (articles added by URL), else null. */
  author: string | null;
  claims: ClaimSummary[];
  links: LinkWithClaims[];
}

export async function getArticle(db: Db, id: number): Promise<ArticleDetail | null> {
  const row = await db
    .select({
      id: articles.id,
      title: articles.title,
      url: articles.url,
      publishedAt: articles.publishedAt,
      author: articles.author,
      body: articles.body,
      outlet: sources.name,
      ingestedAt: articles.ingestedAt,
      crossrefPending: articles.crossrefPending,
    })
    .from(articles)
    .innerJoin(sources, eq(sources.id, articles.sourceId))
    .where(eq(articles.id, id))
    .get();
  if (!row) return null;
  const ids = await db
    .select({ id: claims.id })
    .from(claims)
    .where(eq(claims.articleId, id))
    .orderBy(asc(claims.position));
  const summaries = await claimSummaries(
    db,
    ids.map((r) => r.id),
  );
  const list = ids.map((r) => summaries.get(r.id)).filter((c): c is ClaimSummary => c !== undefined);
  return {
    ...row,
    claims: list,
    links: await linksOfClaims(
      db,
      list.map((c) => c.id),
    ),
  };
}

export interface ArticleListItem {
  id: number;
  title: string;
  url: string | null;
  publishedAt: string | null;
  outlet: string;
  ingestedAt: number;
  claims: number;
  crossrefPending: boolean;
}

export async function listArticles(
  db: Db,
  opts: { limit?: number; offset?: number } = {},
): Promise<ArticleListItem[]> {
  return db
    .select({
      id: articles.id,
      title: articles.title,
      url: articles.url,
      publishedAt: articles.publishedAt,
      outlet: sources.name,
      ingestedAt: articles.ingestedAt,
      claims: sql<number>`(select count(*) from ${claims} where ${claims.articleId} = ${articles.id})`,
      crossrefPending: articles.crossrefPending,
    })
    .from(articles)
    .innerJoin(sources, eq(sources.id, articles.sourceId))
    .orderBy(desc(articles.ingestedAt), desc(articles.id))
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0);
}

export async function articleCount(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(articles).get())?.n ?? 0;
}
