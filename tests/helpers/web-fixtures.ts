// A loopback HTTP server with real-shaped article pages and feeds, for the fetch, route and browser
// tests: redirects (one to a private address), slow, oversized, mislabelled and broken answers.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { growPage } from './grown-pages';

export const FIXTURE_PAGES = ['harbour-jsonld', 'budget-meta', 'wire-graph'] as const;
export const fixtureHtml = (name: string) => readFileSync(`tests/fixtures/web/${name}.html`, 'utf8');

/**
 * The harbour story verbatim as another outlet reprints a wire story: the same article text, under the
 * outlet's own name and URL (`path`, its canonical link).
 */
export const reprintHtml = (outlet: string, path: string) =>
  fixtureHtml('harbour-jsonld')
    .replace(/(The )?Coastal Ledger( Media)?/g, outlet)
    .replace(/href="[^"]*storm-port-aldmoor"/, `href="${path}"`)
    .replace(
      /content="https:\/\/ledger\.example\.com\/news\/2026\/12\/storm-port-aldmoor"/,
      `content="${path}"`,
    );

/** Reprints of the harbour story the fixture server serves (and its feed of them, /feeds/wire.xml). */
export const REPRINTS = { '/wire/bay-herald': 'Bay Herald', '/wire/island-times': 'Island Times' } as const;

/** A fixture page grown to ~100 KB (grown-pages.ts). */
export const grownPage = (name: string, kind: 'typical' | 'long') => growPage(fixtureHtml(name), kind);

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Requests seen, as "METHOD path" plus conditional headers. */
  log: { path: string; ifNoneMatch?: string; ifModifiedSince?: string; userAgent?: string }[];
  /** Replace or add a route. */
  route(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const html =
  (body: string, type = 'text/html; charset=utf-8'): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  };

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  for (const name of FIXTURE_PAGES) routes.set(`/news/${name}`, html(fixtureHtml(name)));
  routes.set('/gzip/harbour', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(gzipSync(fixtureHtml('harbour-jsonld')));
  });
  routes.set('/redirect/once', (_req, res) => {
    res.writeHead(301, { location: '/news/wire-graph?utm_source=feed' });
    res.end();
  });
  routes.set('/redirect/loop', (_req, res) => {
    res.writeHead(302, { location: '/redirect/loop' });
    res.end();
  });
  for (const target of [
    'http://10.0.0.7/admin',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.100.100.200/latest/meta-data/',
    'file:///etc/passwd',
  ])
    routes.set(`/redirect/to/${encodeURIComponent(target)}`, (_req, res) => {
      res.writeHead(302, { location: target });
      res.end();
    });
  routes.set('/slow', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>');
    setTimeout(() => res.end('late</p></body></html>'), 5_000).unref();
  });
  routes.set('/big', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = `<p>${'x'.repeat(1023)}</p>`;
    let sent = 0;
    const more = () => {
      while (sent < 8 * 1024 && res.write(chunk)) sent++;
      if (sent >= 8 * 1024) res.end();
      else res.once('drain', more);
    };
    more();
  });
  routes.set('/big-declared', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
    res.end();
  });
  routes.set('/file.pdf', html('%PDF-1.7', 'application/pdf'));
  routes.set('/no-type', (_req, res) => {
    res.writeHead(200);
    res.end('<html><body><p>What type am I?</p></body></html>');
  });
  routes.set(
    '/empty-page',
    html('<html><head><title>Nothing</title></head><body><nav><a href="/">Home</a></nav></body></html>'),
  );
  routes.set('/gone', (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<h1>Not found</h1>');
  });

  // Feeds: RSS with an ETag and Last-Modified (304 when they match), Atom, JSON Feed, broken XML, HTML.
  const etag = '"rss-v1"';
  const lastModified = 'Sat, 05 Dec 2026 10:00:00 GMT';
  routes.set('/feeds/rss.xml', (req, res) => {
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) {
      res.writeHead(304, { etag, 'last-modified': lastModified });
      return res.end();
    }
    res.writeHead(200, {
      'content-type': 'application/rss+xml; charset=utf-8',
      etag,
      'last-modified': lastModified,
    });
    res.end(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Coastal Ledger: News</title><link>/</link><description>News</description>
<item><title>Storm closes Port Aldmoor</title><link>/news/harbour-jsonld</link><guid isPermaLink="false">ledger-1</guid><pubDate>Thu, 03 Dec 2026 07:45:00 GMT</pubDate></item>
<item><title>Council passes budget</title><link>/news/budget-meta?utm_source=rss</link><guid isPermaLink="false">ledger-2</guid></item>
<item><title>A PDF</title><link>/file.pdf</link></item>
</channel></rss>`);
  });
  // A feed whose second item is the slow page (5 s, then no article): its progress can be watched.
  routes.set('/feeds/slow-item.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Rail Desk</title><link>/</link><description>Rail</description>
<item><title>Rail strike</title><link>/news/wire-graph</link><guid isPermaLink="false">rail-1</guid></item>
<item><title>Late page</title><link>/slow</link><guid isPermaLink="false">rail-2</guid></item>
</channel></rss>`);
  });
  routes.set('/feeds/atom.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/atom+xml' });
    res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Northern Post</title><id>urn:np</id><updated>2026-12-05T06:00:00Z</updated>
<entry><title>Rail strike</title><id>urn:np:1</id><updated>2026-12-05T06:00:00Z</updated><link rel="alternate" href="/news/wire-graph"/></entry>
<entry><title>Storm (syndicated)</title><id>urn:np:2</id><updated>2026-12-05T06:00:00Z</updated><link href="/news/harbour-jsonld"/></entry></feed>`);
  });
  routes.set('/feeds/feed.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/feed+json' });
    res.end(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'JSON news',
        items: [{ id: '1', url: '/news/wire-graph', title: 'Rail' }],
      }),
    );
  });
  // A wire desk's feed: the original harbour story and two other outlets' verbatim reprints of it.
  for (const [path, outlet] of Object.entries(REPRINTS)) routes.set(path, html(reprintHtml(outlet, path)));
  routes.set('/feeds/wire.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire desk</title><link>/</link><description>Wire</description>
<item><title>Storm closes Port Aldmoor</title><link>/news/harbour-jsonld</link></item>
${Object.keys(REPRINTS)
  .map((path) => `<item><title>Storm (reprint)</title><link>${path}</link></item>`)
  .join('\n')}
</channel></rss>`);
  });
  routes.set(
    '/feeds/broken.xml',
    html('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken', 'application/rss+xml'),
  );
  routes.set('/feeds/not-a-feed', html('<html><body><p>This is a web page, not a feed.</p></body></html>'));

  const log: FixtureServer['log'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    log.push({
      path,
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
      userAgent: req.headers['user-agent'],
    });
    const handler = routes.get(path.split('?')[0]!) ?? routes.get(path);
    if (handler) return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('no such fixture');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    log,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
