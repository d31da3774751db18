// Reading claims for display: summaries with article, outlet and quantities, and their sentence context.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, type ClaimStatus, claims, sources } from '../schema';
import { chunk, MAX_PARAMS } from './batch';
import { quantitiesOf, type StoredQuantity } from './quantities';

export interface ClaimSummary {
  id: number;
  articleId: number;
  position: number;
  start: number;
  end: number;
  text: string;
  kind: 'quantity' | 'quote' | 'statement';
  checkworthiness: number;
  status: ClaimStatus;
  version: number;
  articleTitle: string;
  articleUrl: string | null;
  publishedAt: string | null;
  outlet: string;
  quantities: StoredQuantity[];
}

/** Claims by id with their article and outlet, in one joined query per chunk plus one for quantities. */
export async function claimSummaries(db: Db, ids: number[]): Promise<Map<number, ClaimSummary>> {
  const out = new Map<number, ClaimSummary>();
  const unique = [...new Set(ids)];
  for (const part of chunk(unique, MAX_PARAMS)) {
    const rows = await db
      .select({
        id: claims.id,
        articleId: claims.articleId,
        position: claims.position,
        start: claims.start,
        end: claims.end,
        text: claims.text,
        kind: claims.kind,
        checkworthiness: claims.checkworthiness,
        status: claims.status,
        version: claims.version,
        articleTitle: articles.title,
        articleUrl: articles.url,
        publishedAt: articles.publishedAt,
        outlet: sources.name,
      })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .innerJoin(sources, eq(sources.id, articles.sourceId))
      .where(inArray(claims.id, part));
    for (const r of rows) out.set(r.id, { ...r, quantities: [] });
  }
  const qs = await quantitiesOf(db, unique);
  for (const [id, list] of qs) {
    const c = out.get(id);
    if (c) c.quantities = list;
  }
  return out;
}

/**
 * The sentence before each claim, sliced in JS from the stored body: offsets are UTF-16 indexes
 * (JavaScript strings), which SQLite's substr (code points) would get wrong after an emoji.
 */
export async function previousSentences(db: Db, ids: number[]): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  for (const part of chunk([...new Set(ids)], MAX_PARAMS)) {
    const rows = await db
      .select({ id: claims.id, prevStart: claims.prevStart, prevEnd: claims.prevEnd, body: articles.body })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(inArray(claims.id, part));
    for (const r of rows) {
      const has = r.prevStart !== null && r.prevEnd !== null && r.prevEnd > r.prevStart;
      out.set(r.id, has ? r.body.slice(r.prevStart!, r.prevEnd!).trim() : null);
    }
  }
  return out;
}

export async function claimExists(db: Db, id: number): Promise<boolean> {
  const row = await db.select({ id: claims.id }).from(claims).where(eq(claims.id, id)).get();
  return row !== undefined;
}
