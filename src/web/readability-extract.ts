// Node's extraction: Mozilla's Readability (Firefox Reader View's algorithm) over a linkedom
// document. Too large for the Worker's bundle (README "Libraries, and why"); the Worker extracts
// with HTMLRewriter instead (rewriter-extract.ts), and tests/web checks both give the same blocks.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlBlocks } from './blocks';
import type { PageSignals } from './metadata';

export interface Extracted {
  /** The article body as blocks of text (blocks.ts). */
  blocks: string[];
  signals: PageSignals;
}

export type Extractor = (html: string) => Promise<Extracted> | Extracted;

/** The page's own account of itself (metadata.ts reads it), before Readability changes the document. */
function signalsOf(document: Document): PageSignals {
  const metas: PageSignals['metas'] = [];
  for (const m of document.querySelectorAll('meta')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    const content = m.getAttribute('content');
    if (key && content !== null) metas.push({ key, content });
  }
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? undefined;
  const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
    (s) => s.textContent ?? '',
  );
  const title = document.querySelector('title')?.textContent ?? undefined;
  return { metas, canonical, jsonLd, title };
}

export const readabilityExtract: Extractor = (html) => {
  const { document } = parseHTML(html);
  const signals = signalsOf(document as unknown as Document);
  const article = new Readability(document as unknown as Document, { disableJSONLD: true }).parse();
  return { blocks: article?.content ? htmlBlocks(article.content) : [], signals };
};
