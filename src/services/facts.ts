// Use case: facts — claims linked as stating one measurable fact — kept up to date at ingest, and read
// as one page: every outlet's figure, in time order, on a number line.
import type { Db } from '../../db/client';
import { type ClaimSummary, claimSummaries } from '../../db/queries/claims';
import { type FactLinkRow, factLinksByIds, factOfLink, factOutline } from '../../db/queries/facts';
import { reviveExplanation } from '../../db/queries/links';
import { verdictTimes } from '../../db/queries/reviews';
import { speakersOf } from '../../db/queries/speakers';
import { NotFoundError } from './errors';
import {
  agreementGroups,
  type Figure,
  type FigureShape,
  inTimeOrder,
  type LikelyUpdate,
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
  /**
   * Set when this report raised a count that only grew over time, or told an age older by the years
   * since an earlier report: a likely update.
   */
  update: LikelyUpdate | null;
  /**
   * Set when this claim, not reviewed yet, repeats a figure already given a verdict (a figure ruled
   * false resurfacing in a later report): the reviewed claim, its verdict, and when it was given (ms).
   */
  repeats: { claimId: number; status: ClaimSummary['status']; at: number | null } | null;
}

export interface FactView {
  id: number;
  unit: string;
  /** This page's rows, in the fact's order (time order where every article carries a date). */
  rows: FactRow[];
  /** The links touching this page's rows: conflicts first (open, then the most severe), at most FACT_LINKS_PER_PAGE. */
  links: FactLinkRow[];
  /** Open conflicts between the fact's claims (all pages), and the worst one's severity. */
  openConflicts: number;
  severity: 'high' | 'medium' | 'low' | null;
  /** Distinct groups of agreeing claims (all pages). */
  groups: number;
  /** Whether the rows are in publication order (every article carries a date). */
  timeOrdered: boolean;
  /** Which page this is: its number (from 1), rows per page, and how many pages the fact has. */
  page: { number: number; size: number; pages: number };
  /** The whole fact: its claims (rows), links, and conflicts. */
  totals: { rows: number; links: number; conflicts: number };
  /**
   * Claim id → its row number in the whole fact (from 1), for this page's rows and the ends of the
   * listed links; and, for those ends on other pages, who gives which figure.
   */
  numbers: Record<number, number>;
  /** The finite span of every figure of the fact, so that each page draws on the same scale. */
  span: { low: number; high: number } | null;
  elsewhere: Record<number, { outlet: string; speaker: string | null; figure: string }>;
}

/** Rows of a fact per page, and the most links listed with them. */
export const FACT_ROWS_PER_PAGE = 50;
export const FACT_LINKS_PER_PAGE = 100;

const RANK = { high: 0, medium: 1, low: 2 } as const;

/** A figure as the outline knows it (its interval): enough to order, group and spot updates. */
const outlineFigure = (side: { low: number; high: number }): Figure => ({
  ...side,
  lowInclusive: true,
  highInclusive: true,
  hedge: null,
  text: '',
});

/**
 * One page of a fact. The fact's outline (every link's ids, relation, status and intervals; every
 * claim's verdict and date: a few numbers each) is read whole, because time order, agreement groups,
 * updates and repeated verdicts span the pages; the words — sentences, outlets, speakers, figures as
 * written, the listed pairs — are read for this page's rows only, so what is read in full and drawn is
 * bounded by the page, not by the fact.
 */
