// npm run fuzz [-- --seconds N --seed S --concurrency C]: random and adversarial requests to every
// route of a real server process on 127.0.0.1 (a seeded scratch database): odd ids, hostile query
// strings (controls, NUL, broken escapes, FTS5 syntax, lone surrogates), malformed and oversized
// bodies of every content type, junk cookies, tokens and Origin headers, anonymous and signed in.
// Prints requests sent, answers by status class, every 5xx (first few in full), and whether the server
// is alive at the end. Exits 1 on any 5xx, a dropped connection, or a dead server. Seeded: a failing
// run is reproduced with the same --seed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { insertApiToken, insertSession, insertUser } from '../../../db/queries/users';
import { loadSeeds } from '../../../seeds/load';
import { createApp } from '../../../src/app';
import { newToken, SESSION_COOKIE, SESSION_TTL_MS, tokenHash } from '../../../src/auth/tokens';
import { openNodeDb } from '../../../src/node-db';
import { freePort, startServerProcess } from '../server-process';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    concurrency: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
  },
});
const SECONDS = Math.max(1, Number(args.seconds));
const SEED = Number(args.seed);
const CONCURRENCY = Math.max(1, Number(args.concurrency));

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
const rand = prng(SEED);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const chance = (p: number) => rand() < p;

// ---- inputs -------------------------------------------------------------------------------------

