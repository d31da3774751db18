// ASVS L2 account rules, as a user meets them: new passwords of 12+ characters that are not common
// ones, an idle timeout on browser sessions, a password reset that ends sessions AND revokes API
// tokens, and a sign-in brake per login and client (with backoff) that nobody can use to lock
// someone else out.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userByLogin } from '../../db/queries/users';
import { createApp } from '../../src/app';
import { COMMON_BASES, COMMON_LONG } from '../../src/auth/common-passwords.data';
import { frontCode, frontDecode } from '../../src/auth/front-coded';
import { isCommonPassword, passwordProblem } from '../../src/auth/password-policy';
import { failureThrottle } from '../../src/auth/throttle';
import { settingsFromEnv } from '../../src/config';
import { addAccount, mintToken, setPassword } from '../../src/services/accounts';
import { createTestApp, formPost, ORIGIN, type TestApp } from '../helpers/app';
import { signedIn } from '../helpers/auth';
import { commonPasswordSlices, DATA_FILE, dataModule } from '../tools/common-passwords';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.cleanup());
afterEach(() => vi.useRealTimers());

describe('new passwords', () => {
  const refused = [
    '12345678',
    'password',
    'short-pass1',
    '123456789012',
    'password1234',
    'Password1234!',
    'qwertyuiop12',
    'qwerty123456',
    'iloveyou2024!',
    'monkeymonkey',
    '!!!!!!!!!!!!!!',
    'aaaaaaaaaaaaaaaa',
    '1qaz2wsx3edc',
  ];
  const accepted = [
    'correct horse battery staple',
    'ana-password-1',
    'Tr0ub4dor&3-plus',
    'vinegar kettle 42',
  ];

  it('are refused when shorter than 12 characters or common (12345678 used to be accepted)', () => {
    for (const p of refused) expect(passwordProblem(p), p).not.toBeNull();
    for (const p of accepted) expect(passwordProblem(p), p).toBeNull();
    expect(isCommonPassword('letmeinletmein')).toBe(true);
  });

  it('are refused by the Users page, with the reason, and nothing is stored', async () => {
    const editor = await signedIn(t.db, 'editor');
    for (const password of ['12345678', 'password1234', 'qwerty123456']) {
      const res = await t.app.request(
        '/admin/users',
        formPost({ login: 'weak', role: 'viewer', password }, editor.cookie),
      );
      expect(res.status, password).toBe(422);
      expect(await res.text()).toMatch(/at least 12 characters|most common/);
    }
    expect(await userByLogin(t.db, 'weak')).toBeNull();
    const ok = await t.app.request(
      '/admin/users',
      formPost({ login: 'strong', role: 'viewer', password: 'vinegar kettle 42' }, editor.cookie),
    );
    expect(ok.status).toBe(303);
  });

  it('are refused by the CLI and the services too', async () => {
    await expect(
      addAccount(t.db, { login: 'cli', role: 'viewer', password: 'password1234' }),
    ).rejects.toThrow(/most common/);
    await expect(setPassword(t.db, 'strong', 'abc')).rejects.toThrow(/12 characters/);
  });

  it('the bundled common-password slice is what the generator makes from the pinned package', () => {
    expect(readFileSync(DATA_FILE, 'utf8')).toBe(dataModule());
  });

  it('the front-coded lists decode to exactly the slices (every entry a common password)', () => {
    const { long, bases } = commonPasswordSlices();
    expect(frontDecode(COMMON_LONG)).toEqual([...long].sort());
    expect(frontDecode(COMMON_BASES)).toEqual([...bases].sort());
    expect(frontDecode(frontCode(['abc', 'abcd', 'abd', 'b', 'zz9']))).toEqual([
      'abc',
      'abcd',
      'abd',
      'b',
      'zz9',
    ]);
    for (const p of [...long, ...bases.map((b) => `${b}${b}${b}`.padEnd(12, '1'))])
      expect(isCommonPassword(p), p).toBe(true);
  });
});