export async function factDetail(
  db: Db,
  id: number,
  pageNumber = 1,
): Promise<FactView | { movedTo: number }> {
  const outline = await factOutline(db, id);
  if (outline.links.length === 0) {
    const now = await factOfLink(db, id);
    if (now !== null && now !== id) return { movedTo: now };
    throw new NotFoundError(`There is no fact ${id}.`);
  }
  const unit = outline.links.find((l) => l.unit)?.unit ?? '';
  // Each claim's figure comes from its first link (by id), as the link's explanation words it.
  const source = new Map<number, { link: number; side: 'a' | 'b'; low: number; high: number }>();
  for (const l of outline.links) {
    if (l.a && !source.has(l.claimA)) source.set(l.claimA, { link: l.id, side: 'a', ...l.a });
    if (l.b && !source.has(l.claimB)) source.set(l.claimB, { link: l.id, side: 'b', ...l.b });
  }
  const info = new Map(outline.claims.map((c) => [c.id, c]));
  const ordered = inTimeOrder(
    [...source].flatMap(([claimId, s]) => {
      const c = info.get(claimId);
      return c ? [{ claimId, publishedAt: c.publishedAt, status: c.status, figure: outlineFigure(s) }] : [];
    }),
  );
  const groups = agreementGroups(
    ordered.map((r) => r.claimId),
    outline.links,
  );
  const updates = likelyUpdates(ordered, unit);
  const repeated = repeatedVerdicts(ordered.map((r) => ({ ...r, group: groups.get(r.claimId) ?? 0 })));
  const size = FACT_ROWS_PER_PAGE;
  const pages = Math.max(1, Math.ceil(ordered.length / size));
  if (pageNumber > pages) {
    throw new NotFoundError(
      `Fact ${id} has ${pages} ${pages === 1 ? 'page' : 'pages'}; there is no page ${pageNumber}.`,
    );
  }
  const numbers: Record<number, number> = {};
  ordered.forEach((r, i) => {
    numbers[r.claimId] = i + 1;
  });
  const onPage = ordered.slice((pageNumber - 1) * size, pageNumber * size);
  const here = new Set(onPage.map((r) => r.claimId));
  const listed = outline.links
    .filter((l) => here.has(l.claimA) || here.has(l.claimB))
    .sort(
      (x, y) =>
        Number(y.relation === 'conflict') - Number(x.relation === 'conflict') ||
        Number(y.status === 'open') - Number(x.status === 'open') ||
        RANK[x.severity] - RANK[y.severity] ||
        x.id - y.id,
    )
    .slice(0, FACT_LINKS_PER_PAGE);
  const away = [
    ...new Set(listed.flatMap((l) => [l.claimA, l.claimB]).filter((c) => !here.has(c) && numbers[c])),
  ];
  const named = [...here, ...away];
  const [full, summaries, speakers, times] = await Promise.all([
    factLinksByIds(db, [...onPage.map((r) => source.get(r.claimId)!.link), ...listed.map((l) => l.id)]),
    claimSummaries(db, named),
    speakersOf(db, named),
    verdictTimes(db, [...new Set(onPage.flatMap((r) => repeated.get(r.claimId) ?? []))]),
  ]);
  const figureOf = (claimId: number): Figure | null => {
    const s = source.get(claimId);
    const side = s ? reviveExplanation(full.get(s.link)?.explanation)[s.side] : null;
    return side
      ? {
          low: side.low,
          high: side.high,
          lowInclusive: side.lowInclusive,
          highInclusive: side.highInclusive,
          hedge: side.hedge,
          text: side.text,
        }
      : null;
  };
  const speakerOf = (claimId: number, figure: Figure) =>
    (speakers.get(claimId) ?? []).find((q) => q.text.includes(figure.text))?.speaker ?? null;
  const statusOf = new Map(ordered.map((r) => [r.claimId, r.status as ClaimSummary['status']]));
  const rows = onPage.flatMap((r): FactRow[] => {
    const s = summaries.get(r.claimId);
    const figure = figureOf(r.claimId);
    if (!s || !figure) return [];
    const of = repeated.get(r.claimId);
    return [
      {
        claimId: r.claimId,
        outlet: s.outlet,
        speaker: speakerOf(r.claimId, figure),
        articleId: s.articleId,
        articleTitle: s.articleTitle,
        publishedAt: s.publishedAt,
        text: s.text,
        status: s.status,
        figure,
        shape: shapeOf(figure),
        group: groups.get(r.claimId) ?? 0,
        update: updates.get(r.claimId) ?? null,
        repeats:
          of === undefined
            ? null
            : { claimId: of, status: statusOf.get(of) ?? 'unreviewed', at: times.get(of) ?? null },
      },
    ];
  });
  const elsewhere: FactView['elsewhere'] = {};
  for (const claimId of away) {
    const s = summaries.get(claimId);
    const l = listed.find((x) => x.claimA === claimId || x.claimB === claimId);
    const e = l ? reviveExplanation(full.get(l.id)?.explanation) : null;
    const side = e ? (l?.claimA === claimId ? e.a : e.b) : null;
    if (!s) continue;
    const figure = side?.text ?? '';
    elsewhere[claimId] = {
      outlet: s.outlet,
      speaker: (speakers.get(claimId) ?? []).find((q) => figure && q.text.includes(figure))?.speaker ?? null,
      figure,
    };
  }
  const open = outline.links.filter((l) => l.relation === 'conflict' && l.status === 'open');
  const worst = open.reduce<FactView['severity']>(
    (w, l) => (w === null || RANK[l.severity] < RANK[w] ? l.severity : w),
    null,
  );
  const shown: Record<number, number> = {};
  for (const c of named) if (numbers[c]) shown[c] = numbers[c];
  return {
    id,
    unit,
    rows,
    links: listed.flatMap((l) => full.get(l.id) ?? []),
    openConflicts: open.length,
    severity: worst,
    groups: new Set(groups.values()).size,
    timeOrdered: ordered.length > 0 && ordered.every((r) => r.publishedAt),
    page: { number: pageNumber, size, pages },
    totals: {
      rows: ordered.length,
      links: outline.links.length,
      conflicts: outline.links.filter((l) => l.relation === 'conflict').length,
    },
    numbers: shown,
    span: spanOf(ordered.map((r) => r.figure)),
    elsewhere,
  };
}

function spanOf(figures: readonly Figure[]): { low: number; high: number } | null {
  const finite = figures.flatMap((f) => [f.low, ...(Number.isFinite(f.high) ? [f.high] : [])]);
  if (finite.length === 0) return null;
  return { low: Math.min(...finite), high: Math.max(...finite) };
}
