// `npm run eval:why`: for every missed conflict and every false conflict of SummEdits dev and the
// hand-labelled ECB+ set, the stage of the detector that stopped or made it (tests/tools/eval/why.ts),
// one case a paragraph, then the count of cases per stage. tests/eval-data/DIAGNOSIS.md groups them
// into the rule classes the detector lacks.
//   --data DIR  the eval folder (default ../shared/eval)   --json FILE  (default data/why.json)
//   --only summedits|ecb   one dataset
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { extractArticle } from '../../../src/core';
import type { Quantity } from '../../../src/core/types';
import { readJsonl } from './common';
import { articleText, type EcbArticle, readLabelled } from './ecb-labelled';
import type { SummEditsRecord } from './summedits';
import { type ComparedPair, claimAt, figureIn, furthest, progressOf, readPair, type Verdict } from './why';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const dataDir = resolve(
  opt('--data', process.env.CROSSCHECK_EVAL ?? join(import.meta.dirname, '../../../../shared/eval')),
);
const jsonOut = resolve(opt('--json', 'data/why.json'));
const only = opt('--only', '');

interface Case {
  set: string;
  kind: 'missed' | 'false-conflict';
  id: string;
  a: string;
  b: string;
  note: string;
  verdict: Verdict;
}
const cases: Case[] = [];
const cut = (s: string, n = 220) => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, ' ');

function conflictSummary(p: ComparedPair, refs?: [string, string]): Verdict {
  const l = p.links.find(
    (x) =>
      x.relation === 'conflict' &&
      (!refs || (x.a === refs[0] && x.b === refs[1]) || (x.a === refs[1] && x.b === refs[0])),
  );
  return {
    stage: 'conflict',
    detail: l
      ? `${l.explanation.a?.text} vs ${l.explanation.b?.text} (score ${l.score}): ${l.explanation.summary}`
      : '',
    relation: 'conflict',
  };
}

// The labelled ECB+ pairs.
if (only !== 'summedits') {
  const docs = new Map(readJsonl<EcbArticle>(dataDir, 'ecbplus/ecbplus_dev.jsonl').map((d) => [d.doc_id, d]));
  const read = new Map<string, ComparedPair>();
  for (const pair of readLabelled()) {
    const key = `${pair.docA}\u0000${pair.docB}`;
    let p = read.get(key);
    if (!p) {
      p = readPair(articleText(docs.get(pair.docA)!), articleText(docs.get(pair.docB)!));
      read.set(key, p);
    }
    const a = claimAt(p, 0, pair.startA);
    const b = claimAt(p, 1, pair.startB);
    if (!a || !b) continue;
    const flagged = p.links.some(
      (l) =>
        l.relation === 'conflict' && ((l.a === a.ref && l.b === b.ref) || (l.a === b.ref && l.b === a.ref)),
    );
    if (pair.label === 'conflict' && !flagged)
      cases.push({
        set: 'ecb',
        kind: 'missed',
        id: pair.id,
        a: pair.sentenceA,
        b: pair.sentenceB,
        note: pair.reason,
        verdict: furthest(
          p,
          a,
          b,
          figureIn(a, pair.figureA, pair.valueA),
          figureIn(b, pair.figureB, pair.valueB),
        ),
      });
    if (pair.label !== 'conflict' && flagged)
      cases.push({
        set: 'ecb',
        kind: 'false-conflict',
        id: pair.id,
        a: pair.sentenceA,
        b: pair.sentenceB,
        note: `${pair.label}: ${pair.reason}`,
        verdict: conflictSummary(p, [a.ref, b.ref]),
      });
  }
}

// SummEdits: the edited figure is the one the summary states and the original summary does not (an
// interval compared whole: "between $3.515 billion and $3.569 billion" changes with either bound).
const FIGURE = /\$?\d[\d,]*(?:\.\d+)?%?/g;
const shape = (q: Quantity) => `${q.low}|${q.high}|${q.value}`;
function editedFigure(r: SummEditsRecord) {
  const before = extractArticle(r.original_summary).claims.flatMap((c) => c.quantities);
  const after = extractArticle(r.summary).claims.flatMap((c) => c.quantities);
  const had = new Set(before.map(shape));
  const has = new Set(after.map(shape));
  const now = after.find((q) => !had.has(shape(q))) ?? null;
  const gone = before.filter((q) => !has.has(shape(q)));
  const was = gone.find((q) => now && q.unitClass === now.unitClass) ?? gone[0] ?? null;
  const inOriginal = new Set(r.original_summary.match(FIGURE) ?? []);
  const numeral = (r.summary.match(FIGURE) ?? []).find((n) => !inOriginal.has(n)) ?? '';
  return { now, was, numeral };
}

