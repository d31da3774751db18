// The two names drizzle's dialect-neutral code takes from its PostgreSQL dialect, for the Worker bundle:
// sql/sql.js imports `isPgEnum` from "../pg-core/columns/enum.js" and relations.js `PrimaryKeyBuilder`
// from "./pg-core/primary-keys.js", and those pull in pg-core's column and table classes (1.1 KiB gzip of
// the Worker's 250 KiB budget) that a SQLite app never builds. wrangler.toml aliases those two import
// paths here; Node keeps drizzle's own. Both answer as drizzle's do for every value (they test a
// symbol and an entity kind, not the classes), which tests/worker/drizzle-pg-alias.node.test.ts checks,
// with the import lines they stand in for.
import { entityKind } from 'drizzle-orm';

const isPgEnumSym = Symbol.for('drizzle:isPgEnum');

/** drizzle's isPgEnum, as written in pg-core/columns/enum.js: a pgEnum() is a function marked so. */
export function isPgEnum(obj: unknown): boolean {
  return !!obj && typeof obj === 'function' && isPgEnumSym in obj && (obj as never)[isPgEnumSym] === true;
}

/**
 * Only its entity kind: relations.js asks `is(entry, PrimaryKeyBuilder)`, and drizzle's `is` matches a
 * value by the entity kinds up its class chain, so a pg primaryKey() answers true here as there.
 */
// biome-ignore lint/complexity/noStaticOnlyClass: drizzle's `is` takes a class and reads its entity kind
export class PrimaryKeyBuilder {
  static readonly [entityKind] = 'PgPrimaryKeyBuilder';
}
