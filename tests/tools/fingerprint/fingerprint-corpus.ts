// The detection fingerprint: every claim's terms, keys and figures and every link the core makes over
// the seeds and the eval data, hashed per dataset. A refactor of src/core must leave every hash as it
// was (tests/core/fingerprint.test.ts); `npm run fingerprint` prints them, to find which dataset moved.
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type ClaimForMatching,
  crossReference,
  crossReferenceExplained,
  type ExtractedArticle,
  entityNames,
  extractArticle,
  type LinkDraft,
  looksLikeHtml,
  type PairTrail,
  termStatsFrom,
  toMatchable,
} from '../../../src/core';

export const SEEDS_DIR = resolve(import.meta.dirname, '../../../seeds');
/** The eval data beside the repository (CROSSCHECK_EVAL overrides), or null when it is not there. */
export function evalDir(): string | null {
  const dir = resolve(process.env.CROSSCHECK_EVAL ?? join(import.meta.dirname, '../../../../shared/eval'));
  return existsSync(join(dir, 'equate/equate_dev.jsonl')) ? dir : null;
}

export interface DatasetPrint {
  hash: string;
  documents: number;
  claims: number;
  links: number;
}

interface Doc {
  id: string;
  text: string;
}

/** Extractions are pure: one per distinct text (SummEdits repeats its source documents). */
const extracted = new Map<string, ExtractedArticle>();
function extract(text: string): ExtractedArticle {
  let a = extracted.get(text);
  if (!a) {
    a = extractArticle(text, { html: looksLikeHtml(text) });
    extracted.set(text, a);
  }
  return a;
}

const num = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 1e6) / 1e6) : String(n));

class Print {
  private readonly h: Hash = createHash('sha256');
  documents = 0;
  claims = 0;
  links = 0;
  line(...parts: (string | number | boolean | null)[]) {
    this.h.update(`${parts.map((p) => (typeof p === 'number' ? num(p) : String(p))).join('\u0001')}\n`);
  }
  claim(c: ClaimForMatching) {
    this.claims++;
    this.line('claim', c.ref, c.kind, c.text);
    this.line('terms', ...c.terms);
    this.line('context', ...c.contextTerms);
    this.line('keys', ...c.keys);
    for (const q of c.quantities)
      this.line(
        'q',
        q.text,
        q.start,
        q.end,
        q.value,
        q.low,
        q.high,
        q.lowInclusive,
        q.highInclusive,
        q.unit,
        q.unitClass,
        q.rate,
        q.hedge,
        ...q.modifiers,
      );
    for (const q of c.quotes) this.line('quote', q.start, q.end, q.speaker, q.speakerText);
  }
  link(l: LinkDraft) {
    this.links++;
    const e = l.explanation;
    const side = (s: typeof e.a) =>
      s ? [s.claim, s.text, s.low, s.high, s.lowInclusive, s.highInclusive, s.unit, s.hedge, s.rate] : [null];
    this.line('link', l.a, l.b, l.relation, l.severity, l.score);
    this.line('why', e.summary, e.unitClass, e.gap, ...e.sharedTerms);
    this.line('sides', ...side(e.a), ...side(e.b));
  }
  done(): DatasetPrint {
    return {
      hash: this.h.digest('hex').slice(0, 16),
      documents: this.documents,
      claims: this.claims,
      links: this.links,
    };
  }
}

function claimsOf(docs: Doc[]) {
  const articles = docs.map((d) => extract(d.text));
  const claims = docs.flatMap((d, i) =>
    articles[i]!.claims.map((c) => toMatchable(c, `${d.id}:${c.position}`, d.id)),
  );
  return { articles, claims };
}

/** One stateless compare (POST /api/compare, compareDocuments): every claim against every other. */
function compareGroup(p: Print, docs: Doc[]) {
  const { articles, claims } = claimsOf(docs);
  p.documents += docs.length;
  for (const c of claims) p.claim(c);
  for (const l of crossReference(claims, [], termStatsFrom(claims), entityNames(articles))) p.link(l);
}

/**
 * Articles ingested one after another: each article's claims are incoming against all earlier ones as
 * stored (the ingest's half of crossReference, where stored claims are not compared among themselves).
 */
function ingestGroup(p: Print, docs: Doc[]) {
  const stored: ClaimForMatching[] = [];
  for (const d of docs) {
    const { articles, claims } = claimsOf([d]);
    p.documents++;
    const all = [...claims, ...stored];
    for (const l of crossReference(claims, stored, termStatsFrom(all), entityNames(articles))) p.link(l);
    stored.push(...claims);
  }
}

const readJsonl = <T>(dir: string, file: string): T[] =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

export function seedsPrint(): DatasetPrint {
  const manifest = JSON.parse(readFileSync(join(SEEDS_DIR, 'manifest.json'), 'utf8')) as { file: string }[];
  const docs = manifest.map((m, i) => ({
    id: String.fromCharCode(97 + i),
    text: readFileSync(join(SEEDS_DIR, m.file), 'utf8'),
  }));
  const p = new Print();
  compareGroup(p, docs);
  ingestGroup(p, docs);
  return p.done();
}

interface EcbDoc {
  doc_id: string;
  topic: number;
  subtopic: string;
  title: string;
  text: string;
}

