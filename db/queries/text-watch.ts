// Keeps the start-up repair of unreadable text (issue 19, repair-text.ts) from reading the whole
// database at every start (85 s at a million claims). Triggers on every table with text note each row
// written with text that may need repair (by anyone: the app, a CLI, an SQL shell) in `text_checks`;
// an open repairs those rows only, then forgets them. A table is read whole once: when its triggers are
// first put in place, or are out of date because its text columns changed. Local Node files only.
//
// The app's own write batches skip the triggers' test (a GLOB over every byte of every text value, ~1 ms
// of a bulk-ingested article's ~10): src/node-db.ts wraps a batch whose arguments cannot store text that
// needs repair between a mark row and its removal (appWriteBatch below), and the triggers note nothing
// while the mark is there. Every other writer (a CLI of an older version, an SQL shell) is watched as before.
import type { Db } from '../client';
import { readRows, runStatements, type Statement } from './batch';
import {
  mayNeedRepair,
  quote,
  repairColumn,
  repairText,
  TEXT_CHECKS,
  type TextRepair,
  textColumns,
} from './repair-text';

export interface TextWatchReport {
  fixed: TextRepair[];
  /** Tables read whole this time: their triggers were missing or out of date. */
  scanned: string[];
  /** Rows the triggers had noted since the last open. */
  checked: number;
}

const triggerName = (table: string, kind: 'insert' | 'update') => `text_check_${table}_${kind}`;

/**
 * The id of the mark row in text_checks that an app batch holds while it writes (never committed: the
 * batch deletes it, and a batch that fails rolls it back). Other connections never see it, and cannot
 * write meanwhile (SQLite has one writer), so it tells the triggers the writer is the app.
 */
const APP_MARK = -1;

/**
 * The two triggers of a table, as sqlite_master keeps their SQL (compared to see if they are current).
 * `before`: the SQL of the triggers before the app's mark (session 18), which watched no less.
 */
export function watchTriggers(
  table: string,
  columns: string[],
  before = false,
): { name: string; sql: string }[] {
  const test = columns.map((c) => mayNeedRepair(`new.${quote(c)}`)).join(' or ');
  // The mark is looked up first (one rowid seek): AND stops there for the app's writes.
  const when = before
    ? test
    : `not exists (select 1 from ${TEXT_CHECKS} where id = ${APP_MARK}) and (${test})`;
  const note = `insert into ${TEXT_CHECKS} (tbl, rid) values ('${table.replace(/'/g, "''")}', new.rowid)`;
  const of = columns.map(quote).join(', ');
  return [
    {
      name: triggerName(table, 'insert'),
      sql: `CREATE TRIGGER ${quote(triggerName(table, 'insert'))} AFTER INSERT ON ${quote(table)} WHEN ${when} BEGIN ${note}; END`,
    },
    {
      name: triggerName(table, 'update'),
      sql: `CREATE TRIGGER ${quote(triggerName(table, 'update'))} AFTER UPDATE OF ${of} ON ${quote(table)} WHEN ${when} BEGIN ${note}; END`,
    },
  ];
}

/** The rows noted for a table, up to a mark (rows noted later, by the repairs too, wait for the next round). */
const noted = (table: string, upTo: number) => ({
  sql: `select rid from ${TEXT_CHECKS} where tbl = ? and id <= ?`,
  args: [table, upTo],
});

/**
 * Puts the triggers in place where they are missing or out of date (reading those tables whole), then
 * repairs the rows noted since the last open. Run by openNodeDb before anything reads a row.
 */