describe('a password reset', () => {
  it('ends every session and revokes every API token of the account (tokens used to keep working)', async () => {
    const editor = await signedIn(t.db, 'editor');
    await addAccount(t.db, { login: 'rita', role: 'reviewer', password: 'rita first phrase' });
    const token = await mintToken(t.db, 'rita', 'bot');
    const asRita = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const before = await t.app.request('/api/articles', { method: 'POST', headers: asRita, body: '{}' });
    expect(before.status).toBe(422); // signed in: only the empty body is wrong
    const id = (await userByLogin(t.db, 'rita'))!.id;
    const reset = await t.app.request(
      `/admin/users/${id}/password`,
      formPost({ password: 'rita second phrase' }, editor.cookie),
    );
    expect(reset.status).toBe(303);
    const after = await t.app.request('/api/articles', { method: 'POST', headers: asRita, body: '{}' });
    expect(after.status).toBe(401);
  });
});

describe('an idle session', () => {
  it('ends after SESSION_IDLE_MINUTES without use, and each use moves that on', async () => {
    const app = createApp({ db: t.db, settings: settingsFromEnv({ SESSION_IDLE_MINUTES: '30' }) });
    await addAccount(t.db, { login: 'ida', role: 'reviewer', password: 'ida long phrase' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T09:00:00Z'));
    const signIn = await app.request(
      `${ORIGIN}/signin`,
      formPost({ login: 'ida', password: 'ida long phrase' }),
    );
    expect(signIn.status).toBe(303);
    const cookie = { Cookie: signIn.headers.get('set-cookie')!.split(';')[0]! };
    const signedInAt = async (minutes: number) => {
      vi.setSystemTime(new Date(Date.parse('2026-12-06T09:00:00Z') + minutes * 60_000));
      const res = await app.request('/articles/new', { headers: cookie });
      return res.status === 200;
    };
    expect(await signedInAt(20)).toBe(true);
    expect(await signedInAt(45)).toBe(true); // 25 min after the last use
    expect(await signedInAt(70)).toBe(true);
    expect(await signedInAt(101)).toBe(false); // 31 min idle
    expect(await signedInAt(102)).toBe(false);
  });

  it('SESSION_IDLE_MINUTES must be a whole number of minutes', () => {
    expect(settingsFromEnv({}).sessionIdleMinutes).toBeUndefined();
    expect(settingsFromEnv({ SESSION_IDLE_MINUTES: '15' }).sessionIdleMinutes).toBe(15);
    for (const bad of ['0', '-5', '1.5', 'soon', '999999'])
      expect(() => settingsFromEnv({ SESSION_IDLE_MINUTES: bad }), bad).toThrow(/SESSION_IDLE_MINUTES/);
  });
});

describe('the sign-in brake', () => {
  it('cannot be used to lock someone else out: it counts per login and client address', async () => {
    await addAccount(t.db, { login: 'vera', role: 'reviewer', password: 'vera long phrase' });
    const app = createApp({
      db: t.db,
      settings: { publicOrigin: ORIGIN },
      // Test stand-in for the socket address the Node entry passes.
      clientAddress: (c) => c.req.header('x-test-client'),
    });
    const from = (client: string, password: string) =>
      app.request(`${ORIGIN}/signin`, formPost({ login: 'vera', password }, { 'x-test-client': client }));
    for (let i = 0; i < 5; i++) expect((await from('10.0.0.66', 'wrong guess')).status).toBe(401);
    // The attacker's address is braked, even with the right password...
    const braked = await from('10.0.0.66', 'vera long phrase');
    expect(braked.status).toBe(429);
    expect(Number(braked.headers.get('retry-after'))).toBeGreaterThan(0);
    // ...but Vera, from her own address, signs in (she used to be locked out for 15 minutes).
    expect((await from('10.0.0.7', 'vera long phrase')).status).toBe(303);
  });

  it('backs off: each failure past the fifth doubles the wait, up to 15 minutes', () => {
    const brake = failureThrottle();
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) brake.fail('k', t0);
    expect(brake.blockedFor('k', t0)).toBe(0);
    brake.fail('k', t0);
    expect(brake.blockedFor('k', t0)).toBe(30_000);
    expect(brake.blockedFor('k', t0 + 30_000)).toBe(0);
    brake.fail('k', t0 + 30_000);
    expect(brake.blockedFor('k', t0 + 30_000)).toBe(60_000);
    let at = t0 + 30_000;
    for (let i = 0; i < 10; i++) {
      at += 1000;
      brake.fail('k', at);
    }
    expect(brake.blockedFor('k', at)).toBe(15 * 60 * 1000);
    brake.succeed('k');
    expect(brake.blockedFor('k', at)).toBe(0);
  });
});
