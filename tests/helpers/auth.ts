// Accounts for tests: a user of the given role with a live session, and the headers a signed-in browser or API client sends.

import type { Db } from '../../db/client';
import { insertApiToken, insertSession, insertUser } from '../../db/queries/users';
import { newToken, SESSION_COOKIE, SESSION_TTL_MS, tokenHash } from '../../src/auth/tokens';
import type { Role } from '../../src/shared/statuses';
import type { User } from '../../src/shared/user';

export interface SignedIn {
  user: User;
  /** Cookie header for pages and forms. */
  cookie: Record<string, string>;
  /** Authorization header for the JSON API. */
  bearer: Record<string, string>;
}

export async function signedIn(
  db: Db,
  role: Role,
  login = `${role}-${Math.random().toString(36).slice(2, 8)}`,
) {
  const user = await insertUser(db, { login, displayName: login, role });
  const session = newToken();
  await insertSession(db, {
    tokenHash: await tokenHash(session),
    userId: user.id,
    expiresAt: Date.now() + SESSION_TTL_MS,
  });
  const api = newToken();
  await insertApiToken(db, { tokenHash: await tokenHash(api), userId: user.id, label: 'test' });
  return {
    user,
    cookie: { Cookie: `${SESSION_COOKIE}=${session}` },
    bearer: { Authorization: `Bearer ${api}` },
  } satisfies SignedIn;
}
