// The Worker's stand-ins for the two names drizzle's dialect-neutral code takes from its PostgreSQL
// dialect (wrangler.toml's alias, src/worker-drizzle-pg.ts), against drizzle's own; and the import lines
// the alias replaces, as the pinned drizzle writes them (an upgrade that imports more from pg-core, or
// from elsewhere, fails here rather than in the Worker).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { is, sql } from 'drizzle-orm';
import { pgEnum, integer as pgInteger, pgSchema, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { isPgEnum as drizzleIsPgEnum } from 'drizzle-orm/pg-core/columns/enum';
import { PrimaryKeyBuilder as DrizzlePrimaryKeyBuilder } from 'drizzle-orm/pg-core/primary-keys';
import { index, integer, primaryKey as sqlitePrimaryKey, sqliteTable, unique } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { isPgEnum, PrimaryKeyBuilder } from '../../src/worker-drizzle-pg';

const root = fileURLToPath(new URL('../..', import.meta.url));
const drizzle = join(root, 'node_modules/drizzle-orm');

describe('Worker drizzle pg-core alias', () => {
  it('stands in for exactly the import lines drizzle writes, and wrangler.toml aliases those paths', () => {
    const pgImports = (file: string) =>
      readFileSync(join(drizzle, file), 'utf8')
        .split('\n')
        .filter((l) => /^import .*pg-core/.test(l));
    expect(pgImports('sql/sql.js')).toEqual(['import { isPgEnum } from "../pg-core/columns/enum.js";']);
    expect(pgImports('relations.js')).toEqual([
      'import { PrimaryKeyBuilder } from "./pg-core/primary-keys.js";',
    ]);
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    expect(toml).toContain('"../pg-core/columns/enum.js" = "./src/worker-drizzle-pg.ts"');
    expect(toml).toContain('"./pg-core/primary-keys.js" = "./src/worker-drizzle-pg.ts"');
  });

  it('isPgEnum answers as drizzle’s for enums, their look-alikes and everything a query holds', () => {
    const mood = pgEnum('mood', ['sad', 'ok']);
    const schemaMood = pgSchema('s').enum('mood', ['a']);
    const t = sqliteTable('t', { id: integer('id') });
    const fake = Object.assign(() => 0, { [Symbol.for('drizzle:isPgEnum')]: 'yes' });
    const values = [mood, schemaMood, fake, () => 0, {}, null, undefined, 0, 'mood', t, t.id, sql`1`];
    for (const v of values) expect(isPgEnum(v)).toBe(drizzleIsPgEnum(v));
    expect(isPgEnum(mood)).toBe(true);
  });

  it('PrimaryKeyBuilder is matched by drizzle’s `is` exactly where drizzle’s own is', () => {
    const pg = pgTable('p', { a: pgInteger('a'), b: pgInteger('b') });
    const s = sqliteTable('s', { a: integer('a'), b: integer('b') });
    const entries = [
      primaryKey({ columns: [pg.a, pg.b] }),
      sqlitePrimaryKey({ columns: [s.a, s.b] }),
      index('i').on(s.a),
      unique('u').on(s.a),
      s.a,
      sql`1`,
      { columns: [] },
    ];
    for (const e of entries) expect(is(e, PrimaryKeyBuilder)).toBe(is(e, DrizzlePrimaryKeyBuilder));
    expect(is(entries[0], PrimaryKeyBuilder)).toBe(true);
  });
});
