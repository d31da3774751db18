// Use case: stateless compare — cross-reference a few documents among themselves, store nothing.
import {
  crossReference,
  crossReferenceExplained,
  entityNames,
  explainPair,
  extractArticle,
  looksLikeHtml,
  namingDifferences,
  type PairTrail,
  type Quantity,
  termStatsFrom,
  toMatchable,
} from '../core';
import { checkDocumentWork } from './work-limits';

export interface CompareDocument {
  id: string;
  source?: string;
  text: string;
  format?: 'auto' | 'text' | 'html';
}

/** JSON has no Infinity: an unbounded side of an interval is null. */
const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

export function quantityJson(q: Quantity) {
  return {
    text: q.text,
    low: finite(q.low),
    high: finite(q.high),
    unit: q.unit,
    unitClass: q.unitClass,
    value: q.value,
    lowInclusive: q.lowInclusive,
    highInclusive: q.highInclusive,
    rate: q.rate,
    hedge: q.hedge,
    modifiers: q.modifiers,
    start: q.start,
    end: q.end,
  };
}

/** Replaces non-finite numbers by null anywhere in a JSON-bound value (explanations carry intervals). */
export function jsonSafe<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)),
  );
}

/** What a claim was compared with, and what decided each pair (POST /api/compare with "explain": true). */
export interface PairDecision {
  /** The other claim's id. */
  claim: string;
  /** The relation of the link made, or null when the pair was not linked. */
  linked: PairTrail['linked'];
  /** The rule that decided (docs/detection.md), or "linked". */
  decidedBy: string;
  /** "linked as conflict", or "not linked: rule `x` (…) — what it found". */
  verdict: string;
  /** Every rule that ran on the pair, in order. */
  steps: PairTrail['steps'];
}

/** Each document extracted, its claims as the cross-referencer sees them, names and frequencies. */
function prepare(documents: CompareDocument[]) {
  const extracted = documents.map((doc) => {
    const html = doc.format === 'html' || (doc.format !== 'text' && looksLikeHtml(doc.text));
    const article = extractArticle(doc.text, { html });
    checkDocumentWork(article.claims, `Document "${doc.id}"`);
    return { doc, article };
  });
  const incoming = extracted.flatMap(({ doc, article }) =>
    article.claims.map((c) => toMatchable(c, `${doc.id}:${c.position}`, doc.id)),
  );
  const names = entityNames(extracted.map((e) => e.article));
  return { extracted, incoming, names, stats: termStatsFrom(incoming) };
}

const entryOf = (other: string, t: PairTrail): PairDecision => ({
  claim: other,
  linked: t.linked,
  decidedBy: t.decidedBy,
  verdict: t.verdict,
  steps: t.steps,
});

/**
 * Why the claims whose text contains `phrase` were or were not linked (`npm run compare -- --why`):
 * each claim they were compared with and what decided, then the claims of other documents that state
 * a figure of the same kind but were never compared, and why not.
 */
export function whyNotLinked(documents: CompareDocument[], phrase: string) {
  const { incoming, names, stats } = prepare(documents);
  const needle = phrase.toLowerCase();
  const focus = new Set(incoming.filter((c) => c.text.toLowerCase().includes(needle)).map((c) => c.ref));
  const { trails } = crossReferenceExplained(incoming, [], stats, names, (ref) => focus.has(ref));
  const byRef = new Map(incoming.map((c) => [c.ref, c]));
  const compared = comparedByClaim(trails);
  return [...focus].map((ref) => {
    const claim = byRef.get(ref)!;
    const seen = compared.get(ref) ?? [];
    const met = new Set(seen.map((x) => x.claim));
    const kinds = new Set(claim.quantities.map((q) => q.unitClass));
    const never = incoming
      .filter(
        (o) =>
          o.article !== claim.article && !met.has(o.ref) && o.quantities.some((q) => kinds.has(q.unitClass)),
      )
      .map((o) => entryOf(o.ref, explainPair(claim, o, stats, names)));
    return {
      claim: { id: ref, text: claim.text },
      compared: [...seen, ...never].map((x) => ({ ...x, text: byRef.get(x.claim)?.text ?? '' })),
    };
  });
}

/** Each claim's trails, from both sides of every pair compared. */
function comparedByClaim(trails: PairTrail[]): Map<string, PairDecision[]> {
  const out = new Map<string, PairDecision[]>();
  const add = (id: string, other: string, t: PairTrail) => {
    const entry = entryOf(other, t);
    const list = out.get(id);
    if (list) list.push(entry);
    else out.set(id, [entry]);
  };
  for (const t of trails) {
    add(t.a, t.b, t);
    add(t.b, t.a, t);
  }
  return out;
}

/**
 * Cross-references the documents among themselves. With `explain`, every claim also says which claims
 * it was compared with and which rule decided each pair (`compared`); without it nothing of that is
 * worked out.
 */
export function compareDocuments(documents: CompareDocument[], options: { explain?: boolean } = {}) {
  const { extracted, incoming, names, stats } = prepare(documents);
  const explained = options.explain ? crossReferenceExplained(incoming, [], stats, names, () => true) : null;
  const links = explained ? explained.links : crossReference(incoming, [], stats, names);
  const compared = explained ? comparedByClaim(explained.trails) : null;
  // Entities two documents write differently (Kyiv / Kiev): information for a reviewer, never conflicts.
  const naming = extracted.flatMap(({ doc, article }, i) =>
    extracted.slice(i + 1).flatMap((other) =>
      namingDifferences(article.mentions, other.article.mentions).map((d) => ({
        entity: names.get(d.key) ?? d.key,
        documentA: doc.id,
        documentB: other.doc.id,
        a: d.a,
        b: d.b,
      })),
    ),
  );
  return {
    documents: extracted.map(({ doc, article }) => ({
      id: doc.id,
      source: doc.source ?? null,
      claims: article.claims.length,
      text: article.text,
    })),
    claims: extracted.flatMap(({ doc, article }) =>
      article.claims.map((c) => ({
        id: `${doc.id}:${c.position}`,
        document: doc.id,
        text: c.text,
        start: c.start,
        end: c.end,
        kind: c.kind,
        checkworthiness: c.checkworthiness,
        quantities: c.quantities.map(quantityJson),
        entities: c.entities,
        // Who is quoted saying what: a figure inside a quote is the speaker's ("Austin, quoted by CNN").
        quotes: c.quotes.flatMap((q) => (q.speakerText ? [{ text: q.text, speaker: q.speakerText }] : [])),
        ...(compared ? { compared: compared.get(`${doc.id}:${c.position}`) ?? [] } : {}),
      })),
    ),
    links: links.map((l) => ({
      relation: l.relation,
      a: l.a,
      b: l.b,
      severity: l.severity,
      score: l.score,
      explanation: jsonSafe(l.explanation),
    })),
    namingDifferences: naming,
  };
}

export type CompareResult = ReturnType<typeof compareDocuments>;
