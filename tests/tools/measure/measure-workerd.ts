import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient } from '@libsql/client';
import { Miniflare } from 'miniflare';
import { newToken, tokenHash } from '../../../src/auth/tokens';
import { LINKS_CHUNK } from '../../../src/services/crossref-later';
import { findSqld, SQLD_MISSING, startSqld } from '../sqld';
import { compatibilityDateOf, measureBundle } from './bundle-size';
import { ecbArchive, quantile, removeArticle, seedArticles } from './cpu-meter';
import { growByCopies } from './grow-archive';
import { unpackRevision } from './revision';
import { workerdProfiler } from './workerd-profiler';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The Worker of the project at `root` as `wrangler deploy` uploads it (see bundle-size.ts). */
function bundledWorker(root: string, outdir: string, minify = true): string {
  measureBundle(root, outdir, { minify });
  return join(outdir, 'worker.js');
}

/** `rev`'s project files unpacked (revision.ts), ready to bundle. */
function unpack(rev: string): { root: string; sha: string } {
  const { dir, sha } = unpackRevision(ROOT, rev, {
    prefix: 'wd',
    paths: ['src', 'db', 'views', 'seeds', 'wrangler.toml', 'tsconfig.json', 'package.json'],
    marker: 'wrangler.toml',
    prepare: (d) => symlinkSync(join(ROOT, 'node_modules'), join(d, 'node_modules')),
  });
  return { root: dir, sha };
}

/** Child processes of this one named `workerd` (Miniflare starts one). */
function workerdPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [, comm, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
        return comm === 'workerd' && Number(rest?.split(' ')[1]) === process.pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** Nanoseconds of CPU per thread of `pid` so far. */
function threadCpuNs(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      out.set(tid, Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]));
    } catch {
      // thread ended meanwhile
    }
  }
  return out;
}

const idle = () => new Promise((r) => setTimeout(r, 30));

const CROSSREF_QUEUE = 'crosscheck-crossref';
const FEEDS_QUEUE = 'crosscheck-feeds';
/** The outbound fetches' web (Miniflare's outboundService): a public-looking name, never reached. */
const WEB_ORIGIN = 'https://news.example';
const FEED_ITEMS = 20;

/** A page of `text` (one paragraph per line, in an article with navigation around it) and an RSS feed. */
function fixtureWeb(title: string, text: string) {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = `<!doctype html><html><head><title>${esc(title)}</title><meta property="og:site_name" content="Probe News"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${esc(title)}</h1>${text
    .split(/\n+/)
    .filter(Boolean)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('')}</article><footer>© Probe News</footer></body></html>`;
  const items = Array.from(
    { length: FEED_ITEMS },
    (_, k) =>
      `<item><title>Story ${k}</title><link>${WEB_ORIGIN}/story?item=${k}</link><guid isPermaLink="false">p-${k}</guid><pubDate>Sun, 06 Dec 2026 10:00:00 GMT</pubDate><description><![CDATA[<p>${esc(title)}</p>]]></description></item>`,
  ).join('\n');
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Probe News</title><link>${WEB_ORIGIN}/</link>\n${items}\n</channel></rss>`;
  return {
    answer(req: Request): Response | Promise<Response> {
      const url = new URL(req.url);
      // Everything else (the libSQL server the Worker's database client talks to) goes through.
      if (url.origin !== WEB_ORIGIN)
        return req.arrayBuffer().then((body) =>
          fetch(req.url, {
            method: req.method,
            headers: [...req.headers],
            body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
          }),
        );
      const path = url.pathname;
      if (path === '/rss')
        return new Response(rss, { headers: { 'content-type': 'application/rss+xml', etag: '"v1"' } });
      if (path === '/story')
        return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
      // A webhook receiver: takes the POST, answers 204.
      if (path === '/hook' && req.method === 'POST') return new Response(null, { status: 204 });
      return new Response('not here', { status: 404 });
    },
  };
}

/** A loopback HTTP server that answers `?ms=N` after N milliseconds. */
function slowServer(): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    const ms = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ms') ?? 0);
    setTimeout(() => res.end('ok'), ms);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${address.port}/`, close: () => server.close() });
    }),
  );
}

/** A bundle under test, reached through its own hostname; `queued`: the same with the CROSSREF queue. */
interface Side {
  name: string;
  host: string;
  script: string;
  queued: Side | null;
}

