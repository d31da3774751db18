// Use case: read articles (list, one with its claims and their links) and single claims.
import type { Db } from '../../db/client';
import { getArticle, listArticles } from '../../db/queries/articles';
import { claimSummaries, previousSentences } from '../../db/queries/claims';
import { claimsWithCandidates } from '../../db/queries/compared';
import { crossrefState } from '../../db/queries/crossref-pending';
import { linksOfClaims } from '../../db/queries/links';
import { articleDeletions, listReviews } from '../../db/queries/reviews';
import { listSources } from '../../db/queries/sources';
import { copyPeersOf } from '../../db/queries/wire-copies';
import { comparedWith } from './compared';
import { NotFoundError } from './errors';

export async function articleList(db: Db, opts: { limit: number; offset: number }) {
  const [items, deletions] = await Promise.all([listArticles(db, opts), articleDeletions(db)]);
  return { items, deletions };
}

export async function articleDetail(db: Db, id: number) {
  const [article, compared, copies] = await Promise.all([
    getArticle(db, id),
    claimsWithCandidates(db, id),
    copyPeersOf(db, id),
  ]);
  if (!article) throw new NotFoundError(`There is no article ${id}.`);
  // The claims a claim of another article shares a blocking key with: compared with something.
  // `alsoPublishedBy`: the other articles of its wire-copy group (src/core/wire-copies.ts).
  return { ...article, comparedClaims: [...compared], alsoPublishedBy: copies };
}

/** Whether the article is still being compared with the archive (the pending notice's poll). */
export async function articleCrossrefState(db: Db, id: number) {
  const state = await crossrefState(db, id);
  if (!state) throw new NotFoundError(`There is no article ${id}.`);
  return state;
}

export type ArticleView = Awaited<ReturnType<typeof articleDetail>>;

export async function claimDetail(db: Db, id: number) {
  const claim = (await claimSummaries(db, [id])).get(id);
  if (!claim) throw new NotFoundError(`There is no claim ${id}.`);
  const [links, previous, reviews, compared] = await Promise.all([
    linksOfClaims(db, [id]),
    previousSentences(db, [id]),
    listReviews(db, { type: 'claim', id }),
    comparedWith(db, claim),
  ]);
  return { claim, links, previous: previous.get(id) ?? null, reviews, compared };
}

export type ClaimDetail = Awaited<ReturnType<typeof claimDetail>>;

export async function knownOutlets(db: Db): Promise<string[]> {
  return (await listSources(db)).map((s) => s.name);
}
