// A crosscheck server as a child process on 127.0.0.1 (npm run fuzz, npm run measure:stall): what a
// client measures of it is not disturbed by the client sharing its event loop.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ROOT } from '../../src/node-db';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? ok(a.port) : fail(new Error('no port'))));
    });
  });
}

/** Starts `src/node.ts` on `port` over `databaseUrl` (writes not rate-limited), and waits until it listens. */
export async function startServerProcess(
  port: number,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; log: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src/node.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      WRITES_PER_MINUTE: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const keep = (d: Buffer) => {
    log.push(...String(d).split('\n').filter(Boolean));
    log.splice(0, Math.max(0, log.length - 200));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 60_000;
  while (!log.some((l) => l.includes('is running at'))) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log.join('\n')}`);
    if (Date.now() > deadline) throw new Error(`the server did not start within 60 s:\n${log.join('\n')}`);
    await sleep(100);
  }
  return { child, log };
}
