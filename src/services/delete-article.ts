// Use case: an editor removes an article (a wrong or duplicate ingest) and everything extracted from it.
import type { Db } from '../../db/client';
import { deleteArticleCascade } from '../../db/queries/article-delete';
import { NotFoundError } from './errors';

/**
 * Not written to the `reviews` audit log: its target_type is 'claim' | 'link' only, and the claims
 * and links go with the article. The caller passes who asked, so adding that log row later is local.
 */
export async function deleteArticle(db: Db, id: number, _by: string): Promise<void> {
  if (!(await deleteArticleCascade(db, id))) throw new NotFoundError('There is no such article.');
}