/** Per-dataset prints of the eval data (EQUATE pairs, ECB+ by subtopic and by topic, SummEdits doc vs summary). */
export function evalPrints(dir: string): Record<string, DatasetPrint> {
  const out: Record<string, DatasetPrint> = {};
  let p = new Print();
  for (const e of readJsonl<{ premise: string; hypothesis: string }>(dir, 'equate/equate_dev.jsonl'))
    compareGroup(p, [
      { id: 'premise', text: e.premise },
      { id: 'hypothesis', text: e.hypothesis },
    ]);
  out.equate = p.done();

  const ecb = readJsonl<EcbDoc>(dir, 'ecbplus/ecbplus_dev.jsonl');
  const groups = (key: (d: EcbDoc) => string) => {
    const m = new Map<string, Doc[]>();
    for (const d of ecb) {
      const k = key(d);
      m.set(k, [...(m.get(k) ?? []), { id: d.doc_id, text: `${d.title}\n${d.text}` }]);
    }
    return [...m.values()];
  };
  p = new Print();
  for (const g of groups((d) => `${d.topic}/${d.subtopic}`)) compareGroup(p, g);
  out.ecbplus = p.done();
  // Both incidents of a topic together, ingested in turn: what the two-incident precision check meets.
  p = new Print();
  for (const g of groups((d) => String(d.topic))) ingestGroup(p, g);
  out['ecbplus-ingest'] = p.done();

  p = new Print();
  for (const s of readJsonl<{ doc: string; summary: string }>(dir, 'summedits/summedits_dev.jsonl'))
    compareGroup(p, [
      { id: 'doc', text: s.doc },
      { id: 'summary', text: s.summary },
    ]);
  out.summedits = p.done();
  return out;
}

// The rules' examples for docs/detection.md, and their replay (tests/core/detection-doc.test.ts).

/** A pair of real claims some rule decided, as docs/detection.md quotes it. */
export interface DecidedPair {
  decidedBy: string;
  verdict: string;
  /** "equate" (a premise/hypothesis pair, `group` its id) or "ecbplus" (a topic ingested in turn). */
  dataset: 'equate' | 'ecbplus';
  group: string;
  a: { document: string; text: string };
  b: { document: string; text: string };
}

const docOf = (ref: string) => ref.slice(0, ref.lastIndexOf(':'));

/** Every pair compared in a group, with its trail (every claim in focus). */
function decided(
  dataset: DecidedPair['dataset'],
  group: string,
  docs: Doc[],
  ingest: boolean,
): DecidedPair[] {
  const out: DecidedPair[] = [];
  const texts = new Map<string, string>();
  const push = (t: PairTrail) =>
    out.push({
      decidedBy: t.decidedBy,
      verdict: t.verdict,
      dataset,
      group,
      a: { document: docOf(t.a), text: texts.get(t.a)! },
      b: { document: docOf(t.b), text: texts.get(t.b)! },
    });
  const stored: ClaimForMatching[] = [];
  const allNames = entityNames(docs.map((d) => extract(d.text)));
  const batches = ingest ? docs.map((d) => [d]) : [docs];
  for (const batch of batches) {
    const { claims } = claimsOf(batch);
    for (const c of claims) texts.set(c.ref, c.text);
    const all = [...claims, ...stored];
    const { trails } = crossReferenceExplained(claims, stored, termStatsFrom(all), allNames, () => true);
    for (const t of trails) if (docOf(t.a) !== docOf(t.b)) push(t);
    if (ingest) stored.push(...claims);
  }
  return out;
}

/** The pairs across documents the rules decided over EQUATE, then ECB+ topics ingested in turn. */
export function* rulePairs(dir: string): Generator<DecidedPair> {
  for (const e of readJsonl<{ id: string; premise: string; hypothesis: string }>(
    dir,
    'equate/equate_dev.jsonl',
  ))
    yield* decided(
      'equate',
      e.id,
      [
        { id: 'premise', text: e.premise },
        { id: 'hypothesis', text: e.hypothesis },
      ],
      false,
    );
  for (const [topic, docs] of ecbTopics(dir)) yield* decided('ecbplus', topic, docs, true);
}

/** ECB+ articles by topic, in file order. */
function ecbTopics(dir: string): Map<string, Doc[]> {
  const m = new Map<string, Doc[]>();
  for (const d of readJsonl<EcbDoc>(dir, 'ecbplus/ecbplus_dev.jsonl')) {
    const k = String(d.topic);
    m.set(k, [...(m.get(k) ?? []), { id: d.doc_id, text: `${d.title}\n${d.text}` }]);
  }
  return m;
}

/** The pairs of one group again: whether `p`'s pair is still decided by its rule. */
export function replay(dir: string, p: DecidedPair): boolean {
  const docs =
    p.dataset === 'equate'
      ? readJsonl<{ id: string; premise: string; hypothesis: string }>(dir, 'equate/equate_dev.jsonl')
          .filter((e) => e.id === p.group)
          .map((e) => [
            { id: 'premise', text: e.premise },
            { id: 'hypothesis', text: e.hypothesis },
          ])[0]
      : ecbTopics(dir).get(p.group);
  if (!docs) return false;
  return decided(p.dataset, p.group, docs, p.dataset === 'ecbplus').some(
    (x) =>
      x.verdict === p.verdict &&
      x.a.text === p.a.text &&
      x.b.text === p.b.text &&
      x.a.document === p.a.document,
  );
}

export const EXPECTED_FILE = resolve(import.meta.dirname, '../../core/fingerprint.expected.json');
export type Expected = Record<string, string>;
export const readExpected = (): Expected => JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as Expected;
