// `npx tsx tests/tools/eval/pair-terms.ts <labelled id>…`: the two claims of a hand-labelled ECB+ pair
// with their own terms and the names, people and times around them: what the subject rules read.
import { join } from 'node:path';
import { readJsonl } from './common';
import { articleText, type EcbArticle, readLabelled } from './ecb-labelled';
import { claimAt, readPair } from './why';

const dataDir = process.env.CROSSCHECK_EVAL ?? join(import.meta.dirname, '../../../../shared/eval');
const docs = new Map(readJsonl<EcbArticle>(dataDir, 'ecbplus/ecbplus_dev.jsonl').map((d) => [d.doc_id, d]));
const wanted = new Set(process.argv.slice(2));
for (const pair of readLabelled()) {
  if (!wanted.has(pair.id)) continue;
  const p = readPair(articleText(docs.get(pair.docA)!), articleText(docs.get(pair.docB)!));
  console.log(`# ${pair.id} (${pair.label}: ${pair.reason})`);
  for (const [side, at] of [
    [0, pair.startA],
    [1, pair.startB],
  ] as const) {
    const c = claimAt(p, side, at);
    if (!c) continue;
    console.log(`  ${side ? 'B' : 'A'}: ${c.text}`);
    console.log(`     terms: ${c.terms.join(' ')}`);
    const ctx = c.contextTerms.filter((t) => !/^[a-z]+$/.test(t));
    console.log(`     context: ${ctx.join(' ')}`);
  }
}
