// The layers' dependency rules (docs/architecture.md, "Layers"), read from every source file's import
// lines: views reach only src/shared and views/, services never reach routes or views, the core reaches
// nothing of the project outside itself, src/shared imports values only from itself, db/ never reaches
// services, routes or views; middleware and auth never reach routes; src/responses reaches only views and
// src/shared. And configuration is read in one place: no file of src/ but src/config.ts reads an
// environment variable (the Worker's bindings, which are objects, not settings, excepted).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files';

interface Import {
  /** The imported file or folder, relative to the repository root ("src/core"), or the package name. */
  target: string;
  /** `import type` / `export type`, or every name marked `type`: gone after compilation. */
  typeOnly: boolean;
}

/** The imports and re-exports of one source text (static, side-effect and dynamic). */
function importsOf(file: string, text: string): Import[] {
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean) =>
    out.push({
      target: spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec,
      typeOnly,
    });
  const code = text.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(
    /^\s*(?:import|export)\s+(type\s+)?([^'";()=]*?)\s*from\s*['"]([^'"]+)['"]/gm,
  )) {
    const names = m[2] ?? '';
    const braces = names.match(/^\{([\s\S]*)\}$/);
    const allTyped =
      !!braces &&
      braces[1]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '));
    add(m[3]!, !!m[1] || allTyped);
  }
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) add(m[1]!, false);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    add(m[1]!, /typeof\s+$/.test(code.slice(0, m.index)));
  return out;
}

const inside = (target: string, ...dirs: string[]) =>
  dirs.some((d) => target === d || target.startsWith(`${d}/`));

interface Rule {
  name: string;
  files: string;
  /** Files under `files` the rule does not apply to. */
  except?: string[];
  /** Why an import breaks the rule, or null when it keeps it. */
  breaks: (i: Import) => string | null;
}

const PROJECT = ['src', 'views', 'db', 'seeds', 'tests'];
const project = (t: string) => inside(t, ...PROJECT);

const ABOVE_MIDDLEWARE = ['src/routes', 'src/app', 'src/node', 'src/worker', 'src/cli'];

const RULES: Rule[] = [
  {
    name: 'views import only src/shared and views/',
    files: 'views',
    breaks: (i) =>
      project(i.target) && !inside(i.target, 'views', 'src/shared')
        ? 'views read what routes hand them'
        : null,
  },
  {
    name: 'services never import routes, views, middleware or an entry',
    files: 'src/services',
    breaks: (i) =>
      inside(
        i.target,
        'src/routes',
        'views',
        'src/middleware',
        'src/app',
        'src/node',
        'src/worker',
        'src/cli',
      )
        ? 'a service is called by routes, never the other way'
        : null,
  },
  {
    name: 'the core imports nothing of the project outside src/core',
    files: 'src/core',
    breaks: (i) => (project(i.target) && !inside(i.target, 'src/core') ? 'the core is pure' : null),
  },
  {
    name: 'src/shared imports values only from src/shared (types from anywhere)',
    files: 'src/shared',
    breaks: (i) =>
      project(i.target) && !i.typeOnly && !inside(i.target, 'src/shared')
        ? 'what every layer imports must not pull a layer in'
        : null,
  },
  {
    name: 'middleware never imports routes, the app or an entry',
    files: 'src/middleware',
    breaks: (i) =>
      inside(i.target, ...ABOVE_MIDDLEWARE) ? 'routes use middleware, not the other way' : null,
  },
  {
    name: 'auth never imports routes, the app or an entry',
    files: 'src/auth',
    breaks: (i) =>
      inside(i.target, ...ABOVE_MIDDLEWARE) ? 'routes use the guards, not the other way' : null,
  },
  {
    name: 'src/responses imports only views/ and src/shared',
    files: 'src/responses',
    breaks: (i) =>
      project(i.target) && !inside(i.target, 'src/responses', 'views', 'src/shared')
        ? 'rendering a response needs views and what they are given, nothing more'
        : null,
  },
  {
    name: 'db/ never imports services, routes, views or an entry',
    files: 'db',
    breaks: (i) =>
      inside(i.target, 'src/services', 'src/routes', 'views', 'src/app', 'src/node', 'src/worker', 'src/cli')
        ? 'queries are called by services'
        : null,
  },
  {
    // zod/mini through src/shared/zod.ts (English messages set there); classic zod would put all of zod
    // back into the Worker's bundle (docs/libraries.md: 90.8 KiB minified against 30.6).
    name: 'zod is imported only through src/shared/zod.ts',
    files: 'src',
    except: ['src/shared/zod.ts'],
    breaks: (i) =>
      (i.target === 'zod' || i.target.startsWith('zod/')) && !i.typeOnly
        ? "use `import * as z from '../shared/zod'` (zod/mini with its English messages)"
        : null,
  },
];

function violations(rule: Rule): string[] {
  return sourceFiles(rule.files)
    .filter((file) => !rule.except?.includes(file))
    .flatMap((file) =>
      importsOf(file, readFileSync(join(ROOT, file), 'utf8')).flatMap((i) => {
        const why = rule.breaks(i);
        return why ? [`${file} imports ${i.target}${i.typeOnly ? ' (type)' : ''}: ${why}`] : [];
      }),
    );
}

