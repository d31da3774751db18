// Use case: stateless compare — cross-reference a few documents among themselves, store nothing.
import {
  crossReference,
  entityNames,
  extractArticle,
  looksLikeHtml,
  namingDifferences,
  type Quantity,
  termStatsFrom,
  toMatchable,
} from '../core';
import { checkClaimCount } from './work-limits';

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

export function compareDocuments(documents: CompareDocument[]) {
  const extracted = documents.map((doc) => {
    const html = doc.format === 'html' || (doc.format !== 'text' && looksLikeHtml(doc.text));
    const article = extractArticle(doc.text, { html });
    checkClaimCount(article.claims.length, `Document "${doc.id}"`);
    return { doc, article };
  });
  const incoming = extracted.flatMap(({ doc, article }) =>
    article.claims.map((c) => toMatchable(c, `${doc.id}:${c.position}`, doc.id)),
  );
  const names = entityNames(extracted.map((e) => e.article));
  const links = crossReference(incoming, [], termStatsFrom(incoming), names);
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
