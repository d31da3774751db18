// /admin/users — editors manage accounts. Every change is a plain form post (csrf-checked, bounded,
// validated) answered with a redirect back to the list; a new API token is the one answer that shows a secret.
import type { Context } from 'hono';
import { listApiTokens, listUsers, userById } from '../../db/queries/users';
import { AdminUsersPage, type AdminUsersProps } from '../../views/pages/admin-users';
import { passwordProblem } from '../auth/password-policy';
import { requireRole } from '../auth/require-role';
import { requireForm } from '../middleware/content-type';
import { accountBodyLimit } from '../middleware/limits';
import { formCsrf } from '../middleware/security';
import { page } from '../responses/render';
import { addAccount, mintToken, revokeToken, setDisabled, setPassword, setRole } from '../services/accounts';
import { InputError, NotFoundError } from '../services/errors';
import type { AppDeps, AppEnv } from '../shared/app-env';
import { Hono } from '../shared/hono';
import { ROLES } from '../shared/statuses';
import * as z from '../shared/zod';

const role = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(', ')}.` });
const password = z.string({ error: 'Enter a password.' }).check(
  z.superRefine((value: string, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);
const upTo100 = (message: string) => z.optional(z.string().check(z.trim(), z.maxLength(100, message)));
const schemas = {
  add: z.object({
    login: z
      .string({ error: 'Enter a login.' })
      .check(z.trim(), z.minLength(1, 'Enter a login.'), z.maxLength(100, 'The login is too long.')),
    name: upTo100('The name is too long (100 characters at most).'),
    role,
    password,
  }),
  role: z.object({ role }),
  disabled: z.object({ disabled: z.enum(['0', '1']) }),
  password: z.object({ password }),
  token: z.object({ label: upTo100('The label is too long (100 characters at most).') }),
};
const idParam = z.coerce.number().check(z.int(), z.positive(), z.maximum(Number.MAX_SAFE_INTEGER));

const NOTICES: Record<string, string> = {
  added: 'Account added.',
  role: 'Role changed.',
  disabled: 'Account disabled: its sessions ended and its API tokens stop working.',
  enabled: 'Account enabled.',
  password: 'Password reset: the account was signed out everywhere.',
  revoked: 'API token revoked.',
};

type Status = 200 | 403 | 404 | 413 | 415 | 422;

export function adminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Forgery is refused before anything else (it skips GET), then everything here is for editors.
  app.use('*', formCsrf());
  app.use('*', requireRole('editor'));

  async function show(c: Context<AppEnv>, extra: Partial<AdminUsersProps> = {}, status: Status = 200) {
    const [users, tokens] = await Promise.all([listUsers(deps.db), listApiTokens(deps.db)]);
    c.header('Cache-Control', 'no-store');
    const meId = c.get('user')?.id ?? 0;
    return page(c, 'Users', <AdminUsersPage users={users} tokens={tokens} meId={meId} {...extra} />, {
      nav: 'users',
      status,
    });
  }
  const guards = [
    accountBodyLimit((c, message) => show(c as Context<AppEnv>, { message }, 413)),
    requireForm((c, message) => show(c as Context<AppEnv>, { message }, 415)),
  ] as const;

  /** The posted form through `schema`, or a 422 page naming the first problem. */
  async function parse<T extends z.ZodMiniType>(c: Context<AppEnv>, schema: T) {
    // A broken multipart body reads as an empty form: a 422 naming what is missing, not a 500.
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const r = schema.safeParse(body);
    if (r.success) return { data: r.data as z.infer<T> };
    const values = {
      login: String(body.login ?? ''),
      name: String(body.name ?? ''),
      role: String(body.role ?? ''),
    };
    return {
      response: await show(c, { message: r.error.issues[0]?.message ?? 'Invalid form.', values }, 422),
    };
  }

  /** The account named in the path; an editor never changes their own role or state (no self lock-out). */
  async function target(c: Context<AppEnv>, notSelf: boolean) {
    const id = idParam.safeParse(c.req.param('id'));
    const user = id.success ? await userById(deps.db, id.data) : null;
    if (!user) return { response: await show(c, { message: 'There is no such account.' }, 404) };
    if (notSelf && user.id === c.get('user')?.id)
      return {
        response: await show(c, { message: 'You cannot change your own role or disable yourself.' }, 403),
      };
    return { user };
  }

  /** Runs a service call; its input and not-found errors become the page's message. */
  async function attempt(c: Context<AppEnv>, done: string, run: () => Promise<unknown>) {
    try {
      await run();
    } catch (err) {
      if (err instanceof InputError) return show(c, { message: err.message }, 422);
      if (err instanceof NotFoundError) return show(c, { message: err.message }, 404);
      throw err;
    }
    return c.redirect(`/admin/users?done=${done}`, 303);
  }

  app.get('/users', (c) => show(c, { notice: NOTICES[c.req.query('done') ?? ''] }));

  app.post('/users', ...guards, async (c) => {
    const p = await parse(c, schemas.add);
    if (!p.data) return p.response;
    const { login, name, role, password } = p.data;
    try {
      await addAccount(deps.db, { login, displayName: name, role, password });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return show(c, { message: err.message, values: { login, name, role } }, 422);
    }
    return c.redirect('/admin/users?done=added', 303);
  });

  app.post('/users/:id/role', ...guards, async (c) => {
    const t = await target(c, true);
    if (!t.user) return t.response;
    const p = await parse(c, schemas.role);
    if (!p.data) return p.response;
    const { role } = p.data;
    return attempt(c, 'role', () => setRole(deps.db, t.user.login, role));
  });

  app.post('/users/:id/disabled', ...guards, async (c) => {
    const t = await target(c, true);
    if (!t.user) return t.response;
    const p = await parse(c, schemas.disabled);
    if (!p.data) return p.response;
    const off = p.data.disabled === '1';
    return attempt(c, off ? 'disabled' : 'enabled', () => setDisabled(deps.db, t.user.login, off));
  });

  app.post('/users/:id/password', ...guards, async (c) => {
    const t = await target(c, false);
    if (!t.user) return t.response;
    const p = await parse(c, schemas.password);
    if (!p.data) return p.response;
    const { password } = p.data;
    return attempt(c, 'password', () => setPassword(deps.db, t.user.login, password));
  });

  // Answered with the page itself, not a redirect: the token must never travel in a URL.
  app.post('/users/:id/tokens', ...guards, async (c) => {
    const t = await target(c, false);
    if (!t.user) return t.response;
    const p = await parse(c, schemas.token);
    if (!p.data) return p.response;
    const label = p.data.label || 'api';
    const token = await mintToken(deps.db, t.user.login, label);
    return show(c, { minted: { login: t.user.login, label, token } });
  });

  app.post('/users/:id/tokens/:token/revoke', ...guards, async (c) => {
    const t = await target(c, false);
    if (!t.user) return t.response;
    const tokenId = idParam.safeParse(c.req.param('token'));
    if (!tokenId.success) return show(c, { message: 'There is no such token.' }, 404);
    return attempt(c, 'revoked', () => revokeToken(deps.db, t.user.login, tokenId.data));
  });

  return app;
}
