// The Worker's article finder: the core of Mozilla Readability's _grabArticle (Apache-2.0; its
// regular expressions and weights are Readability 0.6.0's), ported onto page-tree.ts so it runs
// over HTMLRewriter's events without a DOM. Node runs Readability itself; tests/web compares the
// two on the fixture pages. Left out: the retry with relaxed rules for pages under 500 characters,
// conditional cleaning of link-heavy lists and tables, and multi-page joining.
import { BLOCK_TAGS, BlockBuilder } from './blocks';
import { elements, innerText, type PageNode } from './page-tree';

const RE = {
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
const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
]);
const TO_SCORE = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre']);
const DIV_TO_P = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
const PHRASING = new Set([
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
const EMPTY_REMOVABLE = new Set(['div', 'section', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export interface GrabOptions {
  /** The title Readability compares headings with (metadata title, else the cleaned <title>). */
  title: string;
  /** The page's metadata names an author: then no byline element is removed. */
  bylineKnown: boolean;
}

const text = (n: PageNode | string) =>
  innerText(n)
    .trim()
    .replace(/\s{2,}/g, ' ');

function remove(node: PageNode): void {
  const siblings = node.parent?.children;
  if (siblings) siblings.splice(siblings.indexOf(node), 1);
  node.parent = null;
}

function* descendants(node: PageNode, tag?: string): Generator<PageNode> {
  for (const c of elements(node)) {
    if (!tag || c.tag === tag) yield c;
    yield* descendants(c, tag);
  }
}

function hasAncestor(node: PageNode, tag: string, maxDepth = 3): boolean {
  let depth = 0;
  for (let p = node.parent; p; p = p.parent) {
    if (maxDepth > 0 && depth > maxDepth) return false;
    if (p.tag === tag) return true;
    depth++;
  }
  return false;
}

function visible(n: PageNode): boolean {
  const style = (n.attrs.style ?? '').replace(/\s/g, '').toLowerCase();
  if (style.includes('display:none') || style.includes('visibility:hidden')) return false;
  if ('hidden' in n.attrs) return false;
  return n.attrs['aria-hidden'] !== 'true' || n.className.includes('fallback-image');
}

function classWeight(n: PageNode): number {
  let w = 0;
  for (const v of [n.className, n.attrs.id]) {
    if (!v) continue;
    if (RE.negative.test(v)) w -= 25;
    if (RE.positive.test(v)) w += 25;
  }
  return w;
}

function initialScore(n: PageNode): number {
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

function linkDensity(n: PageNode): number {
  const length = text(n).length;
  if (!length) return 0;
  let links = 0;
  for (const a of descendants(n, 'a'))
    links += text(a).length * ((a.attrs.href ?? '').startsWith('#') ? 0.3 : 1);
  return links / length;
}

/** Readability's _textSimilarity: how much of b's words a covers (0–1). */
function similarity(a: string, b: string): number {
  const tokens = (s: string) => s.toLowerCase().split(/\W+/).filter(Boolean);
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.length || !tb.length) return 0;
  const uniqueB = tb.filter((t) => !ta.includes(t));
  return 1 - uniqueB.join(' ').length / tb.join(' ').length;
}

const isWhitespace = (c: PageNode | string) => (typeof c === 'string' ? !c.trim() : c.tag === 'br');
function isPhrasing(c: PageNode | string): boolean {
  if (typeof c === 'string') return true;
  if (PHRASING.has(c.tag)) return true;
  return (c.tag === 'a' || c.tag === 'del' || c.tag === 'ins') && c.children.every(isPhrasing);
}
const hasChildBlock = (n: PageNode): boolean =>
  elements(n).some((c) => DIV_TO_P.has(c.tag) || hasChildBlock(c));

/** Readability's title guess from <title>: the part before the last " | ", " - ", " » "... separator. */
export function cleanTitle(raw: string): string {
  const orig = raw.replace(/\s+/g, ' ').trim();
  let title = orig;
  if (/ [|\-\\/>»] /.test(orig)) {
    title = orig.replace(/(.*)[|\-\\/>»] .*/gi, '$1');
    if (title.split(/\s+/).length < 3) title = orig.replace(/[^|\-\\/>»]*[|\-\\/>»](.*)/gi, '$1');
  }
  return title.trim();
}

/** The article's blocks of text from the tree of a whole page (which this mutates). */
export function grabArticle(root: PageNode, opts: GrabOptions): string[] {
  const body = [...descendants(root, 'body')][0] ?? root;
  const toScore: PageNode[] = [];
  let bylineTaken = opts.bylineKnown;
  let titleHeaderTaken = false;

  const prep = (node: PageNode): void => {
    for (const child of [...elements(node)]) {
      if (!visible(child) || (child.attrs['aria-modal'] === 'true' && child.attrs.role === 'dialog')) {
        remove(child);
        continue;
      }
      const t = () => innerText(child).trim();
      if (
        !bylineTaken &&
        (child.attrs.rel === 'author' ||
          (child.attrs.itemprop ?? '').includes('author') ||
          RE.byline.test(child.match)) &&
        t().length > 0 &&
        t().length < 100
      ) {
        bylineTaken = true;
        remove(child);
        continue;
      }
      if (
        !titleHeaderTaken &&
        (child.tag === 'h1' || child.tag === 'h2') &&
        similarity(opts.title, text(child)) > 0.75
      ) {
        titleHeaderTaken = true;
        remove(child);
        continue;
      }
      if (
        RE.unlikely.test(child.match) &&
        !RE.maybe.test(child.match) &&
        !hasAncestor(child, 'table') &&
        !hasAncestor(child, 'code') &&
        child.tag !== 'body' &&
        child.tag !== 'a'
      ) {
        remove(child);
        continue;
      }
      if (UNLIKELY_ROLES.has(child.attrs.role ?? '')) {
        remove(child);
        continue;
      }
      if (
        EMPTY_REMOVABLE.has(child.tag) &&
        !t() &&
        elements(child).every((c) => c.tag === 'br' || c.tag === 'hr')
      ) {
        remove(child);
        continue;
      }
      let node = child;
      if (TO_SCORE.has(node.tag)) toScore.push(node);
      if (node.tag === 'div') {
        wrapPhrasing(node);
        const kids = elements(node);
        const onlyP =
          kids.length === 1 &&
          kids[0]!.tag === 'p' &&
          node.children.every((c) => c === kids[0] || isWhitespace(c));
        if (onlyP && linkDensity(node) < 0.25) {
          const p = kids[0]!;
          const siblings = node.parent!.children;
          siblings[siblings.indexOf(node)] = p;
          p.parent = node.parent;
          node = p;
          toScore.push(node);
        } else if (!hasChildBlock(node)) {
          node.tag = 'p';
          toScore.push(node);
        }
      }
      prep(node);
    }
  };
  prep(body.parent ?? body);

  const candidates: PageNode[] = [];
  for (const el of toScore) {
    if (!el.parent) continue;
    const inner = text(el);
    if (inner.length < 25) continue;
    const ancestors: PageNode[] = [];
    for (let p: PageNode | null = el.parent; p && ancestors.length < 5; p = p.parent) ancestors.push(p);
    const score = 1 + inner.split(RE.commas).length + Math.min(Math.floor(inner.length / 100), 3);
    ancestors.forEach((a, level) => {
      if (!a.parent) return;
      if (a.score === undefined) {
        a.score = initialScore(a);
        candidates.push(a);
      }
      a.score += score / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    });
  }
  const top: PageNode[] = [];
  for (const c of candidates) {
    c.score = c.score! * (1 - linkDensity(c));
    const at = top.findIndex((t) => c.score! > t.score!);
    if (at === -1) top.push(c);
    else top.splice(at, 0, c);
  }
  top.length = Math.min(top.length, 5);

  let best = top[0];
  if (!best || best.tag === 'body') return collect([body]);
  const alternatives = top
    .slice(1)
    .filter((t) => t.score! / best!.score! >= 0.75)
    .map(ancestorsOf);
  if (alternatives.length >= 3) {
    for (let p = best.parent; p && p.tag !== 'body'; p = p.parent) {
      if (alternatives.filter((list) => list.includes(p!)).length >= 3) {
        best = p;
        break;
      }
    }
  }
  best.score ??= initialScore(best);
  let lastScore = best.score;
  const threshold = lastScore / 3;
  for (let p = best.parent; p && p.tag !== 'body'; p = p.parent) {
    if (p.score === undefined) continue;
    if (p.score < threshold) break;
    if (p.score > lastScore) {
      best = p;
      break;
    }
    lastScore = p.score;
  }
  while (best.parent && best.parent.tag !== 'body' && elements(best.parent).length === 1) best = best.parent;
  best.score ??= initialScore(best);

  const siblingThreshold = Math.max(10, best.score * 0.2);
  const content: PageNode[] = [];
  for (const s of elements(best.parent ?? body)) {
    if (s === best) {
      content.push(s);
      continue;
    }
    const bonus = s.className === best.className && best.className !== '' ? best.score * 0.2 : 0;
    if (s.score !== undefined && s.score + bonus >= siblingThreshold) content.push(s);
    else if (s.tag === 'p') {
      const density = linkDensity(s);
      const len = text(s).length;
      if ((len > 80 && density < 0.25) || (len < 80 && len > 0 && density === 0 && /\.( |$)/.test(text(s))))
        content.push(s);
    }
  }
  for (const c of content) clean(c);
  const wrapper: PageNode = {
    tag: 'div',
    match: ' ',
    className: '',
    attrs: {},
    parent: null,
    children: content,
  };
  for (const tag of ['table', 'ul', 'div']) cleanConditionally(wrapper, tag);
  return collect(wrapper.children.filter((c): c is PageNode => typeof c !== 'string'));
}

function ancestorsOf(n: PageNode): PageNode[] {
  const out: PageNode[] = [];
  for (let p = n.parent; p; p = p.parent) out.push(p);
  return out;
}

/** Readability's div handling: runs of phrasing content become paragraphs of their own. */
function wrapPhrasing(div: PageNode): void {
  const out: (PageNode | string)[] = [];
  let p: PageNode | null = null;
  for (const c of div.children) {
    if (isPhrasing(c)) {
      if (p) p.children.push(c);
      else if (!isWhitespace(c)) {
        p = { tag: 'p', match: ' ', className: '', attrs: {}, parent: div, children: [c] };
        out.push(p);
      } else out.push(c);
      if (typeof c !== 'string' && p) c.parent = p;
    } else {
      p = null;
      out.push(c);
    }
  }
  div.children = out;
}

/** _prepArticle, in part: footers, asides and small share widgets go; so do headings that look like chrome. */
function clean(node: PageNode): void {
  for (const c of [...elements(node)]) {
    if (
      c.tag === 'footer' ||
      c.tag === 'aside' ||
      c.tag === 'object' ||
      c.tag === 'embed' ||
      c.tag === 'link'
    )
      remove(c);
    else if (RE.share.test(c.match) && innerText(c).length < 500) remove(c);
    else if ((c.tag === 'h1' || c.tag === 'h2') && classWeight(c) < 0) remove(c);
    else clean(c);
  }
}

const AD_WORDS = /^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$/iu;
const LOADING_WORDS = /^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$/iu;
const TEXTISH = new Set(['span', 'li', 'td', ...DIV_TO_P]);

function textDensity(n: PageNode, tags: Set<string>): number {
  const length = text(n).length;
  if (!length) return 0;
  let inside = 0;
  for (const d of descendants(n)) if (tags.has(d.tag)) inside += text(d).length;
  return inside / length;
}

const count = (n: PageNode, tag: string) => [...descendants(n, tag)].length;

/** Readability's _cleanConditionally (no data tables or embeds here): link-heavy or empty-looking blocks go. */
function cleanConditionally(root: PageNode, tag: string): void {
  for (const node of [...descendants(root, tag)].reverse()) {
    if (!node.parent || hasAncestor(node, 'code')) continue;
    let isList = tag === 'ul' || tag === 'ol';
    if (!isList) {
      let listLength = 0;
      for (const d of descendants(node)) if (d.tag === 'ul' || d.tag === 'ol') listLength += text(d).length;
      isList = listLength / text(node).length > 0.9;
    }
    const weight = classWeight(node);
    let drop = weight < 0;
    const inner = text(node);
    if (!drop && inner.split(',').length - 1 < 10) {
      const p = count(node, 'p');
      const img = count(node, 'img');
      const li = count(node, 'li') - 100;
      const input = count(node, 'input');
      const headings = textDensity(node, new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']));
      const figure = hasAncestor(node, 'figure');
      const density = linkDensity(node);
      if (AD_WORDS.test(inner) || LOADING_WORDS.test(inner)) drop = true;
      else
        drop =
          (!figure && img > 1 && p / img < 0.5) ||
          (!isList && li > p) ||
          input > Math.floor(p / 3) ||
          (!isList &&
            !figure &&
            headings < 0.9 &&
            inner.length < 25 &&
            (img === 0 || img > 2) &&
            density > 0) ||
          (!isList && weight < 25 && density > 0.2) ||
          (weight >= 25 && density > 0.5) ||
          (img === 0 && textDensity(node, TEXTISH) === 0);
      if (drop && isList) {
        if (elements(node).some((c) => elements(c).length > 1)) drop = true;
        else if (img === count(node, 'li')) drop = false;
      }
    }
    if (drop) remove(node);
  }
}

/** The blocks of the chosen elements, as blocks.ts's htmlBlocks reads Readability's output. */
function collect(nodes: PageNode[]): string[] {
  const out = new BlockBuilder();
  const walk = (n: PageNode | string) => {
    if (typeof n === 'string') return out.text(n);
    const block = BLOCK_TAGS.has(n.tag);
    if (block) out.boundary();
    for (const c of n.children) walk(c);
    if (block) out.boundary();
  };
  for (const n of nodes) walk(n);
  out.boundary();
  return out.blocks;
}

/** What Readability reads from the page's metadata before it looks for the article (JSON-LD off). */
export function grabOptions(signals: {
  metas: { key: string; content: string }[];
  title?: string;
}): GrabOptions {
  const meta = (k: string) => signals.metas.find((m) => m.key === k)?.content.trim() || undefined;
  const title =
    meta('dc:title') ??
    meta('dcterm:title') ??
    meta('og:title') ??
    meta('title') ??
    meta('twitter:title') ??
    meta('parsely-title');
  const articleAuthor = meta('article:author');
  const bylineKnown = !!(
    meta('dc:creator') ??
    meta('dcterm:creator') ??
    meta('author') ??
    meta('parsely-author') ??
    (articleAuthor && !/^https?:\/\//.test(articleAuthor) ? articleAuthor : undefined)
  );
  return { title: title ?? cleanTitle(signals.title ?? ''), bylineKnown };
}
