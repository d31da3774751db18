// The Hono environment every sub-app shares, and the dependencies createApp receives.
import type { SecureHeadersVariables } from 'hono/secure-headers';
import type { Db } from '../../db/client';
import type { User } from '../auth/user';

export interface AppDeps {
  db: Db;
  /** Default reviewer name for the audit log (env REVIEWER); a review form's name field overrides it. */
  reviewer?: string;
}

/** `user` is set by the identify middleware on every request: null when nobody is signed in. */
export type AppEnv = { Variables: SecureHeadersVariables & { user: User | null } };
