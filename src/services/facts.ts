// Use case: facts — claims linked as stating one measurable fact — kept up to date at ingest, and read
// as one page: every outlet's figure, in time order, on a number line.
import type { Db } from '../../db/client';
import { type ClaimSummary, claimSummaries } from '../../db/queries/claims';
import { type FactLinkRow, factOfLink, linksOfFact } from '../../db/queries/facts';
import { reviveExplanation } from '../../db/queries/links';
import { verdictTimes } from '../../db/queries/reviews';
import { speakersOf } from '../../db/queries/speakers';
import { NotFoundError } from './errors';
import {
  agreementGroups,
  type Figure,
  type FigureShape,
  inTimeOrder,
  likelyUpdates,
  repeatedVerdicts,
  shapeOf,
} from './fact-model';

export interface FactRow {
  claimId: number;
  outlet: string;
  /** Who the figure is from when the outlet quotes someone: "Austin, quoted by CNN". */
  speaker: string | null;
  articleId: number;
  articleTitle: string;
  publishedAt: string | null;
  text: string;
  status: ClaimSummary['status'];
  figure: Figure;
  shape: FigureShape;
  /** Claims that agree share a group; disagreeing groups are drawn in distinct colours. */
  group: number;
  /** Set when this report raised a count that only grew over time: a likely update. */
  update: { from: number; at: string } | null;
  /**
   * Set when this claim, not reviewed yet, repeats a figure already given a verdict (a figure ruled
   * false resurfacing in a later report): the reviewed claim, its verdict, and when it was given (ms).
   */
  repeats: { claimId: number; status: ClaimSummary['status']; at: number | null } | null;
}

export interface FactView {
  id: number;
  unit: string;
  rows: FactRow[];
  links: FactLinkRow[];
  /** Open conflicts between the fact's claims, and the worst one's severity. */
  openConflicts: number;
  severity: 'high' | 'medium' | 'low' | null;
  /** Distinct groups of agreeing claims. */
  groups: number;
  /** Whether the rows are in publication order (every article carries a date). */
  timeOrdered: boolean;
}

const RANK = { high: 0, medium: 1, low: 2 } as const;

/** The fact page: two reads (its links; then its claims with their speakers, in parallel). */
export async function factDetail(db: Db, id: number): Promise<FactView | { movedTo: number }> {
  const links = await linksOfFact(db, id);
  if (links.length === 0) {
    const now = await factOfLink(db, id);
    if (now !== null && now !== id) return { movedTo: now };
    throw new NotFoundError(`There is no fact ${id}.`);
  }
  const figures = new Map<number, Figure>();
  let unit = '';
  for (const l of links) {
    const e = reviveExplanation(l.explanation);
    unit ||= e.unitClass ?? '';
    for (const [claim, side] of [
      [l.claimA, e.a],
      [l.claimB, e.b],
    ] as const) {
      if (side && !figures.has(claim)) {
        figures.set(claim, {
          low: side.low,
          high: side.high,
          lowInclusive: side.lowInclusive,
          highInclusive: side.highInclusive,
          hedge: side.hedge,
          text: side.text,
        });
      }
    }
  }
  const ids = [...figures.keys()];
  const [summaries, speakers] = await Promise.all([claimSummaries(db, ids), speakersOf(db, ids)]);
  const groups = agreementGroups(
    inTimeOrder(
      ids.map((c) => ({
        claimId: c,
        publishedAt: summaries.get(c)?.publishedAt ?? null,
        figure: figures.get(c)!,
      })),
    ).map((r) => r.claimId),
    links,
  );
  const base = ids.flatMap((claimId) => {
    const s = summaries.get(claimId);
    const figure = figures.get(claimId);
    if (!s || !figure) return [];
    const quoted = (speakers.get(claimId) ?? []).find((q) => q.text.includes(figure.text));
    return [
      {
        claimId,
        outlet: s.outlet,
        speaker: quoted?.speaker ?? null,
        articleId: s.articleId,
        articleTitle: s.articleTitle,
        publishedAt: s.publishedAt,
        text: s.text,
        status: s.status,
        figure,
        shape: shapeOf(figure),
        group: groups.get(claimId) ?? 0,
        update: null,
        repeats: null,
      } satisfies FactRow,
    ];
  });
  const updates = likelyUpdates(base, unit);
  const repeated = repeatedVerdicts(base);
  const times = await verdictTimes(db, [...new Set(repeated.values())]);
  const statusOf = new Map(base.map((r) => [r.claimId, r.status]));
  const rows = inTimeOrder(base).map((r) => {
    const of = repeated.get(r.claimId);
    const repeats =
      of === undefined
        ? null
        : { claimId: of, status: statusOf.get(of) ?? 'unreviewed', at: times.get(of) ?? null };
    return { ...r, update: updates.get(r.claimId) ?? null, repeats };
  });
  const open = links.filter((l) => l.relation === 'conflict' && l.status === 'open');
  const worst = open.reduce<FactView['severity']>(
    (w, l) => (w === null || RANK[l.severity] < RANK[w] ? l.severity : w),
    null,
  );
  return {
    id,
    unit,
    rows,
    links,
    openConflicts: open.length,
    severity: worst,
    groups: new Set(rows.map((r) => r.group)).size,
    timeOrdered: rows.length > 0 && rows.every((r) => r.publishedAt),
  };
}
