// Runs in Node before the workerd tests: starts a real sqld on loopback for the remote-libSQL path.
// The binary comes from SQLD_PATH (.ci/run installs it) or PATH; without it the libSQL test skips
// locally and fails in CI.
import type { TestProject } from 'vitest/node';
import { buildAssets } from '../../src/cli/build-assets';
import { findSqld, SQLD_MISSING, startSqld } from '../tools/sqld';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http URL of the sqld started here, or '' when no binary was found. */
    libsqlUrl: string;
    /** Why libsqlUrl is empty. */
    libsqlMissing: string;
    ci: boolean;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // wrangler.toml's [assets] folder must exist before the pool starts Miniflare.
  buildAssets(project.config.root);
  const ci = process.env.CI === 'true';
  project.provide('ci', ci);
  const sqld = findSqld();
  if (!sqld) {
    project.provide('libsqlUrl', '');
    project.provide('libsqlMissing', SQLD_MISSING);
    return () => {};
  }
  const { url, stop } = await startSqld(sqld);
  project.provide('libsqlUrl', url);
  project.provide('libsqlMissing', '');
  return stop;
}