const ATOMS = [
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
const NASTY = [
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

function randomString(max = 40): string {
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
function encodeAny(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff)
      out += `%ED%${(0xa0 + ((cp >> 6) & 0x1f)).toString(16)}%${(0x80 + (cp & 0x3f)).toString(16)}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

function rawPercent(): string {
  return pick(['%00', '%E0%A4%A', '%', '%ZZ', '%C0%AF', '%FF%FE', '%ED%A0%80', '%2e%2e%2f', '%0d%0a', '%25']);
}

const FIELDS = [
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

function queryString(): string {
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

function jsonValue(depth = 0): unknown {
  const r = rand();
  if (depth > 3 || r < 0.4) return pick([randomString(), int(100), -1, 1e308, 0.5, null, true, '']);
  if (r < 0.6) return Array.from({ length: int(4) }, () => jsonValue(depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < int(5); i++) o[pick(FIELDS)] = jsonValue(depth + 1);
  return o;
}

/** A plausible article or review body with one field broken, or something else altogether. */
function jsonBody(): string {
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

function formBody(): URLSearchParams | FormData | string {
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

// ---- the run ------------------------------------------------------------------------------------

interface Route {
  method: string;
  path: string;
}

function concretePath(path: string): string {
  return path.replace(/:\w+(\{[^}]*\})?/g, () =>
    chance(0.7)
      ? String(1 + int(30))
      : encodeAny(pick(['0', '-1', '99999999999999999999', 'abc', '1.5', '%', ' ', '\u0000'])),
  );
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-fuzz-'));
  const dbFile = join(dir, 'fuzz.db');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  // A seeded database with an editor signed in (a session and an API token), made before the server starts.
  const setup = await openNodeDb(`file:${dbFile}`);
  await loadSeeds(setup.db);
  const editor = await insertUser(setup.db, { login: 'fuzz', displayName: 'Fuzz', role: 'editor' });
  const session = newToken();
  const token = newToken();
  await insertSession(setup.db, {
    tokenHash: await tokenHash(session),
    userId: editor.id,
    expiresAt: Date.now() + SESSION_TTL_MS,
  });
  await insertApiToken(setup.db, { tokenHash: await tokenHash(token), userId: editor.id, label: 'fuzz' });
  const seen = new Set<string>();
  const routes: Route[] = createApp({ db: setup.db })
    .routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
  setup.close();
  // Node serves these outside the app.
  routes.push(
    { method: 'GET', path: '/static/app.css' },
    { method: 'GET', path: '/static/:file' },
    { method: 'GET', path: '/nothing/here' },
  );

  const { child, log } = await startServerProcess(port, `file:${dbFile}`);
  let died = false;
  child.once('exit', () => {
    died = true;
  });

  const identities: Record<string, string>[] = [
    {},
    { Cookie: `${SESSION_COOKIE}=${session}` },
    { Authorization: `Bearer ${token}` },
    { Cookie: `${SESSION_COOKIE}=${encodeAny(randomString(30))}` },
    { Authorization: `Bearer ${'A'.repeat(20)}` },
    { Cookie: `${SESSION_COOKIE}=${session}`, 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
  ];
  const counts = { sent: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, dropped: 0 };
  const failures: string[] = [];
  const until = Date.now() + SECONDS * 1000;

  async function one() {
    const route = pick(routes);
    const method = chance(0.05) ? pick(['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']) : route.method;
    let path = concretePath(route.path);
    if (route.path === '/static/:file')
      path = `/static/${chance(0.5) ? rawPercent() : encodeAny(randomString(10))}.css`;
    const url = `${base}${path}${chance(method === 'GET' ? 0.9 : 0.4) ? queryString() : ''}`;
    const headers: Record<string, string> = { ...pick(identities) };
    const origin = rand();
    if (origin < 0.6) headers.Origin = base;
    else if (origin < 0.7) headers.Origin = pick(['https://evil.example', 'null', '']);
    if (chance(0.2)) headers['Sec-Fetch-Site'] = pick(['same-origin', 'cross-site', 'none', 'same-site']);
    if (chance(0.1)) headers['Accept-Language'] = randomString(50).replace(/[^\x20-\x7e]/g, '');
    let body: BodyInit | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      const kind = rand();
      if (kind < 0.5) {
        body = jsonBody();
        headers['Content-Type'] = pick([
          'application/json',
          'application/json; charset=utf-8',
          'application/ld+json',
          'text/plain',
        ]);
      } else if (kind < 0.9) body = formBody();
      else {
        body = new Uint8Array(Array.from({ length: int(2000) }, () => int(256)));
        headers['Content-Type'] = pick([
          'application/octet-stream',
          'application/json',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
        ]);
      }
    }
    counts.sent++;
    try {
      const res = await fetch(url, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      const cls = `${Math.floor(res.status / 100)}xx` as '2xx';
      if (cls in counts) counts[cls]++;
      if (res.status >= 500) {
        if (failures.length < 10)
          failures.push(
            `${res.status} ${method} ${url.slice(base.length, base.length + 200)}\n    ${text.slice(0, 200).replace(/\s+/g, ' ')}` +
              (typeof body === 'string' ? `\n    body: ${JSON.stringify(body.slice(0, 400))}` : ''),
          );
      }
    } catch (err) {
      counts.dropped++;
      if (failures.length < 10)
        failures.push(
          `dropped ${method} ${url.slice(base.length, base.length + 200)}: ${String(err).slice(0, 200)}`,
        );
    }
  }

  const workers = Array.from({ length: CONCURRENCY }, async () => {
    while (Date.now() < until && !died) await one();
  });
  await Promise.all(workers);

  let alive = !died;
  if (alive) {
    try {
      const home = await fetch(`${base}/`, { signal: AbortSignal.timeout(10_000) });
      await home.arrayBuffer();
      alive = home.status === 200;
    } catch {
      alive = false;
    }
  }
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  if (!args.keep) rmSync(dir, { recursive: true, force: true });

  console.log(`fuzz: seed ${SEED}, ${SECONDS} s, ${routes.length} routes, concurrency ${CONCURRENCY}`);
  console.log(
    `requests ${counts.sent}: 2xx ${counts['2xx']}, 3xx ${counts['3xx']}, 4xx ${counts['4xx']}, 5xx ${counts['5xx']}, dropped ${counts.dropped}`,
  );
  console.log(`server alive at the end: ${alive ? 'yes' : 'NO'}`);
  for (const f of failures) console.log(`  ${f}`);
  if (counts['5xx'] > 0 || counts.dropped > 0 || !alive) {
    console.log('server log (last lines):');
    for (const line of log.slice(-30)) console.log(`  ${line}`);
    console.log(`FAIL: rerun with --seed ${SEED} to reproduce`);
    process.exit(1);
  }
  console.log('OK: no 5xx, no dropped connection, server alive');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
