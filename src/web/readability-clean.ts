// Readability's cleaning of the chosen article (_prepArticle and _cleanConditionally, in part, with
// Readability 0.6.0's thresholds): footers, asides, share widgets, chrome headings, and blocks that are
// mostly links or look empty go.
import { elements, innerText, type PageNode } from './page-tree';
import {
  classWeight,
  DIV_TO_P,
  descendants,
  hasAncestor,
  linkDensity,
  RE,
  remove,
  text,
} from './readability-score';

/** _prepArticle, in part: footers, asides and small share widgets go; so do headings that look like chrome. */
export function clean(node: PageNode): void {
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

export const AD_WORDS = /^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$/iu;
export const LOADING_WORDS = /^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$/iu;
export const TEXTISH = new Set(['span', 'li', 'td', ...DIV_TO_P]);

export function textDensity(n: PageNode, tags: Set<string>): number {
  const length = text(n).length;
  if (!length) return 0;
  let inside = 0;
  for (const d of descendants(n)) if (tags.has(d.tag)) inside += text(d).length;
  return inside / length;
}

export const count = (n: PageNode, tag: string) => [...descendants(n, tag)].length;

/** Readability's _cleanConditionally (no data tables or embeds here): link-heavy or empty-looking blocks go. */
export function cleanConditionally(root: PageNode, tag: string): void {
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
