// Keeps the start-up repair of unreadable text (issue 19, repair-text.ts) from reading the whole
// database at every start (85 s at a million claims). Triggers on every table with text note each row
// written with text that may need repair (by anyone: the app, a CLI, an SQL shell) in `text_checks`;
// an open repairs those rows only, then forgets them. A table is read whole once: when its triggers are
// first put in place, or are out of date because its text columns changed. Local Node files only.
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

/** The two triggers of a table, as sqlite_master keeps their SQL (compared to see if they are current). */
export function watchTriggers(table: string, columns: string[]): { name: string; sql: string }[] {
  const when = columns.map((c) => mayNeedRepair(`new.${quote(c)}`)).join(' or ');
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

  const scanned: string[] = [];
  for (const [table, columns] of byTable) {
    const wanted = watchTriggers(table, columns);
    if (wanted.every((t) => current.get(t.name) === t.sql)) continue;
    const statements: Statement[] = wanted.flatMap((t) => [
      { sql: `drop trigger if exists ${quote(t.name)}`, args: [] },
      { sql: t.sql, args: [] },
    ]);
    // Watched from here on, then read whole: a write between the two is noted, not missed.
    await runStatements(db, statements);
    scanned.push(table);
  }
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
