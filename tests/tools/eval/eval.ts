// `npm run eval`: conflict detection measured on externally labelled text, through the same code path
// as POST /api/compare. Prints a scorecard and writes a JSON copy.
//   --data DIR   the eval folder (default ../shared/eval)   --quick   a small subset, for CI
//   --json FILE  where to write the JSON copy (default data/eval.json)   --verbose  list every miss
//   Each new dataset's scorer lives in its own module under ./eval/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../../../src/core';
import { wordValue } from '../../../src/core/numbers';
import { conflictsBetween, docOf, readJsonl as readJsonlIn } from './common';
import { readLabelled, scoreLabelled } from './ecb-labelled';
import { type EquatePair, equate } from './equate';
import { scoreFlagsRead } from './flags-read';
import { seedCase } from './seed-case';
import { quickSubset, type SummEditsRecord, scoreSummEdits } from './summedits';
import { throughput } from './throughput';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const quick = args.includes('--quick');
const dataDir = resolve(
  opt('--data', process.env.CROSSCHECK_EVAL ?? join(import.meta.dirname, '../../../../shared/eval')),
);
const jsonOut = resolve(opt('--json', 'data/eval.json'));

const readJsonl = <T>(file: string): T[] => readJsonlIn<T>(dataDir, file);
/** The conflicts flagged between two documents, each as its two figures' words. */
const crossConflicts = (a: string, b: string) =>
  new Set(
    conflictsBetween([
      { id: 'a', text: a },
      { id: 'b', text: b },
    ])
      .filter((l) => docOf(l.a) !== docOf(l.b))
      .map((l) => `${l.explanation.a?.text}\u0000${l.explanation.b?.text}`),
  );
/**
 * Whether changing a figure made a disagreement: a conflict the unchanged pair did not have. A pair
 * flagged before the change (a false alarm, or another figure the two reports really differ on) says
 * nothing about the changed figure, so "any conflict after the change" overstates recall; both are
 * reported.
 */
function flaggedByChange(a: string, before: string, after: string) {
  const old = crossConflicts(a, before);
  const now = [...crossConflicts(a, after)];
  return { any: now.length > 0, fresh: now.some((c) => !old.has(c)) };
}

// Recall, measured on real sentences: in an entailed EQUATE pair the hypothesis restates the premise's
// figures. Change one figure the two share (a numeral written the same in both) to a clearly different
// value and the pair becomes a true numeric conflict between two real news sentences; recall is the
// share of these that get flagged. Factors range from a modest disagreement (×1.3, as in 50 vs 65) to
// a doubling, in both directions; the changed number keeps the original's digit style.
const PERTURB = [1.3, 0.7, 2, 0.5, 1.5, 0.75];
function perturbAt(text: string, numeral: string, factor: number): string | null {
  const v = Number(numeral.replace(/,/g, ''));
  const decimals = numeral.includes('.') ? numeral.split('.')[1]!.length : 0;
  let n = v * factor;
  n = decimals > 0 ? Number(n.toFixed(decimals)) : Math.round(n);
  if (n === v || n <= 0) return null;
  const written =
    decimals > 0 ? n.toFixed(decimals) : numeral.includes(',') ? n.toLocaleString('en-US') : String(n);
  const re = new RegExp(`(?<![\\d.,])${numeral.replace(/[.]/g, '\\.')}(?![\\d]|[.,]\\d)`, 'g');
  return re.test(text) ? text.replace(re, written) : null;
}
const NUMERAL = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\d.,])\d+(?:\.\d+)?(?![\d]|[.,]\d)/g;
function recall() {
  let pairs = readJsonl<EquatePair>('equate/equate_dev.jsonl').filter((p) => p.label === 'entailment');
  if (quick) pairs = pairs.filter((_, i) => i % 5 === 0);
  let cases = 0;
  let found = 0;
  let foundAny = 0;
  const missed: { id: string; premise: string; hypothesis: string }[] = [];
  pairs.forEach((p, i) => {
    const inPremise = new Set(p.premise.match(NUMERAL) ?? []);
    const shared = [...new Set(p.hypothesis.match(NUMERAL) ?? [])].filter((n) => {
      const v = Number(n.replace(/,/g, ''));
      // Years are dates, not amounts; a lone 1 is mostly "one of".
      return inPremise.has(n) && !(/^\d{4}$/.test(n) && v >= 1900 && v <= 2100) && v > 1;
    });
    // Only figures the premise states as amounts: scores ("4-1"), phone numbers and the like are not
    // what the detector compares.
    // Open-ended figures ("at least 50" against "at least 35") do not contradict each other, so only
    // figures stated as closed intervals on both sides count.
    const closed = (text: string) =>
      new Set(
        extractArticle(text)
          .claims.flatMap((c) => c.quantities)
          .filter((q) => Number.isFinite(q.high) && !(q.low === 0 && q.value > 0))
          .map((q) => q.value),
      );
    const inHypothesis = closed(p.hypothesis);
    const amounts = new Set([...closed(p.premise)].filter((v) => inHypothesis.has(v)));
    const usable = shared.filter((n) => amounts.has(Number(n.replace(/,/g, ''))));
    if (usable.length === 0) return;
    const hypothesis = perturbAt(p.hypothesis, usable[0]!, PERTURB[i % PERTURB.length]!);
    if (!hypothesis) return;
    cases++;
    const flagged = flaggedByChange(p.premise, p.hypothesis, hypothesis);
    if (flagged.any) foundAny++;
    if (flagged.fresh) found++;
    else missed.push({ id: p.id, premise: p.premise, hypothesis });
  });
  return { cases, found, recall: cases ? found / cases : 0, foundAny, missed };
}

