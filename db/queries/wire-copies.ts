// Wire copies (src/core/wire-copies.ts): the signatures and groups of stored articles, for the ingest's
// decision (src/services/wire-copies.ts) and the article page's "also published by".
import { inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { articles } from '../schema';
import { readRows } from './batch';

export interface StoredCopyInfo {
  id: number;
  copyOf: number | null;
  copySignature: string | null;
}

/** The signatures and copy marks of articles `ids`. */
export async function copyInfoOf(db: Db, ids: number[]): Promise<StoredCopyInfo[]> {
  if (ids.length === 0) return [];
  const out: StoredCopyInfo[] = [];
  // D1 binds at most 100 parameters in a statement.
  for (let i = 0; i < ids.length; i += 90)
    out.push(
      ...(await db
        .select({ id: articles.id, copyOf: articles.copyOf, copySignature: articles.copySignature })
        .from(articles)
        .where(inArray(articles.id, ids.slice(i, i + 90)))),
    );
  return out;
}

export interface CopyPeer {
  id: number;
  title: string;
  outlet: string;
}

/** The other articles of article `id`'s wire-copy group (its original and the original's copies). */
export async function copyPeersOf(db: Db, id: number): Promise<CopyPeer[]> {
  const rows = await readRows(db, {
    sql: `with me(root) as (select coalesce(copy_of, id) from articles where id = ?1)
select a.id as id, a.title as title, s.name as outlet from articles a join sources s on s.id = a.source_id, me
where (a.id = me.root or a.copy_of = me.root) and a.id <> ?1 order by a.id`,
    args: [id],
  });
  return rows.map((r) => ({ id: Number(r.id), title: String(r.title), outlet: String(r.outlet) }));
}
