// npm run soak [-- --seconds N]: the dashboard and review actions under wrk (loopback, bounded) while
// review writers post real reviews concurrently against a separate server process. Prints requests
// served, errors, audit-log entries against successful review requests (must match: nothing lost),
// and the server's memory before and after. Exits 1 only if a review was lost or the server died.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@libsql/client';
import { insertSession, insertUser } from '../../../db/queries/users';
import { newToken, SESSION_COOKIE, SESSION_TTL_MS, tokenHash } from '../../../src/auth/tokens';
import { openNodeDb } from '../../../src/node-db';
import { freePort, startServerProcess } from '../server-process';
import { dashboardMix, REVIEW_STALE, REVIEW_STORED, type ReviewTarget } from './requests';
import { type WriterTally, writer } from './writer';
import { wrkScript } from './wrk-script';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '16' },
    threads: { type: 'string', default: '2' },
    writers: { type: 'string', default: '4' },
    // The server's write limit per client per minute; the soak hits the write path on purpose, so it
    // is raised far above the default unless given (0 = off).
    'writes-per-minute': { type: 'string', default: '1000000000' },
    wrk: { type: 'string', default: process.env.WRK_PATH ?? 'wrk' },
    keep: { type: 'boolean', default: false },
  },
});
const SECONDS = Math.max(1, Number(args.seconds));
const CONNECTIONS = Number(args.connections);
const THREADS = Number(args.threads);
const WRITERS = Number(args.writers);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;

