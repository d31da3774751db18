// The Worker's article finder: the core of Mozilla Readability's _grabArticle (Apache-2.0; its
// regular expressions and weights are Readability 0.6.0's), ported onto page-tree.ts so it runs
// over HTMLRewriter's events without a DOM. Node runs Readability itself; tests/web compares the
// two on the fixture pages. Its scoring is readability-score.ts, its cleaning readability-clean.ts.
// Left out: the retry with relaxed rules for pages under 500 characters, conditional cleaning of
// link-heavy lists and tables, and multi-page joining.
import { BLOCK_TAGS, BlockBuilder } from './blocks';
import { elements, innerText, type PageNode } from './page-tree';
import { clean, cleanConditionally } from './readability-clean';
import {
  descendants,
  EMPTY_REMOVABLE,
  hasAncestor,
  hasChildBlock,
  initialScore,
  isPhrasing,
  isWhitespace,
  linkDensity,
  RE,
  remove,
  similarity,
  TO_SCORE,
  text,
  UNLIKELY_ROLES,
  visible,
} from './readability-score';

export interface GrabOptions {
  /** The title Readability compares headings with (metadata title, else the cleaned <title>). */
  title: string;
  /** The page's metadata names an author: then no byline element is removed. */
  bylineKnown: boolean;
}

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
