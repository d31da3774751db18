import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { readabilityExtract } from './src/web/readability-extract';
import { grabArticle, grabOptions } from './src/web/grab-article';
import { TreeBuilder } from './src/web/page-tree';
for (const f of ['harbour-jsonld', 'budget-meta', 'wire-graph']) {
  const html = readFileSync(`tests/fixtures/web/${f}.html`, 'utf8');
  const e = await readabilityExtract(html);
  const tb = new TreeBuilder();
  let attrs: Record<string,string> = {};
  const p = new Parser({ onopentag(name, a) { tb.open(name, (k) => a[k] ?? null); }, onclosetag(name) { if (!['br','img','meta','link','input','hr'].includes(name)) tb.close(name); }, ontext(t) { tb.text(t); } }, { decodeEntities: true, lowerCaseTags: true });
  p.write(html); p.end();
  const g = grabArticle(tb.root, grabOptions(e.signals));
  console.log('==', f, JSON.stringify(e.blocks) === JSON.stringify(g));
  const n = Math.max(e.blocks.length, g.length);
  for (let i = 0; i < n; i++) if (e.blocks[i] !== g[i]) console.log('  R|', e.blocks[i], '\n  G|', g[i]);
}
