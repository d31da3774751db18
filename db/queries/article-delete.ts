// Deleting an article and everything extracted from it, with term_stats kept equal to what the
// remaining claims would give — in ONE batch, so a failure leaves nothing half-deleted.
import type { Db } from '../client';
import { runStatements } from './batch';
import { TOTAL_CLAIMS_TERM } from './term-stats';

/**
 * Deletes article `id` with its claims, quantities, keys, mentions and links, and records who did it
 * in the audit log (a `reviews` row with target_type 'article', written in the same batch, so there
 * is never a deletion without its record). Returns false when there was no such article. The term_stats decrement is computed inside the batch from the rows
 * it deletes (df counts claims, so each claim's distinct terms count once), which makes a second,
 * concurrent delete of the same article a no-op instead of a double decrement.
 *
 * Children are deleted explicitly rather than through ON DELETE CASCADE: libSQL enforces foreign
 * keys per connection (PRAGMA foreign_keys), and this must not depend on which connection runs it.
 * Review history (`reviews`) is kept: the audit log is append-only.
 */
export async function deleteArticleCascade(db: Db, id: number, by: string): Promise<boolean> {
  // Hand-written statements on the driver (runStatements): a raw drizzle `db.run(sql)` with
  // parameters cannot join a D1 batch (drizzle-orm#2277), which made deleting fail on Workers.
  const ofArticle = '(select c.id from claims c where c.article_id = ?1)';
  const only = (sql: string) => ({ sql, args: [id] });
  const results = await runStatements(db, [
    {
      // What went, in words a reader of the log understands: outlet, title, URL and what it held.
      sql: `insert into reviews (target_type, target_id, reviewer, action, from_status, to_status, note)
      select 'article', a.id, ?2, 'delete', null, 'deleted',
        s.name || ': ' || a.title || coalesce(' <' || a.url || '>', '') || ' (' ||
        (select count(*) from claims c where c.article_id = a.id) || ' claims, ' ||
        (select count(*) from links l where l.claim_a in ${ofArticle} or l.claim_b in ${ofArticle}) || ' links removed)'
      from articles a join sources s on s.id = a.source_id where a.id = ?1`,
      args: [id, by],
    },
    only(`insert into term_stats (term, df)
      select t.term, -count(*) from
        (select distinct c.id as claim, j.value as term from claims c, json_each(c.terms) j where c.article_id = ?1) t
      group by t.term
      on conflict (term) do update set df = term_stats.df + excluded.df`),
    {
      sql: `insert into term_stats (term, df)
      select ?2, -count(*) from claims c where c.article_id = ?1
      on conflict (term) do update set df = term_stats.df + excluded.df`,
      args: [id, TOTAL_CLAIMS_TERM],
    },
    // Terms no claim uses any more disappear, as if they had never been ingested.
    only(`delete from term_stats where df <= 0 and term in
      (select j.value from claims c, json_each(c.terms) j where c.article_id = ?1)`),
    only(`delete from links where claim_a in ${ofArticle} or claim_b in ${ofArticle}`),
    only(`delete from quantities where claim_id in ${ofArticle}`),
    only(`delete from claim_keys where claim_id in ${ofArticle}`),
    only('delete from crossref_parts where article_id = ?1'),
    only('delete from mentions where article_id = ?1'),
    only('delete from claims where article_id = ?1'),
    only('delete from articles where id = ?1 returning id'),
  ]);
  return (results.at(-1)?.length ?? 0) > 0;
}
