// Accounts: the accounts file synced at start-up, the first-run admin, and the account rules the CLI and admin page share.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUsers, userByLogin, userBySession } from '../../db/queries/users';
import { readAccountsFile, syncAccountsFile } from '../../src/accounts-file';
import { hashPassword, verifyPassword } from '../../src/auth/password';
import { tokenHash } from '../../src/auth/tokens';
import {
  addAccount,
  ensureFirstAdmin,
  mintToken,
  setDisabled,
  setPassword,
  setRole,
} from '../../src/services/accounts';
import { authenticate, openSession } from '../../src/services/sign-in';
import { createTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let dir: string;
beforeAll(async () => {
  t = await createTestDb();
  dir = mkdtempSync(join(tmpdir(), 'cc-accounts-'));
});
afterAll(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('first start', () => {
  it('creates an editor "admin" with a random password when there are no accounts, and only then', async () => {
    const admin = await ensureFirstAdmin(t.db);
    expect(admin).toMatchObject({ login: 'admin', password: expect.stringMatching(/^\S{20,}$/) });
    const row = await userByLogin(t.db, 'admin');
    expect(row).toMatchObject({ role: 'editor', disabled: false });
    expect(row?.passwordHash).toMatch(/^pbkdf2-sha256\$/);
    expect(row?.passwordHash).not.toContain(admin!.password);
    expect(await authenticate(t.db, 'admin', admin!.password)).toMatchObject({
      login: 'admin',
      role: 'editor',
    });
    expect(await ensureFirstAdmin(t.db)).toBeNull();
  });
});

describe('accounts file', () => {
  it('creates and updates listed accounts from hashes, leaving others alone', async () => {
    const hash = await hashPassword('file-password-1', 1000);
    const file = join(dir, 'accounts.json');
    writeFileSync(
      file,
      JSON.stringify([
        { login: 'Fiona', name: 'Fiona F', role: 'reviewer', passwordHash: hash },
        { login: 'gus@example.org', role: 'viewer' },
      ]),
    );
    expect(await syncAccountsFile(t.db, file)).toEqual({ created: 2, updated: 0 });
    expect(await authenticate(t.db, 'fiona', 'file-password-1')).toMatchObject({
      role: 'reviewer',
      displayName: 'Fiona F',
    });
    expect((await userByLogin(t.db, 'gus@example.org'))?.passwordHash).toBeNull();

    writeFileSync(
      file,
      JSON.stringify({ accounts: [{ login: 'fiona', name: 'Fiona F', role: 'editor', passwordHash: hash }] }),
    );
    expect(await syncAccountsFile(t.db, file)).toEqual({ created: 0, updated: 1 });
    expect((await userByLogin(t.db, 'fiona'))?.role).toBe('editor');
    expect(await userByLogin(t.db, 'gus@example.org')).not.toBeNull();
    // Unchanged file: nothing to do.
    expect(await syncAccountsFile(t.db, file)).toEqual({ created: 0, updated: 0 });
  });

  it('refuses plain passwords, unknown roles and bad hashes with a message naming the problem', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ login: 'x', role: 'reviewer', password: 'plain' }]));
    await expect(readAccountsFile(file)).rejects.toThrow(/ACCOUNTS_FILE .*bad\.json/);
    writeFileSync(file, JSON.stringify([{ login: 'x', role: 'admin' }]));
    await expect(readAccountsFile(file)).rejects.toThrow(/role/);
    writeFileSync(file, JSON.stringify([{ login: 'x', role: 'viewer', passwordHash: 'secret' }]));
    await expect(syncAccountsFile(t.db, file)).rejects.toThrow(/npm run user hash/);
    writeFileSync(file, '{not json');
    await expect(readAccountsFile(file)).rejects.toThrow(/ACCOUNTS_FILE/);
  });
});

describe('account rules', () => {
  it('folds logins to lower case and refuses duplicates, bad logins, short passwords, unknown roles', async () => {
    await addAccount(t.db, { login: 'Hana', role: 'reviewer', password: 'hana-password' });
    await expect(addAccount(t.db, { login: 'HANA', role: 'viewer', password: 'whatever-1' })).rejects.toThrow(
      /taken/,
    );
    await expect(addAccount(t.db, { login: 'has space', role: 'viewer' })).rejects.toThrow(/login/);
    await expect(addAccount(t.db, { login: 'ivan', role: 'viewer', password: 'short' })).rejects.toThrow(
      /12 characters/,
    );
    await expect(addAccount(t.db, { login: 'ivan', role: 'boss' })).rejects.toThrow(/role/);
    expect((await listUsers(t.db)).map((u) => u.login)).toContain('hana');
  });

  it('a password reset or disabling ends the sessions; disabled accounts cannot sign in', async () => {
    const hana = (await userByLogin(t.db, 'hana'))!;
    const session = await openSession(t.db, hana.id);
    expect(await userBySession(t.db, await tokenHash(session), Date.now())).not.toBeNull();
    await setPassword(t.db, 'hana', 'new-hana-password');
    expect(await userBySession(t.db, await tokenHash(session), Date.now())).toBeNull();
    expect(await verifyPassword('new-hana-password', (await userByLogin(t.db, 'hana'))!.passwordHash)).toBe(
      true,
    );

    await setDisabled(t.db, 'hana', true);
    expect(await authenticate(t.db, 'hana', 'new-hana-password')).toBeNull();
    await setDisabled(t.db, 'hana', false);
    expect(await authenticate(t.db, 'hana', 'new-hana-password')).not.toBeNull();
    await setRole(t.db, 'hana', 'editor');
    expect((await userByLogin(t.db, 'hana'))!.role).toBe('editor');
    await expect(mintToken(t.db, 'nobody')).rejects.toThrow(/no account/);
  });
});
