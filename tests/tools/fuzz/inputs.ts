// The fuzzer's inputs, drawn from one seeded generator: odd ids and atoms, hostile strings (controls,
// NUL, broken escapes, FTS5 syntax, lone surrogates), query strings, JSON and form bodies of every
// shape. fuzz.ts seeds it (--seed) and sends what it draws.

/** mulberry32: small, seeded, good enough to pick test inputs. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let next = prng(0);
/** Seeds every draw (the inputs here and the fuzzer's own choices): a run is reproduced with the same seed. */
export function seedRandom(seed: number): void {
  next = prng(seed);
}
export const rand = () => next();
export const int = (n: number) => Math.floor(rand() * n);
export const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
export const chance = (p: number) => rand() < p;

export const ATOMS = [
  '',
  '0',
  '1',
  '-1',
  '2',
  '999999999999',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  'a',
  'abc',
  ' ',
  '57 countries',
  'troops',
  '"',
  "'",
  '*',
  '\\',
  '/',
  '../..',
  '..%2f',
  '<script>alert(1)</script>',
  '" onmouseover="x',
  'javascript:alert(1)',
  'https://evil.example/',
  '//evil.example',
  '\u0000',
  '\u0001\u001f',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  'NEAR(a b)',
  'a OR b',
  'text:x',
  '^a',
  'a AND NOT b',
  '%',
  '%00',
  '%E0%A4%A',
  '%ZZ',
  'open',
  'resolved',
  'verified',
  'false',
  'a_holds',
  'severity',
  'newest',
  'me',
  'none',
  'high',
];

/** Control, format and surrogate code units: what broke FTS5, libSQL and URL decoding before. */
export const NASTY = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u001b',
  '\u007f',
  '\u200b',
  '\u202e',
  '\ud800',
  '\udfff',
  '"',
];

export function randomString(max = 40): string {
  const parts: string[] = [];
  const n = int(6);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.2) parts.push(pick(NASTY));
    else if (r < 0.5) parts.push(pick(ATOMS));
    else if (r < 0.8) parts.push(String.fromCharCode(int(0x80)));
    else if (r < 0.95) parts.push(String.fromCharCode(int(0x10000)));
    else parts.push('x'.repeat(int(3000)));
  }
  const s = parts.join('');
  return s.length > max && chance(0.8) ? s.slice(0, max) : s;
}

/** Percent-encodes a string; lone surrogates become the raw bytes a client could send. */
export function encodeAny(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff)
      out += `%ED%${(0xa0 + ((cp >> 6) & 0x1f)).toString(16)}%${(0x80 + (cp & 0x3f)).toString(16)}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

export function rawPercent(): string {
  return pick(['%00', '%E0%A4%A', '%', '%ZZ', '%C0%AF', '%FF%FE', '%ED%A0%80', '%2e%2e%2f', '%0d%0a', '%25']);
}

export const FIELDS = [
  'q',
  'status',
  'outlet',
  'entity',
  'assignee',
  'severity',
  'sort',
  'limit',
  'offset',
  'next',
  'version',
  'note',
  'evidence',
  'resolution',
  'decision',
  'return_to',
  'ids',
  'title',
  'text',
  'url',
  'publishedAt',
  'format',
  'documents',
  'login',
  'password',
  'name',
  'role',
  'disabled',
  'label',
  'id',
  'action',
];

export function queryString(): string {
  const n = int(5);
  const pairs: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = chance(0.9) ? pick(FIELDS) : encodeAny(randomString(10));
    const value = chance(0.2) ? rawPercent() + encodeAny(randomString(10)) : encodeAny(randomString());
    pairs.push(`${key}=${value}`);
  }
  if (chance(0.1)) pairs.push(rawPercent());
  return pairs.length ? `?${pairs.join('&')}` : '';
}

export function jsonValue(depth = 0): unknown {
  const r = rand();
  if (depth > 3 || r < 0.4) return pick([randomString(), int(100), -1, 1e308, 0.5, null, true, '']);
  if (r < 0.6) return Array.from({ length: int(4) }, () => jsonValue(depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < int(5); i++) o[pick(FIELDS)] = jsonValue(depth + 1);
  return o;
}

/** A plausible article or review body with one field broken, or something else altogether. */
export function jsonBody(): string {
  const r = rand();
  if (r < 0.1)
    return pick([
      '',
      '{',
      '{"a":',
      'null',
      '[]',
      '"x"',
      '{"__proto__":{"x":1}}',
      '\u0000',
      '{}'.repeat(1000),
    ]);
  if (r < 0.2) return `[${'['.repeat(5000)}${']'.repeat(5000)}]`;
  const base: Record<string, unknown> = {
    outlet: randomString(60) || 'Wire',
    title: randomString(80) || 'Title',
    text: `${randomString(200)} officials said ${int(1000)} people were evacuated. ${randomString(200)}`,
    status: pick(['verified', 'false', 'disputed', 'open', randomString(10)]),
    version: pick([1, 0, -1, 2 ** 53, '1', null]),
    note: randomString(100),
    resolution: pick(['a_holds', 'b_holds', 'both_wrong', randomString(8)]),
    decision: pick(['approve', 'reject', randomString(5)]),
    assignee: pick(['me', 'none', randomString(10)]),
    ids: Array.from({ length: int(5) }, () => pick([1, 2, 3, -1, 'x', 1e20])),
    action: pick(['resolve', 'assign', randomString(6)]),
    documents: Array.from({ length: int(4) }, (_, i) => ({
      id: chance(0.9) ? `d${i}` : randomString(5),
      text: `${randomString(300)} some ${int(99)} countries sent ${int(9999)} troops.`,
      format: pick(['auto', 'text', 'html', 'pdf']),
    })),
  };
  for (let i = 0; i < int(3); i++) base[pick(FIELDS)] = jsonValue();
  return JSON.stringify(base);
}

export function formBody(): URLSearchParams | FormData | string {
  const r = rand();
  const fields: [string, string][] = Array.from({ length: 1 + int(6) }, () => [
    pick(FIELDS),
    randomString(200),
  ]);
  if (r < 0.45) return new URLSearchParams(fields);
  if (r < 0.8) {
    const f = new FormData();
    for (const [k, v] of fields) f.append(k, v);
    if (chance(0.2)) f.append('text', new Blob([randomString(500)]), 'a.txt');
    return f;
  }
  // Raw, possibly invalid, URL-encoded text.
  return fields.map(([k, v]) => `${k}=${chance(0.3) ? rawPercent() : encodeAny(v)}`).join('&');
}
