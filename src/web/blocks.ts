// An article body as blocks of text (paragraphs, headings, list items), the form both extraction
// paths give: Readability's output on Node (htmlBlocks) and the HTMLRewriter pass on Workers
// (rewriter-extract.ts) go through the same BlockBuilder, so "the same text" means the same blocks.
import { Parser } from 'htmlparser2';

/** Elements that start and end a block of text. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Elements whose content is never article text. */
export const SKIP_TAGS = new Set([
  'button',
  'canvas',
  'form',
  'iframe',
  'input',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
]);

/** Collects text into blocks: whitespace collapsed, empty blocks dropped. */
export class BlockBuilder {
  readonly blocks: string[] = [];
  private current = '';

  text(chunk: string): void {
    this.current += chunk;
  }

  /** A block boundary (a block element opens or closes). */
  boundary(): void {
    const text = this.current.replace(/\s+/g, ' ').trim();
    if (text) this.blocks.push(text);
    this.current = '';
  }
}

/** The blocks of an HTML fragment (Readability's `content`), script and form text left out. */
export function htmlBlocks(html: string): string[] {
  const out = new BlockBuilder();
  let skip = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIP_TAGS.has(name)) skip++;
        else if (BLOCK_TAGS.has(name)) out.boundary();
      },
      onclosetag(name) {
        if (SKIP_TAGS.has(name)) skip = Math.max(0, skip - 1);
        else if (BLOCK_TAGS.has(name)) out.boundary();
      },
      ontext(text) {
        if (skip === 0) out.text(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  out.boundary();
  return out.blocks;
}

/** Blocks as the article text the ingest reads: one block per line, the headline dropped when it leads. */
export function blocksToText(blocks: readonly string[], title: string | undefined): string {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const body =
    title && blocks[0] && same(blocks[0], title.replace(/\s+/g, ' ').trim()) ? blocks.slice(1) : blocks;
  return body.join('\n');
}
