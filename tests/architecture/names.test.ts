// One name, one thing: a type, interface or class is declared under a name once in the application
// (src/, views/, db/), so that `ClaimView`, `ReviewState` or `ComparedWith` in a file means one shape
// wherever it is read. Re-exports (`export type { X } from …`) pass the same thing on and are fine.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** The type, interface and class names a source text declares and exports. */
function declaredNames(text: string): string[] {
  return [
    ...text.matchAll(
      /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:interface|type|class)\s+([A-Za-z_$][\w$]*)/gm,
    ),
  ].map((m) => m[1]!);
}

describe('names', () => {
  it('every exported type, interface and class name is declared once in src/, views/ and db/', () => {
    const where = new Map<string, string[]>();
    for (const file of ['src', 'views', 'db'].flatMap(sourceFiles))
      for (const name of declaredNames(readFileSync(join(ROOT, file), 'utf8')))
        where.set(name, [...(where.get(name) ?? []), file]);
    const twice = [...where].filter(([, files]) => files.length > 1).map(([n, f]) => `${n}: ${f.join(', ')}`);
    expect(where.size).toBeGreaterThan(100);
    expect(twice).toEqual([]);
  });

  it('the reader finds declarations and leaves re-exports alone', () => {
    const text = [
      'export interface A {',
      'export type B = string;',
      'export class C {}',
      'export type { D } from "./d";',
      'export type * from "./e";',
      'interface Private {}',
    ].join('\n');
    expect(declaredNames(text)).toEqual(['A', 'B', 'C']);
  });
});
