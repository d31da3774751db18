// The one database type every query is written against: libSQL (file or remote) and D1 both satisfy it.
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema';

export type Db = BaseSQLiteDatabase<'async', unknown, typeof schema>;
