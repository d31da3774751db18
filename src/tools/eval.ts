// `npm run eval`: conflict detection measured on externally labelled text, through the same code path
// as POST /api/compare. Prints a scorecard and writes a JSON copy.
//   --data DIR   the eval folder (default ../shared/eval)   --quick   a small subset, for CI
//   --json FILE  where to write the JSON copy (default data/eval.json)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../core';
import { type CompareDocument, compareDocuments } from '../services/compare';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const quick = args.includes('--quick');
const dataDir = resolve(
  opt('--data', process.env.CROSSCHECK_EVAL ?? join(import.meta.dirname, '../../../shared/eval')),
);
const jsonOut = resolve(opt('--json', 'data/eval.json'));

const readJsonl = <T>(file: string): T[] =>
  readFileSync(join(dataDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

const conflictsBetween = (docs: CompareDocument[]) =>
  compareDocuments(docs).links.filter((l) => l.relation === 'conflict');
const docOf = (claimId: string) => claimId.slice(0, claimId.lastIndexOf(':'));

// EQUATE: entailed pairs agree by construction, so any conflict flagged between them is a false alarm.
interface EquatePair {
  id: string;
  premise: string;
  hypothesis: string;
  label: string;
}
function equate() {
  let pairs = readJsonl<EquatePair>('equate/equate_dev.jsonl');
  if (quick) pairs = pairs.filter((_, i) => i % 5 === 0);
  const byLabel: Record<string, { pairs: number; flagged: number }> = {};
  const falseAlarms: { id: string; premise: string; hypothesis: string; why: string }[] = [];
  for (const p of pairs) {
    const links = conflictsBetween([
      { id: 'premise', text: p.premise },
      { id: 'hypothesis', text: p.hypothesis },
    ]).filter((l) => docOf(l.a) !== docOf(l.b));
    byLabel[p.label] ??= { pairs: 0, flagged: 0 };
    const row = byLabel[p.label]!;
    row.pairs++;
    if (links.length > 0) {
      row.flagged++;
      if (p.label === 'entailment')
        falseAlarms.push({
          id: p.id,
          premise: p.premise,
          hypothesis: p.hypothesis,
          why: links[0]!.explanation.summary,
        });
    }
  }
  const ent = byLabel.entailment ?? { pairs: 0, flagged: 0 };
  return {
    pairs: pairs.length,
    byLabel,
    falseAlarmRate: ent.pairs ? ent.flagged / ent.pairs : 0,
    falseAlarms,
  };
}

// ECB+: two different incidents per topic. Conflicts across them are false matches by construction.
interface EcbDoc {
  doc_id: string;
  topic: number;
  subtopic: string;
  title: string;
  text: string;
}
function ecbplus(docs: EcbDoc[]) {
  const topics = new Map<number, EcbDoc[]>();
  for (const d of docs) topics.set(d.topic, [...(topics.get(d.topic) ?? []), d]);
  let crossPairs = 0;
  let crossConflicts = 0;
  const within: { topic: number; a: string; b: string; why: string }[] = [];
  const cross: { topic: number; a: string; b: string; why: string }[] = [];
  for (const [topic, list] of topics) {
    const subset = quick ? list.filter((_, i) => i % 3 === 0) : list;
    const sub = new Map(subset.map((d) => [d.doc_id, d.subtopic]));
    const counts = new Map<string, number>();
    for (const d of subset) counts.set(d.subtopic, (counts.get(d.subtopic) ?? 0) + 1);
    const [n1 = 0, n2 = 0] = [...counts.values()];
    crossPairs += n1 * n2;
    const links = conflictsBetween(subset.map((d) => ({ id: d.doc_id, text: `${d.title}\n${d.text}` })));
    const byId = new Map(subset.map((d) => [d.doc_id, d]));
    for (const l of links) {
      const da = docOf(l.a);
      const db = docOf(l.b);
      if (da === db) continue;
      const entry = {
        topic,
        a: `${da}: ${l.explanation.a?.text}`,
        b: `${db}: ${l.explanation.b?.text}`,
        why: l.explanation.summary,
      };
      if (sub.get(da) !== sub.get(db)) {
        crossConflicts++;
        cross.push(entry);
      } else if (byId.has(da)) within.push(entry);
    }
  }
  return {
    topics: topics.size,
    crossPairs,
    crossConflicts,
    crossPer100Pairs: crossPairs ? (100 * crossConflicts) / crossPairs : 0,
    withinConflicts: within.length,
    within,
    cross,
  };
}

function seedCase() {
  const seeds = join(import.meta.dirname, '../../seeds');
  const manifest = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8')) as {
    file: string;
    outlet: string;
  }[];
  const result = compareDocuments(
    manifest.map((m, i) => ({
      id: String.fromCharCode(97 + i),
      source: m.outlet,
      text: readFileSync(join(seeds, m.file), 'utf8'),
    })),
  );
  const claimText = new Map(result.claims.map((c) => [c.id, c.text]));
  const describe = (l: (typeof result.links)[number]) =>
    `${l.relation}: ${l.explanation.a?.text} ↔ ${l.explanation.b?.text} (${l.severity})`;
  const has = (relation: string, x: RegExp, y: RegExp) =>
    result.links.some(
      (l) =>
        l.relation === relation &&
        ((x.test(claimText.get(l.a) ?? '') && y.test(claimText.get(l.b) ?? '')) ||
          (y.test(claimText.get(l.a) ?? '') && x.test(claimText.get(l.b) ?? ''))),
    );
  return {
    links: result.links.map(describe),
    conflict57vs50: has('conflict', /57 countries/, /some 50 partners/),
    quoteAgreesWithDod: has('corroboration', /about 50 countries/, /some 50 partners/),
    quoteConflictsWithOwn57: has('conflict', /about 50 countries/, /57 countries/),
  };
}

function throughput(docs: EcbDoc[]) {
  const texts = docs.map((d) => d.text);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const runs: number[] = [];
  for (let r = 0; r < (quick ? 3 : 7); r++) {
    const t0 = performance.now();
    for (const t of texts) extractArticle(t);
    runs.push((performance.now() - t0) / 1000);
  }
  runs.sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)]!;
  // A 1,000-word article: the per-ingest extraction cost on the Workers CPU budget.
  const words = texts.join(' ').split(/\s+/);
  const article = words.slice(0, 1000).join(' ');
  const per: number[] = [];
  for (let r = 0; r < 31; r++) {
    const t0 = performance.now();
    extractArticle(article);
    per.push(performance.now() - t0);
  }
  per.sort((a, b) => a - b);
  return { megabytes: bytes / 1e6, mbPerSecond: bytes / 1e6 / median, extract1000WordsMs: per[15]! };
}

