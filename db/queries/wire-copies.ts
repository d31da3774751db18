// Wire copies (src/core/wire-copies.ts): the signatures and groups of stored articles, for the ingest's
// decision (src/services/wire-copies.ts) and the article page's "also published by".
import type { Db } from '../client';
import { readRows } from './batch';

export interface StoredCopyInfo {
  id: number;
  copyOf: number | null;
  copySignature: string | null;
}

/**
 * The signatures and copy marks of articles `ids`, in one statement (the ids as one JSON parameter: an
 * ingest at a large archive asks for ~200 articles, which were three drizzle statements of 90 ids each,
 * D1 binding at most 100 parameters). In no particular order: copyGroupsOf does not depend on it.
 */
export async function copyInfoOf(db: Db, ids: number[]): Promise<StoredCopyInfo[]> {
  if (ids.length === 0) return [];
  const rows = await readRows(db, {
    sql: 'select a.id as id, a.copy_of as copyOf, a.copy_signature as copySignature from articles a where a.id in (select value from json_each(?))',
    args: [JSON.stringify(ids)],
  });
  return rows.map((r) => ({
    id: Number(r.id),
    copyOf: r.copyOf === null ? null : Number(r.copyOf),
    copySignature: r.copySignature === null ? null : String(r.copySignature),
  }));
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
