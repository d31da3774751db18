// The Worker inside workerd over a remote libSQL server (the Turso path): a real sqld on loopback,
// started and migrated by global-setup.ts, reached through @libsql/client/web.
import { createExecutionContext } from 'cloudflare:test';
import { describe, inject } from 'vitest';
import worker, { databaseFor } from '../../src/worker';
import { journey } from './journey';

const url = inject('libsqlUrl');
const missing = !url && !inject('ci');
if (missing) console.warn(`\n${inject('libsqlMissing')}\nSkipping the remote libSQL tests.\n`);

describe.skipIf(missing)('Worker on remote libSQL (sqld)', () => {
  // No DB binding: the env a Turso deployment has (`[env.turso]` in wrangler.toml, its vars included).
  const env = { LIBSQL_URL: url, LIBSQL_AUTH_TOKEN: '', TRUST_REQUEST_ORIGIN: '1' };
  journey(
    async (request) => {
      if (!url) throw new Error(`CI=true but ${inject('libsqlMissing')}`);
      return worker.fetch(request, env, createExecutionContext() as never);
    },
    () => databaseFor(env),
    'inline',
  );
});
