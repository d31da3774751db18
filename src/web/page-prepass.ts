// Node's one streaming pass over a page (htmlparser2's events, no DOM): it builds page-tree.ts's tree
// for grab-article.ts, collects the metadata signals (metadata.ts) and says where the page's
// <script> and <style> elements are, so the DOM that Readability needs, when it is needed, is built
// without them. The Worker makes the same pass with HTMLRewriter (rewriter-extract.ts).
import { Parser } from 'htmlparser2';
import type { PageSignals } from './metadata';
import { innerText, type PageNode, TreeBuilder, VOID_TAGS } from './page-tree';

export interface PrePassed {
  /** The page's body as page-tree.ts builds it (script, style and form controls left out). */
  tree: PageNode;
  signals: PageSignals;
  /** Characters of text in the tree: what Readability's cost grows with. */
  textLength: number;
  /** The page without its <script> and <style> elements (Readability removes both before reading). */
  withoutScripts(): string;
}

/** Elements cut out of the DOM given to Readability: it removes them before it looks at anything. */
const CUT = new Set(['script', 'style']);

export function prePass(html: string): PrePassed {
  const tree = new TreeBuilder();
  const signals: PageSignals = { metas: [], jsonLd: [] };
  const cuts: [number, number][] = [];
  let cutFrom = -1;
  let inJsonLd = false;
  let inTitle = false;
  let jsonLd = '';
  let title: string | undefined;
  let canonicalSeen = false;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        tree.open(name, (k) => attrs[k] ?? null);
        if (CUT.has(name) && cutFrom < 0) cutFrom = parser.startIndex;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').trim().toLowerCase();
          if (key && attrs.content !== undefined) signals.metas.push({ key, content: attrs.content });
        } else if (name === 'link' && !canonicalSeen) {
          // The first canonical link counts, as querySelector would find it.
          canonicalSeen = (attrs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical');
          if (canonicalSeen) signals.canonical = attrs.href;
        } else if (name === 'script') {
          inJsonLd = (attrs.type ?? '').toLowerCase() === 'application/ld+json';
          jsonLd = '';
        } else if (name === 'title' && title === undefined) {
          inTitle = true;
          title = '';
        }
      },
      ontext(text) {
        tree.text(text);
        if (inJsonLd) jsonLd += text;
        else if (inTitle) title += text;
      },
      onclosetag(name) {
        if (!VOID_TAGS.has(name)) tree.close(name);
        if (name === 'script' && inJsonLd) {
          signals.jsonLd.push(jsonLd);
          inJsonLd = false;
        } else if (name === 'title') inTitle = false;
        if (CUT.has(name) && cutFrom >= 0) {
          cuts.push([cutFrom, Math.min(parser.endIndex + 1, html.length)]);
          cutFrom = -1;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  signals.title = title;
  return {
    tree: tree.root,
    signals,
    textLength: innerText(tree.root).length,
    withoutScripts() {
      if (!cuts.length) return html;
      let out = '';
      let at = 0;
      for (const [from, to] of cuts) {
        out += html.slice(at, from);
        at = to;
      }
      return out + html.slice(at);
    },
  };
}
