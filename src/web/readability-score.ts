// Readability's scoring of page-tree nodes (Readability 0.6.0's regular expressions and weights,
// Apache-2.0): which elements are unlikely, what a node's class and tag are worth, how much of its
// text is links, and the tree walks grab-article.ts and readability-clean.ts share.
import { elements, innerText, type PageNode } from './page-tree';

export const RE = {
  unlikely:
    /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i,
  maybe: /and|article|body|column|content|main|shadow/i,
  positive: /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i,
  negative:
    /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i,
  byline: /byline|author|dateline|writtenby|p-author/i,
  share: /(\b|_)(share|sharedaddy)(\b|_)/i,
  commas: /\u002C|\u060C|\uFE50|\uFE10|\uFE11|\u2E41|\u2E34|\u2E32|\uFF0C/g,
};
export const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
]);
export const TO_SCORE = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre']);
export const DIV_TO_P = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
export const PHRASING = new Set([
  'abbr',
  'audio',
  'b',
  'bdo',
  'br',
  'button',
  'cite',
  'code',
  'data',
  'datalist',
  'dfn',
  'em',
  'embed',
  'i',
  'img',
  'input',
  'kbd',
  'label',
  'mark',
  'math',
  'meter',
  'noscript',
  'object',
  'output',
  'progress',
  'q',
  'ruby',
  'samp',
  'script',
  'select',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'textarea',
  'time',
  'var',
  'wbr',
]);
export const EMPTY_REMOVABLE = new Set(['div', 'section', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export const text = (n: PageNode | string) =>
  innerText(n)
    .trim()
    .replace(/\s{2,}/g, ' ');

export function remove(node: PageNode): void {
  const siblings = node.parent?.children;
  if (siblings) siblings.splice(siblings.indexOf(node), 1);
  node.parent = null;
}

export function* descendants(node: PageNode, tag?: string): Generator<PageNode> {
  for (const c of elements(node)) {
    if (!tag || c.tag === tag) yield c;
    yield* descendants(c, tag);
  }
}

export function hasAncestor(node: PageNode, tag: string, maxDepth = 3): boolean {
  let depth = 0;
  for (let p = node.parent; p; p = p.parent) {
    if (maxDepth > 0 && depth > maxDepth) return false;
    if (p.tag === tag) return true;
    depth++;
  }
  return false;
}

export function visible(n: PageNode): boolean {
  const style = (n.attrs.style ?? '').replace(/\s/g, '').toLowerCase();
  if (style.includes('display:none') || style.includes('visibility:hidden')) return false;
  if ('hidden' in n.attrs) return false;
  return n.attrs['aria-hidden'] !== 'true' || n.className.includes('fallback-image');
}

export function classWeight(n: PageNode): number {
  let w = 0;
  for (const v of [n.className, n.attrs.id]) {
    if (!v) continue;
    if (RE.negative.test(v)) w -= 25;
    if (RE.positive.test(v)) w += 25;
  }
  return w;
}

export function initialScore(n: PageNode): number {
  const base: Record<string, number> = {
    div: 5,
    pre: 3,
    td: 3,
    blockquote: 3,
    address: -3,
    ol: -3,
    ul: -3,
    dl: -3,
    dd: -3,
    dt: -3,
    li: -3,
    form: -3,
    h1: -5,
    h2: -5,
    h3: -5,
    h4: -5,
    h5: -5,
    h6: -5,
    th: -5,
  };
  return (base[n.tag] ?? 0) + classWeight(n);
}

export function linkDensity(n: PageNode): number {
  const length = text(n).length;
  if (!length) return 0;
  let links = 0;
  for (const a of descendants(n, 'a'))
    links += text(a).length * ((a.attrs.href ?? '').startsWith('#') ? 0.3 : 1);
  return links / length;
}

/** Readability's _textSimilarity: how much of b's words a covers (0–1). */
export function similarity(a: string, b: string): number {
  const tokens = (s: string) => s.toLowerCase().split(/\W+/).filter(Boolean);
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.length || !tb.length) return 0;
  const uniqueB = tb.filter((t) => !ta.includes(t));
  return 1 - uniqueB.join(' ').length / tb.join(' ').length;
}

export const isWhitespace = (c: PageNode | string) => (typeof c === 'string' ? !c.trim() : c.tag === 'br');
export function isPhrasing(c: PageNode | string): boolean {
  if (typeof c === 'string') return true;
  if (PHRASING.has(c.tag)) return true;
  return (c.tag === 'a' || c.tag === 'del' || c.tag === 'ins') && c.children.every(isPhrasing);
}
export const hasChildBlock = (n: PageNode): boolean =>
  elements(n).some((c) => DIV_TO_P.has(c.tag) || hasChildBlock(c));
