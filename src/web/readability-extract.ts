// Node's extraction: Mozilla's Readability (Firefox Reader View's algorithm) over a linkedom
// document, or, for pages with a lot of text, the Worker's port of its core (grab-article.ts).
// Readability is too large for the Worker's bundle (README "Libraries, and why"); the Worker extracts
// with HTMLRewriter (rewriter-extract.ts), and tests/services and tests/worker check the paths agree.
//
// Why two paths on Node (docs/performance.md, "Readability on Node, 100 KB pages"): Readability's
// cost grows faster than the page's text — it asks linkedom for the text of every element on the way
// down (each ancestor of a long article re-reads all of it) and compiles a CSS selector per paragraph
// — so a page holding 100 KB of article text took 18–39 ms at load 1 against the 20 ms budget. The
// port walks a plain tree built by the same streaming pass that reads the metadata (page-prepass.ts),
// and takes 3–13 ms on those pages.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlBlocks } from './blocks';
import { grabArticle, grabOptions } from './grab-article';
import type { PageSignals } from './metadata';
import { prePass } from './page-prepass';

export interface Extracted {
  /** The article body as blocks of text (blocks.ts). */
  blocks: string[];
  signals: PageSignals;
}

export type Extractor = (html: string) => Promise<Extracted> | Extracted;

/**
 * Pages with at least this much text (outside script, style and forms) go to the port: from about
 * here Readability over linkedom passes ~12 ms at load 1 and grows faster than the text.
 */
export const PORT_FROM_TEXT = 24 * 1024;

/** Readability's charThreshold: an article shorter than this makes it retry with looser rules. */
const READABILITY_CHAR_THRESHOLD = 500;

/** The article's blocks as Readability itself finds them (the page without its scripts and styles). */
export function readabilityBlocks(html: string): string[] {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document, { disableJSONLD: true }).parse();
  return article?.content ? htmlBlocks(article.content) : [];
}

export const readabilityExtract: Extractor = (html) => {
  const page = prePass(html);
  if (page.textLength >= PORT_FROM_TEXT) {
    const blocks = grabArticle(page.tree, grabOptions(page.signals));
    // A short result is where Readability would retry with looser rules; the port does not.
    if (blocks.join('').length >= READABILITY_CHAR_THRESHOLD) return { blocks, signals: page.signals };
  }
  return { blocks: readabilityBlocks(page.withoutScripts()), signals: page.signals };
};
