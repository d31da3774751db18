// `npm run db:repair`: rewrites stored values libSQL's client cannot read back (bytes that are no UTF-8,
// JSON with lone surrogates; issue 19). The Node server does this itself for a local file on start;
// this is for a remote database (DATABASE_URL=libsql://…) or to see what would be changed.
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import type { Db } from '../../db/client';
import { describeRepairs, repairText } from '../../db/queries/repair-text';
import * as schema from '../../db/schema';
import { databaseUrlFromEnv } from '../config';

const url = databaseUrlFromEnv(process.env);
// The client alone, not openNodeDb (which would repair a local file before this runs).
const client = createClient({ url, timeout: 5000 });
try {
  const fixed = await repairText(drizzle(client, { schema }) as unknown as Db);
  console.log(fixed.length > 0 ? `repaired ${describeRepairs(fixed)}` : 'nothing to repair');
} finally {
  client.close();
}
