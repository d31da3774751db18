// Articles by the URL they were added from.
import { inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { articles } from '../schema';

/** The first stored article with any of these URLs, or null. */
export async function articleByUrls(
  db: Db,
  urls: string[],
): Promise<{ id: number; title: string; url: string } | null> {
  if (urls.length === 0) return null;
  const [row] = await db
    .select({ id: articles.id, title: articles.title, url: articles.url })
    .from(articles)
    .where(inArray(articles.url, [...new Set(urls)]))
    .orderBy(articles.id)
    .limit(1);
  return row ? { id: row.id, title: row.title, url: row.url ?? '' } : null;
}
