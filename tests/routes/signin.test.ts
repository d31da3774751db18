// Sign-in and sign-out through the front door: the cookie's flags, one message for every wrong answer,
// `next` kept on this site, the brute-force brake, and the session gone after sign-out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, setDisabled } from '../../src/services/accounts';
import { createTestApp, formPost, ORIGIN, type TestApp, visibleText } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await addAccount(t.db, {
    login: 'ana',
    displayName: 'Ana Reviewer',
    role: 'reviewer',
    password: 'ana-password-1',
  });
  await addAccount(t.db, { login: 'off', role: 'reviewer', password: 'off-password-1' });
  await setDisabled(t.db, 'off', true);
});
afterAll(() => t.cleanup());

const signIn = (fields: Record<string, string>, url = '/signin', headers: Record<string, string> = {}) =>
  t.app.request(url.startsWith('http') ? url : `${ORIGIN}${url}`, formPost(fields, headers));

/** The `cc_session=...` pair from a Set-Cookie header, ready to send back. */
const sessionCookie = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;

describe('GET /signin', () => {
  it('shows a form with login, password and the safe `next`', async () => {
    const res = await t.app.request('/signin?next=%2Fconflicts%2F3');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="login"');
    expect(html).toContain('type="password"');
    expect(html).toContain('name="next" value="/conflicts/3"');
    expect(visibleText(html)).toContain('Sign in');
  });
});

describe('POST /signin', () => {
  it('opens a session: HttpOnly, SameSite=Lax, Path=/, Max-Age, and the header names the user', async () => {
    const res = await signIn({ login: 'ana', password: 'ana-password-1', next: '/articles' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/articles');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cc_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=1209600/);
    expect(cookie).not.toMatch(/Secure/i);

    const page = await t.app.request('/', { headers: { Cookie: sessionCookie(res) } });
    const text = visibleText(await page.text());
    expect(text).toContain('Ana Reviewer');
    expect(text).toMatch(/reviewer/);
    expect(text).toContain('Sign out');
  });

  it('marks the cookie Secure over https', async () => {
    const res = await signIn({ login: 'ana', password: 'ana-password-1' }, 'https://crosscheck.test/signin', {
      Origin: 'https://crosscheck.test',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('accepts the login in any case', async () => {
    const res = await signIn({ login: 'ANA', password: 'ana-password-1' });
    expect(res.status).toBe(303);
  });

  it('answers a wrong password, an unknown login and a disabled account with the same message and no cookie', async () => {
    const answers = [];
    for (const fields of [
      { login: 'ana', password: 'wrong-password' },
      { login: 'nobody', password: 'ana-password-1' },
      { login: 'off', password: 'off-password-1' },
    ]) {
      const res = await signIn(fields);
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      const text = visibleText(await res.text());
      answers.push(text.match(/That login and password do not match an active account\./)?.[0]);
      expect(text).not.toMatch(/unknown user|wrong password|disabled/i);
    }
    expect(new Set(answers)).toEqual(new Set(['That login and password do not match an active account.']));
  });

  it('asks for both fields when one is empty', async () => {
    const res = await signIn({ login: 'ana', password: '' });
    expect(res.status).toBe(422);
    expect(visibleText(await res.text())).toContain('Enter your login and password');
  });

  const unsafe = [
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '/signin',
    ' /x',
    '/%0d%0aSet-Cookie:x',
  ];
  for (const next of unsafe) {
    it(`never redirects off-site or in a loop: next=${JSON.stringify(next)}`, async () => {
      const res = await signIn({ login: 'ana', password: 'ana-password-1', next });
      expect(res.status).toBe(303);
      const location = res.headers.get('location')!;
      expect(location.startsWith('/')).toBe(true);
      expect(location.startsWith('//')).toBe(false);
      expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
      expect(location).not.toMatch(/[\r\n]/);
      expect(new URL(location, ORIGIN).pathname).not.toBe('/signin');
    });
  }

  it('keeps a same-site next with its query', async () => {
    const res = await signIn({ login: 'ana', password: 'ana-password-1', next: '/?status=open&q=57' });
    expect(res.headers.get('location')).toBe('/?status=open&q=57');
  });

  it('refuses a cross-site form post (csrf) and an oversized body', async () => {
    const foreign = await t.app.request(
      '/signin',
      formPost({ login: 'ana', password: 'ana-password-1' }, { Origin: 'https://evil.example' }),
    );
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
    const big = await signIn({ login: 'ana', password: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
  });

  it('stops trying a login after 5 wrong passwords, even with the right one', async () => {
    await addAccount(t.db, { login: 'bruno', role: 'viewer', password: 'bruno-password' });
    for (let i = 0; i < 5; i++)
      expect((await signIn({ login: 'bruno', password: `guess-${i}` })).status).toBe(401);
    const blocked = await signIn({ login: 'bruno', password: 'bruno-password' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(visibleText(await blocked.text())).toMatch(/Too many failed attempts/);
    // Another login is not affected.
    expect((await signIn({ login: 'ana', password: 'ana-password-1' })).status).toBe(303);
  });
});

describe('POST /signout', () => {
  it('ends the session on the server and clears the cookie', async () => {
    const cookie = sessionCookie(await signIn({ login: 'ana', password: 'ana-password-1' }));
    const before = await t.app.request('/', { headers: { Cookie: cookie } });
    expect(visibleText(await before.text())).toContain('Sign out');

    const out = await t.app.request('/signout', formPost({}, { Cookie: cookie }));
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/');
    expect(out.headers.get('set-cookie')).toMatch(/cc_session=;.*Max-Age=0/);

    // The old cookie, replayed, signs nobody in.
    const after = await t.app.request('/', { headers: { Cookie: cookie } });
    const text = visibleText(await after.text());
    expect(text).toContain('Sign in');
    expect(text).not.toContain('Sign out');
  });
});
