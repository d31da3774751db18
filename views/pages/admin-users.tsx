// Editors manage accounts here: add, change role, disable or enable, reset a password, mint or revoke API tokens.

import { MIN_PASSWORD_LENGTH } from '../../src/shared/password-rules';
import { ROLES, type Role } from '../../src/shared/statuses';
import type { AccountRow, TokenRow } from '../types';

export interface AdminUsersProps {
  users: AccountRow[];
  tokens: TokenRow[];
  /** The signed-in editor: their own role and account cannot be changed from here (no self lock-out). */
  meId: number;
  notice?: string;
  message?: string;
  /** A token just minted: shown this once, never again. */
  minted?: { login: string; label: string; token: string };
  values?: { login?: string; name?: string; role?: string };
}

const date = (ms: number | null) => (ms ? new Date(ms).toISOString().slice(0, 10) : '—');

function RoleSelect({ value, id }: { value: Role | string; id?: string }) {
  return (
    <select name="role" aria-label="Role" id={id}>
      {ROLES.map((r) => (
        <option value={r} selected={r === value}>
          {r}
        </option>
      ))}
    </select>
  );
}

export function AdminUsersPage({
  users,
  tokens,
  meId,
  notice,
  message,
  minted,
  values = {},
}: AdminUsersProps) {
  return (
    <>
      <h1>Users</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {message ? (
        <p class="error" role="alert">
          {message}
        </p>
      ) : null}
      {minted ? (
        <section class="card" aria-label="New API token">
          <p>
            API token <strong>{minted.label}</strong> for <strong>{minted.login}</strong> — copy it now, it is
            not shown again:
          </p>
          <p class="token-once">
            <code>{minted.token}</code>
          </p>
          <p class="muted">
            Send it as <code>Authorization: Bearer …</code>.
          </p>
        </section>
      ) : null}

      <section class="card">
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Login</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Password</th>
              <th scope="col">API tokens</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const self = u.id === meId;
              const own = tokens.filter((t) => t.userId === u.id);
              return (
                <tr id={`user-${u.id}`}>
                  <td data-label="Login">
                    <strong>{u.login}</strong>
                    {self ? <span class="muted"> (you)</span> : null}
                  </td>
                  <td data-label="Name">{u.displayName}</td>
                  <td data-label="Role">
                    {self ? (
                      u.role
                    ) : (
                      <form method="post" action={`/admin/users/${u.id}/role`}>
                        <RoleSelect value={u.role} />
                        <button type="submit">Set</button>
                      </form>
                    )}
                  </td>
                  <td data-label="State">
                    {u.disabled ? 'disabled' : 'active'}
                    {self ? null : (
                      <form method="post" action={`/admin/users/${u.id}/disabled`}>
                        <input type="hidden" name="disabled" value={u.disabled ? '0' : '1'} />
                        <button type="submit">{u.disabled ? 'Enable' : 'Disable'}</button>
                      </form>
                    )}
                  </td>
                  <td data-label="Password">
                    {u.hasPassword ? 'set' : 'none'}
                    <form method="post" action={`/admin/users/${u.id}/password`}>
                      <input
                        name="password"
                        type="password"
                        autocomplete="new-password"
                        minlength={MIN_PASSWORD_LENGTH}
                        maxlength={200}
                        required
                        aria-label={`New password for ${u.login}`}
                      />
                      <button type="submit">Reset</button>
                    </form>
                  </td>
                  <td data-label="API tokens">
                    <ul class="plain">
                      {own.map((t) => (
                        <li>
                          {t.label} <span class="muted">(created {date(t.createdAt)})</span>
                          <form method="post" action={`/admin/users/${u.id}/tokens/${t.id}/revoke`}>
                            <button type="submit">Revoke</button>
                          </form>
                        </li>
                      ))}
                    </ul>
                    <form method="post" action={`/admin/users/${u.id}/tokens`}>
                      <input
                        name="label"
                        maxlength={100}
                        placeholder="label"
                        aria-label={`Token label for ${u.login}`}
                      />
                      <button type="submit">New token</button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <form class="card form" method="post" action="/admin/users">
        <h2>Add an account</h2>
        <div class="grid-2">
          <label>
            Login
            <input name="login" value={values.login ?? ''} maxlength={100} autocomplete="off" required />
          </label>
          <label>
            Name
            <input name="name" value={values.name ?? ''} maxlength={100} />
          </label>
          <label for="new-role">
            Role
            <RoleSelect value={values.role ?? 'reviewer'} id="new-role" />
          </label>
          <label>
            Initial password
            <input
              name="password"
              type="password"
              autocomplete="new-password"
              minlength={MIN_PASSWORD_LENGTH}
              maxlength={200}
              required
            />
          </label>
        </div>
        <div class="actions">
          <button type="submit" class="btn-primary">
            Add account
          </button>
        </div>
      </form>
    </>
  );
}
