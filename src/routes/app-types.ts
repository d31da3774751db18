// The Hono environment every sub-app shares, and the dependencies createApp receives.
import type { SecureHeadersVariables } from 'hono/secure-headers';
import type { Db } from '../../db/client';

export interface AppDeps {
  db: Db;
  /** Default reviewer name for the audit log (env REVIEWER); a review form's name field overrides it. */
  reviewer?: string;
}

export type AppEnv = { Variables: SecureHeadersVariables };