// Recall on whole articles: two reports of one incident (an ECB+ subtopic) that state one figure the
// same way ("26 Somali pirates" in both, same unit, closed intervals) become a true disagreement when
// that figure is changed in the second report. This exercises the article-level checks (lede weekday,
// names the other report never mentions, agreeing claims elsewhere) that single sentences cannot.
function articleRecall(docs: EcbDoc[]) {
  const bySub = new Map<string, EcbDoc[]>();
  for (const d of docs)
    bySub.set(`${d.topic}/${d.subtopic}`, [...(bySub.get(`${d.topic}/${d.subtopic}`) ?? []), d]);
  const limit = quick ? 40 : 200;
  let cases = 0;
  let found = 0;
  let foundAny = 0;
  let foundOneMention = 0;
  const missed: { a: string; b: string; figure: string }[] = [];
  const figures = (text: string) => {
    const article = extractArticle(text);
    const qs = article.claims
      .flatMap((c) => c.quantities)
      .filter((q) => Number.isFinite(q.high) && !(q.low === 0 && q.value > 0) && q.value > 1 && q.unitClass);
    return { text: article.text, qs };
  };
  const cache = new Map<string, ReturnType<typeof figures>>();
  const get = (d: EcbDoc) => {
    let f = cache.get(d.doc_id);
    if (!f) {
      f = figures(`${d.title}\n${d.text}`);
      cache.set(d.doc_id, f);
    }
    return f;
  };
  let k = 0;
  for (const list of bySub.values()) {
    for (let i = 0; i + 1 < list.length && cases < limit; i += 2) {
      const a = get(list[i]!);
      const b = get(list[i + 1]!);
      const inA = new Set(a.qs.map((q) => `${q.value}|${q.unit}`));
      // The figure's own digits: in "six AK 47 rifles" the 47 right after a model's letters is no figure.
      const digits = (x: { text: string }) => /\d[\d,]*(?:\.\d+)?/.exec(x.text)?.[0] ?? '';
      const own = (x: { text: string }) =>
        digits(x) !== '' && !/[A-Z]{2,}\s*-?\s*$/.test(x.text.slice(0, x.text.indexOf(digits(x))));
      const q = b.qs.find((x) => inA.has(`${x.value}|${x.unit}`) && own(x));
      if (!q) continue;
      const numeral = digits(q);
      const factor = PERTURB[k++ % PERTURB.length]!;
      const changed = perturbAt(q.text, numeral, factor);
      if (!changed) continue;
      cases++;
      const flaggedIn = (text: string) => flaggedByChange(a.text, b.text, text);
      // A report that disagrees states its own figure wherever it gives it: every mention of the figure
      // (same numeral, same unit) is changed. Changing one mention alone makes the report contradict
      // itself, and the detector rightly drops a conflict the report's own other claim answers.
      let text = b.text;
      // Spelled out too: "Sixteen-year-old" becomes the changed numeral.
      const newNumeral = digits({ text: changed });
      const mentions = b.qs
        .filter((x) => x.unit === q.unit && x.value === q.value)
        .sort((x, y) => y.start - x.start);
      for (const m of mentions) {
        const word = m.text.match(/[A-Za-z]+(?:-[a-z]+)*/g)?.find((w) => wordValue(w) === q.value);
        const c = m.text.includes(numeral)
          ? perturbAt(m.text, numeral, factor)
          : word
            ? m.text.replace(word, newNumeral)
            : null;
        if (c) text = text.slice(0, m.start) + c + text.slice(m.end);
      }
      if (flaggedIn(b.text.slice(0, q.start) + changed + b.text.slice(q.end)).fresh) foundOneMention++;
      const flagged = flaggedIn(text);
      if (flagged.any) foundAny++;
      if (flagged.fresh) found++;
      else missed.push({ a: list[i]!.doc_id, b: list[i + 1]!.doc_id, figure: `${q.text} → ${changed}` });
    }
  }
  return {
    cases,
    found,
    recall: cases ? found / cases : 0,
    foundAny,
    foundOneMention,
    recallOneMention: cases ? foundOneMention / cases : 0,
    missed,
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
    withinRead: scoreFlagsRead(within),
    within,
    cross,
  };
}