export async function checkText(db: Db): Promise<TextWatchReport> {
  await runStatements(db, [
    {
      sql: `create table if not exists ${TEXT_CHECKS} (id integer primary key, tbl text not null, rid integer not null)`,
      args: [],
    },
  ]);
  const byTable = new Map<string, string[]>();
  for (const { table, column } of await textColumns(db))
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  const current = new Map(
    (
      await readRows(db, {
        sql: "select name, sql from sqlite_master where type = 'trigger' and name like 'text_check_%'",
        args: [],
      })
    ).map((r) => [String(r.name), String(r.sql)]),
  );

  // A mark row committed would mean writes the triggers let through: read every table whole.
  const marked = await readRows(db, { sql: `select 1 from ${TEXT_CHECKS} where id = ?`, args: [APP_MARK] });
  const scanned: string[] = [];
  for (const [table, columns] of byTable) {
    const wanted = watchTriggers(table, columns);
    const now = wanted.every((t) => current.get(t.name) === t.sql);
    if (now && marked.length === 0) continue;
    const statements: Statement[] = wanted.flatMap((t) => [
      { sql: `drop trigger if exists ${quote(t.name)}`, args: [] },
      { sql: t.sql, args: [] },
    ]);
    // Watched from here on, then read whole: a write between the two is noted, not missed.
    if (!now) await runStatements(db, statements);
    // Triggers of before the mark watched every writer: replaced, their table need not be read.
    const before = watchTriggers(table, columns, true);
    if (marked.length === 0 && before.every((t) => current.get(t.name) === t.sql)) continue;
    scanned.push(table);
  }
  if (marked.length > 0)
    await runStatements(db, [{ sql: `delete from ${TEXT_CHECKS} where id = ?`, args: [APP_MARK] }]);
  const fixed = scanned.length > 0 ? await repairText(db, new Set(scanned)) : [];

  let checked = 0;
  // A repair's own update is noted again (U+FFFD is not ASCII): the second round finds it sound.
  for (let round = 0; round < 3; round++) {
    const mark = await readRows(db, {
      sql: `select max(id) as top, count(*) as n from ${TEXT_CHECKS}`,
      args: [],
    });
    const top = mark[0]?.top;
    if (top === null || top === undefined) break;
    if (round === 0) checked = Number(mark[0]?.n ?? 0);
    const tables = await readRows(db, {
      sql: `select distinct tbl from ${TEXT_CHECKS} where id <= ?`,
      args: [Number(top)],
    });
    for (const { tbl } of tables) {
      const table = String(tbl);
      for (const column of byTable.get(table) ?? [])
        fixed.push(...(await repairColumn(db, table, column, noted(table, Number(top)))));
    }
    await runStatements(db, [{ sql: `delete from ${TEXT_CHECKS} where id <= ?`, args: [Number(top)] }]);
  }
  return { fixed, scanned, checked };
}

/** A statement as libSQL's client.batch takes it: SQL alone, SQL with arguments, or a [sql, args] pair. */
type BatchStatement = string | { sql: string; args?: unknown } | readonly [string, unknown?];

function argsOf(s: BatchStatement): unknown[] {
  const args = typeof s === 'string' ? undefined : Array.isArray(s) ? s[1] : (s as { args?: unknown }).args;
  if (args === undefined || args === null) return [];
  return Array.isArray(args) ? args : Object.values(args as object);
}

/** An escape of a UTF-16 surrogate, as JSON text writes a lone one (see json-arg.ts). */
const ESCAPED_SURROGATE = /\\ud[89a-f]/i;

/** Whether an argument can make SQLite store text that needs repair (it is repaired only if noted). */
function risky(arg: unknown): boolean {
  if (typeof arg === 'string') return ESCAPED_SURROGATE.test(arg);
  // Bytes could be cast to text; anything else the client binds as a number or null.
  return arg instanceof Uint8Array || arg instanceof ArrayBuffer || (typeof arg === 'object' && arg !== null);
}

/**
 * A write batch of the app run between the mark row and its removal, so that the text-check triggers
 * note nothing, or null when the triggers must look (then the batch runs as it is). The app's text is
 * bound as parameters, which libSQL's client always stores as UTF-8 (a lone surrogate of a JS string
 * becomes U+FFFD); what could store bytes that are no UTF-8 is an escape of a lone surrogate decoded
 * by SQLite's JSON functions (json_each), or bytes cast to text: a batch with such an argument is left
 * to the triggers. Text already stored by others and not yet repaired (any row noted in text_checks)
 * could be copied by the batch's SQL: then the mark is not set (`where not exists`), and the triggers
 * look at everything until the next open has checked those rows.
 */
export function appWriteBatch<S extends BatchStatement>(statements: readonly S[]): (S | Statement)[] | null {
  for (const s of statements) for (const a of argsOf(s)) if (risky(a)) return null;
  return [
    {
      sql: `insert into ${TEXT_CHECKS} (id, tbl, rid) select ?, '', 0 where not exists (select 1 from ${TEXT_CHECKS})`,
      args: [APP_MARK],
    },
    ...statements,
    { sql: `delete from ${TEXT_CHECKS} where id = ?`, args: [APP_MARK] },
  ];
}
