// The parts of a deferred cross-reference run a chunk of candidates per queue message (crossref_parts):
// each chunk stores its part, the last reads them with its candidates (candidates.ts) and joins them.
import type { CrossReferencePart } from '../../src/core';
import type { Db } from '../client';
import { runStatements, type Statement } from './batch';
import { jsonArg } from './json-arg';

/** What a chunk keeps: its part, and the article of each claim its links name (for the copy check). */
export interface PartBody {
  part: CrossReferencePart;
  articleOf: [string, string][];
}

export interface StoredPart {
  chunk: number;
  /** The number of candidates the chunk saw in all: every part of one run agrees on it. */
  total: number;
  body: PartBody;
}

/**
 * Stores chunk `chunk`'s part of article `articleId`'s cross-reference (replacing one a repeated
 * delivery stored), only while the article is still pending. Returns whether it was stored.
 */
export async function storePart(
  db: Db,
  articleId: number,
  { chunk, total, body }: StoredPart,
): Promise<boolean> {
  const [stored] = await runStatements(db, [
    {
      sql: `insert into crossref_parts (article_id, chunk, total, body)
select ?1, ?2, ?3, ?4 where exists (select 1 from articles where id = ?1 and crossref_pending = 1)
on conflict (article_id, chunk) do update set total = excluded.total, body = excluded.body returning chunk`,
      args: [articleId, chunk, total, jsonArg(body)],
    },
  ]);
  return (stored?.length ?? 0) > 0;
}

/** Removes article `id`'s parts: for finishCrossReference's batch, once they are joined. */
export const dropPartsStatement = (id: number): Statement => ({
  sql: 'delete from crossref_parts where article_id = ?',
  args: [id],
});