function summedits() {
  const records = readJsonl<SummEditsRecord>('summedits/summedits_dev.jsonl');
  return scoreSummEdits(quick ? quickSubset(records) : records);
}

const ecbDocs = readJsonl<EcbDoc>('ecbplus/ecbplus_dev.jsonl');
const started = performance.now();
const report = {
  measuredAt: new Date().toISOString(),
  quick,
  equate: equate(readJsonl<EquatePair>('equate/equate_dev.jsonl'), quick),
  recall: recall(),
  ecbplus: ecbplus(ecbDocs),
  articleRecall: articleRecall(ecbDocs),
  summedits: summedits(),
  // Small articles, two per pair: the whole set runs in a few seconds, so --quick scores all of it.
  ecbLabelled: scoreLabelled(readLabelled(), ecbDocs),
  seed: seedCase(),
  throughput: throughput(
    ecbDocs.map((d) => d.text),
    quick,
  ),
  seconds: 0,
};
report.seconds = (performance.now() - started) / 1000;

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const e = report.equate;
const s = report.summedits;
const l = report.ecbLabelled;
const lines = [
  `crosscheck eval (${quick ? 'quick subset' : 'full'}, ${report.measuredAt.slice(0, 10)})`,
  `EQUATE      false alarms on entailed pairs: ${e.byLabel.entailment?.flagged ?? 0}/${e.byLabel.entailment?.pairs ?? 0} = ${pct(e.falseAlarmRate)}  (goal ≤ 2 %)`,
  `            flagged on neutral pairs (for reading): ${e.byLabel.neutral?.flagged ?? 0}/${e.byLabel.neutral?.pairs ?? 0}`,
  `Recall      numeric conflicts made by changing one shared figure of an entailed EQUATE pair: ${report.recall.found}/${report.recall.cases} = ${pct(report.recall.recall)}  (goal ≥ 80 %; counting any conflict, as before 2026-12-01: ${report.recall.foundAny}/${report.recall.cases})`,
  `            same, on two ECB+ reports of one incident sharing a figure, changed in one report: ${report.articleRecall.found}/${report.articleRecall.cases} = ${pct(report.articleRecall.recall)}  (counting any conflict: ${report.articleRecall.foundAny}/${report.articleRecall.cases}; changing one mention only: ${report.articleRecall.foundOneMention}/${report.articleRecall.cases} = ${pct(report.articleRecall.recallOneMention)})`,
  `            a case counts when the change brings a conflict the unchanged pair does not have`,
  `ECB+        cross-incident conflicts: ${report.ecbplus.crossConflicts} in ${report.ecbplus.crossPairs} article pairs = ${report.ecbplus.crossPer100Pairs.toFixed(2)} per 100 pairs  (goal ≤ 0.5)`,
  `            within-incident conflicts: ${report.ecbplus.withinConflicts}; read by hand (tests/eval-data/ecbplus-flags-read.jsonl): ${report.ecbplus.withinRead.real} real, ${report.ecbplus.withinRead.false} false (${pct(report.ecbplus.withinRead.realShare)} real), ${report.ecbplus.withinRead.unread} not read yet`,
  `SummEdits   doc vs summary (dev, non-news domains): recall on figure_edited ${s.found}/${s.figureEdited} = ${pct(s.recall)}, false alarms on consistent ${s.falseAlarms}/${s.consistent} = ${pct(s.falseAlarmRate)}, balanced accuracy ${s.balancedAccuracy.toFixed(3)}  (goal ≥ 0.91: recall ≥ 85 %, false alarms ≤ 3 %)`,
  ...Object.entries(s.byDomain).map(
    ([domain, t]) =>
      `            ${domain.padEnd(12)} recall ${t.found}/${t.figureEdited} = ${pct(t.recall)}, false alarms ${t.falseAlarms}/${t.consistent} = ${pct(t.falseAlarmRate)}, balanced ${t.balancedAccuracy.toFixed(3)}`,
  ),
  `ECB+ labels hand-labelled sentence pairs of one incident, whole articles compared (${l.pairs} pairs, ${l.articlePairs} article pairs): conflict recall ${l.byLabel.conflict.flagged}/${l.byLabel.conflict.pairs} = ${pct(l.conflictRecall)}  (goal ≥ 75 %)`,
  `            false conflicts on compatible pairs ${l.byLabel.compatible.flagged}/${l.byLabel.compatible.pairs} = ${pct(l.falseConflictsCompatible)}  (goal ≤ 5 %), on different-fact pairs ${l.byLabel.different.flagged}/${l.byLabel.different.pairs} = ${pct(l.falseConflictsDifferent)}${l.unmatched.length ? `; ${l.unmatched.length} pairs whose sentences no claim matches` : ''}`,
  `            by labelling round: ${Object.entries(l.byAdded)
    .map(
      ([round, t]) =>
        `${round} ${t.conflict.flagged}/${t.conflict.pairs} found, ${t.compatible.flagged}/${t.compatible.pairs} compatible, ${t.different.flagged}/${t.different.pairs} different`,
    )
    .join('; ')}`,
  `Seed        57 vs some 50 conflict: ${report.seed.conflict57vs50 ? 'found' : 'MISSING'}; "about 50" agrees with DOD: ${report.seed.quoteAgreesWithDod ? 'yes' : 'NO'}; "about 50" conflicts with 57: ${report.seed.quoteConflictsWithOwn57 ? 'yes' : 'NO'}`,
  `Speed       extraction ${report.throughput.mbPerSecond.toFixed(2)} MB/s on ${report.throughput.megabytes.toFixed(2)} MB of ECB+ text (median); a 1,000-word article ${report.throughput.extract1000WordsMs.toFixed(2)} ms (median)`,
  `            eval took ${report.seconds.toFixed(1)} s`,
];
console.log(lines.join('\n'));
if (args.includes('--verbose')) {
  console.log('\nEQUATE false alarms:');
  for (const f of e.falseAlarms)
    console.log(`- ${f.id}\n  P: ${f.premise}\n  H: ${f.hypothesis}\n  ${f.why}`);
  console.log('\nRecall misses (changed hypothesis):');
  for (const m of report.recall.missed) console.log(`- ${m.id}\n  P: ${m.premise}\n  H: ${m.hypothesis}`);
  console.log('\nArticle recall misses:');
  for (const m of report.articleRecall.missed) console.log(`- ${m.a} / ${m.b}: ${m.figure}`);
  console.log('\nSummEdits misses (figure_edited, no conflict):');
  for (const m of s.missedCases) console.log(`- ${m.id} (${m.domain})\n  ${m.summary}`);
  console.log('\nSummEdits false alarms (consistent):');
  for (const f of s.falseAlarmCases) console.log(`- ${f.id} (${f.domain})\n  ${f.summary}\n  ${f.why}`);
  console.log('\nLabelled ECB+ conflicts missed:');
  for (const m of l.missedCases) console.log(`- ${m.id}: ${m.a} / ${m.b} — ${m.reason}`);
  console.log('\nLabelled ECB+ false conflicts:');
  for (const f of l.falseConflictCases)
    console.log(`- ${f.id} (${f.label}): ${f.a} / ${f.b} — ${f.reason}\n  ${f.why}`);
  console.log('\nECB+ cross-incident conflicts:');
  for (const c of report.ecbplus.cross) console.log(`- [${c.topic}] ${c.a}  ↔  ${c.b}\n  ${c.why}`);
  console.log('\nECB+ within-incident conflicts:');
  for (const c of report.ecbplus.within) console.log(`- [${c.topic}] ${c.a}  ↔  ${c.b}`);
}
mkdirSync(dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, JSON.stringify(report, null, 2));
console.log(`JSON: ${jsonOut}`);
