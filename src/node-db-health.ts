// Node only: watches the embedded database file under a running server. SQLite keeps writing to a file
// that was deleted (its inode lives on while open), so without this a server answers 201 for writes
// nobody will ever read again; a pool connection opened later creates an empty file ("no such
// table"); and a connection that met a read-only file can stay read-only after the file is writable.
//
// What the server does (README "Database faults"):
// - the file is missing: every request answers 503 (Retry-After), reads included, until a database
//   is back at that path; the server never creates an empty one under itself (restart for that).
// - a different file appears at the path (a restored backup): it is opened, checked to be a
//   crosscheck database, migrated, and used; an empty or foreign file is refused (still 503).
// - a write answered 2xx/3xx only if, after it committed, the file at the path is still the one
//   written to; else 503 ("nothing was stored": what went into the deleted file is lost with it).
// - a fault that can leave a connection unusable (read-only, I/O error, cannot open, no such table)
//   reopens the client on the next request, at most once a second, so recovery needs no restart.
import { statSync } from 'node:fs';
import type { Client } from '@libsql/client';
import { type DatabaseHealth, DatabaseUnavailableError } from './middleware/db-unavailable';
import type { NodeDb } from './node-db';

/** Codes and messages after which the connection itself may be unusable, not just busy. */
const REOPEN_AFTER =
  /SQLITE_(READONLY|IOERR|CANTOPEN|CORRUPT|NOTADB|FULL)|readonly database|disk I\/O error|unable to open|no such table|disk image is malformed/i;
/** Reads may use a file check this recent; writes always check afresh. */
const READ_CHECK_MS = 250;
const REOPEN_EVERY_MS = 1000;

type Identity = string | null;

function identity(path: string): Identity {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

function describe(err: unknown): string {
  const parts: string[] = [];
  for (
    let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 6;
    i++
  ) {
    parts.push(`${String(e.code ?? '')} ${String(e.message ?? '')}`);
    e = e.cause as typeof e;
  }
  return parts.join(' | ');
}

/** A crosscheck database: it has been migrated (a file with no migrations table is not ours). */
async function isCrosscheckDatabase(client: Client): Promise<void> {
  const r = await client.execute("select count(*) as n from sqlite_master where name = 'claims'");
  if (Number(r.rows[0]?.n ?? 0) === 0)
    throw new DatabaseUnavailableError('The file at the database path is not a crosscheck database.');
}

export function fileHealth(opened: NodeDb, log: (line: string) => void = console.error): DatabaseHealth {
  const file = opened.file;
  if (!file) return { before: async () => {}, after: async () => {}, failed: () => {} };
  const wal = `${file}-wal`;
  let main = identity(file);
  let walId = identity(wal);
  let checkedAt = 0;
  let reopenWanted = false;
  let reopenedAt = 0;
  let problem: string | null = null;

  const reopen = async (why: string) => {
    const now = Date.now();
    if (now - reopenedAt < REOPEN_EVERY_MS) return false;
    reopenedAt = now;
    try {
      await opened.reopen(isCrosscheckDatabase);
      main = identity(file);
      walId = identity(wal);
      reopenWanted = false;
      problem = null;
      log(`database ${file}: reopened (${why})`);
      return true;
    } catch (err) {
      log(`database ${file}: could not reopen (${why}): ${describe(err).split('\n')[0]}`);
      return false;
    }
  };

  /** Throws unless the file at the path is the one the client has open (repairing what it can). */
  const check = async () => {
    const now = identity(file);
    if (now === null) {
      problem = 'missing';
      throw new DatabaseUnavailableError(`The database file ${file} is missing.`);
    }
    const walNow = identity(wal);
    const walGone = walId !== null && walNow !== walId;
    if (now !== main || walGone || reopenWanted) {
      const why = now !== main ? 'the file was replaced' : walGone ? 'its WAL was removed' : 'after a fault';
      if (!(await reopen(why))) {
        if (now !== main || walGone) {
          problem = why;
          throw new DatabaseUnavailableError(`The database file ${file} changed under the server (${why}).`);
        }
      }
    }
    problem = null;
  };

  return {
    async before(write) {
      const now = Date.now();
      if (!write && problem === null && !reopenWanted && now - checkedAt < READ_CHECK_MS) return;
      await check();
      checkedAt = now;
    },
    async after() {
      // The commit went to the file the client had open: it counts only if that is still the file.
      if (identity(file) !== main || (walId !== null && identity(wal) !== walId)) {
        reopenWanted = true;
        throw new DatabaseUnavailableError(
          `The database file ${file} was removed or replaced while this change was written.`,
        );
      }
    },
    failed(err) {
      if (REOPEN_AFTER.test(describe(err))) reopenWanted = true;
    },
  };
}
