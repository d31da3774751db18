// The Worker bundle as `wrangler deploy` would upload it: built without a login, held to the gzip budget.
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { BUDGET_GZIP_BYTES, kib, measureBundle } from '../../src/tools/bundle-size';

const root = fileURLToPath(new URL('../..', import.meta.url));

it(`wrangler deploy --dry-run bundles the Worker within ${kib(BUDGET_GZIP_BYTES)} gzip`, () => {
  const size = measureBundle(root);
  console.log(`worker bundle: ${kib(size.bytes)}, gzip ${kib(size.gzipBytes)} (${size.wranglerLine})`);
  expect(size.files.length).toBeGreaterThan(0);
  expect(size.gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
}, 120_000);
