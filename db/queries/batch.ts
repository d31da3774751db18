// Atomic multi-statement writes and bounded statement sizes, for libSQL and D1 alike.
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../client';

type Batchable = {
  batch(items: readonly [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]): Promise<unknown[]>;
};

/**
 * Runs statements in one `db.batch()`: atomic on libSQL and on D1 (which has no interactive
 * transactions). `Db` is the base drizzle type, which does not declare `batch`; both real drivers
 * (drizzle-orm/libsql and drizzle-orm/d1) do, so a driver without it is a programming error.
 */
export async function runBatch(db: Db, items: BatchItem<'sqlite'>[]): Promise<unknown[]> {
  const batchable = db as unknown as Partial<Batchable>;
  if (typeof batchable.batch !== 'function') throw new Error('This database driver has no batch()');
  const [first, ...rest] = items;
  if (!first) return [];
  return batchable.batch([first, ...rest]);
}

/** One SQL statement with positional (`?`) parameters, run on the driver without drizzle's query builder. */
export interface Statement {
  sql: string;
  args: (string | number | null)[];
}

/**
 * What tells a stored article apart before its id is known: its text (content hash) and its outlet. The
 * same text is stored once per outlet (another outlet's is a wire copy), so the two name one row.
 */
export interface ArticleKey {
  contentHash: string;
  outlet: string;
}

/** The id of the article stored under `key`, as an SQL expression (the unique index on hash and source). */
export const ARTICLE_BY_KEY_SQL =
  '(select id from articles where content_hash = ? and source_id = (select id from sources where name = ?))';

/**
 * The article an import or feed item's outcome points at, as an SQL expression and its arguments: an id
 * known now, or the one the same batch stores under `storedAs`.
 */
export function articleIdOf(articleId: number | null | undefined, storedAs?: ArticleKey) {
  return storedAs === undefined
    ? { sql: '?', args: [articleId ?? null] }
    : { sql: ARTICLE_BY_KEY_SQL, args: [storedAs.contentHash, storedAs.outlet] };
}

/**
 * A row as the driver answers it. It never leaves db/: every query decodes its rows into a type of its
 * own before returning (tests/architecture/dependency-rules.test.ts fails on an export that carries one).
 */
export type SqlRow = Record<string, unknown>;

/**
 * One read statement and the codec that turns its rows into `T`: what a service may batch with other
 * reads (readAll) without ever seeing a row.
 */
export interface Read<T> {
  statement: Statement;
  decode(rows: SqlRow[]): T;
}

type Decoded<R extends readonly Read<unknown>[]> = {
  -readonly [K in keyof R]: R[K] extends Read<infer T> ? T : never;
};

/** Runs reads in one round trip (one batch: one consistent snapshot), each answer decoded by its read. */
export async function readAll<const R extends readonly Read<unknown>[]>(
  db: Db,
  reads: R,
): Promise<Decoded<R>> {
  const answers = await runStatements(
    db,
    reads.map((r) => r.statement),
    'read',
  );
  return reads.map((r, i) => r.decode(answers[i] ?? [])) as Decoded<R>;
}

type D1Client = {
  prepare(sql: string): { bind(...args: unknown[]): unknown };
  batch(statements: unknown[]): Promise<{ results?: SqlRow[] }[]>;
};
type LibsqlClient = {
  execute(stmt: unknown): Promise<unknown>;
  batch(
    statements: { sql: string; args: Statement['args'] }[],
    mode?: 'write' | 'read' | 'deferred',
  ): Promise<{ columns: string[]; rows: unknown[] }[]>;
};

/**
 * Runs hand-written statements as ONE atomic batch on the driver itself (libSQL `client.batch(…,
 * 'write')`, D1 `DB.batch()`), returning each statement's rows as plain objects. This skips drizzle's
 * per-statement query building, which dominated ingest CPU, and sidesteps drizzle-orm#2277 (a raw
 * `db.run(sql)` with parameters cannot join a D1 batch through drizzle). Both drizzle drivers expose
 * their client as `$client`.
 */
export async function runStatements(
  db: Db,
  statements: Statement[],
  mode: 'write' | 'read' = 'write',
): Promise<SqlRow[][]> {
  if (statements.length === 0) return [];
  const client = (db as unknown as { $client?: unknown }).$client as
    | Partial<D1Client & LibsqlClient>
    | undefined;
  if (client && typeof client.execute === 'function' && typeof client.batch === 'function') {
    const results = await (client as LibsqlClient).batch(statements, mode);
    return results.map((r) =>
      r.rows.map((row) => {
        const obj: SqlRow = {};
        for (const [i, col] of r.columns.entries()) obj[col] = (row as unknown[])[i];
        return obj;
      }),
    );
  }
  if (client && typeof client.prepare === 'function' && typeof client.batch === 'function') {
    const d1 = client as D1Client;
    const results = await d1.batch(statements.map((s) => d1.prepare(s.sql).bind(...s.args)));
    return results.map((r) => r.results ?? []);
  }
  throw new Error('This database driver exposes no libSQL or D1 client with batch()');
}

/** Runs one hand-written read on the driver (see runStatements), rows as plain objects. */
export async function readRows(db: Db, statement: Statement): Promise<SqlRow[]> {
  const client = (db as unknown as { $client?: unknown }).$client as
    | Partial<D1Client & LibsqlClient>
    | undefined;
  if (client && typeof client.execute === 'function') {
    const r = (await client.execute(statement)) as { columns: string[]; rows: unknown[] };
    return r.rows.map((row) => {
      const obj: SqlRow = {};
      for (const [i, col] of r.columns.entries()) obj[col] = (row as unknown[])[i];
      return obj;
    });
  }
  if (client && typeof client.prepare === 'function') {
    const stmt = client.prepare(statement.sql).bind(...statement.args) as {
      all(): Promise<{ results?: SqlRow[] }>;
    };
    return (await stmt.all()).results ?? [];
  }
  throw new Error('This database driver exposes no libSQL or D1 client');
}

/** One read run on its own, decoded. */
export async function readOne<T>(db: Db, read: Read<T>): Promise<T> {
  return read.decode(await readRows(db, read.statement));
}

/** The bound-parameter limit of the database behind `db`: 100 on D1, 32766 on libSQL (SQLite's default). */
export function maxParamsOf(db: Db): number {
  const client = (db as unknown as { $client?: { execute?: unknown } }).$client;
  return client && typeof client.execute === 'function' ? 32_000 : MAX_PARAMS;
}

/**
 * D1 allows at most 100 bound parameters per statement, so multi-row inserts and `IN` lists are
 * split into chunks that stay under it; libSQL is happy either way.
 */
export const MAX_PARAMS = 99;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const n = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

/** Splits rows so that rows × params-per-row stays within MAX_PARAMS. */
export function chunkRows<T>(rows: readonly T[], paramsPerRow: number): T[][] {
  return chunk(rows, MAX_PARAMS / Math.max(1, paramsPerRow));
}
