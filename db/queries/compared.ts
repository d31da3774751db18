// What a stored claim could have been compared with: the claim as the cross-referencer sees it, the
// display names of entities, how many claims of other articles state a figure of the same kinds, and
// which claims of an article share a blocking key with another article's claims.
import type { ClaimForMatching } from '../../src/core';
import type { Db } from '../client';
import { readOne, readRows } from './batch';
import { articleClaimsQuery } from './candidates';

/** A stored claim as the cross-referencer sees it (all its keys), or null. */
export async function matchableClaim(
  db: Db,
  articleId: number,
  claimId: number,
): Promise<ClaimForMatching | null> {
  const claims = await readOne(db, articleClaimsQuery(articleId));
  return claims.find((c) => c.ref === String(claimId)) ?? null;
}

/** The fullest display name of each entity key (e:…) among `keys`. */
export async function entityDisplayNames(db: Db, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await readRows(db, {
    sql: 'select e.key as k, e.name as n from json_each(?) j join entities e on e.key = j.value',
    args: [JSON.stringify([...new Set(keys)])],
  });
  return new Map(rows.map((r) => [String(r.k), String(r.n)]));
}

/** How many claims of other articles than `articleId` state a figure of one of these unit classes. */
export async function sameKindElsewhere(db: Db, articleId: number, unitClasses: string[]): Promise<number> {
  if (unitClasses.length === 0) return 0;
  const [row] = await readRows(db, {
    sql: `select count(distinct q.claim_id) as n from json_each(?) j
  join quantities q on q.unit_class = j.value join claims c on c.id = q.claim_id where c.article_id != ?`,
    args: [JSON.stringify([...new Set(unitClasses)]), articleId],
  });
  return Number(row?.n ?? 0);
}

/** The claims of an article that share a blocking key with a claim of another article. */
export async function claimsWithCandidates(db: Db, articleId: number): Promise<Set<number>> {
  const rows = await readRows(db, {
    sql: `select c.id as id from claims c where c.article_id = ?1 and exists (
  select 1 from claim_keys x join claim_keys y on y.key = x.key join claims o on o.id = y.claim_id
  where x.claim_id = c.id and o.article_id != ?1)`,
    args: [articleId],
  });
  return new Set(rows.map((r) => Number(r.id)));
}
