// `npx tsx tests/tools/eval/pair-why.ts <docA> <docB> <figure A> [figure B]`: the why-not trail of the
// claims of two ECB+ articles that hold these figures, as POST /api/compare with "explain" gives it.
import { join } from 'node:path';
import { compareDocuments } from '../../../src/services/compare';
import { readJsonl } from './common';
import { articleText, type EcbArticle } from './ecb-labelled';

const dataDir = process.env.CROSSCHECK_EVAL ?? join(import.meta.dirname, '../../../../shared/eval');
const docs = new Map(readJsonl<EcbArticle>(dataDir, 'ecbplus/ecbplus_dev.jsonl').map((d) => [d.doc_id, d]));
const [docA, docB, figA, figB] = process.argv.slice(2) as [string, string, string, string | undefined];
const out = compareDocuments(
  [
    { id: docA, text: articleText(docs.get(docA)!) },
    { id: docB, text: articleText(docs.get(docB)!) },
  ],
  { explain: true },
);
for (const c of out.claims ?? []) {
  if (!c.quantities?.some((q: { text: string }) => q.text.includes(figA))) continue;
  console.log(`${c.document}: ${c.text}`);
  for (const x of c.compared ?? []) {
    if (figB && !JSON.stringify(x).includes(figB)) continue;
    console.log(`  ${JSON.stringify(x).slice(0, 4000)}`);
  }
}
