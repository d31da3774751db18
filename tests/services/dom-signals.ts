// The metadata signals as a DOM gives them (querySelector over linkedom, what Node read before its
// streaming pass, page-prepass.ts): the reference the pass is tested against.
import { parseHTML } from 'linkedom';
import type { PageSignals } from '../../src/web/metadata';

export function domSignals(html: string): PageSignals {
  const { document } = parseHTML(html);
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
