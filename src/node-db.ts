// Opens the embedded libSQL database for Node entries (server, CLI, tests): WAL, busy timeout, migrations.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from '../db/client';
import { describeRepairs, repairText } from '../db/queries/repair-text';
import * as schema from '../db/schema';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATABASE_URL = 'file:data/crosscheck.db';

export interface NodeDb {
  db: Db;
  client: Client;
  close(): void;
}

export async function openNodeDb(url: string = DEFAULT_DATABASE_URL): Promise<NodeDb> {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0] ?? '';
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  // The busy timeout lets the CLI and the server write to one file without "database is locked".
  const client = createClient({ url, timeout: 5000 });
  if (url.startsWith('file:')) {
    await client.execute('PRAGMA journal_mode=WAL');
    await client.execute('PRAGMA foreign_keys=ON');
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(drizzle(client), { migrationsFolder: resolve(ROOT, 'db/migrations') });
  // Before anything reads a row: a value that is no UTF-8 (stored before input was cleaned) would make
  // libSQL's client panic and kill the process (issue 19). Local files only: a remote database is
  // repaired with `npm run db:repair`.
  if (url.startsWith('file:')) {
    const fixed = await repairText(db);
    if (fixed.length > 0) console.warn(`crosscheck: repaired ${describeRepairs(fixed)}`);
  }
  return { db, client, close: () => client.close() };
}
