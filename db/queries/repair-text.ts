// Repairs text the database holds that libSQL's client cannot read (issue 19). A row stored before
// input was cleaned may hold bytes that are no UTF-8 (a lone surrogate's escape decoded by json_each
// becomes ED B0..BF ..), and libSQL's Node client panics, killing the process, as soon as it reads
// such a value as TEXT. Values are looked at as BLOBs, which are read without decoding; only those
// that are not ASCII are read at all.
import { cleanText } from '../../src/core/clean';
import type { Db } from '../client';
import { readRows, runStatements } from './batch';
import { jsonArg } from './json-arg';

export interface TextRepair {
  table: string;
  column: string;
  rowid: number;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
/** The escape of a surrogate inside JSON text: json_each would decode a lone one into no UTF-8. */
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/;

/** A GLOB pattern for any character but printable ASCII, tab and line breaks (any byte >= 0x80). */
const NOT_ASCII = "'*[^' || char(9) || char(10) || char(13) || ' -~]*'";

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The table where triggers note rows to check (text-watch.ts); it holds no text of its own to repair. */
export const TEXT_CHECKS = 'text_checks';

/** The tables' TEXT columns, but not the full-text index's own tables (rebuilt from claims). */
export async function textColumns(db: Db): Promise<{ table: string; column: string }[]> {
  const tables = await readRows(db, {
    sql: "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%' and name not like '%drizzle%' and name <> ?",
    args: [TEXT_CHECKS],
  });
  const out: { table: string; column: string }[] = [];
  for (const t of tables) {
    const cols = await readRows(db, {
      sql: 'select name, type from pragma_table_info(?)',
      args: [String(t.name)],
    });
    for (const c of cols)
      if (/text|char|clob/i.test(String(c.type))) out.push({ table: String(t.name), column: String(c.name) });
  }
  return out;
}

function bytesOf(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  return new Uint8Array(0);
}

/** What a stored value should be: valid UTF-8, and JSON text without escapes of lone surrogates. */
function repaired(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    // Every invalid sequence becomes U+FFFD; control characters go too.
    text = cleanText(lenient.decode(bytes));
    return repairJson(text) ?? text;
  }
  return repairJson(text);
}

/** JSON text whose strings hold lone surrogates, written again well-formed; null if none (or no JSON). */
function repairJson(text: string): string | null {
  if (!ESCAPED_SURROGATE.test(text)) return null;
  try {
    const again = jsonArg(JSON.parse(text));
    return again === text ? null : again;
  } catch {
    return null;
  }
}

/**
 * Whether a value of the column may need repair: not printable ASCII, or holding a `\u` escape. The
 * scan below and text-watch.ts's triggers select by it (`ref`: the column, or `new."col"` in a trigger).
 */
export function mayNeedRepair(ref: string): string {
  return `(${ref} glob ${NOT_ASCII} or instr(${ref}, '\\u') > 0 or instr(${ref}, '\\U') > 0)`;
}

/**
 * Rewrites the values of one column that cannot be read back; `only` narrows the rows to a
 * subquery of rowids (text-watch.ts: the rows its triggers noted).
 */
export async function repairColumn(
  db: Db,
  table: string,
  column: string,
  only?: { sql: string; args: (string | number)[] },
): Promise<TextRepair[]> {
  const fixed: TextRepair[] = [];
  const col = quote(column);
  const rows = await readRows(db, {
    sql: `select rowid as id, cast(${col} as blob) as b from ${quote(table)}
where ${only ? `rowid in (${only.sql}) and ` : ''}typeof(${col}) = 'text' and ${mayNeedRepair(col)}`,
    args: only?.args ?? [],
  });
  for (const row of rows) {
    const text = repaired(bytesOf(row.b));
    if (text === null) continue;
    const rowid = Number(row.id);
    const update = (value: string) =>
      runStatements(db, [
        { sql: `update ${quote(table)} set ${col} = ? where rowid = ?`, args: [value, rowid] },
      ]);
    // A unique value (an outlet's name) may now equal another row's: then it keeps its row number.
    await update(text).catch(() => update(`${text} (${rowid})`));
    fixed.push({ table, column, rowid });
  }
  return fixed;
}

/**
 * Finds and rewrites every value that cannot be read back, reading every row; returns what it changed.
 * Run by `npm run db:repair`, and by the Node server's open for tables not yet watched (text-watch.ts).
 */
export async function repairText(db: Db, tables?: ReadonlySet<string>): Promise<TextRepair[]> {
  const fixed: TextRepair[] = [];
  for (const { table, column } of await textColumns(db))
    if (!tables || tables.has(table)) fixed.push(...(await repairColumn(db, table, column)));
  return fixed;
}

/** "3 values (articles.title 1, claims.text 2) that could not be read". */
export function describeRepairs(fixed: TextRepair[]): string {
  const by = new Map<string, number>();
  for (const f of fixed) by.set(`${f.table}.${f.column}`, (by.get(`${f.table}.${f.column}`) ?? 0) + 1);
  const list = [...by].map(([k, n]) => `${k} ${n}`).join(', ');
  return `${fixed.length} stored value(s) that could not be read back (${list})`;
}
