// `npx tsx tests/tools/eval/shared-figures.ts`: for two reports of one ECB+ incident that state one
// figure alike (the pairs `npm run eval`'s article recall changes), whether the two claims stating it
// are linked as they stand and, if not, which rule kept them apart. A rule that keeps apart two reports
// of one figure is what stops real disagreements between outlets (issue 15).
import { join } from 'node:path';
import { extractArticle } from '../../../src/core';
import { compareDocuments } from '../../../src/services/compare';
import { readJsonl } from './common';
import type { EcbArticle } from './ecb-labelled';

const dataDir = process.env.CROSSCHECK_EVAL ?? join(import.meta.dirname, '../../../../shared/eval');
const docs = readJsonl<EcbArticle & { topic: number; subtopic: string }>(
  dataDir,
  'ecbplus/ecbplus_dev.jsonl',
);
const bySub = new Map<string, (typeof docs)[number][]>();
for (const d of docs)
  bySub.set(`${d.topic}/${d.subtopic}`, [...(bySub.get(`${d.topic}/${d.subtopic}`) ?? []), d]);
const tally = new Map<string, number>();
for (const list of bySub.values()) {
  for (let i = 0; i + 1 < list.length; i += 2) {
    const [da, db] = [list[i]!, list[i + 1]!];
    const ta = `${da.title}\n${da.text}`;
    const tb = `${db.title}\n${db.text}`;
    const qa = extractArticle(ta).claims.flatMap((c) => c.quantities.map((q) => ({ c, q })));
    const qb = extractArticle(tb).claims.flatMap((c) => c.quantities.map((q) => ({ c, q })));
    const ok = (q: { high: number; low: number; value: number; unitClass: string }) =>
      Number.isFinite(q.high) && !(q.low === 0 && q.value > 0) && q.value > 1 && q.unitClass;
    const hit = qb.find((x) => ok(x.q) && qa.some((y) => y.q.value === x.q.value && y.q.unit === x.q.unit));
    if (!hit) continue;
    const other = qa.find((y) => y.q.value === hit.q.value && y.q.unit === hit.q.unit)!;
    const out = compareDocuments(
      [
        { id: 'a', text: ta },
        { id: 'b', text: tb },
      ],
      { explain: true },
    );
    const claimB = out.claims?.find((c) => c.document === 'b' && c.text === hit.c.text);
    const entry = claimB?.compared?.find((x) => {
      const ca = out.claims?.find((c) => c.id === x.claim);
      return ca?.text === other.c.text;
    });
    const decided = entry ? (entry.linked ?? entry.decidedBy ?? '?') : 'not a candidate';
    tally.set(decided, (tally.get(decided) ?? 0) + 1);
    console.log(`[${decided}] ${da.doc_id} / ${db.doc_id}: "${other.q.text}" / "${hit.q.text}"`);
    console.log(`   A: ${other.c.text.slice(0, 200)}`);
    console.log(`   B: ${hit.c.text.slice(0, 200)}`);
    if (entry && !entry.linked) console.log(`   ${entry.verdict.slice(0, 300)}`);
  }
}
console.log(
  [...tally]
    .sort((x, y) => y[1] - x[1])
    .map(([k, n]) => `${n} ${k}`)
    .join('\n'),
);
