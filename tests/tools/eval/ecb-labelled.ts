// The hand-labelled ECB+ dev set (tests/eval-data/ecbplus-labelled.jsonl): sentence pairs from two
// reports of one incident, labelled conflict / compatible / different. Each pair is scored as the
// product would see it: the two WHOLE articles are compared, and the pair counts as flagged when a
// conflict link joins the claim of one labelled sentence to the claim of the other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CompareResult, compareDocuments } from '../../../src/services/compare';
import { ratio } from './common';

export type PairLabel = 'conflict' | 'compatible' | 'different';

export interface LabelledPair {
  id: string;
  topic: number;
  subtopic: string;
  docA: string;
  docB: string;
  sentenceA: string;
  sentenceB: string;
  /** Offsets of the sentences in the extracted text of `${title}\n${text}`. */
  startA: number;
  startB: number;
  figureA: string;
  figureB: string;
  valueA: number;
  valueB: number;
  stratum: string;
  label: PairLabel;
  reason: string;
  /** When the row was added, for rows added after the first 1,160 ("2026-12-08 session 18"). */
  added?: string;
}

export interface EcbArticle {
  doc_id: string;
  title: string;
  text: string;
}

export const LABELLED_FILE = join(import.meta.dirname, '../../eval-data/ecbplus-labelled.jsonl');

export const readLabelled = (file = LABELLED_FILE): LabelledPair[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledPair);

export const articleText = (d: EcbArticle) => `${d.title}\n${d.text}`;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The claim ids of one document whose sentence is the labelled one (offset first, then text). */
export function claimsOfSentence(result: CompareResult, doc: string, start: number, sentence: string) {
  const mine = result.claims.filter((c) => c.document === doc);
  const target = norm(sentence);
  const byStart = mine.filter((c) => c.start === start && norm(c.text) === target);
  if (byStart.length > 0) return byStart.map((c) => c.id);
  // The sentence split moved: any claim with the same text, or one holding the sentence.
  const byText = mine.filter((c) => norm(c.text) === target);
  if (byText.length > 0) return byText.map((c) => c.id);
  return mine.filter((c) => norm(c.text).includes(target) || target.includes(norm(c.text))).map((c) => c.id);
}

/** Compares the two articles of a pair (cached per article pair) and finds the labelled claims. */
export function comparePair(
  pair: LabelledPair,
  docs: Map<string, EcbArticle>,
  cache = new Map<string, CompareResult>(),
) {
  const key = `${pair.docA}\u0000${pair.docB}`;
  let result = cache.get(key);
  if (!result) {
    const a = docs.get(pair.docA);
    const b = docs.get(pair.docB);
    if (!a || !b)
      throw new Error(`labelled pair ${pair.id}: article ${a ? pair.docB : pair.docA} not in ECB+`);
    result = compareDocuments([
      { id: 'a', text: articleText(a) },
      { id: 'b', text: articleText(b) },
    ]);
    cache.set(key, result);
  }
  const claimsA = claimsOfSentence(result, 'a', pair.startA, pair.sentenceA);
  const claimsB = claimsOfSentence(result, 'b', pair.startB, pair.sentenceB);
  const inA = new Set(claimsA);
  const inB = new Set(claimsB);
  const joins = (l: { a: string; b: string }) =>
    (inA.has(l.a) && inB.has(l.b)) || (inA.has(l.b) && inB.has(l.a));
  const links = result.links.filter(joins);
  return {
    result,
    claimsA,
    claimsB,
    matched: claimsA.length > 0 && claimsB.length > 0,
    conflict: links.find((l) => l.relation === 'conflict') ?? null,
    links,
  };
}

interface Row {
  pairs: number;
  flagged: number;
  rate: number;
}
const row = (): Row => ({ pairs: 0, flagged: 0, rate: 0 });

export function scoreLabelled(pairs: LabelledPair[], ecb: EcbArticle[]) {
  const docs = new Map(ecb.map((d) => [d.doc_id, d]));
  const cache = new Map<string, CompareResult>();
  const byLabel: Record<PairLabel, Row> = { conflict: row(), compatible: row(), different: row() };
  const byStratum: Record<string, Record<PairLabel, Row>> = {};
  // The rows of each labelling round apart: guard figures stay comparable with earlier sessions'.
  const byAdded: Record<string, Record<PairLabel, Row>> = {};
  const unmatched: string[] = [];
  const missedCases: { id: string; a: string; b: string; reason: string; otherLink: string | null }[] = [];
  const falseConflictCases: {
    id: string;
    label: PairLabel;
    a: string;
    b: string;
    reason: string;
    why: string;
  }[] = [];
  for (const p of pairs) {
    const r = comparePair(p, docs, cache);
    if (!r.matched) unmatched.push(p.id);
    const flagged = r.conflict !== null;
    byStratum[p.stratum] ??= { conflict: row(), compatible: row(), different: row() };
    const added = p.added ?? 'up to session 17';
    byAdded[added] ??= { conflict: row(), compatible: row(), different: row() };
    for (const t of [byLabel[p.label], byStratum[p.stratum]![p.label], byAdded[added]![p.label]]) {
      t.pairs++;
      if (flagged) t.flagged++;
    }
    if (p.label === 'conflict' && !flagged)
      missedCases.push({
        id: p.id,
        a: p.figureA,
        b: p.figureB,
        reason: p.reason,
        otherLink: r.links[0]?.relation ?? null,
      });
    if (p.label !== 'conflict' && flagged)
      falseConflictCases.push({
        id: p.id,
        label: p.label,
        a: p.figureA,
        b: p.figureB,
        reason: p.reason,
        why: r.conflict!.explanation.summary,
      });
  }
  for (const t of [
    ...Object.values(byLabel),
    ...[...Object.values(byStratum), ...Object.values(byAdded)].flatMap((s) => Object.values(s)),
  ])
    t.rate = ratio(t.flagged, t.pairs);
  return {
    pairs: pairs.length,
    articlePairs: cache.size,
    conflictRecall: byLabel.conflict.rate,
    falseConflictsCompatible: byLabel.compatible.rate,
    falseConflictsDifferent: byLabel.different.rate,
    byLabel,
    byStratum,
    byAdded,
    unmatched,
    missedCases,
    falseConflictCases,
  };
}

export type LabelledScore = ReturnType<typeof scoreLabelled>;
