// Article extraction on fixture pages (navigation, ads, comments, sidebars around the article): what
// Readability keeps on Node, and that the Worker's port of its core (grab-article.ts) keeps the same
// blocks. tests/worker/web-extract.test.ts runs the Worker's HTMLRewriter path on the same pages.
import { describe, expect, it } from 'vitest';
import { blocksToText } from '../../src/web/blocks';
import { grabArticle, grabOptions } from '../../src/web/grab-article';
import { pickMetadata } from '../../src/web/metadata';
import { readabilityExtract } from '../../src/web/readability-extract';
import { treeFromHtml } from '../helpers/tree-from-html';
import { FIXTURE_PAGES, fixtureHtml } from '../helpers/web-fixtures';

describe.each(FIXTURE_PAGES)('%s', (name) => {
  const html = fixtureHtml(name);

  it('the port of Readability gives the blocks Readability gives', async () => {
    const node = await readabilityExtract(html);
    expect(node.blocks.length).toBeGreaterThan(4);
    expect(grabArticle(treeFromHtml(html), grabOptions(node.signals))).toEqual(node.blocks);
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
