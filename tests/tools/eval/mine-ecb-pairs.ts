// `npm run eval:mine`: mines candidate sentence pairs for the hand-labelled ECB+ dev set
// (tests/eval-data/ecbplus-labelled.jsonl). Two reports of the SAME incident (one ECB+ topic and
// subtopic, topics 1–24) are paired; every sentence pair that states a figure of the same kind is a
// candidate: the extractor's same unit class or same counted noun with different values, the same
// value stated twice, counted nouns of different classes that may name the same people (soldiers /
// troops, killed / dead / victims), and numerals the extractor reads as no amount at all, followed by
// the same word. The detector is never asked: selection must not lean towards what it finds today.
// Candidates are deduplicated (wire copies repeat sentences), spread over incidents, and ordered by a
// hash, so the output is the same on every run. Labels are added by hand afterwards.
//   --data DIR  the eval folder (default ../shared/eval)   --out FILE  (default data/ecb-candidates.jsonl)
//   --per-stratum N  how many candidates of each stratum to keep (default 90; three times that for
//                    different values with shared wording, a third for the small strata)
//   --keep S=N,...   override one stratum's share, e.g. --keep different-value=230,other-class=100 (the
//                    round-robin takes a prefix of one fixed order, so a larger share keeps every pair a
//                    smaller one kept, and the labelled ones carry over)
//   --labelled FILE  carry the labels of FILE (default tests/eval-data/ecbplus-labelled.jsonl) over to
//                    the candidates with the same id; new candidates come out with label null, to read
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { extractArticle } from '../../../src/core';
import type { Claim, ExtractedArticle } from '../../../src/core/types';
import { readJsonl } from './common';
import { LABELLED_FILE, type LabelledPair, readLabelled } from './ecb-labelled';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const dataDir = resolve(
  opt('--data', process.env.CROSSCHECK_EVAL ?? join(import.meta.dirname, '../../../../shared/eval')),
);
const out = resolve(opt('--out', 'data/ecb-candidates.jsonl'));
const perStratum = Number(opt('--per-stratum', '90'));
const labelledFile = resolve(opt('--labelled', LABELLED_FILE));

interface EcbDoc {
  doc_id: string;
  topic: number;
  subtopic: string;
  title: string;
  text: string;
}

/** A figure in a sentence: one the extractor read, or a bare numeral it left unread. */
interface Figure {
  text: string;
  value: number;
  /** The counted noun (the extractor's unit, or the word after an unread numeral). */
  noun: string;
  unitClass: string;
  read: boolean;
  start: number;
  end: number;
}

// Counted nouns that may name the same people under different extractor classes: the pairs these make
// are where a unit-class mismatch would hide a real disagreement (or where classes rightly differ).
const PEOPLE = new Set(
  'person people man woman death dead killed die died fatality body life casualty victim injured wounded injury hurt troop soldier force officer police policeman worker guard child kid boy girl student passenger crew member resident pirate militant suspect hostage patient sailor marine civilian fan spectator'.split(
    ' ',
  ),
);

const NUMERAL = /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w.,]\d)/g;

function figuresOf(article: ExtractedArticle, claim: Claim): Figure[] {
  const read: Figure[] = claim.quantities.map((q) => ({
    text: q.text,
    value: q.value,
    noun: q.unit,
    unitClass: q.unitClass,
    read: true,
    start: q.start,
    end: q.end,
  }));
  const unread: Figure[] = [];
  const sentence = article.text.slice(claim.start, claim.end);
  for (const m of sentence.matchAll(NUMERAL)) {
    const start = claim.start + m.index;
    const end = start + m[0].length;
    if (read.some((q) => q.start < end && start < q.end)) continue;
    const after = article.text.slice(end, end + 30);
    const word = /^\s+([A-Za-z]+)/.exec(after)?.[1]?.toLowerCase();
    const value = Number(m[0].replace(/,/g, ''));
    const year = /^\d{4}$/.test(m[0]) && value >= 1900 && value <= 2100;
    if (!word && !year) continue;
    const noun = year ? 'year (date)' : word!.replace(/s$/, '');
    unread.push({
      text: `${m[0]}${year ? '' : ` ${word}`}`,
      value,
      noun,
      unitClass: '',
      read: false,
      start,
      end,
    });
  }
  return [...read, ...unread];
}

type Stratum = 'different-value' | 'different-value-shared-words' | 'same-value' | 'other-class' | 'unread';

// Same-kind figures with different values are mostly different facts (a victim's age and a suspect's);
// the ones whose sentences share wording are more often one fact told twice. Both are kept, as two
// strata, so that conflicts are not too rare to measure and every figure is reported by stratum.
const STOP = new Set(
  'that this with from have were been they their there which would could said says about after before over into than also when what while where more most only other some such them then these those will year years'.split(
    ' ',
  ),
);
const contentWords = (s: string) =>
  new Set((s.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !STOP.has(w)));
function sharedWording(a: string, b: string): number {
  const x = contentWords(a);
  const y = contentWords(b);
  let n = 0;
  for (const w of x) if (y.has(w)) n++;
  return n / Math.max(1, Math.min(x.size, y.size));
}

