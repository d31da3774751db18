// Accounts, sessions and API tokens. Tokens arrive here already hashed; the plain secrets never reach the database.
import { and, asc, count, eq, gt, lt } from 'drizzle-orm';
import type { Role } from '../../src/shared/statuses';
import type { User } from '../../src/shared/user';
import type { Db } from '../client';
import { apiTokens, sessions, users } from '../schema';
import { runBatch } from './batch';

const userColumns = { id: users.id, login: users.login, displayName: users.displayName, role: users.role };

export async function userBySession(db: Db, hash: string, now: number): Promise<User | null> {
  const row = await db
    .select(userColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, now), eq(users.disabled, false)))
    .get();
  return row ?? null;
}

/** The session's user with its expiry and start, for sliding the idle timeout (src/auth/identify.ts). */
export async function sessionUser(
  db: Db,
  hash: string,
  now: number,
): Promise<{ user: User; expiresAt: number; createdAt: number } | null> {
  const row = await db
    .select({ ...userColumns, expiresAt: sessions.expiresAt, createdAt: sessions.createdAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, now), eq(users.disabled, false)))
    .get();
  if (!row) return null;
  const { expiresAt, createdAt, ...user } = row;
  return { user, expiresAt, createdAt };
}

export async function extendSession(db: Db, hash: string, expiresAt: number) {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, hash));
}

export async function userByApiToken(db: Db, hash: string): Promise<User | null> {
  const row = await db
    .select(userColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hash), eq(users.disabled, false)))
    .get();
  return row ?? null;
}

export async function userByLogin(db: Db, login: string) {
  return (await db.select().from(users).where(eq(users.login, login)).get()) ?? null;
}

export async function insertUser(
  db: Db,
  u: { login: string; displayName: string; role: Role; passwordHash?: string | null },
): Promise<User> {
  const [row] = await db
    .insert(users)
    .values({ ...u, passwordHash: u.passwordHash ?? null })
    .returning(userColumns);
  if (!row) throw new Error('insert into users returned no row');
  return row;
}

export async function insertSession(db: Db, s: { tokenHash: string; userId: number; expiresAt: number }) {
  await db.insert(sessions).values(s);
}

export async function deleteSession(db: Db, hash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, hash));
}

export async function insertApiToken(db: Db, t: { tokenHash: string; userId: number; label: string }) {
  await db.insert(apiTokens).values(t);
}

export async function userById(db: Db, id: number) {
  return (await db.select().from(users).where(eq(users.id, id)).get()) ?? null;
}

export async function userCount(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(users).get())?.n ?? 0;
}

export interface AccountRow extends User {
  disabled: boolean;
  hasPassword: boolean;
  createdAt: number;
}

export async function listUsers(db: Db): Promise<AccountRow[]> {
  const rows = await db.select().from(users).orderBy(asc(users.login));
  return rows.map((u) => ({
    id: u.id,
    login: u.login,
    displayName: u.displayName,
    role: u.role,
    disabled: u.disabled,
    hasPassword: u.passwordHash !== null,
    createdAt: u.createdAt,
  }));
}

export async function updateUser(
  db: Db,
  id: number,
  patch: Partial<{ displayName: string; role: Role; passwordHash: string | null; disabled: boolean }>,
) {
  await db.update(users).set(patch).where(eq(users.id, id));
}

/**
 * A new password, in one batch with what the old one let in: every session and every API token of
 * the account ends (whoever knew the old password may have minted a token with it).
 */
export async function replacePassword(db: Db, userId: number, passwordHash: string) {
  await runBatch(db, [
    db.update(users).set({ passwordHash }).where(eq(users.id, userId)),
    db.delete(sessions).where(eq(sessions.userId, userId)),
    db.delete(apiTokens).where(eq(apiTokens.userId, userId)),
  ]);
}

/** Signs a user out everywhere (after a password reset or when disabled). */
export async function deleteSessionsOf(db: Db, userId: number) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: number) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export interface TokenRow {
  id: number;
  userId: number;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
}

export async function listApiTokens(db: Db): Promise<TokenRow[]> {
  return db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      label: apiTokens.label,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .orderBy(asc(apiTokens.userId), asc(apiTokens.id));
}

export async function deleteApiToken(db: Db, id: number, userId: number) {
  await db.delete(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)));
}
