// The Worker's extraction inside workerd: HTMLRewriter's pass (src/web/rewriter-extract.ts) gives
// the blocks and metadata Mozilla's Readability gives on Node for the same fixture pages. Readability
// and linkedom run here too (plain JavaScript), for the comparison only: the Worker does not bundle them.
import { describe, expect, it } from 'vitest';
import { pickMetadata } from '../../src/web/metadata';
import { readabilityExtract } from '../../src/web/readability-extract';
import { hasHtmlRewriter, rewriterExtract } from '../../src/web/rewriter-extract';
import budget from '../fixtures/web/budget-meta.html?raw';
import harbour from '../fixtures/web/harbour-jsonld.html?raw';
import wire from '../fixtures/web/wire-graph.html?raw';

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

  it('decodes entities split across text chunks and reads a page streamed in pieces', async () => {
    const body = `<html><head><title>A &amp; B</title></head><body><article><p>${'Fish &amp; chips cost &pound;4, more than last year, said the owner. '.repeat(40)}</p></article></body></html>`;
    const { blocks, signals } = await rewriterExtract(body);
    expect(signals.title).toBe('A & B');
    expect(blocks.join(' ')).not.toContain('&amp;');
    expect(blocks[0]).toContain('Fish & chips cost £4');
  });
});
