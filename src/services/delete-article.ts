// Use case: an editor removes an article (a wrong or duplicate ingest) and everything extracted from it.
import type { Db } from '../../db/client';
import { deleteArticleCascade } from '../../db/queries/article-delete';
import { NotFoundError } from './errors';

/** `by` (the editor's login) goes into the audit log with what the article held. */
export async function deleteArticle(db: Db, id: number, by: string): Promise<void> {
  if (!(await deleteArticleCascade(db, id, by))) throw new NotFoundError('There is no such article.');
}
