// The Worker's extraction: one streaming pass of the runtime's HTMLRewriter (lol-html, native, not in
// the bundle) builds page-tree.ts's tree and collects the metadata signals; grab-article.ts picks the
// article as Readability would. Node uses Readability itself (readability-extract.ts).

import { grabArticle, grabOptions } from './grab-article';
import { decodeHTML } from './html-entities';
import type { PageSignals } from './metadata';
import { TreeBuilder, VOID_TAGS } from './page-tree';
import type { Extracted, Extractor } from './readability-extract';

/** The part of workerd's HTMLRewriter used here (workers-types' globals clash with the DOM lib's). */
interface RewriterElement {
  tagName: string;
  getAttribute(name: string): string | null;
  onEndTag(handler: (end: { name: string }) => void): void;
}
interface RewriterText {
  text: string;
  lastInTextNode: boolean;
}
interface Rewriter {
  on(
    selector: string,
    handlers: { element?(e: RewriterElement): void; text?(t: RewriterText): void },
  ): Rewriter;
  onDocument(handlers: { text?(t: RewriterText): void }): Rewriter;
  transform(response: Response): Response;
}
declare const HTMLRewriter: { new (): Rewriter } | undefined;

export const hasHtmlRewriter = () => typeof HTMLRewriter !== 'undefined';

export const rewriterExtract: Extractor = async (html) => {
  if (typeof HTMLRewriter === 'undefined') throw new Error('HTMLRewriter is only available on Workers');
  const tree = new TreeBuilder();
  const signals: PageSignals = { metas: [], jsonLd: [] };
  let pending = '';
  // Text arrives raw (entities as written) and possibly split mid-entity: decoded once per text run.
  const flush = () => {
    if (pending) tree.text(decodeHTML(pending));
    pending = '';
  };
  let jsonLd = '';
  let title = '';
  const attr = (e: RewriterElement, name: string) => {
    const v = e.getAttribute(name);
    return v === null ? null : decodeHTML(v);
  };
  const rewriter = new HTMLRewriter()
    .on('*', {
      element(e) {
        flush();
        const tag = e.tagName.toLowerCase();
        tree.open(tag, (name) => attr(e, name));
        if (!VOID_TAGS.has(tag))
          e.onEndTag(() => {
            flush();
            tree.close(tag);
          });
      },
    })
    .on('meta', {
      element(e) {
        const key = (attr(e, 'property') ?? attr(e, 'name') ?? attr(e, 'itemprop') ?? '')
          .trim()
          .toLowerCase();
        const content = attr(e, 'content');
        if (key && content !== null) signals.metas.push({ key, content });
      },
    })
    .on('link[rel~="canonical"]', {
      element(e) {
        signals.canonical ??= attr(e, 'href') ?? undefined;
      },
    })
    .on('script[type="application/ld+json"]', {
      text(t) {
        jsonLd += t.text;
        if (t.lastInTextNode) {
          signals.jsonLd.push(jsonLd);
          jsonLd = '';
        }
      },
    })
    .on('title', {
      text(t) {
        title += t.text;
      },
    })
    .onDocument({
      text(t) {
        pending += t.text;
      },
    });
  await rewriter.transform(new Response(html, { headers: { 'content-type': 'text/html' } })).arrayBuffer();
  flush();
  signals.title = title ? decodeHTML(title) : undefined;
  return { blocks: grabArticle(tree.root, grabOptions(signals)), signals } satisfies Extracted;
};
