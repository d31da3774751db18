// Articles: the duplicate check, the one-batch insert of an article with everything extracted from it, reads.
import { asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Claim, Entity, EntityMention, Explanation, Relation, Severity } from '../../src/core';
import type { Db } from '../client';
import {
  articles,
  claimKeys,
  claims,
  entities,
  links,
  mentions,
  quantities,
  sources,
  termStats,
} from '../schema';
import { chunkRows, runBatch } from './batch';
import { TOTAL_CLAIMS_TERM } from './candidates';
import type { ClaimSummary } from './claims';
import { claimSummaries } from './claims';
import { type LinkWithClaims, linksOfClaims } from './links';
import { quantityToRow } from './quantities';

export async function findArticleByHash(
  db: Db,
  contentHash: string,
): Promise<{ id: number; title: string } | null> {
  const row = await db
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(eq(articles.contentHash, contentHash))
    .get();
  return row ?? null;
}

/** A link end: a claim of the article being inserted (by position) or a stored claim (by id). */
export type ClaimRef = { position: number } | { id: number };

export interface NewLink {
  a: ClaimRef;
  b: ClaimRef;
  relation: Relation;
  score: number;
  severity: Severity;
  explanation: Explanation;
}

export interface NewArticle {
  sourceId: number;
  title: string;
  url: string | null;
  publishedAt: string | null;
  body: string;
  contentHash: string;
  claims: Claim[];
  entities: Entity[];
  mentions: EntityMention[];
  links: NewLink[];
}

/**
 * Stores an article and everything extracted from it in ONE db.batch (atomic on libSQL and D1).
 *
 * Id allocation: rows that point at the new article or its claims look the ids up with scalar
 * subqueries keyed by the article's unique content_hash and the claim's position
 * (`(select id from claims where article_id = (select id from articles where content_hash = ?)
 * and position = ?)`), evaluated inside the batch after the rows they reference. Nothing is
 * read or reserved beforehand, so two concurrent ingests can never collide on ids and there is
 * no retry path; the cost is an indexed lookup per row (articles_content_hash, claims_article).
 * A concurrent insert of the same text fails the whole batch on the content_hash unique index.
 */
export async function insertArticleBatch(db: Db, a: NewArticle): Promise<number> {
  const articleId = sql`(select a.id from articles a where a.content_hash = ${a.contentHash})`;
  const claimId = (position: number) =>
    sql`(select c.id from claims c where c.article_id = ${articleId} and c.position = ${position})`;
  const refSql = (ref: ClaimRef): SQL | number => ('id' in ref ? ref.id : claimId(ref.position));

  const items: BatchItem<'sqlite'>[] = [
    db
      .insert(articles)
      .values({
        sourceId: a.sourceId,
        title: a.title,
        url: a.url,
        publishedAt: a.publishedAt,
        body: a.body,
        contentHash: a.contentHash,
      })
      .returning({ id: articles.id }),
  ];

  const claimRows = a.claims.map((c) => ({
    articleId,
    position: c.position,
    start: c.start,
    end: c.end,
    text: c.text,
    kind: c.kind,
    checkworthiness: c.checkworthiness,
    terms: c.terms,
    contextTerms: c.contextTerms,
    entities: c.entities,
    quotes: c.quotes as unknown[],
    prevStart: c.previous?.start ?? null,
    prevEnd: c.previous?.end ?? null,
  }));
  for (const rows of chunkRows(claimRows, 15)) items.push(db.insert(claims).values(rows));

  const quantityRows = a.claims.flatMap((c) =>
    c.quantities.map((q) => ({ ...quantityToRow(q), claimId: claimId(c.position) })),
  );
  for (const rows of chunkRows(quantityRows, 15)) items.push(db.insert(quantities).values(rows));

  const keyRows = a.claims.flatMap((c) =>
    [...new Set(c.keys)].map((key) => ({ key, claimId: claimId(c.position) })),
  );
  for (const rows of chunkRows(keyRows, 3))
    items.push(db.insert(claimKeys).values(rows).onConflictDoNothing());

  // Every mentioned key needs an entity row (foreign key), even if the core listed it only as a mention.
  const entityRows = new Map(a.entities.map((e) => [e.key, { key: e.key, name: e.name, type: e.type }]));
  for (const m of a.mentions) {
    if (!entityRows.has(m.key)) entityRows.set(m.key, { key: m.key, name: m.surface, type: 'other' });
  }
  for (const rows of chunkRows([...entityRows.values()], 3)) {
    items.push(
      db
        .insert(entities)
        .values(rows)
        .onConflictDoUpdate({
          target: entities.key,
          // Keep the fullest name seen across articles.
          set: {
            name: sql`case when length(excluded.name) > length(${entities.name}) then excluded.name else ${entities.name} end`,
          },
        }),
    );
  }
  const mentionRows = a.mentions.map((m) => ({
    articleId,
    entityKey: m.key,
    start: m.start,
    end: m.end,
    surface: m.surface,
  }));
  for (const rows of chunkRows(mentionRows, 5)) items.push(db.insert(mentions).values(rows));

  const linkRows = a.links.map((l) => ({
    claimA: refSql(l.a),
    claimB: refSql(l.b),
    relation: l.relation,
    score: l.score,
    severity: l.severity,
    explanation: l.explanation as unknown,
  }));
  for (const rows of chunkRows(linkRows, 8)) items.push(db.insert(links).values(rows).onConflictDoNothing());

  // Document frequency: the number of claims whose terms include the term.
  const df = new Map<string, number>();
  for (const c of a.claims) for (const t of new Set(c.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  // The empty term counts all claims: reading one row beats count(*) over a million claims.
  df.set(TOTAL_CLAIMS_TERM, a.claims.length);
  const dfRows = [...df].map(([term, n]) => ({ term, df: n }));
  for (const rows of chunkRows(dfRows, 2)) {
    items.push(
      db
        .insert(termStats)
        .values(rows)
        .onConflictDoUpdate({ target: termStats.term, set: { df: sql`${termStats.df} + excluded.df` } }),
    );
  }

  const [inserted] = (await runBatch(db, items)) as [{ id: number }[], ...unknown[]];
  const id = inserted[0]?.id;
  if (id === undefined) throw new Error('The article insert returned no id');
  return id;
}

export interface ArticleRecord {
  id: number;
  title: string;
  url: string | null;
  publishedAt: string | null;
  body: string;
  outlet: string;
  ingestedAt: number;
}

export interface ArticleDetail extends ArticleRecord {
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
      body: articles.body,
      outlet: sources.name,
      ingestedAt: articles.ingestedAt,
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
