// page-tree.ts's tree built from htmlparser2's events, to test grab-article.ts on Node (on Workers
// HTMLRewriter's events build it: src/web/rewriter-extract.ts).
import { Parser } from 'htmlparser2';
import { type PageNode, TreeBuilder, VOID_TAGS } from '../../src/web/page-tree';

export function treeFromHtml(html: string): PageNode {
  const tree = new TreeBuilder();
  const parser = new Parser(
    {
      onopentag: (name, attrs) => tree.open(name, (k) => attrs[k] ?? null),
      onclosetag: (name) => {
        if (!VOID_TAGS.has(name)) tree.close(name);
      },
      ontext: (text) => tree.text(text),
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tree.root;
}
