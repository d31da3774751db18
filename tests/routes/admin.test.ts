// /admin/users: an editor adds accounts, changes roles, disables, resets passwords, mints and revokes API
// tokens — with csrf, validation messages, and no way to lock themselves out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApiTokens, userByLogin } from '../../db/queries/users';
import { authenticate } from '../../src/services/sign-in';
import { createTestApp, formPost, type TestApp, visibleText } from '../helpers/app';
import { type SignedIn, signedIn } from '../helpers/auth';

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  editor = await signedIn(t.db, 'editor', 'chief');
});
afterAll(() => t.cleanup());

const post = (path: string, fields: Record<string, string>) =>
  t.app.request(path, formPost(fields, editor.cookie));
const idOf = async (login: string) => (await userByLogin(t.db, login))!.id;

describe('/admin/users', () => {
  it('lists accounts with their roles', async () => {
    const res = await t.app.request('/admin/users', { headers: editor.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = visibleText(await res.text());
    expect(text).toContain('chief');
    expect(text).toContain('Add an account');
  });

  it('adds an account that can sign in, and refuses a duplicate or invalid one with a message', async () => {
    const res = await post('/admin/users', {
      login: 'Dora',
      name: 'Dora D',
      role: 'reviewer',
      password: 'dora-password',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/users?done=added');
    expect(await authenticate(t.db, 'dora', 'dora-password')).toMatchObject({
      role: 'reviewer',
      displayName: 'Dora D',
    });
    const notice = await t.app.request('/admin/users?done=added', { headers: editor.cookie });
    expect(visibleText(await notice.text())).toContain('Account added.');

    const dup = await post('/admin/users', { login: 'dora', role: 'viewer', password: 'another-password' });
    expect(dup.status).toBe(422);
    expect(visibleText(await dup.text())).toContain('already taken');
    const short = await post('/admin/users', { login: 'eve', role: 'viewer', password: 'short' });
    expect(short.status).toBe(422);
    const html = await short.text();
    expect(visibleText(html)).toContain('at least 12 characters');
    expect(html).toContain('value="eve"');
    const role = await post('/admin/users', { login: 'eve', role: 'owner', password: 'long-enough-1' });
    expect(role.status).toBe(422);
    const long = await post('/admin/users', {
      login: 'x'.repeat(101),
      role: 'viewer',
      password: 'long-enough-1',
    });
    expect(long.status).toBe(422);
    expect(await userByLogin(t.db, 'eve')).toBeNull();
  });

  it('changes a role, disables and enables an account', async () => {
    const id = await idOf('dora');
    expect((await post(`/admin/users/${id}/role`, { role: 'editor' })).status).toBe(303);
    expect((await userByLogin(t.db, 'dora'))!.role).toBe('editor');
    expect((await post(`/admin/users/${id}/disabled`, { disabled: '1' })).status).toBe(303);
    expect(await authenticate(t.db, 'dora', 'dora-password')).toBeNull();
    expect((await post(`/admin/users/${id}/disabled`, { disabled: '0' })).status).toBe(303);
    expect(await authenticate(t.db, 'dora', 'dora-password')).not.toBeNull();
  });

  it('resets a password', async () => {
    const id = await idOf('dora');
    expect((await post(`/admin/users/${id}/password`, { password: 'brand-new-pass' })).status).toBe(303);
    expect(await authenticate(t.db, 'dora', 'dora-password')).toBeNull();
    expect(await authenticate(t.db, 'dora', 'brand-new-pass')).not.toBeNull();
  });

  it('mints an API token shown once (never in a URL) that works as a bearer, and revokes it', async () => {
    const id = await idOf('dora');
    const res = await post(`/admin/users/${id}/tokens`, { label: 'newsroom bot' });
    expect(res.status).toBe(200);
    const html = await res.text();
    const token = html.match(/<code>([A-Za-z0-9_-]{40,})<\/code>/)?.[1];
    expect(token).toBeDefined();
    expect(visibleText(html)).toContain('not shown again');

    const api = await t.app.request('/api/articles', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(422); // past the role check: only the empty body is wrong

    const list = await t.app.request('/admin/users', { headers: editor.cookie });
    const listed = await list.text();
    expect(listed).toContain('newsroom bot');
    expect(listed).not.toContain(token!);

    const [row] = (await listApiTokens(t.db)).filter((r) => r.label === 'newsroom bot');
    expect((await post(`/admin/users/${id}/tokens/${row!.id}/revoke`, {})).status).toBe(303);
    const after = await t.app.request('/api/articles', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(after.status).toBe(401);
  });

  it('will not let editors change their own role or disable themselves', async () => {
    const me = editor.user.id;
    expect((await post(`/admin/users/${me}/role`, { role: 'viewer' })).status).toBe(403);
    expect((await post(`/admin/users/${me}/disabled`, { disabled: '1' })).status).toBe(403);
    expect((await userByLogin(t.db, 'chief'))!.role).toBe('editor');
  });

  it('answers 404 for an unknown account and refuses cross-site posts', async () => {
    expect((await post('/admin/users/999999/role', { role: 'viewer' })).status).toBe(404);
    const foreign = await t.app.request(
      '/admin/users',
      formPost(
        { login: 'mallory', role: 'editor', password: 'mallory-pass' },
        { ...editor.cookie, Origin: 'https://evil.example' },
      ),
    );
    expect(foreign.status).toBe(403);
    expect(await userByLogin(t.db, 'mallory')).toBeNull();
  });
});
