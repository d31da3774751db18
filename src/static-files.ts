// Node-only: serves /static/* from views/static, and htmx from node_modules (Workers use wrangler [assets]).
// src/node.ts runs security() before it, so every answer here (404s included) has the security headers.
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
    let path = fixed[c.req.path];
    if (!path) {
      // A malformed escape ("%E0%A4%A") names no file: 404, not a URIError.
      let name: string;
      try {
        name = decodeURIComponent(c.req.path.slice('/static'.length));
      } catch {
        return c.notFound();
      }
      if (name.includes('\0')) return c.notFound();
      path = resolve(dir, `.${name}`);
    }
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
