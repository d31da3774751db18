// Opens the embedded libSQL database for Node entries (server, CLI, tests): WAL, busy timeout, migrations.
// The database object keeps working across a reopen (src/node-db-health.ts reopens it after a fault).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from '../db/client';
import { describeRepairs } from '../db/queries/repair-text';
import { appWriteBatch, checkText } from '../db/queries/text-watch';
import * as schema from '../db/schema';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface NodeDb {
  db: Db;
  /** The live client; after reopen() it is a new one behind the same object. */
  client: Client;
  close(): void;
  /** The database file, for a `file:` URL other than :memory: (else undefined). */
  file?: string;
  /**
   * Closes the client and opens a new one on the same URL (settings and migrations applied), for a
   * connection left unusable by a fault (a file that was read-only, deleted or replaced). `check`
   * runs on the new client before it is put in place; if it or the opening throws, the old one stays.
   */
  reopen(check?: (client: Client) => Promise<void>): Promise<void>;
}

/** The path of a `file:` URL's database, or undefined for memory and remote databases. */
export function databaseFile(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  const path = url.slice('file:'.length).split('?')[0] ?? '';
  return path && path !== ':memory:' ? resolve(path) : undefined;
}

/** SQLite's page cache per connection, in KiB (16 MB; it fills only as pages are read). */
const PAGE_CACHE_KIB = 16_384;

async function connect(url: string): Promise<Client> {
  const local = url.startsWith('file:');
  // The busy timeout lets the CLI and the server write to one file without "database is locked".
  // A local file gets ONE connection (`concurrency`; the client's default pool opens up to 20): the
  // PRAGMAs below are per connection, so a second one, opened when two requests' reads overlap, would
  // serve later ingests with SQLite's default 2 MB page cache, cold. Every statement runs synchronously
  // on this thread anyway, and nothing here holds a connection across an await (no interactive
  // transactions), so one connection loses no concurrency.
  const client = createClient({ url, timeout: 5000, ...(local ? { concurrency: 1 } : {}) });
  if (local) {
    await client.execute('PRAGMA journal_mode=WAL');
    // A commit is on disk (WAL synced) before the request that made it is answered.
    await client.execute('PRAGMA synchronous=FULL');
    await client.execute('PRAGMA foreign_keys=ON');
    // SQLite's page cache: its default of 2 MB holds a few hundred pages, fewer than one ingest's
    // candidate read touches in an archive of a million claims (docs/performance.md).
    await client.execute(`PRAGMA cache_size=-${PAGE_CACHE_KIB}`);
  }
  return client;
}

export async function openNodeDb(url: string): Promise<NodeDb> {
  const file = databaseFile(url);
  if (file) mkdirSync(dirname(file), { recursive: true });
  let current = await connect(url);
  // Set once the open's text check has put the triggers in place (db/queries/text-watch.ts): from then
  // on the app's write batches carry the mark that spares them the triggers' test. Not after a reopen.
  let watched = false;
  const batch: Client['batch'] = (statements, mode) => {
    const marked = watched && mode === 'write' ? appWriteBatch(statements) : null;
    if (!marked) return current.batch(statements, mode);
    return current.batch(marked, mode).then((results) => results.slice(1, -1));
  };
  // Every use goes to the client of the moment, so the drizzle object survives a reopen.
  const client = new Proxy({} as Client, {
    get(_, key) {
      if (key === 'batch') return batch;
      const value = Reflect.get(current, key, current);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  const migrations = { migrationsFolder: resolve(ROOT, 'db/migrations') };
  await migrate(drizzle(client), migrations);
  // Before anything reads a row: a value that is no UTF-8 (stored before input was cleaned) would make
  // libSQL's client panic and kill the process (issue 19). Triggers note what was written since the
  // last open, so only that is read (db/queries/text-watch.ts); a table is read whole only the first
  // time. Local files only: a remote database is repaired with `npm run db:repair`.
  if (file) {
    const { fixed } = await checkText(db);
    if (fixed.length > 0) console.warn(`crosscheck: repaired ${describeRepairs(fixed)}`);
    watched = true;
  }
  return {
    db,
    client,
    file,
    close: () => current.close(),
    async reopen(check) {
      const fresh = await connect(url);
      try {
        await check?.(fresh);
        await migrate(drizzle(fresh), migrations);
      } catch (err) {
        fresh.close();
        throw err;
      }
      const old = current;
      current = fresh;
      watched = false;
      // Requests already under way finish on the old client; new ones use the fresh one.
      setTimeout(() => old.close(), 5000).unref();
    },
  };
}
