// A minimal element tree of a page's body, built from parser events (HTMLRewriter on Workers,
// htmlparser2 in tests), for grab-article.ts to score. Script, style and form controls never enter it.
import { SKIP_TAGS } from './blocks';

export interface PageNode {
  tag: string;
  /** class + " " + id, as Readability matches them. */
  match: string;
  className: string;
  attrs: Record<string, string>;
  parent: PageNode | null;
  children: (PageNode | string)[];
  score?: number;
}

/** Attributes the scoring reads; the rest are not kept. */
const KEPT = [
  'class',
  'id',
  'role',
  'style',
  'hidden',
  'aria-hidden',
  'aria-modal',
  'rel',
  'itemprop',
  'href',
];

export const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'div',
  'dl',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);

export class TreeBuilder {
  readonly root: PageNode = { tag: 'html', match: ' ', className: '', attrs: {}, parent: null, children: [] };
  private current = this.root;
  private skipping = 0;

  open(tag: string, getAttr: (name: string) => string | null): void {
    if (this.skipping > 0 || SKIP_TAGS.has(tag) || tag === 'head') {
      if (!VOID_TAGS.has(tag)) this.skipping++;
      return;
    }
    // What an HTML parser closes implicitly (an event stream without a tree does not say).
    if (this.current.tag === 'p' && CLOSES_P.has(tag)) this.close('p');
    if (tag === 'li' && this.current.tag === 'li') this.close('li');
    const attrs: Record<string, string> = {};
    for (const k of KEPT) {
      const v = getAttr(k);
      if (v !== null) attrs[k] = v;
    }
    const className = attrs.class ?? '';
    const node: PageNode = {
      tag,
      match: `${className} ${attrs.id ?? ''}`,
      className,
      attrs,
      parent: this.current,
      children: [],
    };
    this.current.children.push(node);
    if (!VOID_TAGS.has(tag)) this.current = node;
  }

  close(tag: string): void {
    if (this.skipping > 0) {
      this.skipping--;
      return;
    }
    // Close up to the matching element (an unclosed <p> or <li> is closed with its parent).
    for (let n: PageNode | null = this.current; n && n !== this.root; n = n.parent) {
      if (n.tag === tag) {
        this.current = n.parent ?? this.root;
        return;
      }
    }
  }

  text(chunk: string): void {
    if (this.skipping > 0 || !chunk) return;
    const kids = this.current.children;
    const last = kids.length - 1;
    if (typeof kids[last] === 'string') kids[last] += chunk;
    else kids.push(chunk);
  }
}

export function innerText(node: PageNode | string): string {
  if (typeof node === 'string') return node;
  let out = '';
  for (const c of node.children) out += innerText(c);
  return out;
}

export const elements = (node: PageNode) => node.children.filter((c): c is PageNode => typeof c !== 'string');
