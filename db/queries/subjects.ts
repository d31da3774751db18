// What a claim's pronoun stands for: the names mentioned in the sentence before it (for ClaimReview's
// claimReviewed, which must make sense on its own).
import type { Db } from '../client';
import { readRows } from './batch';

export interface NearbyName {
  name: string;
  type: string;
}

/** Per claim: the names mentioned in its previous sentence, in reading order (one statement). */
export async function namesBefore(db: Db, ids: number[]): Promise<Map<number, NearbyName[]>> {
  const out = new Map<number, NearbyName[]>();
  if (ids.length === 0) return out;
  const rows = await readRows(db, {
    sql: `select c.id, e.name, e.type from json_each(?) j join claims c on c.id = j.value
      join mentions m on m.article_id = c.article_id and m.start >= c.prev_start and m."end" <= c.prev_end
      join entities e on e.key = m.entity_key order by c.id, m.start`,
    args: [JSON.stringify([...new Set(ids)])],
  });
  for (const r of rows) {
    const list = out.get(Number(r.id)) ?? [];
    list.push({ name: String(r.name), type: String(r.type) });
    out.set(Number(r.id), list);
  }
  return out;
}
