// Use case: an editor removes an article (a wrong or duplicate ingest) and everything extracted from it.
import type { Db } from '../../db/client';
import { deleteArticleCascade } from '../../db/queries/article-delete';
import { factIdsOfArticle } from '../../db/queries/facts';
import { NotFoundError } from './errors';
import { refreshFactsOf } from './fact-upkeep';

/**
 * `by` (the editor's login) goes into the audit log with what the article held. The facts its claims
 * took part in lose those links; what is left of each is split into the parts still connected (a
 * fact held together only by this article's claim becomes two). That split is a second write after
 * the deletion's atomic batch; were it lost, `npm run facts:rebuild` redoes it.
 */
export async function deleteArticle(db: Db, id: number, by: string): Promise<void> {
  const facts = await factIdsOfArticle(db, id);
  if (!(await deleteArticleCascade(db, id, by))) throw new NotFoundError('There is no such article.');
  await refreshFactsOf(db, facts);
}
