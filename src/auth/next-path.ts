// Where to go after signing in: only a path on this site, so a crafted link cannot bounce a reviewer elsewhere.

/** One pass: `next` as a same-site path, or "/" when it is anything else. */
function sameSitePath(next: string): string {
  if (next.length > 2000) return '/';
  // "//evil.example" and "/\evil.example" are protocol-relative to browsers; control characters hide tricks.
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  try {
    const base = 'http://same.invalid';
    const u = new URL(next, base);
    if (u.origin !== base) return '/';
    // Coming back to the sign-in page itself would loop.
    if (u.pathname === '/signin' || u.pathname === '/signout') return '/';
    return u.pathname + u.search + u.hash;
  } catch {
    return '/';
  }
}

/**
 * `next` if it is a same-site path ("/conflicts/3?x=1"), else "/". Idempotent: URL parsing can turn a
 * safe-looking path into an unsafe one ("/.//evil.example" resolves to "//evil.example", which a
 * browser reads as another host), so a result is kept only if it passes the same check unchanged.
 */
export function safeNextPath(next: string | undefined | null): string {
  if (!next) return '/';
  const path = sameSitePath(next);
  return sameSitePath(path) === path ? path : '/';
}
