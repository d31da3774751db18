// Use case: check a login and password, and open or close a browser session (only the token's hash is stored).
import type { Db } from '../../db/client';
import { deleteExpiredSessions, deleteSession, insertSession, userByLogin } from '../../db/queries/users';
import { verifyPassword } from '../auth/password';
import { DEFAULT_SESSION_IDLE_MINUTES, newToken, slidingExpiry, tokenHash } from '../auth/tokens';
import type { User } from '../shared/user';

/** The user for a correct login and password; null otherwise, without saying which part was wrong. */
export async function authenticate(db: Db, login: string, password: string): Promise<User | null> {
  const row = await userByLogin(db, login.trim().toLowerCase());
  // verifyPassword runs PBKDF2 even without a row, so an unknown login takes as long as a wrong password.
  const ok = await verifyPassword(password, row?.passwordHash);
  if (!row || !ok || row.disabled) return null;
  return { id: row.id, login: row.login, displayName: row.displayName, role: row.role };
}

/** A fresh session token for the cookie; the session ends after `idleMinutes` unused (src/auth/identify.ts). */
export async function openSession(
  db: Db,
  userId: number,
  now = Date.now(),
  idleMinutes = DEFAULT_SESSION_IDLE_MINUTES,
): Promise<string> {
  const token = newToken();
  const expiresAt = slidingExpiry(now, now, idleMinutes * 60_000);
  await insertSession(db, { tokenHash: await tokenHash(token), userId, expiresAt });
  // Housekeeping on sign-in rather than a timer: neither runtime has a scheduler here.
  await deleteExpiredSessions(db, now);
  return token;
}

export async function closeSession(db: Db, token: string) {
  await deleteSession(db, await tokenHash(token));
}
