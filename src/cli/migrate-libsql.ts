// Applies db/migrations to a remote libSQL database (Turso, sqld): `npm run migrate:libsql` with LIBSQL_URL set.
// D1 uses `wrangler d1 migrations apply` instead; both read the same drizzle-kit SQL files.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { libsqlFromEnv } from '../config';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function migrateLibsql(url: string, authToken?: string): Promise<void> {
  const client = createClient({ url, authToken: authToken || undefined });
  try {
    await migrate(drizzle(client), { migrationsFolder: resolve(ROOT, 'db/migrations') });
  } finally {
    client.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url, authToken } = libsqlFromEnv(process.env);
  if (!url) {
    console.error(
      'Set LIBSQL_URL (and LIBSQL_AUTH_TOKEN for Turso), e.g. LIBSQL_URL=libsql://db-org.turso.io',
    );
    process.exit(2);
  }
  await migrateLibsql(url, authToken);
  console.log(`migrations applied to ${new URL(url).host}`);
}
