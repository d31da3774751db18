// Accounts from configuration (Node): a JSON file listing {login, name, role, passwordHash}, synced into
// `users` at start-up. It holds hashes only (`npm run user hash` makes one), never a plain password.
import { readFile } from 'node:fs/promises';
import type { Db } from '../db/client';
import { syncAccounts } from './services/accounts';
import { ROLES } from './shared/statuses';
import * as z from './shared/zod';

const entry = z.strictObject({
  login: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.optional(z.string().check(z.maxLength(100))),
  role: z.enum(ROLES),
  passwordHash: z.optional(z.string().check(z.maxLength(300))),
});
/** Either a bare array or {"accounts": [...]}. `password` is refused (strict objects): plain passwords do not belong here. */
const accountsFile = z.union([z.array(entry), z.strictObject({ accounts: z.array(entry) })]);

export async function readAccountsFile(path: string) {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new Error(`ACCOUNTS_FILE ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = accountsFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `ACCOUNTS_FILE ${path}: ${issue?.path.join('.') || 'file'}: ${issue?.message} — expected [{"login", "name"?, "role", "passwordHash"?}]`,
    );
  }
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.accounts;
}

export async function syncAccountsFile(db: Db, path: string) {
  return syncAccounts(db, await readAccountsFile(path));
}
