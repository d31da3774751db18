// Node entry: the embedded libSQL file (WAL, migrations, seeds on first start), static files, the HTTP server.
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Db } from '../db/client';
import { articleCount } from '../db/queries/articles';
import { loadSeeds } from '../seeds/load';
import { createApp } from './app';
import { DEFAULT_DATABASE_URL, openNodeDb, ROOT } from './node-db';
import { staticFiles } from './static-files';

export interface ServerOptions {
  port?: number;
  host?: string;
  databaseUrl?: string;
  reviewer?: string;
  /** Load seeds/ into an empty database (default true). */
  seed?: boolean;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? (() => {});
  const { db, close: closeDb } = await openNodeDb(opts.databaseUrl ?? DEFAULT_DATABASE_URL);
  if ((opts.seed ?? true) && (await articleCount(db)) === 0) {
    await loadSeeds(db, (entry, r) => log(`seeded ${entry.file}: ${r.status}`));
  }
  const root = new Hono();
  root.get('/static/*', staticFiles(ROOT));
  root.route('/', createApp({ db, reviewer: opts.reviewer }));

  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: root.fetch, port: opts.port ?? 8787, hostname: host }, () => ok(s));
    s.once('error', fail);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  return {
    url,
    port,
    db,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => {
          closeDb();
          ok();
        });
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = process.env.PORT ? Number(process.env.PORT) : 8787;
  startServer({
    port,
    host: process.env.HOST || '127.0.0.1',
    databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    reviewer: process.env.REVIEWER || undefined,
    log: (line) => console.log(line),
  }).then(
    (s) => {
      console.log(`crosscheck is running at ${s.url}`);
      const stop = () => s.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
