// Two test projects over one repo root: "node" (core, services, routes, browser) and "workers" (inside workerd).
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// hono/jsx instead of React: Vite's transform does not read tsconfig's jsxImportSource for every file,
// so it is spelled out here for both projects.
const oxc = { jsx: { runtime: 'automatic' as const, importSource: 'hono/jsx' } };

export default defineConfig({
  root,
  test: {
    projects: [
      {
        root,
        oxc,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/{core,services,routes,security,browser,architecture,cli}/**/*.test.{ts,tsx}',
            // Node-side checks of the Workers build (bundle size) live beside the workerd tests.
            'tests/worker/**/*.node.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        root,
        oxc,
        plugins: [
          cloudflareTest(async () => {
            return {
              wrangler: { configPath: `${root}/wrangler.toml` },
              remoteBindings: false,
              miniflare: {
                // Applied per test file by tests/worker/apply-migrations.ts (D1 is not reset between tests).
                bindings: { TEST_MIGRATIONS: await readD1Migrations(`${root}/db/migrations`) },
              },
            };
          }),
        ],
        test: {
          name: 'workers',
          include: ['tests/worker/**/*.test.ts'],
          exclude: ['tests/worker/**/*.node.test.ts'],
          globalSetup: ['tests/worker/global-setup.ts'],
          setupFiles: ['tests/worker/apply-migrations.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
