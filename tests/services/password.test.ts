// Password hashes: the stored format, verification, and refusal of anything malformed or too costly.
import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  hashPassword,
  MAX_ITERATIONS,
  parsePasswordHash,
  verifyPassword,
} from '../../src/auth/password';

describe('password hashes (PBKDF2-SHA256, Web Crypto)', () => {
  it('stores "pbkdf2-sha256$iterations$salt$hash" with at most 100,000 iterations (workerd’s limit)', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}$/);
    expect(MAX_ITERATIONS).toBeLessThanOrEqual(100_000);
    expect(h).not.toContain('correct horse');
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', h)).toBe(true);
    expect(await verifyPassword('correct horse batterY', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('verifies hashes made with fewer iterations (the count is read from the hash)', async () => {
    const h = await hashPassword('quick one', 1000);
    expect(h.split('$')[1]).toBe('1000');
    expect(await verifyPassword('quick one', h)).toBe(true);
  });

  it('refuses malformed hashes, other schemes, too many iterations and no hash at all', async () => {
    const good = await hashPassword('pw-123456', 1000);
    const [, , salt, hash] = good.split('$');
    for (const bad of [
      null,
      undefined,
      '',
      'plain-text-password',
      `bcrypt$1000$${salt}$${hash}`,
      `pbkdf2-sha256$1000000$${salt}$${hash}`,
      `pbkdf2-sha256$0$${salt}$${hash}`,
      `pbkdf2-sha256$1000$${salt}$AAAA`,
      `pbkdf2-sha256$1000$!!!$${hash}`,
    ]) {
      expect(await verifyPassword('pw-123456', bad), String(bad)).toBe(false);
    }
    expect(parsePasswordHash(`pbkdf2-sha256$1000001$${salt}$${hash}`)).toBeNull();
  });

  it('compares in constant time over equal lengths', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});
