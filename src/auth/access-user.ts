// Cloudflare Access on Workers: the email Access vouched for becomes a user. Known emails keep the role
// an editor gave them; unknown ones get ACCESS_DEFAULT_ROLE; ACCESS_EDITORS names the first editors
// (both read by accessFromEnv in src/config.ts).
import type { Db } from '../../db/client';
import { insertUser, updateUser, userByLogin } from '../../db/queries/users';
import type { AccessPolicy } from '../config';
import type { User } from '../shared/user';

/** The account for a verified Access email, created on first visit; null when it is disabled. */
export async function accessUser(db: Db, email: string, policy: AccessPolicy): Promise<User | null> {
  const login = email.trim().toLowerCase();
  if (!login || login.length > 200) return null;
  const isEditor = policy.editors.has(login);
  let row = await userByLogin(db, login);
  if (!row) {
    try {
      const role = isEditor ? 'editor' : policy.defaultRole;
      return await insertUser(db, { login, displayName: login.split('@')[0] || login, role });
    } catch (err) {
      // Two first requests at once: the other one inserted the row (unique login); use it.
      row = await userByLogin(db, login);
      if (!row) throw err;
    }
  }
  if (row.disabled) return null;
  if (isEditor && row.role !== 'editor') {
    await updateUser(db, row.id, { role: 'editor' });
    row = { ...row, role: 'editor' };
  }
  return { id: row.id, login: row.login, displayName: row.displayName, role: row.role };
}
