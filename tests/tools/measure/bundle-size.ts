// Builds the Worker as `wrangler deploy` would (--dry-run, no login) and checks its gzip size against the budget.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildAssets } from '../../../src/cli/build-assets';

/** Workers Free allows 3 MiB gzip; a small bundle starts faster, so ours is held to this. */
export const BUDGET_GZIP_BYTES = 250 * 1024;

export interface BundleSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
  /** wrangler's own "Total Upload" line, for comparison. */
  wranglerLine: string;
}

/** `minify: false` (measure:workerd's profiles): the same bundle with its functions' names readable. */
export function measureBundle(
  root: string,
  outdir = join(root, 'dist/bundle'),
  { minify = true }: { minify?: boolean } = {},
): BundleSize {
  buildAssets(root);
  rmSync(outdir, { recursive: true, force: true });
  const run = spawnSync(
    join(root, 'node_modules/.bin/wrangler'),
    [
      'deploy',
      '--dry-run',
      '--outdir',
      outdir,
      '--config',
      join(root, 'wrangler.toml'),
      ...(minify ? [] : ['--no-minify']),
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', FORCE_COLOR: '0' },
    },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed (${run.status}):\n${output}`);
  // Source maps are not uploaded unless upload_source_maps is set; count the modules only.
  const files = readdirSync(outdir).filter((f) => /\.(m?js|wasm)$/.test(f));
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(outdir, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  const wranglerLine = output.split('\n').find((l) => l.includes('Total Upload')) ?? '';
  return { files, bytes, gzipBytes, wranglerLine: wranglerLine.trim() };
}

/** wrangler.toml's compatibility_date, for running a bundle in Miniflare as Cloudflare would. */
export function compatibilityDateOf(root: string): string {
  const date = readFileSync(join(root, 'wrangler.toml'), 'utf8').match(/^compatibility_date = "(.+)"/m)?.[1];
  if (!date) throw new Error('wrangler.toml has no compatibility_date');
  return date;
}

export const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const size = measureBundle(root);
  console.log(`worker bundle (${size.files.join(', ')}): ${kib(size.bytes)}, gzip ${kib(size.gzipBytes)}`);
  console.log(`budget: gzip ≤ ${kib(BUDGET_GZIP_BYTES)}; wrangler says: ${size.wranglerLine}`);
  if (size.gzipBytes > BUDGET_GZIP_BYTES) {
    console.error('over budget');
    process.exit(1);
  }
}
