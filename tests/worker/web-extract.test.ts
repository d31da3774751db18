// The Worker's extraction inside workerd: HTMLRewriter's pass (src/web/rewriter-extract.ts) gives
// the blocks and metadata Mozilla's Readability gives on Node for the same fixture pages. Readability
// and linkedom run here too (plain JavaScript), for the comparison only: the Worker does not bundle them.
import { describe, expect, it } from 'vitest';
import type { Hop, Transport } from '../../src/web/fetch-page';
import { pickMetadata } from '../../src/web/metadata';
import { readabilityExtract } from '../../src/web/readability-extract';
import { webReader } from '../../src/web/reader';
import { hasHtmlRewriter, rewriterExtract } from '../../src/web/rewriter-extract';
import budget from '../fixtures/web/budget-meta.html?raw';
import harbour from '../fixtures/web/harbour-jsonld.html?raw';
import wire from '../fixtures/web/wire-graph.html?raw';
import { growPage } from '../helpers/grown-pages';

const pages = { 'harbour-jsonld': harbour, 'budget-meta': budget, 'wire-graph': wire };

describe('HTMLRewriter extraction in workerd', () => {
  it('runs where HTMLRewriter exists', () => {
    expect(hasHtmlRewriter()).toBe(true);
  });

  it.each(Object.entries(pages))('%s: the same blocks and metadata as Readability', async (_name, html) => {
    const worker = await rewriterExtract(html);
    const node = await readabilityExtract(html);
    expect(node.blocks.length).toBeGreaterThan(4);
    expect(worker.blocks).toEqual(node.blocks);
    const base = 'https://site.example/a';
    expect(pickMetadata(worker.signals, base)).toEqual(pickMetadata(node.signals, base));
  });

  // Grown to 100 KB, Node takes the port over its own streaming pass (readability-extract.ts).
  it.each(
    Object.entries(pages).flatMap(([name, html]) =>
      (['typical', 'long'] as const).map((kind) => [`${name} (${kind}, 100 KB)`, growPage(html, kind)]),
    ),
  )('%s: the same blocks and metadata as Node', async (_name, html) => {
    const worker = await rewriterExtract(html);
    const node = await readabilityExtract(html);
    expect(node.blocks.length).toBeGreaterThan(4);
    expect(worker.blocks).toEqual(node.blocks);
    const base = 'https://site.example/a';
    expect(pickMetadata(worker.signals, base)).toEqual(pickMetadata(node.signals, base));
  });

  it('decodes entities split across text chunks and reads a page streamed in pieces', async () => {
    const body = `<html><head><title>A &amp; B</title></head><body><article><p>${'Fish &amp; chips cost &pound;4, more than last year, said the owner. '.repeat(40)}</p></article></body></html>`;
    const { blocks, signals } = await rewriterExtract(body);
    expect(signals.title).toBe('A & B');
    expect(blocks.join(' ')).not.toContain('&amp;');
    expect(blocks[0]).toContain('Fish & chips cost £4');
  });
});

describe('address checks in workerd (what the Worker refuses itself)', () => {
  // A stub in place of the network: each URL answers as the map says; a URL it does not know fails the test.
  const stub =
    (answers: Record<string, { status: number; location?: string; html?: string }>): Transport =>
    async (url) => {
      const a = answers[url.href];
      if (!a) throw new Error(`the reader should not have fetched ${url.href}`);
      const headers = new Headers({ 'content-type': 'text/html' });
      if (a.location) headers.set('location', a.location);
      const bytes = new TextEncoder().encode(a.html ?? '');
      return {
        status: a.status,
        headers,
        body: (async function* () {
          yield bytes;
        })(),
        cancel() {},
      } satisfies Hop;
    };

  it.each([
    ['http://127.0.0.1/', /loopback/],
    ['http://[::ffff:169.254.169.254]/', /link-local/],
    ['http://10.1.1.1/', /private/],
    ['http://localhost/', /this machine/],
    ['http://metadata.google.internal/', /local network name/],
    ['file:///etc/passwd', /only http and https/],
  ])('refuses %s before fetching', async (url, why) => {
    await expect(
      webReader({ transport: stub({}), extract: rewriterExtract }).readArticle(url),
    ).rejects.toThrow(why);
  });

  it('refuses a redirect to a private or metadata address, and reads a public page', async () => {
    const reader = webReader({
      transport: stub({
        'https://news.example/a': { status: 302, location: 'http://169.254.169.254/latest/meta-data/' },
        'https://news.example/b': { status: 301, location: '/c' },
        'https://news.example/c': { status: 200, html: harbour },
      }),
      extract: rewriterExtract,
    });
    await expect(reader.readArticle('https://news.example/a')).rejects.toThrow(/redirects to .*link-local/);
    const page = await reader.readArticle('https://news.example/b');
    expect(page).toMatchObject({ url: 'https://news.example/c', outlet: 'The Coastal Ledger' });
    expect(page.text).toContain('about 140 vessels waiting offshore');
  });
});