function stratumOf(a: Figure, b: Figure): Stratum | null {
  if (!a.read && !b.read) return a.noun === b.noun && a.value !== b.value ? 'unread' : null;
  if (!a.read || !b.read) return null;
  const sameKind = (a.unitClass !== '' && a.unitClass === b.unitClass) || a.noun === b.noun;
  if (sameKind) return a.value === b.value ? 'same-value' : 'different-value';
  const people = (f: Figure) => PEOPLE.has(f.noun) || PEOPLE.has(f.unitClass);
  return people(a) && people(b) ? 'other-class' : null;
}

/** FNV-1a: a stable order that owes nothing to the detector. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

const docs = readJsonl<EcbDoc>(dataDir, 'ecbplus/ecbplus_dev.jsonl').filter((d) => d.topic <= 24);
const bySub = new Map<string, EcbDoc[]>();
for (const d of docs) {
  const key = `${d.topic}/${d.subtopic}`;
  bySub.set(key, [...(bySub.get(key) ?? []), d]);
}
const articles = new Map(docs.map((d) => [d.doc_id, extractArticle(`${d.title}\n${d.text}`)]));

/** A pair as mined: the labelled record's fields before its label and reason, plus what was read. */
interface Candidate extends Omit<LabelledPair, 'stratum' | 'label' | 'reason'> {
  nounA: string;
  nounB: string;
  classA: string;
  classB: string;
  stratum: Stratum;
}

const seen = new Set<string>();
const strata = new Map<Stratum, Candidate[]>();
for (const [key, list] of bySub) {
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const da = list[i]!;
      const db = list[j]!;
      const A = articles.get(da.doc_id)!;
      const B = articles.get(db.doc_id)!;
      for (const ca of A.claims)
        for (const cb of B.claims) {
          const sa = A.text.slice(ca.start, ca.end);
          const sb = B.text.slice(cb.start, cb.end);
          // A sentence both reports print word for word is one report copied, not two accounts.
          if (norm(sa) === norm(sb)) continue;
          for (const fa of figuresOf(A, ca))
            for (const fb of figuresOf(B, cb)) {
              let stratum = stratumOf(fa, fb);
              if (stratum === 'different-value' && sharedWording(sa, sb) >= 0.3)
                stratum = 'different-value-shared-words';
              if (!stratum) continue;
              // Wire copies repeat sentences across reports: one candidate per pair of sentence texts,
              // and one per incident for each pair of figures (the same two values told again).
              const pairKey = [norm(sa), norm(sb)].sort().join('\u0000');
              const figKey = `${key}|${[`${fa.value} ${fa.noun}`, `${fb.value} ${fb.noun}`].sort().join('|')}`;
              if (seen.has(pairKey) || seen.has(figKey)) continue;
              seen.add(pairKey);
              seen.add(figKey);
              const c: Candidate = {
                id: '',
                topic: da.topic,
                subtopic: da.subtopic,
                docA: da.doc_id,
                docB: db.doc_id,
                sentenceA: sa,
                sentenceB: sb,
                startA: ca.start,
                startB: cb.start,
                figureA: fa.text,
                figureB: fb.text,
                valueA: fa.value,
                valueB: fb.value,
                nounA: fa.noun,
                nounB: fb.noun,
                classA: fa.unitClass,
                classB: fb.unitClass,
                stratum,
              };
              c.id = `${da.doc_id}~${db.doc_id}~${hash(pairKey).toString(36)}`;
              strata.set(stratum, [...(strata.get(stratum) ?? []), c]);
            }
        }
    }
}

// Spread over incidents: take candidates round-robin by subtopic, each subtopic's in hash order.
function spread(list: Candidate[], n: number): Candidate[] {
  const bySubtopic = new Map<string, Candidate[]>();
  for (const c of [...list].sort((x, y) => hash(x.id) - hash(y.id)))
    bySubtopic.set(`${c.topic}/${c.subtopic}`, [...(bySubtopic.get(`${c.topic}/${c.subtopic}`) ?? []), c]);
  const queues = [...bySubtopic.values()];
  const picked: Candidate[] = [];
  for (let round = 0; picked.length < n && queues.some((q) => q.length > round); round++)
    for (const q of queues) if (q[round] && picked.length < n) picked.push(q[round]!);
  return picked;
}

const shares: Record<Stratum, number> = {
  'different-value': perStratum,
  'different-value-shared-words': 3 * perStratum,
  'same-value': Math.round(perStratum / 3),
  'other-class': Math.round(perStratum / 3),
  unread: Math.round(perStratum / 3),
};
for (const spec of opt('--keep', '').split(',').filter(Boolean)) {
  const [name, n] = spec.split('=');
  if (!(name! in shares) || !Number.isInteger(Number(n))) throw new Error(`--keep ${spec}: want STRATUM=N`);
  shares[name as Stratum] = Number(n);
}
const picked = (Object.keys(shares) as Stratum[]).flatMap((s) => spread(strata.get(s) ?? [], shares[s]));
let known = new Map<string, LabelledPair>();
try {
  known = new Map(readLabelled(labelledFile).map((p) => [p.id, p]));
} catch {
  console.log(`no labels read from ${labelledFile}`);
}
const rows = picked.map((c) => ({
  ...c,
  label: known.get(c.id)?.label ?? null,
  reason: known.get(c.id)?.reason ?? null,
}));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${rows.map((c) => JSON.stringify(c)).join('\n')}\n`);
console.log(`${rows.filter((r) => r.label).length} of them already labelled in ${labelledFile}`);
for (const [s, list] of strata) console.log(`${s.padEnd(16)} ${list.length} candidates, ${shares[s]} kept`);
console.log(`${picked.length} candidates → ${out}`);
