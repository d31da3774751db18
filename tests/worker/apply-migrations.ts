// Per test file: D1 keeps its rows between tests in one file, so each file starts from migrated tables.
import { applyD1Migrations, env } from 'cloudflare:test';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
