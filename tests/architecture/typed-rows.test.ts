// One data-access style (docs/architecture.md, "Layers"): a row as the driver answers it (`SqlRow`,
// `Record<string, unknown>`) never leaves db/. Every query decodes its rows into a type of its own; a
// service that batches reads hands db/ `Read<T>`s (a statement and its codec) and gets `T`s back.
// Read from the source text: the names that carry raw rows are imported nowhere outside db/, and no
// declaration db/ exports mentions a raw row type.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/** The one file that meets the drivers: it defines SqlRow and the runners that answer raw rows. */
const DRIVER_EDGE = 'db/queries/batch.ts';
/** What batch.ts exports that carries raw rows; only db/ may import them. */
const RAW_NAMES = ['SqlRow', 'readRows', 'runStatements'];
const RAW_TYPE = /\bSqlRow\b|Record<string,\s*unknown>/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');

/** The top-level declarations of a source text that it exports, whole (signature and body). */
function exportedDeclarations(text: string): string[] {
  const chunks: string[] = [];
  for (const line of withoutComments(text).split('\n')) {
    if (/^(export|function|async|const|let|type|interface|class|import|declare)\b/.test(line))
      chunks.push(line);
    else if (chunks.length > 0) chunks[chunks.length - 1] += `\n${line}`;
  }
  return chunks.filter((c) => c.startsWith('export '));
}

/** The names a source text imports (or re-exports) from db/queries/batch. */
function namesFromBatch(text: string): string[] {
  const out: string[] = [];
  for (const m of withoutComments(text).matchAll(
    /^\s*(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"][./]*(?:db\/)?queries\/batch['"]/gm,
  ))
    for (const name of m[1]!.split(',')) {
      const bare = name
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]!;
      if (bare) out.push(bare);
    }
  return out;
}

describe('typed rows', () => {
  it('no file outside db/ imports a raw-row runner or the raw row type', () => {
    const found = ['src', 'views'].flatMap(sourceFiles).flatMap((file) =>
      namesFromBatch(readFileSync(join(ROOT, file), 'utf8'))
        .filter((n) => RAW_NAMES.includes(n))
        .map((n) => `${file} imports ${n}: ask db/ for a typed query (a Read<T>, or a function returning T)`),
    );
    expect(found).toEqual([]);
  });

  it('no declaration db/ exports carries an untyped row (outside the driver edge)', () => {
    const files = sourceFiles('db').filter((f) => f !== DRIVER_EDGE);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) =>
      exportedDeclarations(readFileSync(join(ROOT, file), 'utf8'))
        .filter((d) => RAW_TYPE.test(d))
        .map((d) => `${file}: ${d.split('\n')[0]} — decode rows in a helper it does not export`),
    );
    expect(found).toEqual([]);
  });

  it('Record<string, unknown> is spelled once in db/, as SqlRow', () => {
    const found = sourceFiles('db').filter(
      (f) => f !== DRIVER_EDGE && /Record<string,\s*unknown>/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(found).toEqual([]);
  });
});

describe('the readers these rules rely on', () => {
  it('find an exported declaration that hands out rows, and pass a private decoder', () => {
    const text = [
      '// export function commented(r: SqlRow) {}',
      'function decode(r: SqlRow): Thing {',
      '  return { id: Number(r.id) };',
      '}',
      'export async function things(db: Db): Promise<Thing[]> {',
      '  return (await readRows(db, statement)).map(decode);',
      '}',
      'export async function rows(db: Db): Promise<Record<string, unknown>[][]> {',
      '  return runStatements(db, []);',
      '}',
      'export interface Query {',
      '  read(rows: SqlRow[]): void;',
      '}',
    ].join('\n');
    const offending = exportedDeclarations(text).filter((d) => RAW_TYPE.test(d));
    expect(offending.map((d) => d.split('\n')[0])).toEqual([
      'export async function rows(db: Db): Promise<Record<string, unknown>[][]> {',
      'export interface Query {',
    ]);
  });

  it('read the names imported from batch, however written', () => {
    const text = [
      "import { readAll, type Read } from '../../db/queries/batch';",
      'import {',
      '  readRows as rows,',
      '  type SqlRow,',
      "} from '../../db/queries/batch';",
      "import { runStatements } from './batch';",
    ].join('\n');
    expect(namesFromBatch(text)).toEqual(['readAll', 'Read', 'readRows', 'SqlRow']);
  });
});
