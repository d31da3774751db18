// Article extraction on fixture pages (navigation, ads, comments, sidebars around the article): what
// Readability keeps on Node, and that the Worker's port of its core (grab-article.ts) keeps the same
// blocks. tests/worker/web-extract.test.ts runs the Worker's HTMLRewriter path on the same pages.
// Node's extraction (readability-extract.ts) is Readability for these small pages and the port for
// the pages grown to 100 KB; on those, Readability over the whole page is the reference.
import { describe, expect, it } from 'vitest';
import { blocksToText } from '../../src/web/blocks';
import { grabArticle, grabOptions } from '../../src/web/grab-article';
import { pickMetadata } from '../../src/web/metadata';
import { prePass } from '../../src/web/page-prepass';
import { PORT_FROM_TEXT, readabilityBlocks, readabilityExtract } from '../../src/web/readability-extract';
import { treeFromHtml } from '../helpers/tree-from-html';
import { FIXTURE_PAGES, fixtureHtml, grownPage } from '../helpers/web-fixtures';
import { domSignals } from './dom-signals';

const sync = (html: string) => {
  const r = readabilityExtract(html);
  if (r instanceof Promise) throw new Error('Node extracts synchronously');
  return r;
};

describe.each(FIXTURE_PAGES)('%s', (name) => {
  const html = fixtureHtml(name);

  it('the port of Readability gives the blocks Readability gives', async () => {
    const node = await readabilityExtract(html);
    expect(prePass(html).textLength).toBeLessThan(PORT_FROM_TEXT); // Readability's own path on Node
    expect(node.blocks.length).toBeGreaterThan(4);
    expect(node.blocks).toEqual(readabilityBlocks(html));
    expect(grabArticle(treeFromHtml(html), grabOptions(node.signals))).toEqual(node.blocks);
  });

  it('reads the metadata signals the DOM gives, in one streaming pass', () => {
    expect(prePass(html).signals).toEqual(domSignals(html));
  });

  it('keeps the article and leaves out the page around it', async () => {
    const { blocks, signals } = await readabilityExtract(html);
    const text = blocksToText(blocks, pickMetadata(signals, 'https://example.com/').title);
    for (const chrome of [
      /Advertisement/,
      /Comments \(/,
      /Sign up/,
      /Most read|Popular/,
      /All rights reserved|©/,
      /Subscribe for/,
    ])
      expect(text).not.toMatch(chrome);
    expect(text.split('\n').length).toBeGreaterThan(4);
  });
});

describe.each(
  FIXTURE_PAGES.flatMap((name) => [
    [name, 'typical'],
    [name, 'long'],
  ]) as [string, 'typical' | 'long'][],
)('%s grown to 100 KB (%s)', (name, kind) => {
  const html = grownPage(name, kind);

  it("Node's extraction (the port, for this much text) gives the blocks Readability gives on the whole page", () => {
    expect(prePass(html).textLength).toBeGreaterThanOrEqual(PORT_FROM_TEXT);
    const node = sync(html);
    expect(node.blocks.length).toBeGreaterThan(4);
    expect(node.blocks).toEqual(readabilityBlocks(html));
    expect(node.signals).toEqual(domSignals(html));
  });

  it('Readability gives the same blocks without the scripts and styles cut before the DOM is built', () => {
    const page = prePass(html);
    expect(page.withoutScripts()).not.toMatch(/<script|<style/);
    expect(readabilityBlocks(page.withoutScripts())).toEqual(readabilityBlocks(html));
  });
});

describe("Node's extraction falls back to Readability", () => {
  it('when the port finds under 500 characters on a page with a lot of text (Readability retries)', () => {
    const comments = Array.from(
      { length: 400 },
      (_, i) =>
        `<div class="comment"><p>Reader ${i} says this is the worst storm in twenty years of living here.</p></div>`,
    ).join('');
    const html = `<html><head><title>Short</title></head><body><article><p>The harbour closed on Tuesday after the storm, officials said.</p></article><section class="comments">${comments}</section></body></html>`;
    const page = prePass(html);
    expect(page.textLength).toBeGreaterThanOrEqual(PORT_FROM_TEXT);
    expect(grabArticle(page.tree, grabOptions(page.signals)).join('').length).toBeLessThan(500);
    expect(sync(html).blocks).toEqual(readabilityBlocks(html));
  });
});

describe('the streaming pass reads metadata as the DOM does', () => {
  it.each([
    [
      'the first canonical link, even without an href',
      '<link rel="canonical"><link rel="canonical" href="/b">',
    ],
    [
      'rel and type in any case',
      '<link rel="Canonical" href="/c"><script type="Application/LD+JSON">{"@type":"NewsArticle"}</script>',
    ],
    [
      'entities in a title and meta content',
      '<title>A &amp; B &mdash; News</title><meta property="og:site_name" content="Fish &amp; Chips">',
    ],
    ['no title, metas in the body', '<meta name="author" content="X">'],
    [
      'an unclosed script at the end',
      '<title>T</title></head><body><p>Text</p><script>var a = "<p>not text</p>"',
    ],
  ])('%s', (_what, head) => {
    const html = `<html><head>${head}</head><body><p>Body</p><meta itemprop="datePublished" content="2026-12-01"></body></html>`;
    expect(prePass(html).signals).toEqual(domSignals(html));
  });
});

describe('metadata', () => {
  const meta = (name: string) => pickMetadata(readabilityExtractSync(name), 'https://site.example/a/b');
  const readabilityExtractSync = (name: string) => {
    const r = readabilityExtract(fixtureHtml(name));
    if (r instanceof Promise) throw new Error('sync');
    return r.signals;
  };

  it('reads JSON-LD NewsArticle first, meta tags second', () => {
    expect(meta('harbour-jsonld')).toEqual({
      title: 'Storm closes Port Aldmoor for three days',
      outlet: 'The Coastal Ledger',
      author: 'Maria Okafor, Tom Reyes',
      publishedAt: '2026-12-03T07:45:00+00:00',
      canonicalUrl: 'https://site.example/news/2026/12/storm-port-aldmoor',
    });
    expect(meta('budget-meta')).toEqual({
      title: 'Regional council passes 2027 budget after late-night vote',
      outlet: 'Valley Courier',
      author: 'Priya Natarajan',
      publishedAt: '2026-12-04T21:30:00Z',
      canonicalUrl: 'https://courier.example.org/politics/council-budget-2027?utm_source=rss',
    });
    // An @graph, an invalid second JSON-LD block, no canonical link but the article's url.
    expect(meta('wire-graph')).toEqual({
      title: 'Rail strike halts trains across the north',
      outlet: 'Northern Post',
      author: 'Wire Services',
      publishedAt: '2026-12-05T06:00:00+01:00',
      canonicalUrl: 'https://post.example.net/world/rail-strike-north',
    });
  });

  it('survives pages with no metadata at all', () => {
    expect(
      pickMetadata({ metas: [], jsonLd: ['not json', '{"@type":"Person"}'] }, 'https://x.example/'),
    ).toEqual({
      title: undefined,
      outlet: undefined,
      author: undefined,
      publishedAt: undefined,
      canonicalUrl: undefined,
    });
  });
});
