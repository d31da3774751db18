// Use case: the compare page — paste 2–20 texts, see their facts (each on a number line), conflicts and
// agreements, with nothing stored. The stateless compare (compare.ts) does the work; this groups its
// links into facts the way stored links are grouped (fact-model.ts), for the page to draw.
import type { QuantitySide } from '../core';
import { type CompareDocument, compareDocuments } from './compare';
import { agreementGroups, type Figure, factAssignments, shapeOf } from './fact-model';
import type { FactRow } from './facts';

export interface CompareFact {
  unit: string;
  rows: FactRow[];
  groups: number;
  conflicts: number;
}

export interface ComparePair {
  relation: string;
  severity: string;
  a: { source: string; text: string };
  b: { source: string; text: string };
  summary: string;
}

export interface CompareView {
  documents: { id: string; source: string; claims: number }[];
  claims: number;
  facts: CompareFact[];
  /** Conflicts and differing quotes, most severe first. */
  pairs: ComparePair[];
  corroborations: number;
}

const RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };

const figureOf = (side: QuantitySide): Figure => ({
  low: side.low ?? 0,
  // The compare's JSON writes an open upper bound as null.
  high: side.high ?? Number.POSITIVE_INFINITY,
  lowInclusive: side.lowInclusive,
  highInclusive: side.highInclusive,
  hedge: side.hedge,
  text: side.text,
});

export function compareForPage(documents: CompareDocument[]): CompareView {
  const result = compareDocuments(documents);
  const docIndex = new Map(result.documents.map((d, i) => [d.id, i]));
  const sourceOf = new Map(result.documents.map((d) => [d.id, d.source || d.id]));
  const claimIndex = new Map(result.claims.map((c, i) => [c.id, i + 1]));
  const claimOf = new Map(result.claims.map((c) => [c.id, c]));
  const label = (ref: string) => sourceOf.get(claimOf.get(ref)?.document ?? '') ?? ref;
  // A figure inside a quote is the speaker's, as on stored facts and conflicts: "Austin, quoted by CNN".
  const speakerOf = (ref: string, figure: string | undefined) =>
    figure ? (claimOf.get(ref)?.quotes.find((q) => q.text.includes(figure))?.speaker ?? null) : null;
  const who = (ref: string, figure: string | undefined) => {
    const speaker = speakerOf(ref, figure);
    return speaker ? `${speaker}, quoted by ${label(ref)}` : label(ref);
  };
  // Facts: the connected conflicts and corroborations of one unit family, as for stored links.
  const factLinks = result.links
    .map((l, i) => ({ ...l, id: i + 1 }))
    .filter((l) => (l.relation === 'conflict' || l.relation === 'corroboration') && l.explanation.unitClass);
  const factOf = new Map<number, number>();
  for (const [fact, ids] of factAssignments(
    factLinks.map((l) => ({
      id: l.id,
      claimA: claimIndex.get(l.a) as number,
      claimB: claimIndex.get(l.b) as number,
      unit: l.explanation.unitClass as string,
      factId: null,
    })),
  ))
    for (const id of ids) factOf.set(id, fact);
  const byFact = new Map<number, typeof factLinks>();
  for (const l of factLinks) {
    const f = factOf.get(l.id) as number;
    byFact.set(f, [...(byFact.get(f) ?? []), l]);
  }
  const facts = [...byFact.values()].map((links): CompareFact => {
    const figures = new Map<string, Figure>();
    for (const l of links) {
      if (l.explanation.a && !figures.has(l.a)) figures.set(l.a, figureOf(l.explanation.a));
      if (l.explanation.b && !figures.has(l.b)) figures.set(l.b, figureOf(l.explanation.b));
    }
    const refs = [...figures.keys()];
    const groups = agreementGroups(
      refs.map((r) => claimIndex.get(r) as number),
      links.map((l) => ({
        claimA: claimIndex.get(l.a) as number,
        claimB: claimIndex.get(l.b) as number,
        relation: l.relation,
      })),
    );
    const rows = refs.map((ref): FactRow => {
      const claim = claimOf.get(ref);
      const figure = figures.get(ref) as Figure;
      const claimId = claimIndex.get(ref) as number;
      return {
        claimId,
        outlet: label(ref),
        speaker: speakerOf(ref, figure.text),
        articleId: docIndex.get(claim?.document ?? '') ?? 0,
        articleTitle: claim?.document ?? '',
        publishedAt: null,
        text: claim?.text ?? '',
        status: 'unreviewed',
        figure,
        shape: shapeOf(figure),
        group: groups.get(claimId) ?? 0,
        update: null,
        repeats: null,
      };
    });
    return {
      unit: links[0]?.explanation.unitClass ?? '',
      // In the order the texts were pasted.
      rows: rows.sort((x, y) => x.articleId - y.articleId || x.claimId - y.claimId),
      groups: new Set(rows.map((r) => r.group)).size,
      conflicts: links.filter((l) => l.relation === 'conflict').length,
    };
  });
  facts.sort((x, y) => y.conflicts - x.conflicts || y.rows.length - x.rows.length);
  const pairs = result.links
    .filter((l) => l.relation !== 'corroboration')
    .sort((x, y) => (RANK[x.severity] ?? 3) - (RANK[y.severity] ?? 3) || y.score - x.score)
    .map((l) => ({
      relation: l.relation,
      severity: l.severity,
      a: { source: who(l.a, l.explanation.a?.text), text: claimOf.get(l.a)?.text ?? '' },
      b: { source: who(l.b, l.explanation.b?.text), text: claimOf.get(l.b)?.text ?? '' },
      summary: l.explanation.summary,
    }));
  return {
    documents: result.documents.map((d) => ({ id: d.id, source: d.source ?? d.id, claims: d.claims })),
    claims: result.claims.length,
    facts,
    pairs,
    corroborations: result.links.filter((l) => l.relation === 'corroboration').length,
  };
}
