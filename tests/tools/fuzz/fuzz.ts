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
import {
  chance,
  encodeAny,
  formBody,
  int,
  jsonBody,
  pick,
  queryString,
  rand,
  randomString,
  rawPercent,
  seedRandom,
} from './inputs';

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
seedRandom(SEED);

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