if (only !== 'ecb') {
  for (const r of readJsonl<SummEditsRecord>(dataDir, 'summedits/summedits_dev.jsonl')) {
    const p = readPair(r.doc, r.summary);
    const flagged = p.links.some((l) => l.relation === 'conflict' && l.a[0] !== l.b[0]);
    if (r.kind === 'consistent' && flagged) {
      cases.push({
        set: 'summedits',
        kind: 'false-conflict',
        id: r.id,
        a: '',
        b: r.summary,
        note: r.domain,
        verdict: conflictSummary(p),
      });
      continue;
    }
    if (r.kind !== 'figure_edited' || flagged) continue;
    const { now, was, numeral } = editedFigure(r);
    const note = `${r.domain}; edit ${r.edit_types.join('+')}; was "${was?.text ?? '—'}", now "${now?.text ?? numeral}"`;
    let verdict: Verdict;
    const summaryClaim = now ? claimAt(p, 1, now.start) : null;
    if (!now || !summaryClaim) {
      const year = /^(19|20)\d\d$/.test(numeral.replace(/[^\d]/g, ''));
      verdict = {
        stage: year ? 'no-quantity:year' : 'no-quantity:summary',
        detail: `the edited figure ${numeral ? `"${numeral}"` : '(in words)'} is read as no quantity in the summary${year ? ' (a year)' : ''}`,
        relation: null,
      };
    } else {
      // The document's claims that could answer the edited figure: those stating the original figure,
      // else those with a figure of the same kind; the one that gets furthest down the detector.
      const stating = p.claims[0].filter((c) => c.quantities.some((q) => was && q.value === was.value));
      const sameKind = p.claims[0].filter((c) => c.quantities.some((q) => q.unitClass === now.unitClass));
      const pool = stating.length > 0 ? stating : sameKind;
      let best: Verdict | null = null;
      for (const c of pool) {
        const qa =
          c.quantities.find((q) => was && q.value === was.value) ??
          c.quantities.find((q) => q.unitClass === now.unitClass) ??
          null;
        const v = furthest(p, c, summaryClaim, qa, now);
        if (!best || progressOf(v) > progressOf(best)) best = v;
      }
      if (best) verdict = best;
      else {
        const digits = was ? String(was.value) : '';
        const said = was !== null && r.doc.replace(/,/g, '').includes(digits);
        verdict = {
          stage: said ? 'no-quantity:doc' : was ? 'no-counterpart:derived' : 'no-counterpart:inserted',
          detail: said
            ? `the document writes ${digits} but reads it as no quantity of the kind of "${now.text}"`
            : was
              ? `the document states no figure of the kind of "${now.text}" (class ${now.unitClass}); the summary's original "${was.text}" is derived, rounded or converted`
              : `the edit inserted a figure ("${now.text}", class ${now.unitClass}) the document states nothing of that kind for`,
          relation: null,
        };
      }
      if (verdict.stage === 'conflict') continue;
    }
    cases.push({ set: 'summedits', kind: 'missed', id: r.id, a: '', b: r.summary, note, verdict });
  }
}

for (const c of cases) {
  console.log(`[${c.set} ${c.kind}] ${c.id}  ${c.verdict.stage}`);
  if (c.a) console.log(`  A: ${cut(c.a)}`);
  console.log(`  B: ${cut(c.b)}`);
  console.log(`  ${c.note}`);
  console.log(`  → ${c.verdict.detail}`);
}
console.log('\nCases per stage:');
const counts = new Map<string, number>();
for (const c of cases) {
  const k = `${c.set} ${c.kind} ${c.verdict.stage}`;
  counts.set(k, (counts.get(k) ?? 0) + 1);
}
for (const [k, n] of [...counts].sort((x, y) => x[0].localeCompare(y[0]) || y[1] - x[1]))
  console.log(`${String(n).padStart(4)}  ${k}`);
mkdirSync(dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, JSON.stringify({ measuredAt: new Date().toISOString(), cases }, null, 2));
console.log(`JSON: ${jsonOut}`);
