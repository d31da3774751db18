// Use case: an editor removes an article (a wrong or duplicate ingest) and everything extracted from it.
import type { Db } from '../../db/client';
import { deleteArticleCascade } from '../../db/queries/article-delete';
import { factIdsOfArticle } from '../../db/queries/facts';
import { storyOfArticle } from '../../db/queries/stories';
import { NotFoundError } from './errors';
import { refreshFactsOf } from './fact-upkeep';
import { refreshStoriesOf } from './story-upkeep';

/**
 * `by` (the editor's login) goes into the audit log with what the article held. The facts its claims
 * took part in lose those links; what is left of each is split into the parts still connected (a
 * fact held together only by this article's claim becomes two), and so does its story. Those splits
 * are writes after the deletion's atomic batch; were they lost, `npm run facts:rebuild` redoes them.
 */
export async function deleteArticle(db: Db, id: number, by: string): Promise<void> {
  const [facts, story] = await Promise.all([factIdsOfArticle(db, id), storyOfArticle(db, id)]);
  if (!(await deleteArticleCascade(db, id, by))) throw new NotFoundError('There is no such article.');
  await refreshFactsOf(db, facts);
  if (story !== null) await refreshStoriesOf(db, [story]);
}
