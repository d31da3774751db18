// Use case: check a login and password, and open or close a browser session (only the token's hash is stored).
import type { Db } from '../../db/client';
import { deleteExpiredSessions, deleteSession, insertSession, userByLogin } from '../../db/queries/users';
import { verifyPassword } from '../auth/password';
import { newToken, SESSION_TTL_MS, tokenHash } from '../auth/tokens';
import type { User } from '../auth/user';

/** The user for a correct login and password; null otherwise, without saying which part was wrong. */
export async function authenticate(db: Db, login: string, password: string): Promise<User | null> {
  const row = await userByLogin(db, login.trim().toLowerCase());
  // verifyPassword runs PBKDF2 even without a row, so an unknown login takes as long as a wrong password.
  const ok = await verifyPassword(password, row?.passwordHash);
  if (!row || !ok || row.disabled) return null;
  return { id: row.id, login: row.login, displayName: row.displayName, role: row.role };
}

/** A fresh session token for the cookie. */
export async function openSession(db: Db, userId: number, now = Date.now()): Promise<string> {
  const token = newToken();
  await insertSession(db, { tokenHash: await tokenHash(token), userId, expiresAt: now + SESSION_TTL_MS });
  // Housekeeping on sign-in rather than a timer: neither runtime has a scheduler here.
  await deleteExpiredSessions(db, now);
  return token;
}

export async function closeSession(db: Db, token: string) {
  await deleteSession(db, await tokenHash(token));
}
