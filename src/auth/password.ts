// Password hashes: PBKDF2-SHA256 through Web Crypto, so the same code runs on Node and in workerd.
// Stored as "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>"; plain passwords are never stored.

/** workerd refuses PBKDF2 above 100,000 iterations, and a hash made on Node must verify on a Worker. */
export const MAX_ITERATIONS = 100_000;
const SCHEME = 'pbkdf2-sha256';
const SALT_BYTES = 16;
const HASH_BITS = 256;
/** Longer inputs only cost CPU (PBKDF2 hashes the password every round): refuse them before deriving. */
export const MAX_PASSWORD_LENGTH = 1024;

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = MAX_ITERATIONS): Promise<string> {
  if (password.length > MAX_PASSWORD_LENGTH) throw new Error('The password is too long.');
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `${SCHEME}$${iterations}$${b64(salt)}$${b64(await derive(password, salt, iterations))}`;
}

/** Same-length comparison that looks at every byte, so timing does not reveal how much matched. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

interface Parsed {
  iterations: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

export function parsePasswordHash(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== SCHEME) return null;
  const iterations = Number(parts[1]);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) return null;
  try {
    const salt = unb64(parts[2] ?? '');
    const hash = unb64(parts[3] ?? '');
    if (salt.length < 8 || hash.length !== HASH_BITS / 8) return null;
    return { iterations, salt, hash };
  } catch {
    return null;
  }
}

export const isPasswordHash = (s: string) => parsePasswordHash(s) !== null;

// Verifying against this when the login is unknown makes "no such user" cost as much as "wrong password".
const DUMMY = { iterations: MAX_ITERATIONS, salt: new Uint8Array(SALT_BYTES), hash: new Uint8Array(32) };

/** True when `password` matches `stored`; false for a wrong password, a malformed hash or no hash at all. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parsed = (stored && parsePasswordHash(stored)) || null;
  const target = parsed ?? DUMMY;
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const derived = await derive(password, target.salt, target.iterations);
  return constantTimeEqual(derived, target.hash) && parsed !== null;
}