const ecbDocs = readJsonl<EcbDoc>('ecbplus/ecbplus_dev.jsonl');
const started = performance.now();
const report = {
  measuredAt: new Date().toISOString(),
  quick,
  equate: equate(),
  ecbplus: ecbplus(ecbDocs),
  seed: seedCase(),
  throughput: throughput(ecbDocs),
  seconds: 0,
};
report.seconds = (performance.now() - started) / 1000;

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const e = report.equate;
const lines = [
  `crosscheck eval (${quick ? 'quick subset' : 'full'}, ${report.measuredAt.slice(0, 10)})`,
  `EQUATE      false alarms on entailed pairs: ${e.byLabel.entailment?.flagged ?? 0}/${e.byLabel.entailment?.pairs ?? 0} = ${pct(e.falseAlarmRate)}  (goal ≤ 2 %)`,
  `            flagged on neutral pairs (for reading): ${e.byLabel.neutral?.flagged ?? 0}/${e.byLabel.neutral?.pairs ?? 0}`,
  `ECB+        cross-incident conflicts: ${report.ecbplus.crossConflicts} in ${report.ecbplus.crossPairs} article pairs = ${report.ecbplus.crossPer100Pairs.toFixed(2)} per 100 pairs  (goal ≤ 0.5)`,
  `            within-incident conflicts to read by hand: ${report.ecbplus.withinConflicts}`,
  `Seed        57 vs some 50 conflict: ${report.seed.conflict57vs50 ? 'found' : 'MISSING'}; "about 50" agrees with DOD: ${report.seed.quoteAgreesWithDod ? 'yes' : 'NO'}; "about 50" conflicts with 57: ${report.seed.quoteConflictsWithOwn57 ? 'yes' : 'NO'}`,
  `Speed       extraction ${report.throughput.mbPerSecond.toFixed(2)} MB/s on ${report.throughput.megabytes.toFixed(2)} MB of ECB+ text (median); a 1,000-word article ${report.throughput.extract1000WordsMs.toFixed(2)} ms (median)`,
  `            eval took ${report.seconds.toFixed(1)} s`,
];
console.log(lines.join('\n'));
if (args.includes('--verbose')) {
  console.log('\nEQUATE false alarms:');
  for (const f of e.falseAlarms)
    console.log(`- ${f.id}\n  P: ${f.premise}\n  H: ${f.hypothesis}\n  ${f.why}`);
  console.log('\nECB+ cross-incident conflicts:');
  for (const c of report.ecbplus.cross) console.log(`- [${c.topic}] ${c.a}  ↔  ${c.b}\n  ${c.why}`);
  console.log('\nECB+ within-incident conflicts:');
  for (const c of report.ecbplus.within) console.log(`- [${c.topic}] ${c.a}  ↔  ${c.b}`);
}
mkdirSync(dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, JSON.stringify(report, null, 2));
console.log(`JSON: ${jsonOut}`);
