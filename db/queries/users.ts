// Accounts, sessions and API tokens. Tokens arrive here already hashed; the plain secrets never reach the database.
import { and, eq, gt } from 'drizzle-orm';
import type { User } from '../../src/auth/user';
import type { Db } from '../client';
import { apiTokens, type Role, sessions, users } from '../schema';

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
