// Copies the static files Workers serves through wrangler's [assets] into dist/assets (gitignored).
// Node serves the same files from their source folders; this keeps one URL layout for both runtimes.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ASSETS_DIR = 'dist/assets';

// Static responses bypass the Worker (and so Hono's secureHeaders), so they get their headers here: a
// fixed CSP (no nonce is needed: nothing here is a page that runs scripts), nosniff, no framing.
// A /static path with no file reaches the Worker, whose 404 carries the app's own headers.
export const STATIC_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'public, max-age=3600',
};
export const HEADERS = `/static/*\n${Object.entries(STATIC_HEADERS)
  .map(([k, v]) => `  ${k}: ${v}\n`)
  .join('')}`;

/** Rebuilds `<root>/dist/assets` and returns its absolute path. */
export function buildAssets(root: string): string {
  const out = join(root, ASSETS_DIR);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'static'), { recursive: true });
  const htmx = join(root, 'node_modules/htmx.org/dist/htmx.min.js');
  if (!existsSync(htmx)) throw new Error(`${htmx} is missing: run npm ci first`);
  cpSync(htmx, join(out, 'static/htmx.min.js'));
  const views = join(root, 'views/static');
  if (existsSync(views)) cpSync(views, join(out, 'static'), { recursive: true });
  writeFileSync(join(out, '_headers'), HEADERS);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  console.log(`assets → ${buildAssets(root)}`);
}