describe('dependency rules', () => {
  for (const rule of RULES) {
    it(rule.name, () => {
      expect(sourceFiles(rule.files).length).toBeGreaterThan(0);
      expect(violations(rule)).toEqual([]);
    });
  }
});

/** Worker bindings (wrangler.toml): objects the runtime hands the Worker, read where they are used. */
const BINDINGS = new Set(['DB', 'CROSSREF', 'FEEDS', 'WRITE_LIMITER', 'ASSETS']);

/** The environment variables a source text reads by name: `process.env.X`, `process.env['X']`, `env.X`. */
function envReads(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  for (const m of code.matchAll(/\bprocess\.env(?:\.([A-Za-z_]\w*)|\[\s*['"`]?([^\]'"`]*))/g))
    out.push(m[1] ?? m[2]!);
  for (const m of code.matchAll(/(?<![.\w])env\.([A-Z][A-Z0-9_]*)\b/g))
    if (!BINDINGS.has(m[1]!)) out.push(m[1]!);
  return out;
}

describe('configuration', () => {
  it('no file of src/ but src/config.ts reads an environment variable', () => {
    const found = sourceFiles('src')
      .filter((f) => f !== 'src/config.ts')
      .flatMap((f) => envReads(readFileSync(join(ROOT, f), 'utf8')).map((v) => `${f} reads ${v}`));
    expect(found).toEqual([]);
  });

  it('the reader finds process.env and env reads, and passes bindings and whole-env hand-offs', () => {
    const text = [
      'const port = Number(process.env.WORKER_PORT ?? 8788);',
      "const t = process.env['CROSSCHECK_TOKEN'];",
      'if (!env.ACCESS_AUD) return;',
      'const db = env.DB;',
      'const url = databaseUrlFromEnv(process.env);',
      'const child = { ...process.env, WRANGLER_SEND_METRICS: "false" };',
      'const c = ctx.env.ACCESS_AUD; // a property of something else',
    ].join('\n');
    expect(envReads(text)).toEqual(['WORKER_PORT', 'CROSSCHECK_TOKEN', 'ACCESS_AUD']);
  });
});

describe('the import reader the rules rely on', () => {
  const rule = (name: string) => RULES.find((r) => r.name.startsWith(name))!;

  it('finds static, multi-line, re-export, side-effect and dynamic imports, and tells type-only ones', () => {
    const text = [
      "import { a } from '../db/queries/links';",
      'import {',
      '  type B,',
      '  type C,',
      "} from '../src/services/bulk';",
      "import type { D } from '../src/core';",
      "export type * from '../src/shared/view-models';",
      "import '../src/app';",
      "const m = await import('../src/routes/api');",
      "type M = typeof import('../src/node');",
      "// import { x } from '../src/worker';",
      "import { html } from 'hono/html';",
    ].join('\n');
    expect(importsOf('views/x.tsx', text)).toEqual([
      { target: 'db/queries/links', typeOnly: false },
      { target: 'src/services/bulk', typeOnly: true },
      { target: 'src/core', typeOnly: true },
      { target: 'src/shared/view-models', typeOnly: true },
      { target: 'hono/html', typeOnly: false },
      { target: 'src/app', typeOnly: false },
      { target: 'src/routes/api', typeOnly: false },
      { target: 'src/node', typeOnly: true },
    ]);
  });

  it('reports what each rule forbids, and nothing it allows', () => {
    const views = rule('views');
    expect(views.breaks({ target: 'src/services/review', typeOnly: false })).not.toBeNull();
    expect(views.breaks({ target: 'db/queries/users', typeOnly: true })).not.toBeNull();
    expect(views.breaks({ target: 'src/shared/user', typeOnly: false })).toBeNull();
    expect(views.breaks({ target: 'hono/jsx', typeOnly: false })).toBeNull();
    expect(rule('services').breaks({ target: 'src/routes/schemas', typeOnly: true })).not.toBeNull();
    expect(rule('services').breaks({ target: 'db/queries/links', typeOnly: false })).toBeNull();
    expect(rule('the core').breaks({ target: 'src/services/compare', typeOnly: true })).not.toBeNull();
    expect(rule('the core').breaks({ target: 'src/core/crossref', typeOnly: false })).toBeNull();
    expect(rule('the core').breaks({ target: 'pluralize', typeOnly: false })).toBeNull();
    expect(rule('src/shared').breaks({ target: 'db/queries/links', typeOnly: false })).not.toBeNull();
    expect(rule('src/shared').breaks({ target: 'db/queries/links', typeOnly: true })).toBeNull();
    expect(rule('db/').breaks({ target: 'src/services/facts', typeOnly: true })).not.toBeNull();
    expect(rule('auth').breaks({ target: 'src/routes/htmx', typeOnly: false })).not.toBeNull();
    expect(rule('auth').breaks({ target: 'src/responses/render', typeOnly: false })).toBeNull();
    expect(rule('middleware').breaks({ target: 'src/routes/render', typeOnly: false })).not.toBeNull();
    expect(rule('src/responses').breaks({ target: 'src/services/facts', typeOnly: true })).not.toBeNull();
    expect(rule('db/').breaks({ target: 'src/shared/statuses', typeOnly: false })).toBeNull();
  });

  it('sees the imports the views really have', () => {
    const layout = importsOf('views/layout.tsx', readFileSync(join(ROOT, 'views/layout.tsx'), 'utf8'));
    expect(layout.map((i) => i.target)).toContain('src/shared/user');
  });
});
