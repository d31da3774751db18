// `npm run eval:copies`: how well src/core/wire-copies.ts tells wire copies on real reprints. Every
// pair of ECB+ dev documents (509 reports of 24 incidents by many outlets) is scored; the pairs whose
// exact 5-shingle containment is 0.3 or more were labelled by hand (tests/eval-data/wire-copies-labelled.jsonl:
// "copy" when one text is an edit of the other or of one wire story, else "not-copy"); every other
// pair counts as not a copy. Prints precision and recall of "copy" at several thresholds and the
// labelled pairs the chosen one misses or takes wrongly.
//   --data DIR  the eval folder (default ../shared/eval)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copySignature, isWireCopy, MIN_CONTAINMENT, resemblance } from '../../../src/core/wire-copies';
import { readJsonl } from './common';

const args = process.argv.slice(2);
const i = args.indexOf('--data');
const dataDir = resolve(
  i >= 0 && args[i + 1]
    ? args[i + 1]!
    : (process.env.CROSSCHECK_EVAL ?? join(import.meta.dirname, '../../../../shared/eval')),
);

interface EcbDoc {
  doc_id: string;
  title: string;
  text: string;
}
interface Label {
  a: string;
  b: string;
  label: 'copy' | 'not-copy';
  note: string;
}

const docs = readJsonl<EcbDoc>(dataDir, 'ecbplus/ecbplus_dev.jsonl');
const labels = readFileSync(join(import.meta.dirname, '../../eval-data/wire-copies-labelled.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Label);
const copies = new Set(labels.filter((l) => l.label === 'copy').map((l) => `${l.a}/${l.b}`));

// ECB+ gives the first sentence as "title"; it is the article's lede, so it is part of the body here.
const started = performance.now();
const sigs = docs.map((d) => copySignature(`${d.title}\n${d.text}`));
const signMs = performance.now() - started;

const thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
const counts = thresholds.map(() => ({ tp: 0, fp: 0, fn: 0 }));
const missed: string[] = [];
const wrong: string[] = [];
let pairs = 0;
for (let x = 0; x < docs.length; x++)
  for (let y = x + 1; y < docs.length; y++) {
    pairs++;
    const key = `${docs[x]!.doc_id}/${docs[y]!.doc_id}`;
    const truth = copies.has(key);
    for (const [k, t] of thresholds.entries()) {
      const said = isWireCopy(sigs[x]!, sigs[y]!, t);
      if (said && truth) counts[k]!.tp++;
      else if (said) counts[k]!.fp++;
      else if (truth) counts[k]!.fn++;
    }
    const said = isWireCopy(sigs[x]!, sigs[y]!);
    const c = resemblance(sigs[x]!, sigs[y]!).containment.toFixed(2);
    if (truth && !said) missed.push(`${key} (estimated containment ${c})`);
    if (!truth && said) wrong.push(`${key} (estimated containment ${c})`);
  }

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
console.log(`ECB+ dev: ${docs.length} documents, ${pairs} pairs, ${copies.size} labelled copies`);
console.log(`signatures: ${signMs.toFixed(0)} ms for ${docs.length} documents\n`);
console.log('containment ≥  precision        recall');
for (const [k, t] of thresholds.entries()) {
  const { tp, fp, fn } = counts[k]!;
  const mark = t === MIN_CONTAINMENT ? '  ← MIN_CONTAINMENT' : '';
  console.log(
    `${t.toFixed(1).padStart(13)}  ${`${tp}/${tp + fp} ${pct(tp, tp + fp)}`.padEnd(16)} ${tp}/${tp + fn} ${pct(tp, tp + fn)}${mark}`,
  );
}
console.log(`\nmissed at ${MIN_CONTAINMENT}: ${missed.join(', ') || 'none'}`);
console.log(`taken wrongly at ${MIN_CONTAINMENT}: ${wrong.join(', ') || 'none'}`);
