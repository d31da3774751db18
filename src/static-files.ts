// Node-only: serves /static/* from views/static, and htmx from node_modules (Workers use wrangler [assets]).
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export function staticFiles(root: string) {
  const dir = resolve(root, 'views/static');
  const fixed: Record<string, string> = {
    '/static/htmx.min.js': resolve(root, 'node_modules/htmx.org/dist/htmx.min.js'),
  };
  return async (c: Context) => {
    const path =
      fixed[c.req.path] ?? resolve(dir, `.${decodeURIComponent(c.req.path.slice('/static'.length))}`);
    // No escaping views/static through "..".
    if (!fixed[c.req.path] && !path.startsWith(dir + sep)) return c.notFound();
    const type = TYPES[extname(path)];
    if (!type) return c.notFound();
    try {
      const body = await readFile(path);
      return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=300' });
    } catch {
      return c.notFound();
    }
  };
}
