// npm run bench:web — how long adding an article from the web takes on Node: Readability extraction
// of the fixture pages grown to about 100 KB (the budget: ≤ 20 ms median), the Worker's
// port of it over htmlparser2's events for comparison, and fetch + extract from a loopback server.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Parser } from 'htmlparser2';
import { grabArticle, grabOptions } from '../../../src/web/grab-article';
import { nodeWebReader } from '../../../src/web/node-reader';
import { TreeBuilder, VOID_TAGS } from '../../../src/web/page-tree';
import { readabilityExtract } from '../../../src/web/readability-extract';

const RUNS = Number(process.argv[2] ?? 40);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

const KB100 = 100 * 1024;

/**
 * A fixture page grown to ~100 KB the way news pages are: an inline script and style, a mega-menu,
 * a sidebar of links and reader comments around the same article.
 */
function typical(name: string): string {
  const html = readFileSync(`tests/fixtures/web/${name}.html`, 'utf8');
  const script = `<script>window.__STATE__=${JSON.stringify({ items: Array.from({ length: 300 }, (_, i) => ({ id: i, headline: `Story number ${i} of the day`, tags: ['news', 'region'] })) })}</script>`;
  const style = `<style>${'.c{margin:0 auto;padding:4px 8px;color:#222;font:16px/1.5 serif}\n'.repeat(150)}</style>`;
  const menu = `<nav class="mega-menu"><ul>${Array.from({ length: 150 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('')}</ul></nav>`;
  const sidebar = `<aside class="sidebar">${Array.from({ length: 60 }, (_, i) => `<div class="teaser"><a href="/t/${i}"><img src="/i/${i}.jpg" alt="">Teaser headline number ${i} about something</a></div>`).join('')}</aside>`;
  let comments = '';
  while (html.length + script.length + style.length + menu.length + sidebar.length + comments.length < KB100)
    comments +=
      '<div class="comment"><p class="comment-author">reader</p><p>I have lived here for twenty years, and this is the worst storm I remember, honestly.</p></div>';
  return html
    .replace('</head>', `${script}${style}</head>`)
    .replace('<body', `${menu}<body`)
    .replace('</body>', `${sidebar}<section class="comments">${comments}</section></body>`);
}

/** The same page with ~100 KB of article text: many paragraphs in one container (the hard case). */
function longArticle(name: string): string {
  const html = readFileSync(`tests/fixtures/web/${name}.html`, 'utf8');
  const paragraphs = html.match(/<p>[^<]{80,}<\/p>/g) ?? [];
  let extra = '';
  while (html.length + extra.length < KB100) extra += `${paragraphs.join('\n')}\n`;
  return html.replace(/(<p>[^<]{80,}<\/p>)/, `$1\n${extra}`);
}

function portExtract(html: string) {
  const tree = new TreeBuilder();
  const parser = new Parser(
    {
      onopentag: (n, a) => tree.open(n, (k) => a[k] ?? null),
      onclosetag: (n) => {
        if (!VOID_TAGS.has(n)) tree.close(n);
      },
      ontext: (t) => tree.text(t),
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return grabArticle(tree.root, grabOptions({ metas: [] }));
}

async function time(fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const line = (label: string, xs: number[]) =>
  console.log(`${label.padEnd(64)} median ${median(xs).toFixed(2)} ms, p95 ${p95(xs).toFixed(2)} ms`);

for (const [kind, grow] of [
  ['typical', typical],
  ['long article', longArticle],
] as const) {
  for (const name of ['harbour-jsonld', 'budget-meta', 'wire-graph']) {
    const page = grow(name);
    const kb = (Buffer.byteLength(page) / 1024).toFixed(0);
    line(`Readability + linkedom, ${kind} ${name} (${kb} KB)`, await time(() => readabilityExtract(page)));
    line(`Worker's port (htmlparser2 events), ${kind} ${name}`, await time(() => portExtract(page)));
  }
}

const page = typical('harbour-jsonld');
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/a`;
const reader = nodeWebReader({ policy: { allowLoopbackForTests: true } });
line('fetch (loopback) + extract + metadata, 100 KB', await time(() => reader.readArticle(url)));
server.close();