/** Resident memory of a process in KB (Linux /proc), or NaN where unavailable. */
function rssKb(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
    return m ? Number(m[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

async function main() {
  const wrkOk = spawnSync(args.wrk, ['--version'], { encoding: 'utf8' });
  if (wrkOk.error) {
    console.error(`wrk not found (${args.wrk}): apt-get install -y wrk, or set WRK_PATH.`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-soak-'));
  const dbFile = join(dir, 'soak.db');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const base = `${origin}/`;
  // A reviewer account with a live session, made before the server starts (which then seeds the
  // articles): every review the soak posts is signed by it.
  const setup = await openNodeDb(`file:${dbFile}`);
  const reviewer = await insertUser(setup.db, {
    login: 'soak',
    displayName: 'Soak Reviewer',
    role: 'reviewer',
  });
  const session = newToken();
  await insertSession(setup.db, {
    tokenHash: await tokenHash(session),
    userId: reviewer.id,
    expiresAt: Date.now() + SESSION_TTL_MS,
  });
  setup.close();
  const auth = { Cookie: `${SESSION_COOKIE}=${session}` };
  const { child: server, log: serverLog } = await startServerProcess(port, `file:${dbFile}`, {
    WRITES_PER_MINUTE: args['writes-per-minute']!,
  });
  const pid = server.pid!;
  let died = false;
  let stopping = false;
  server.once('exit', (code, signal) => {
    died = true;
    if (!stopping) console.error(`the server exited during the soak (code ${code}, signal ${signal})`);
  });

  try {
    // Targets: the seeded conflicts and their claims, and the articles they come from.
    const queue = (await (await fetch(new URL('/api/conflicts?status=all&limit=200', base))).json()) as {
      items: { id: number; claimA: number; claimB: number }[];
    };
    const links = queue.items.map((l) => l.id);
    const claims = [...new Set(queue.items.flatMap((l) => [l.claimA, l.claimB]))];
    const list = (await (await fetch(new URL('/api/articles', base))).json()) as { items: { id: number }[] };
    const articles = list.items.map((a) => a.id);
    if (links.length === 0 || claims.length === 0)
      throw new Error('the seeded database has no conflicts to review');

    // Warm up, then measure memory and the audit log before the load.
    for (let k = 0; k < 20; k++) await (await fetch(base)).arrayBuffer();
    const audit = createClient({ url: `file:${dbFile}` });
    const auditCount = async () =>
      Number(
        (
          await audit.execute(
            // One row per stored review request: its own row, whose note names its own target (see
            // reviewRequest); the implied verdicts a resolution writes for its claims are not requests.
            "SELECT count(*) AS n FROM reviews WHERE note LIKE '% of ' || target_type || ' ' || target_id",
          )
        ).rows[0]!.n,
      );
    const auditBefore = await auditCount();
    const rssBefore = rssKb(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssKb(pid) || 0);
    }, 500);

    // wrk writes its script into the scratch folder and runs for exactly SECONDS.
    const script = join(dir, 'soak.lua');
    writeFileSync(script, wrkScript(dashboardMix(origin, auth, claims, links, articles)));
    console.log(
      `soak: ${SECONDS} s against ${origin} — wrk ${THREADS} threads × ${CONNECTIONS} connections over ` +
        `${dashboardMix(origin, auth, claims, links, articles).length} dashboard/review requests, plus ${WRITERS} review writers`,
    );
    const wrkRun = new Promise<string>((ok) => {
      const w = spawn(
        args.wrk,
        [
          '-t',
          String(THREADS),
          '-c',
          String(CONNECTIONS),
          '-d',
          `${SECONDS}s`,
          '--timeout',
          '10s',
          '-s',
          script,
          base,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      w.stdout.on('data', (d) => {
        out += d;
      });
      w.stderr.on('data', (d) => {
        out += d;
      });
      w.on('close', () => ok(out));
    });
    const deadline = Date.now() + SECONDS * 1000;
    // Writers split the targets: half review claims, half resolve conflicts; each owns its own rows.
    const targets: ReviewTarget[][] = Array.from({ length: WRITERS }, () => []);
    const all: ReviewTarget[] = [
      ...claims.slice(4).map((id) => ({ kind: 'claim' as const, id })),
      ...links.slice(2).map((id) => ({ kind: 'link' as const, id })),
    ];
    const pool = all.length > 0 ? all : claims.map((id) => ({ kind: 'claim' as const, id }));
    pool.forEach((t, k) => {
      targets[k % WRITERS]!.push(t);
    });
    const tallies = await Promise.all(
      targets
        .filter((t) => t.length > 0)
        .map((t, k) => writer(base, origin, auth, t, deadline, `soak writer ${k + 1}`)),
    );
    const wrkOut = await wrkRun;
    clearInterval(sampler);

    const aliveAfter =
      !died &&
      (await fetch(base).then(
        (r) => r.status === 200,
        () => false,
      ));
    await sleep(500);
    const rssAfter = rssKb(pid);
    const auditAfter = await auditCount();
    audit.close();

    const line = wrkOut.split('\n').find((l) => l.startsWith('SOAK_WRK '));
    if (!line) throw new Error(`wrk printed no summary:\n${wrkOut}`);
    const w = JSON.parse(line.slice('SOAK_WRK '.length)) as {
      requests: number;
      connect: number;
      read: number;
      write: number;
      timeout: number;
      status: Record<string, number>;
      p50_ms: number;
      p99_ms: number;
      max_ms: number;
    };
    const sum = (f: (t: WriterTally) => number) => tallies.reduce((a, t) => a + f(t), 0);
    const writerRequests = sum((t) => t.requests);
    const writerStored = sum((t) => t.stored);
    const wrkStored = w.status[String(REVIEW_STORED)] ?? 0;
    const stored = writerStored + wrkStored;
    const added = auditAfter - auditBefore;
    const wrk5xx = Object.entries(w.status)
      .filter(([s]) => Number(s) >= 500)
      .reduce((a, [, n]) => a + n, 0);
    const writer5xx = sum((t) =>
      Object.entries(t.other)
        .filter(([s]) => Number(s) >= 500)
        .reduce((a, [, n]) => a + n, 0),
    );
    const socketErrors = w.connect + w.read + w.write + w.timeout + sum((t) => t.failed);
    const otherStatus: Record<string, number> = {};
    for (const [s, n] of Object.entries(w.status)) if (!['200', '303', '409'].includes(s)) otherStatus[s] = n;
    for (const t of tallies)
      for (const [s, n] of Object.entries(t.other)) otherStatus[s] = (otherStatus[s] ?? 0) + n;
    const limited = sum((t) => t.limited);
    const served = w.requests + writerRequests;
    // No stored review at all would make the check below vacuous: the review requests need adapting.
    const nothingLost = added === stored && stored > 0;

    console.log(
      `requests served: ${served} (${(served / SECONDS).toFixed(0)}/s) — wrk ${w.requests}, writers ${writerRequests}`,
    );
    console.log(
      `latency (wrk): p50 ${w.p50_ms.toFixed(1)} ms, p99 ${w.p99_ms.toFixed(1)} ms, max ${w.max_ms.toFixed(1)} ms`,
    );
    console.log(
      `errors: ${wrk5xx + writer5xx} 5xx, ${socketErrors} socket errors/timeouts` +
        (Object.keys(otherStatus).length ? `; other statuses ${JSON.stringify(otherStatus)}` : '') +
        (limited ? `; ${limited} rate-limited (429)` : ''),
    );
    console.log(
      `reviews: ${stored} successful review requests (writers ${writerStored}, wrk ${wrkStored}); ` +
        `${sum((t) => t.stale) + (w.status[String(REVIEW_STALE)] ?? 0)} stale (409, nothing written)`,
    );
    console.log(
      `audit log: ${added} entries added vs ${stored} successful reviews — nothing lost: ${nothingLost ? 'yes' : 'NO'}`,
    );
    console.log(`memory (server RSS): before ${mb(rssBefore)}, after ${mb(rssAfter)}, peak ${mb(rssPeak)}`);
    console.log(`server: ${aliveAfter ? 'still serving' : 'DEAD or not answering'}`);
    if (!aliveAfter) {
      console.error(serverLog.slice(-20).join('\n'));
    }
    if (stored === 0) {
      console.error(
        `no review was stored (statuses ${JSON.stringify(otherStatus)}): the review requests in ` +
          'tests/tools/soak/requests.ts no longer match the review routes',
      );
    }
    process.exitCode = nothingLost && aliveAfter ? 0 : 1;
  } finally {
    stopping = true;
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => {
        const timer = setTimeout(() => {
          server.kill('SIGKILL');
          r(null);
        }, 5000);
        server.once('exit', () => {
          clearTimeout(timer);
          r(null);
        });
      });
    }
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
