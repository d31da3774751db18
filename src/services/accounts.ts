// Use cases on accounts: create, change role, disable, reset a password, API tokens, the first-run admin.
// The CLI, the admin page and the accounts-file sync all go through here, so the rules live in one place.
import type { Db } from '../../db/client';
import {
  deleteApiToken,
  deleteSessionsOf,
  insertApiToken,
  insertUser,
  replacePassword,
  updateUser,
  userByLogin,
  userCount,
} from '../../db/queries/users';
import { hashPassword, isPasswordHash } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { newToken, tokenHash } from '../auth/tokens';
import { cleanLabel } from '../core/clean';
import { ROLES, type Role } from '../shared/statuses';
import type { User } from '../shared/user';
import { InputError, NotFoundError } from './errors';

/** Logins are compared in lower case: "Ana" and "ana" are one account, and Access emails fold the same way. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@+-]{0,99}$/;

export function normalizeLogin(login: string): string {
  const l = login.trim().toLowerCase();
  if (!LOGIN_PATTERN.test(l))
    throw new InputError(
      'A login is 1 to 100 letters, digits and . _ @ + - (an email address works), starting with a letter or digit.',
    );
  return l;
}

export function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role))
    throw new InputError(`The role must be one of: ${ROLES.join(', ')}.`);
  return role as Role;
}

/** At least 12 characters and not a common password (src/auth/password-policy.ts). */
export function checkNewPassword(password: string): string {
  const problem = passwordProblem(password);
  if (problem) throw new InputError(problem);
  return password;
}

async function existing(db: Db, login: string) {
  const user = await userByLogin(db, normalizeLogin(login));
  if (!user) throw new NotFoundError(`There is no account "${login}".`);
  return user;
}

export async function addAccount(
  db: Db,
  a: { login: string; displayName?: string; role: string; password?: string; passwordHash?: string },
): Promise<User> {
  const login = normalizeLogin(a.login);
  const role = checkRole(a.role);
  if (await userByLogin(db, login)) throw new InputError(`The login "${login}" is already taken.`);
  let passwordHash: string | null = null;
  if (a.password !== undefined) passwordHash = await hashPassword(checkNewPassword(a.password));
  else if (a.passwordHash !== undefined) {
    if (!isPasswordHash(a.passwordHash)) throw new InputError('That is not a pbkdf2-sha256 password hash.');
    passwordHash = a.passwordHash;
  }
  // Shown beside every review: no invisible or bidirectional characters (issue 19).
  const displayName = cleanLabel(a.displayName ?? '') || login;
  return insertUser(db, { login, displayName: displayName.slice(0, 100), role, passwordHash });
}

export async function setRole(db: Db, login: string, role: string) {
  const user = await existing(db, login);
  await updateUser(db, user.id, { role: checkRole(role) });
}

/** Disabling also ends the account's sessions; its API tokens stop working while it is disabled. */
export async function setDisabled(db: Db, login: string, disabled: boolean) {
  const user = await existing(db, login);
  await updateUser(db, user.id, { disabled });
  if (disabled) await deleteSessionsOf(db, user.id);
}

/**
 * A new password signs the account out everywhere and revokes its API tokens: whoever knew the old
 * one loses their session and any token they minted with it. The account's owner mints new tokens.
 */
export async function setPassword(db: Db, login: string, password: string) {
  const user = await existing(db, login);
  await replacePassword(db, user.id, await hashPassword(checkNewPassword(password)));
}

/** Mints an API token; the caller shows it once — only its hash is stored. */
export async function mintToken(db: Db, login: string, label = 'api'): Promise<string> {
  const user = await existing(db, login);
  const token = newToken();
  const cleanLabel = label.trim().slice(0, 100) || 'api';
  await insertApiToken(db, { tokenHash: await tokenHash(token), userId: user.id, label: cleanLabel });
  return token;
}

export async function revokeToken(db: Db, login: string, tokenId: number) {
  const user = await existing(db, login);
  await deleteApiToken(db, tokenId, user.id);
}

export interface AccountEntry {
  login: string;
  name?: string;
  role: string;
  passwordHash?: string;
}

/**
 * Makes `users` match the accounts file: missing accounts are created, listed ones get the file's
 * name, role and hash. Accounts not in the file are left alone (they may come from the admin page).
 */
export async function syncAccounts(db: Db, entries: AccountEntry[]) {
  const seen = new Set<string>();
  let created = 0;
  let updated = 0;
  for (const e of entries) {
    const login = normalizeLogin(e.login);
    if (seen.has(login)) throw new InputError(`The accounts file lists "${login}" twice.`);
    seen.add(login);
    const role = checkRole(e.role);
    if (e.passwordHash !== undefined && !isPasswordHash(e.passwordHash))
      throw new InputError(
        `"${login}": passwordHash is not a pbkdf2-sha256 hash (make one with npm run user hash).`,
      );
    const user = await userByLogin(db, login);
    if (!user) {
      await addAccount(db, { login, displayName: e.name, role, passwordHash: e.passwordHash });
      created++;
      continue;
    }
    const patch = {
      displayName: cleanLabel(e.name ?? '') || user.displayName,
      role,
      ...(e.passwordHash !== undefined ? { passwordHash: e.passwordHash } : {}),
    };
    if (
      patch.displayName !== user.displayName ||
      role !== user.role ||
      (patch.passwordHash ?? user.passwordHash) !== user.passwordHash
    ) {
      const { passwordHash, ...rest } = patch;
      await updateUser(db, user.id, rest);
      // A changed hash is a password reset: sessions and API tokens end, as with setPassword.
      if (passwordHash !== undefined && passwordHash !== user.passwordHash)
        await replacePassword(db, user.id, passwordHash);
      updated++;
    }
  }
  return { created, updated };
}

/** 18 random bytes in base64url: 24 characters, easy to paste, far beyond guessing. */
export function randomPassword(): string {
  return newToken().slice(0, 24);
}

/**
 * First start with no accounts at all: an editor "admin" with a random password, so a fresh install
 * still has someone who can sign in and add reviewers. Returns the password to show once, or null.
 */
export async function ensureFirstAdmin(db: Db): Promise<{ login: string; password: string } | null> {
  if ((await userCount(db)) > 0) return null;
  const password = randomPassword();
  await addAccount(db, { login: 'admin', displayName: 'Administrator', role: 'editor', password });
  return { login: 'admin', password };
}
