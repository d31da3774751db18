import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { User } from '../../../src/shared/user';
import {
  cpuClock,
  cpuNowMs,
  ecbArchive,
  meterSqlite,
  quantile,
  removeArticle,
  seedArticles,
  sqliteCpuMs,
} from './cpu-meter';
import { unpackRevision } from './revision';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const ORIGIN = 'http://localhost';

type AppModule = typeof import('../../../src/app');
type DbModule = typeof import('../../../src/node-db');
type Client = Awaited<ReturnType<DbModule['openNodeDb']>>['client'];

/** `rev` unpacked (revision.ts), ready to import. */
function unpack(rev: string): { dir: string; sha: string } {
  return unpackRevision(ROOT, rev, {
    prefix: 'ab',
    paths: ['src', 'db', 'views', 'seeds'],
    marker: 'src/app.ts',
    prepare: addJsxPragmas,
  });
}

/** tsx applies tsconfig.json only to the project's own folders: the unpacked .tsx files say it themselves. */
function addJsxPragmas(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) addJsxPragmas(p);
    else if (e.name.endsWith('.tsx'))
      writeFileSync(
        p,
        `/** @jsxRuntime automatic */ /** @jsxImportSource hono/jsx */\n${readFileSync(p, 'utf8')}`,
      );
  }
}

async function main() {
  const { values } = parseArgs({
    options: { rev: { type: 'string' }, runs: { type: 'string' }, archive: { type: 'string' } },
  });
  const runs = Number(values.runs ?? 100);
  const { dir, sha } = unpack(values.rev ?? 'HEAD');
  meterSqlite();
  const now = {
    app: (await import('../../../src/app')) as AppModule,
    db: (await import('../../../src/node-db')) as DbModule,
  };
  const then = {
    app: (await import(join(dir, 'src/app.ts'))) as AppModule,
    db: (await import(join(dir, 'src/node-db.ts'))) as DbModule,
  };

  // One database, built by this tree as measure:cpu builds it, then copied for each side.
  const work = join(ROOT, '.scratch', 'ab-db');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const { probe, others } = seedArticles(ROOT);
  const user: User = { id: 1, login: 'cpu', displayName: 'CPU probe', role: 'editor' };
  const post = (app: ReturnType<AppModule['createApp']>, body: unknown) =>
    app.request('/api/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(body),
    });
  {
    const base = await now.db.openNodeDb(`file:${join(work, 'base.db')}`);
    await base.client.execute(
      "insert into users (login, display_name, role) values ('cpu', 'CPU probe', 'editor') on conflict do nothing",
    );
    const app = now.app.createApp({ db: base.db, identify: async () => user });
    for (const s of others) await (await post(app, s)).arrayBuffer();
    for (const [i, a] of ecbArchive(ROOT, Number(values.archive ?? 300)).entries())
      await (
        await post(app, { outlet: `Archive ${i % 12}`, title: a.title || `archive ${i}`, text: a.text })
      ).arrayBuffer();
    await base.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    base.close();
  }
  const sides = [] as {
    name: string;
    app: ReturnType<AppModule['createApp']>;
    client: Client;
    close: () => void;
  }[];
  for (const [name, m] of [
    [sha.slice(0, 7), then],
    ['now', now],
  ] as const) {
    const file = join(work, `${name}.db`);
    copyFileSync(join(work, 'base.db'), file);
    const { db, client, close } = await m.db.openNodeDb(`file:${file}`);
    sides.push({ name, app: m.app.createApp({ db, identify: async () => user }), client, close });
  }
  const conflict = (
    (await (await sides[1]!.app.request('/api/conflicts')).json()) as { items: { id: number }[] }
  ).items[0]?.id;
  const touch = (c: Client) => c.execute('update articles set title = title where id = 1');
  const requests: {
    label: string;
    before?: (c: Client) => Promise<unknown>;
    send: (app: ReturnType<AppModule['createApp']>) => Response | Promise<Response>;
    after?: (c: Client, body: ArrayBuffer) => Promise<void>;
  }[] = [
    {
      label: `POST /api/articles (${probe.text.split(/\s+/).filter(Boolean).length}-word article)`,
      // Removed again after each run (not measured), so every run does the same work.
      send: (app) => post(app, probe),
      after: async (c, body) => {
        const { articleId } = JSON.parse(new TextDecoder().decode(body)) as { articleId?: number };
        if (articleId !== undefined) await removeArticle(c, articleId);
      },
    },
    { label: 'GET / (just after a write)', before: touch, send: (app) => app.request('/') },
    { label: 'GET / (cached)', send: (app) => app.request('/') },
    ...(conflict === undefined
      ? []
      : [
          {
            label: 'GET /conflicts/:id',
            send: (app: ReturnType<AppModule['createApp']>) => app.request(`/conflicts/${conflict}`),
          },
        ]),
    {
      label: 'GET /api/conflicts (after a write)',
      before: touch,
      send: (app) => app.request('/api/conflicts'),
    },
  ];
  const f = (n: number) => n.toFixed(2).padStart(6);
  console.log(
    `app CPU ms per request (${cpuClock} CPU clock), medians (p95) of ${runs} alternating runs each; ${sha.slice(0, 7)} = ${values.rev ?? 'HEAD'}\n`,
  );
  console.log(`| ${'request'.padEnd(36)} | ${sha.slice(0, 7).padEnd(15)} | ${'now'.padEnd(15)} | change |`);
  console.log(`| ${'-'.repeat(36)} | ${'-'.repeat(15)} | ${'-'.repeat(15)} | -----: |`);
  for (const r of requests) {
    const samples = sides.map(() => [] as number[]);
    for (let i = -3; i < runs; i++) {
      for (const k of i % 2 ? [0, 1] : [1, 0]) {
        const side = sides[k]!;
        await r.before?.(side.client);
        const s0 = sqliteCpuMs();
        const t0 = cpuNowMs();
        const res = await r.send(side.app);
        const body = await res.arrayBuffer();
        const app = cpuNowMs() - t0 - (sqliteCpuMs() - s0);
        if (res.status >= 400) throw new Error(`${r.label} (${side.name}): HTTP ${res.status}`);
        await r.after?.(side.client, body);
        if (i >= 0) samples[k]!.push(app);
      }
    }
    const [a, b] = samples.map((s) => {
      s.sort((x, y) => x - y);
      return { med: quantile(s, 0.5), p95: quantile(s, 0.95) };
    });
    const cell = (x: { med: number; p95: number }) => `${f(x.med)} (${f(x.p95)})`.padEnd(15);
    const change = `${b!.med >= a!.med ? '+' : '−'}${Math.abs(Math.round((100 * (b!.med - a!.med)) / a!.med))} %`;
    console.log(`| ${r.label.padEnd(36)} | ${cell(a!)} | ${cell(b!)} | ${change.padStart(6)} |`);
  }
  for (const s of sides) s.close();
  rmSync(work, { recursive: true, force: true });
}

await main();