/** Isolate-thread and all-thread CPU ms of one request. */
/** Isolate-thread and all-thread CPU ms of one request, and its wall-clock ms. */
type Sample = { isolate: number; all: number; wall: number };

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      archive: { type: 'string' },
      /** Grow the archive to this many claims by copying stored articles in SQL (grow-archive.ts). */
      claims: { type: 'string' },
      rev: { type: 'string' },
      /** Write V8 CPU profiles of this tree's isolates, one per row, into this folder (workerd-profiler.ts). */
      profile: { type: 'string' },
      /** Measure only the rows whose label contains this text, or one of several separated by "|" (after the floor). */
      only: { type: 'string' },
    },
  });
  const runs = Number(values.runs ?? 60);
  const binary = findSqld();
  if (!binary) throw new Error(SQLD_MISSING);
  const sqld = await startSqld(binary);
  const work = mkdtempSync(join(tmpdir(), 'crosscheck-workerd-bundle-'));
  let mf: Miniflare | null = null;
  let slow: { url: string; close(): void } | null = null;
  const client = createClient({ url: sqld.url });
  try {
    const token = newToken();
    await client.batch(
      [
        "insert into users (login, display_name, role) values ('cpu', 'CPU probe', 'editor')",
        {
          sql: "insert into api_tokens (user_id, token_hash, label) select id, ?, 'measure:workerd' from users where login = 'cpu'",
          args: [await tokenHash(token)],
        },
      ],
      'write',
    );
    // Each bundle twice: as is, and with the CROSSREF queue (the ingest split across invocations).
    // The queue has no consumer here; each consumer invocation is dispatched and metered on its own.
    const side = (name: string, host: string, script: string): Side => ({
      name,
      host: `${host}.localhost`,
      script,
      queued: { name: `${name}, queued`, host: `queued-${host}.localhost`, script, queued: null },
    });
    // Profiled, this tree's bundle is left unminified, so that its profiles name functions.
    const sides: Side[] = [side('this tree', 'now', bundledWorker(ROOT, join(work, 'now'), !values.profile))];
    if (values.rev) {
      const { root, sha } = unpack(values.rev);
      sides.unshift(side(sha.slice(0, 7), 'then', bundledWorker(root, join(work, 'then'))));
    }
    const queued = sides.at(-1)!.queued!;
    // This tree once more with its fetch answered here (Miniflare's outboundService): adding by URL
    // and feeds. Only there, since the outbound hop costs the isolate more than a direct fetch to sqld.
    // With --rev, the revision's bundle too (web-then), so that adding by URL and the feed poll are A/B.
    const webOf = (s: Side): Side => ({ ...s.queued!, name: `${s.name}, web`, host: `web-${s.host}` });
    const webSides = new Map(sides.map((s) => [s, webOf(s)]));
    const web = webSides.get(sides.at(-1)!)!;
    const { probe: page } = seedArticles(ROOT);
    const fixture = fixtureWeb(page.title ?? 'Probe', page.text);
    const compatibilityDate = compatibilityDateOf(ROOT);
    // A server that answers after ?ms=N milliseconds: what waiting on a slow database costs the isolate.
    slow = await slowServer();
    const inspectorPort = values.profile ? 9300 + (process.pid % 500) : undefined;
    mf = new Miniflare({
      ...(inspectorPort ? { inspectorPort } : {}),
      workers: [
        ...[...sides.map((s) => s.queued!), ...webSides.values()].map((q) => ({
          name: q.host,
          modules: true,
          scriptPath: q.script,
          modulesRoot: dirname(q.script),
          compatibilityDate,
          bindings: { LIBSQL_URL: sqld.url },
          queueProducers: { CROSSREF: CROSSREF_QUEUE, FEEDS: FEEDS_QUEUE },
          // The web as the Worker's fetch sees it here: the probe article as a page, and a feed of it.
          ...(q.host.startsWith('web-') ? { outboundService: (req: Request) => fixture.answer(req) } : {}),
          routes: [`${q.host}/*`],
        })),
        ...sides.map((side) => ({
          name: side.host,
          modules: true,
          scriptPath: side.script,
          modulesRoot: dirname(side.script),
          compatibilityDate,
          bindings: { LIBSQL_URL: sqld.url },
          routes: [`${side.host}/*`],
        })),
        // The floor: what any Worker costs on the way through Miniflare's entry worker, which on
        // Cloudflare is the edge and not billed to the Worker.
        {
          name: 'hello',
          modules: true,
          // /send also sends one queue message, and queue() acks: the floors of the queued ingest's
          // two halves, which include Miniflare's queue broker and its dispatch of the consumer.
          script: `export default {
            async fetch(request, env) {
              const url = new URL(request.url);
              if (url.pathname === '/send') await env.Q.sendBatch([{ body: { articleId: 1 } }]);
              // /send?n=20: one batch of n messages, as a feed poll sends its new items.
              if (url.pathname === '/send-batch')
                await env.Q.sendBatch(Array.from({ length: Number(url.searchParams.get('n')) }, (_, k) => ({ body: { articleId: k + 1 } })));
              // /wait?ms=N: one fetch of sqld's health that is answered N ms later (the server below).
              if (url.pathname === '/wait') await (await fetch(env.SLOW + url.search)).text();
              return new Response('hello');
            },
            async queue(batch) { for (const m of batch.messages) m.ack(); },
          }`,
          compatibilityDate,
          queueProducers: { Q: 'floor' },
          bindings: { SLOW: slow!.url },
          routes: ['hello.localhost/*'],
        },
      ],
    });
    const request = async (
      side: Side,
      path: string,
      init: { method?: string; body?: string; headers?: Record<string, string> } = {},
    ) => {
      const origin = `http://${side.host}`;
      const res = await mf!.dispatchFetch(`${origin}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, origin, ...init.headers },
      });
      const body = await res.text();
      if (res.status >= 400)
        throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${body.slice(0, 300)}`);
      return body;
    };
    const postArticle = (side: Side, a: unknown) =>
      request(side, '/api/articles', {
        method: 'POST',
        body: JSON.stringify(a),
        headers: { 'content-type': 'application/json' },
      });

    const { probe, others } = seedArticles(ROOT);
    const words = probe.text.split(/\s+/).filter(Boolean).length;
    const now = sides[sides.length - 1]!;
    for (const s of others) await postArticle(now, s);
    const stored = ecbArchive(ROOT, Number(values.archive ?? 300));
    for (const [i, a] of stored.entries())
      await postArticle(now, { outlet: `Archive ${i % 12}`, title: a.title || `archive ${i}`, text: a.text });
    if (values.claims)
      await growByCopies(client, Number(values.claims), { after: others.length, log: console.log });
    const claimCount = Number((await client.execute('select count(*) as n from claims')).rows[0]?.n);
    const [pid, ...more] = workerdPids();
    if (pid === undefined || more.length > 0)
      throw new Error(`expected one workerd child, found ${[pid, ...more]}`);
    console.log(
      `workerd ${pid}; archive: ${stored.length + others.length} articles${values.claims ? ' (and copies)' : ''}, ${claimCount} claims in sqld; probe ${probe.file} (${words} words)\n`,
    );

    const profiler = values.profile
      ? await workerdProfiler(inspectorPort!, [now.host, queued.host, web.host], resolve(values.profile))
      : null;
    if (values.profile) mkdirSync(resolve(values.profile), { recursive: true });

    /** CPU of one request: read once workerd is idle before and after it. */
    const sample = async (send: () => Promise<string>): Promise<Sample & { body: string }> => {
      await idle();
      const before = threadCpuNs(pid);
      const t0 = performance.now();
      const body = await send();
      const wall = performance.now() - t0;
      await idle();
      let all = 0;
      let isolate = 0;
      for (const [tid, ns] of threadCpuNs(pid)) {
        const d = ns - (before.get(tid) ?? 0);
        all += d;
        isolate = Math.max(isolate, d);
      }
      return { isolate: isolate / 1e6, all: all / 1e6, wall, body };
    };
    const f = (xs: number[], q: number) =>
      quantile(
        [...xs].sort((a, b) => a - b),
        q,
      )
        .toFixed(2)
        .padStart(6);
    /**
     * Runs a request on every side in turn (the order alternating), warm-up first; prints a row.
     * `before` runs unmetered ahead of each request; `on` limits the row to some sides.
     */
    const measure = async (
      label: string,
      send: (side: Side, i: number, prepared: number) => Promise<string>,
      after?: (body: string) => Promise<void>,
      { on = sides, before }: { on?: Side[]; before?: (side: Side) => Promise<number> } = {},
    ) => {
      const got = on.map(() => [] as Sample[]);
      if (
        values.only &&
        !values.only.split('|').some((text) => label.includes(text)) &&
        !/\((the floor|background|hello-world)\)|floor:/.test(label)
      )
        return got;
      for (let i = -3; i < runs; i++) {
        const order = i % 2 ? on.map((_, k) => k) : on.map((_, k) => on.length - 1 - k);
        for (const k of order) {
          const prepared = (await before?.(on[k]!)) ?? 0;
          // Only this tree's runs are profiled, from the request in, without set-up or clean-up.
          const profiled = profiler && i >= 0 && on[k] === now;
          if (profiled) await profiler.start();
          const s = await sample(() => send(on[k]!, i, prepared));
          if (profiled) await profiler.stop(`${label.trim()}.${i}`);
          await after?.(s.body);
          if (i >= 0) got[k]!.push(s);
        }
      }
      const cells = sides.map((side) => {
        const xs = got[on.indexOf(side)];
        if (!xs) return `${'—'.padStart(15)} | ${'—'.padStart(6)} | ${'—'.padStart(6)}`;
        const isolate = xs.map((x) => x.isolate);
        return `${f(isolate, 0.5)} (${f(isolate, 0.95)}) | ${f(
          xs.map((x) => x.all),
          0.5,
        )} | ${f(
          xs.map((x) => x.wall),
          0.5,
        )}`;
      });
      console.log(`| ${label.padEnd(40)} | ${cells.join(' | ')} |`);
      return got;
    };

    const head = sides.map((s) => `${s.name}: isolate (p95) | all threads | wall`).join(' | ');
    console.log(`| ${'request'.padEnd(40)} | ${head} |`);
    console.log(`| ${'-'.repeat(40)} |${' ---: | ---: | ---: |'.repeat(sides.length)}`);
    const floor = await measure('hello-world Worker  (the floor)', async () =>
      (await mf!.dispatchFetch('http://hello.localhost/')).text(),
    );
    // Nothing at all for 250 ms: what workerd's thread spends meanwhile (its event loop, Miniflare's
    // services) is counted in every row too, in proportion to the row's wall-clock time.
    await measure(
      'idle 250 ms  (background)',
      () => new Promise<string>((r) => setTimeout(() => r(''), 250)),
      undefined,
      { on: [sides.at(-1)!] },
    );
    await measure(
      'a fetch answered after 250 ms  (hello-world)',
      async () => (await mf!.dispatchFetch('http://hello.localhost/wait?ms=250')).text(),
      undefined,
      { on: [sides.at(-1)!] },
    );
    await measure('GET /signin  (a small page)', (side) => request(side, '/signin'));
    const removeIngested = async (body: string) => {
      const { articleId } = JSON.parse(body) as { articleId: number };
      await removeArticle(client, articleId);
    };
    await measure(
      `POST /api/articles  (${words} words, one call)`,
      (side) => postArticle(side, probe),
      removeIngested,
    );
    // The same article on the queued Worker: the request, then each consumer invocation. Since session
    // 18 the request stores a one-item import holding the text and answers 202 (the consumer's `extract`
    // stage stores the article); a revision from before answers with the stored article.
    const removeReceived = async (body: string) => {
      const { articleId, importId } = JSON.parse(body) as { articleId?: number; importId?: number };
      if (articleId !== undefined) await removeArticle(client, articleId);
      if (importId !== undefined)
        await client.execute({ sql: 'delete from import_jobs where id = ?', args: [importId] });
    };
    await measure(
      '  the same, queued: the request',
      (side) => postArticle(side.queued!, probe),
      removeReceived,
    );
    await measure(
      '  floor: a hello-world Worker that sends',
      async () => (await mf!.dispatchFetch('http://hello.localhost/send')).text(),
      undefined,
      { on: [sides.at(-1)!] },
    );
    const helloWorker = await mf.getWorker('hello');
    await measure(
      '  floor: a hello-world consumer',
      async (_side, i) =>
        JSON.stringify(
          await helloWorker.queue('floor', [
            { id: `f${i}`, timestamp: new Date(), body: { articleId: 1 }, attempts: 1 },
          ]),
        ),
      undefined,
      { on: [sides.at(-1)!] },
    );
    const consumers = new Map<Side, Awaited<ReturnType<Miniflare['getWorker']>>>();
    for (const s of sides) consumers.set(s, await mf.getWorker(s.queued!.host));
    /** Delivers one CROSSREF message to `side`'s consumer; throws unless it was acked. */
    const deliver = async (side: Side, id: string, body: object) => {
      const result = await consumers
        .get(side)!
        .queue(CROSSREF_QUEUE, [{ id, timestamp: new Date(), body, attempts: 1 }]);
      if (result.explicitAcks.length !== 1)
        throw new Error(`the consumer did not ack ${JSON.stringify(body)}: ${JSON.stringify(result)}`);
      return result;
    };
    const stateOf = async (articleId: number) =>
      (
        await client.execute({
          sql: 'select crossref_pending, upkeep_pending from articles where id = ?',
          args: [articleId],
        })
      ).rows[0];
    const importedArticle = async (importId: number) =>
      Number(
        (
          await client.execute({
            sql: "select article_id from import_items where job_id = ? and status = 'stored'",
            args: [importId],
          })
        ).rows[0]?.article_id ?? Number.NaN,
      );
    /** The probe stored as the queued Worker stores it (its `extract` stage delivered, unmetered). */
    const queuedProbe = async (side: Side) => {
      const r = JSON.parse(await postArticle(side.queued!, probe)) as {
        articleId?: number;
        importId?: number;
      };
      if (r.articleId !== undefined) return r.articleId;
      await deliver(side, `e${r.importId}`, { stage: 'extract', jobId: r.importId, position: 1 });
      const articleId = await importedArticle(r.importId!);
      if (!Number.isSafeInteger(articleId)) throw new Error(`import ${r.importId} stored no article`);
      return articleId;
    };
    /** How many chunks article `articleId`'s links stage takes before the join (after its first ran). */
    const chunksOf = async (articleId: number) => {
      const row = (
        await client.execute({
          sql: 'select total from crossref_parts where article_id = ? limit 1',
          args: [articleId],
        })
      ).rows[0];
      // Chunk 0 (the article's claims among themselves), then one per LINKS_CHUNK candidates.
      return row ? 1 + Math.ceil(Number(row.total) / LINKS_CHUNK) : 1;
    };
    /** Runs the links stage's chunks from `from` on, up to (not including) `to`, or to the end. */
    const linksChunks = async (side: Side, articleId: number, from = 0, to = Number.POSITIVE_INFINITY) => {
      for (let c = from; c < to; c++) {
        if (Number((await stateOf(articleId))?.crossref_pending) !== 1) return;
        await deliver(side, `c${articleId}.${c}`, c === 0 ? { articleId } : { articleId, chunk: c });
      }
    };
    const chunkCounts: number[] = [];
    const removeDone = async (body: string) => {
      const { articleId } = JSON.parse(body) as { articleId: number };
      if (Number((await stateOf(articleId))?.crossref_pending) !== 0)
        throw new Error(`article ${articleId} is still pending`);
      await removeArticle(client, articleId);
    };
    // The first stage since session 18: the text the request stored extracted, the article stored.
    await measure(
      '  the same, queued: consumer, extract stage',
      async (side, i, importId) => {
        await deliver(side, `x${importId}.${i}`, { stage: 'extract', jobId: importId, position: 1 });
        return JSON.stringify({ importId });
      },
      async (body) => {
        const { importId } = JSON.parse(body) as { importId: number };
        const articleId = await importedArticle(importId);
        if (!Number.isSafeInteger(articleId)) throw new Error(`import ${importId} stored no article`);
        await removeArticle(client, articleId);
        await client.execute({ sql: 'delete from import_jobs where id = ?', args: [importId] });
      },
      {
        on: [sides.at(-1)!],
        before: async (side) =>
          (JSON.parse(await postArticle(side.queued!, probe)) as { importId: number }).importId,
      },
    );
    // The links stage: compare with the archive, store the links (before stages, the whole consumer).
    // This tree's Worker does it in chunks of LINKS_CHUNK candidates, a message each, and one more
    // message joins the parts and stores the links: the first chunk, one in the middle and the join
    // are rows of their own.
    await measure(
      '  the same, queued: consumer, links stage (first chunk)',
      async (side, i, articleId) => {
        await deliver(side, `m${i}`, { articleId });
        return JSON.stringify({ articleId });
      },
      async (body) => {
        const { articleId } = JSON.parse(body) as { articleId: number };
        chunkCounts.push(await chunksOf(articleId));
        await removeArticle(client, articleId);
      },
      { before: queuedProbe },
    );
    if (chunkCounts.length > 0)
      console.log(
        `|   (the links stage took ${[...new Set(chunkCounts)].join(' or ')} chunk(s) before the join: its own claims, then up to ${LINKS_CHUNK} candidates each) |`,
      );
    const chunks = Math.max(1, ...chunkCounts);
    if (chunks > 1)
      await measure(
        '  the same, queued: consumer, links stage (a middle chunk)',
        async (side, i, articleId) => {
          const c = Math.max(1, Math.floor(chunks / 2));
          await deliver(side, `x${i}`, { articleId, chunk: c });
          return JSON.stringify({ articleId });
        },
        async (body) => {
          const { articleId } = JSON.parse(body) as { articleId: number };
          await removeArticle(client, articleId);
        },
        {
          on: [sides.at(-1)!],
          before: async (side) => {
            const articleId = await queuedProbe(side);
            await linksChunks(side, articleId, 0, Math.max(1, Math.floor(chunks / 2)));
            return articleId;
          },
        },
      );
    if (chunks > 1)
      await measure(
        '  the same, queued: consumer, links stage (the join)',
        async (side, i, articleId) => {
          await deliver(side, `z${i}`, { articleId, chunk: chunks });
          return JSON.stringify({ articleId });
        },
        removeDone,
        {
          on: [sides.at(-1)!],
          before: async (side) => {
            const articleId = await queuedProbe(side);
            await linksChunks(side, articleId, 0, chunks);
            return articleId;
          },
        },
      );
    // The second stage: the facts and stories its links touch (this tree's Worker sends it on).
    await measure(
      '  the same, queued: consumer, upkeep stage',
      async (side, i, articleId) => {
        await deliver(side, `u${i}`, { articleId, stage: 'upkeep' });
        return JSON.stringify({ articleId });
      },
      async (body) => {
        const { articleId } = JSON.parse(body) as { articleId: number };
        if (Number((await stateOf(articleId))?.upkeep_pending) !== 0)
          throw new Error(`article ${articleId}'s upkeep is still pending`);
        await removeArticle(client, articleId);
      },
      {
        on: [sides.at(-1)!],
        before: async (side) => {
          const articleId = await queuedProbe(side);
          await linksChunks(side, articleId);
          if (Number((await stateOf(articleId))?.upkeep_pending) !== 1)
            throw new Error(`article ${articleId} has no upkeep pending: it found no links`);
          return articleId;
        },
      },
    );
    // Adding by URL on the queued Worker (as deployed): fetch, extract with HTMLRewriter, store.
    await measure(
      `POST /api/articles {url}  (the same article as a page, queued: the request, page read)`,
      (side, i) =>
        request(webSides.get(side)!, '/api/articles', {
          method: 'POST',
          body: JSON.stringify({ url: `${WEB_ORIGIN}/story?run=${i}` }),
          headers: { 'content-type': 'application/json' },
        }),
      // Since add by URL answers 202 (its page stored from a FEEDS message, measured below as an
      // import item's 2nd invocation), only a revision that stores in the request left an article.
      async (body) => {
        if ((JSON.parse(body) as { articleId?: number }).articleId !== undefined) await removeIngested(body);
      },
      { on: sides },
    );
    // A feed poll in the FEEDS consumer: a conditional GET, the feed parsed, its items claimed and
    // sent on as messages (each item's invocation is an add by URL, measured above).
    const feed = JSON.parse(
      await request(web, '/api/feeds', {
        method: 'POST',
        body: JSON.stringify({ url: `${WEB_ORIGIN}/rss` }),
        headers: { 'content-type': 'application/json' },
      }),
    ) as { feed: { id: number } };
    const feedId = feed.feed.id;
    const webConsumers = new Map<Side, Awaited<ReturnType<Miniflare['getWorker']>>>();
    for (const [s, w] of webSides) webConsumers.set(s, await mf.getWorker(w.host));
    const webConsumer = webConsumers.get(sides.at(-1)!)!;
    // What Miniflare's queue broker costs the thread for one batch of that many messages (not billed
    // as such on Cloudflare): the poll row's floor.
    await measure(
      `  floor: a hello-world Worker that sends ${FEED_ITEMS} messages in one batch`,
      async () => (await mf!.dispatchFetch(`http://hello.localhost/send-batch?n=${FEED_ITEMS}`)).text(),
      undefined,
      { on: [sides.at(-1)!] },
    );
    await measure(
      `  the FEEDS consumer: one feed poll (RSS, ${FEED_ITEMS} new items)`,
      async (side, i) =>
        JSON.stringify(
          await webConsumers
            .get(side)!
            .queue(FEEDS_QUEUE, [
              { id: `p${i}`, timestamp: new Date(), body: { kind: 'poll', feedId }, attempts: 1 },
            ]),
        ),
      async (body) => {
        const { explicitAcks } = JSON.parse(body) as { explicitAcks: string[] };
        if (explicitAcks.length !== 1) throw new Error(`the feed consumer did not ack: ${body}`);
        const [row] = (
          await client.execute({
            sql: 'select last_status, last_error from feeds where id = ?',
            args: [feedId],
          })
        ).rows;
        if (row?.last_status !== 'ok') throw new Error(`the poll failed: ${row?.last_error}`);
      },
      {
        on: sides,
        // Every poll finds the items new: the feed's validators and items forgotten before it.
        before: async () => {
          await client.batch(
            [
              { sql: 'update feeds set etag = null, last_modified = null where id = ?', args: [feedId] },
              { sql: 'delete from feed_items where feed_id = ?', args: [feedId] },
            ],
            'write',
          );
          return feedId;
        },
      },
    );
    // One item of a bulk import in the FEEDS consumer: an add by URL, its outcome recorded on the import.
    // On the web side: its fetch reaches the fixture (the other Workers' fetch goes to the real DNS).
    const consumeFeedMessage = async (id: string, body: unknown) =>
      JSON.stringify(
        await webConsumer.queue(FEEDS_QUEUE, [{ id, timestamp: new Date(), body, attempts: 1 }]),
      );
    const acked = (body: string) => {
      if ((JSON.parse(body) as { explicitAcks: string[] }).explicitAcks.length !== 1)
        throw new Error(`the FEEDS consumer did not ack: ${body}`);
    };
    let importJob = 0;
    const newImport = async (side: Side) => {
      const job = JSON.parse(
        await request(side.queued ?? side, '/api/imports', {
          method: 'POST',
          body: JSON.stringify({ urls: [`${WEB_ORIGIN}/story?import=${Date.now()}`] }),
          headers: { 'content-type': 'application/json' },
        }),
      ) as { id: number };
      importJob = job.id;
      return job.id;
    };
    const importItem = async () =>
      (
        await client.execute({
          sql: 'select status, reason, article_id, target from import_items where job_id = ?',
          args: [importJob],
        })
      ).rows[0];
    // An article by URL takes two FEEDS invocations: the page read and sent on, then stored from that
    // message. The second's message is made here: the fixture's page as the first sends it.
    const pageToAdd = (url: string) => ({
      url,
      outlet: 'Probe News',
      title: page.title ?? 'Probe',
      publishedAt: null,
      text: page.text
        .split(/\n+/)
        .filter(Boolean)
        .map((p) => p.trim())
        .join('\n'),
    });
    await measure(
      '  the FEEDS consumer: one bulk-import item, 1st: the page read',
      (_side, i, jobId) => consumeFeedMessage(`i${i}`, { kind: 'import', jobId, position: 1 }),
      async (body) => {
        acked(body);
        const row = await importItem();
        if (row?.status !== 'running') throw new Error(`the import item is ${row?.status}: ${row?.reason}`);
      },
      { on: [sides.at(-1)!], before: newImport },
    );
    await measure(
      '  the FEEDS consumer: one bulk-import item, 2nd: the page stored',
      async (_side, i, jobId) => {
        const target = String((await importItem())?.target);
        return consumeFeedMessage(`j${i}`, {
          kind: 'import-page',
          jobId,
          position: 1,
          target,
          page: pageToAdd(target),
        });
      },
      async (body) => {
        acked(body);
        const row = await importItem();
        if (row?.status !== 'stored') throw new Error(`the import item was not stored: ${row?.reason}`);
        await removeArticle(client, Number(row.article_id));
      },
      {
        on: [sides.at(-1)!],
        // As the first invocation leaves it: taken (running), its page in the message.
        before: async (side) => {
          const jobId = await newImport(side);
          await client.execute({
            sql: "update import_items set status = 'running', started_at = 0 where job_id = ?",
            args: [jobId],
          });
          return jobId;
        },
      },
    );
    // One item of a feed in two invocations, as the poll leaves it: claimed (queued).
    const itemUrl = (i: number) => `${WEB_ORIGIN}/story?item-run=${i}`;
    const itemStatus = async (url: string) =>
      (
        await client.execute({
          sql: 'select status, error, article_id from feed_items where url = ?',
          args: [url],
        })
      ).rows[0];
    const claimItem = async (i: number) => {
      await client.execute({
        sql: "insert into feed_items (url, feed_id, status) values (?, ?, 'queued')",
        args: [itemUrl(i), feedId],
      });
      return i;
    };
    let itemRun = 1000;
    await measure(
      '  the FEEDS consumer: one feed item, 1st: the page read',
      (_side, i, run) => consumeFeedMessage(`fi${i}`, { kind: 'item', feedId, url: itemUrl(run) }),
      async (body) => {
        acked(body);
        const row = await itemStatus(itemUrl(itemRun));
        if (row?.status !== 'queued') throw new Error(`the feed item is ${row?.status}: ${row?.error}`);
      },
      { on: [sides.at(-1)!], before: () => claimItem(++itemRun) },
    );
    await measure(
      '  the FEEDS consumer: one feed item, 2nd: the page stored',
      (_side, i, run) =>
        consumeFeedMessage(`fp${i}`, {
          kind: 'item-page',
          feedId,
          url: itemUrl(run),
          page: pageToAdd(itemUrl(run)),
        }),
      async (body) => {
        acked(body);
        const row = await itemStatus(itemUrl(itemRun));
        if (row?.status !== 'stored') throw new Error(`the feed item was not stored: ${row?.error}`);
        await removeArticle(client, Number(row.article_id));
      },
      { on: [sides.at(-1)!], before: () => claimItem(++itemRun) },
    );
    // One webhook delivery in the FEEDS consumer: signed (HMAC-SHA256), POSTed, its outcome recorded.
    const hook = JSON.parse(
      await request(queued, '/api/webhooks', {
        method: 'POST',
        body: JSON.stringify({ url: `${WEB_ORIGIN}/hook`, events: ['conflict.high'] }),
        headers: { 'content-type': 'application/json' },
      }),
    ) as { id: number };
    let deliveryId = 0;
    await measure(
      '  the FEEDS consumer: one webhook delivery',
      (_side, i, id) => consumeFeedMessage(`w${i}`, { kind: 'webhook', deliveryId: id }),
      async (body) => {
        acked(body);
        const [row] = (
          await client.execute({
            sql: 'select status, last_error from webhook_deliveries where id = ?',
            args: [deliveryId],
          })
        ).rows;
        if (row?.status !== 'delivered') throw new Error(`the delivery failed: ${row?.last_error}`);
      },
      {
        on: [sides.at(-1)!],
        before: async () => {
          const [row] = (
            await client.execute({
              sql: "insert into webhook_deliveries (webhook_id, event, body, next_attempt_at) values (?, 'ping', ?, 0) returning id",
              args: [
                hook.id,
                JSON.stringify({ id: 'measure', event: 'ping', text: 'measure:workerd', data: {} }),
              ],
            })
          ).rows;
          deliveryId = Number(row!.id);
          return deliveryId;
        },
      },
    );
    await postArticle(now, probe);
    const queue = JSON.parse(await request(now, '/api/conflicts')) as {
      items: { id: number; a: { id: number } }[];
    };
    const link = queue.items[0];
    if (!link) throw new Error('no conflict to measure the side-by-side page with');
    await measure('GET /  (conflict queue page)', (side) => request(side, '/'));
    await measure('GET /conflicts/:id  (side by side + diff)', (side) =>
      request(side, `/conflicts/${link.id}`),
    );
    await measure('GET /api/conflicts  (JSON twin)', (side) => request(side, '/api/conflicts'));
    // Both sides review the same claim, one after the other: the version is the claim's, not a side's.
    let version = (
      JSON.parse(await request(now, `/api/claims/${link.a.id}`)) as { claim: { version: number } }
    ).claim.version;
    let reviews = 0;
    await measure('POST /claims/:id/status  (htmx review)', async (side) => {
      const body = await request(side, `/claims/${link.a.id}/status`, {
        method: 'POST',
        headers: { 'HX-Request': 'true', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          status: reviews++ % 2 ? 'verified' : 'disputed',
          version: String(version),
        }).toString(),
      });
      version++;
      return body;
    });
    const floorMs = quantile(
      floor[0]!.map((x) => x.isolate).sort((a, b) => a - b),
      0.5,
    );
    console.log(
      `\nmedians (p95) over ${runs} warm runs${sides.length > 1 ? ' each, the sides alternating' : ''}; the database's` +
        ` own CPU is in sqld, not here. A Worker's own CPU is about its figure less the floor (${floorMs.toFixed(2)} ms).` +
        ' Workers Free allows 10 ms CPU.',
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
    client.close();
    sqld.stop();
    slow?.close();
    await mf?.dispose().catch(() => {});
  }
}

await main();
