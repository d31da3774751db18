// Articles stored but not yet compared with the archive (articles.crossref_pending): what the deferred
// cross-reference (src/services/crossref-later.ts) reads before it runs, and its one atomic write.
import type { Explanation, Relation, Severity } from '../../src/core';
import type { Db } from '../client';
import { exactReal, realAt } from './article-insert';
import { type Read, readRows, runStatements } from './batch';
import { dropPartsStatement } from './crossref-parts';
import { jsonArg } from './json-arg';

export interface PendingArticle {
  id: number;
  /** Still waiting for its cross-reference (false: done, or its facts' upkeep is what is left). */
  crossrefPending: boolean;
  /** Cross-referenced, its facts and stories not brought up to date yet. */
  upkeepPending: boolean;
  /** The id of its first claim (null when it has none): the archive it is compared with is below it. */
  firstClaimId: number | null;
  /** The display names it gives its entities, by key (stored with it for this comparison). */
  names: Map<string, string>;
  /** Its wire-copy signature (encodeSignature), if it has one. */
  copySignature: string | null;
  /** The article it was marked a copy of when stored (a verbatim reprint of another outlet's), if any. */
  copyOf: number | null;
}

/** Article `id`'s state for the deferred cross-reference; null when there is no such article. */
export function pendingArticleQuery(id: number): Read<PendingArticle | null> {
  return {
    statement: {
      sql: `select (select min(c.id) from claims c where c.article_id = a.id) as first_claim, a.pending_names as names,
a.crossref_pending as pending, a.upkeep_pending as upkeep, a.copy_signature as signature, a.copy_of as copy_of
from articles a where a.id = ?`,
      args: [id],
    },
    decode: ([row]) =>
      row
        ? {
            id,
            crossrefPending: Number(row.pending) === 1,
            upkeepPending: Number(row.upkeep) === 1,
            firstClaimId: row.first_claim === null ? null : Number(row.first_claim),
            names: new Map(JSON.parse(String(row.names ?? '[]')) as [string, string][]),
            copySignature: typeof row.signature === 'string' ? row.signature : null,
            copyOf: row.copy_of === null || row.copy_of === undefined ? null : Number(row.copy_of),
          }
        : null,
  };
}

/** Whether article `id` still waits for its cross-reference, and its claim count; null when there is no such article. */
export async function crossrefState(
  db: Db,
  id: number,
): Promise<{ pending: boolean; claims: number } | null> {
  const [row] = await readRows(db, {
    sql: 'select a.crossref_pending as pending, (select count(*) from claims c where c.article_id = a.id) as claims from articles a where a.id = ?',
    args: [id],
  });
  return row ? { pending: Number(row.pending) === 1, claims: Number(row.claims) } : null;
}

/** A link found by a deferred cross-reference: both ends are stored claims. */
export interface StoredLink {
  a: number;
  b: number;
  relation: Relation;
  score: number;
  severity: Severity;
  explanation: Explanation;
}

const at = (i: number) => `json_extract(r.value, '$[${i}]')`;
const PENDING = 'exists (select 1 from articles where id = ? and crossref_pending = 1)';

/**
 * Stores `links` for article `id` and marks it cross-referenced, in ONE batch (atomic on libSQL and
 * D1), only while it is still pending: a second delivery of the same message, or an article deleted
 * meanwhile, changes nothing. `copyOf`: the article it turned out to be a wire copy of. `upkeep`: its
 * facts and stories are left to bring up to date (upkeep_pending), cleared by finishUpkeep. The parts
 * of a cross-reference run in chunks (crossref-parts.ts) go with it. Returns whether this call finished it.
 */
export async function finishCrossReference(
  db: Db,
  id: number,
  links: StoredLink[],
  { copyOf = null, upkeep = false }: { copyOf?: number | null; upkeep?: boolean } = {},
): Promise<boolean> {
  const rows = links.map((l) => [l.a, l.b, l.relation, exactReal(l.score), l.severity, l.explanation]);
  const statements = [
    {
      sql: `insert into links (claim_a, claim_b, relation, score, severity, explanation)
select ${at(0)}, ${at(1)}, ${at(2)}, ${realAt('r.value', '$[3]')}, ${at(4)}, ${at(5)}
from json_each(?) r where ${PENDING} order by r.key on conflict do nothing`,
      args: [jsonArg(rows), id],
    },
    ...(copyOf === null
      ? []
      : [
          {
            sql: 'update articles set copy_of = ? where id = ? and crossref_pending = 1',
            args: [copyOf, id],
          },
        ]),
    dropPartsStatement(id),
    {
      sql: 'update articles set crossref_pending = 0, pending_names = null, upkeep_pending = ? where id = ? and crossref_pending = 1 returning id',
      args: [upkeep ? 1 : 0, id],
    },
  ];
  const results = await runStatements(db, statements);
  return (results.at(-1)?.length ?? 0) > 0;
}

/** Marks article `id`'s facts and stories up to date (see finishCrossReference). */
export async function finishUpkeep(db: Db, id: number): Promise<void> {
  await runStatements(db, [
    { sql: 'update articles set upkeep_pending = 0 where id = ? and upkeep_pending = 1', args: [id] },
  ]);
}

/** Articles whose upkeep is pending, ingested before `ingestedBefore` (ms since the epoch), oldest first. */
export async function upkeepPendingIds(db: Db, ingestedBefore: number, limit: number): Promise<number[]> {
  const rows = await readRows(db, {
    sql: 'select id from articles where upkeep_pending = 1 and ingested_at < ? order by id limit ?',
    args: [ingestedBefore, limit],
  });
  return rows.map((r) => Number(r.id));
}

/** Pending articles ingested before `ingestedBefore` (ms since the epoch), oldest first. */
export async function pendingArticleIds(db: Db, ingestedBefore: number, limit: number): Promise<number[]> {
  const rows = await readRows(db, {
    sql: 'select id from articles where crossref_pending = 1 and ingested_at < ? order by id limit ?',
    args: [ingestedBefore, limit],
  });
  return rows.map((r) => Number(r.id));
}
