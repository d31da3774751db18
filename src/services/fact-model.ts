// Facts as a reader sees them (pure): which links form which fact, the groups of claims that agree,
// the rows in time order, counts that only grow and ages told years apart (likely updates, not
// contradictions), and the number line's geometry. No I/O: src/services/facts.ts reads and writes, views/ draw.

/** A link as the fact builder sees it. */
export interface Edge {
  id: number;
  claimA: number;
  claimB: number;
  unit: string;
  factId: number | null;
}

/**
 * Connected components over the links (nodes are claim × unit family), each with the fact id it
 * keeps. A component keeps the smallest fact id it owns: a merge keeps the older fact. A fact id is
 * owned by the component holding the link of that id (a fact's id is the link it formed from), or,
 * when that link is gone or in no component carrying it, by the first component (by smallest link)
 * carrying it. So when a deletion splits a fact, the part with its founding link keeps the id and the
 * other parts become facts of their own, each named after its smallest link. Returns, per fact id,
 * the links that must be set to it (only those not at it already).
 */
export function factAssignments(edges: readonly Edge[]): Map<number, number[]> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    let y = x;
    while (y !== r) {
      const next = parent.get(y) as string;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  const node = (claim: number, unit: string) => {
    const k = `${claim}|${unit}`;
    if (!parent.has(k)) parent.set(k, k);
    return k;
  };
  for (const e of edges) {
    const a = find(node(e.claimA, e.unit));
    const b = find(node(e.claimB, e.unit));
    if (a !== b) parent.set(a, b);
  }
  const byRoot = new Map<string, Edge[]>();
  for (const e of edges) {
    const root = find(node(e.claimA, e.unit));
    const list = byRoot.get(root) ?? [];
    list.push(e);
    byRoot.set(root, list);
  }
  const minId = (list: readonly Edge[]) => Math.min(...list.map((e) => e.id));
  const components = [...byRoot.values()].sort((x, y) => minId(x) - minId(y));
  const componentOfLink = new Map<number, number>();
  const carried = components.map((list, i) => {
    for (const e of list) componentOfLink.set(e.id, i);
    return new Set(list.flatMap((e) => (e.factId === null ? [] : [e.factId])));
  });
  const owner = new Map<number, number>();
  carried.forEach((ids, i) => {
    for (const f of ids) {
      const home = componentOfLink.get(f);
      const ownsByLink = home !== undefined && carried[home]?.has(f);
      if (ownsByLink) owner.set(f, home);
      else if (!owner.has(f)) owner.set(f, i);
    }
  });
  const taken = new Set(owner.keys());
  const out = new Map<number, number[]>();
  components.forEach((list, i) => {
    const owned = [...(carried[i] ?? [])].filter((f) => owner.get(f) === i);
    const fresh = list.map((e) => e.id).filter((id) => !taken.has(id));
    const fact = owned.length ? Math.min(...owned) : fresh.length ? Math.min(...fresh) : minId(list);
    taken.add(fact);
    const move = list.filter((e) => e.factId !== fact).map((e) => e.id);
    if (move.length) out.set(fact, [...(out.get(fact) ?? []), ...move]);
  });
  return out;
}

/** One claim's figure in a fact. */
export interface Figure {
  low: number;
  /** Infinity for an open upper bound ("more than 1,250"). */
  high: number;
  lowInclusive: boolean;
  highInclusive: boolean;
  hedge: string | null;
  text: string;
}

export type FigureShape = 'dot' | 'bar' | 'open-above' | 'open-below';

/** How a figure is drawn: exact values as dots, ranges and hedges as bars, open bounds as arrows. */
export function shapeOf(f: Figure): FigureShape {
  if (!Number.isFinite(f.high)) return 'open-above';
  if (f.low <= 0 && !f.lowInclusive && f.high > 0) return 'open-below';
  if (f.low === f.high && !f.hedge) return 'dot';
  return 'bar';
}

/**
 * Groups of claims that agree: corroborations join them, conflicts keep them apart. Returns each
 * claim's group index (0, 1, …, numbered in the order of `claims`).
 */
export function agreementGroups(
  claims: readonly number[],
  links: readonly { claimA: number; claimB: number; relation: string }[],
): Map<number, number> {
  const parent = new Map<number, number>(claims.map((c) => [c, c]));
  // Path halving: a long chain of agreeing claims (a story copied round after round) stays shallow.
  const find = (x: number): number => {
    let r = x;
    for (let up = parent.get(r); up !== undefined && up !== r; up = parent.get(r)) {
      const grand = parent.get(up) ?? up;
      parent.set(r, grand);
      r = grand;
    }
    return r;
  };
  for (const l of links) {
    if (l.relation !== 'corroboration') continue;
    const a = find(l.claimA);
    const b = find(l.claimB);
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  }
  const index = new Map<number, number>();
  const out = new Map<number, number>();
  for (const c of claims) {
    const root = find(c);
    if (!index.has(root)) index.set(root, index.size);
    out.set(c, index.get(root) as number);
  }
  return out;
}

/** A row of the fact page, before drawing. */
export interface FactRowInput {
  claimId: number;
  publishedAt: string | null;
  figure: Figure;
}

/** ISO dates and times compare as text; a row without one sorts after those with one. */
const timeOf = (r: FactRowInput) => r.publishedAt ?? '\uffff';

/** Rows in time order where articles carry publication times (then by claim id). */
export function inTimeOrder<T extends FactRowInput>(rows: readonly T[]): T[] {
  return [...rows].sort((x, y) =>
    timeOf(x) < timeOf(y) ? -1 : timeOf(x) > timeOf(y) ? 1 : x.claimId - y.claimId,
  );
}

/**
 * Unit families of tolls, which grow as a story develops (src/core/units.ts names them): deaths,
 * injuries, people affected, buildings damaged. Not sizes, distances or memberships.
 */
const GROWING_UNITS = /^(death|injury|casualty|person|child|passenger|missing|displaced|arrest|building)$/;

/**
 * Claims that report a count higher than every earlier report, when all the dated reports of the fact
 * only grow over time (11 → 24 as a story develops): likely updates, not outlets contradicting each
 * other. Returns, per such claim, the figure it updated. Empty when the series ever falls, has fewer
 * than two dates, or the unit is not a count.
 */
export function likelyUpdates(rows: readonly FactRowInput[], unit: string): Map<number, LikelyUpdate> {
  if (unit === 'age') return agedUpdates(rows);
  const out = new Map<number, LikelyUpdate>();
  if (!GROWING_UNITS.test(unit)) return out;
  const dated = inTimeOrder(rows.filter((r) => r.publishedAt && Number.isFinite(r.figure.high)));
  if (new Set(dated.map((r) => r.publishedAt)).size < 2) return out;
  const mid = (f: Figure) => (f.low + f.high) / 2;
  for (let i = 1; i < dated.length; i++) {
    const prev = dated[i - 1] as FactRowInput;
    const cur = dated[i] as FactRowInput;
    if (cur.publishedAt !== prev.publishedAt && mid(cur.figure) < mid(prev.figure)) return new Map();
  }
  let best: FactRowInput | null = null;
  for (const r of dated) {
    if (best && r.publishedAt !== best.publishedAt && mid(r.figure) > mid(best.figure)) {
      out.set(r.claimId, { from: mid(best.figure), at: best.publishedAt as string });
    }
    if (!best || mid(r.figure) >= mid(best.figure)) best = r;
  }
  return out;
}

/** A report that likely updates an earlier one: the earlier figure, its date, and for an age the years between. */
export interface LikelyUpdate {
  from: number;
  at: string;
  /** Set for an age: whole years between the earlier report and this one, which the age grew by. */
  years?: number;
}

const YEAR_MS = 365.2425 * 86_400_000;
const DAY_MS = 86_400_000;
/**
 * Reports days apart that give one person ages a year apart fit a birthday in between, but far more
 * often disagree: a year older needs at least half a year between the reports.
 */
const MIN_GAP_MS = YEAR_MS / 2;

/**
 * Ages of one person told by reports published years apart ("35-year-old" in 2010, "37-year-old" in
 * 2012): when every dated report fits one birth date (an age of n at time t means a birth within the
 * year before t − n years), an older age in a later report is the person having aged, not outlets
 * disagreeing. Each such report is marked with the latest earlier report of a lower age, at least half a
 * year earlier per year of age. Empty when the reports fit no single birth date, or come from fewer than
 * two dates.
 */
function agedUpdates(rows: readonly FactRowInput[]): Map<number, LikelyUpdate> {
  const out = new Map<number, LikelyUpdate>();
  const dated = inTimeOrder(rows)
    .map((r) => ({ r, t: r.publishedAt ? Date.parse(r.publishedAt) : Number.NaN, age: r.figure.low }))
    .filter((d) => Number.isFinite(d.t) && Number.isFinite(d.age) && d.r.figure.high === d.age);
  if (new Set(dated.map((d) => d.r.publishedAt)).size < 2) return out;
  // Born after t − (age + 1) years and at most t − age years: every report's window must overlap.
  let earliestBirth = Number.NEGATIVE_INFINITY;
  let latestBirth = Number.POSITIVE_INFINITY;
  for (const d of dated) {
    earliestBirth = Math.max(earliestBirth, d.t - (d.age + 1) * YEAR_MS);
    latestBirth = Math.min(latestBirth, d.t - d.age * YEAR_MS);
  }
  // A day's slack: a date without a time is read as midnight UTC.
  if (earliestBirth > latestBirth + DAY_MS) return out;
  for (const [i, d] of dated.entries()) {
    const earlier = dated
      .slice(0, i)
      .reverse()
      .find((e) => e.age < d.age && d.t - e.t >= (d.age - e.age - 1) * YEAR_MS + MIN_GAP_MS);
    if (earlier)
      out.set(d.r.claimId, {
        from: earlier.age,
        at: earlier.r.publishedAt as string,
        years: d.age - earlier.age,
      });
  }
  return out;
}

/** Verdicts a new report of the same figure should be read against. */
const RULED = ['false', 'disputed', 'unverifiable', 'verified'] as const;

/**
 * Known claims resurfacing: each claim not yet reviewed whose figure agrees (same group) with a claim
 * already given a verdict — a figure ruled false repeated by a later report, or one verified before.
 * A false verdict is named first, then disputed, unverifiable, verified. Returns, per repeating claim,
 * the reviewed claim it repeats.
 */
export function repeatedVerdicts(
  rows: readonly { claimId: number; group: number; status: string }[],
): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of rows) {
    if (r.status !== 'unreviewed') continue;
    for (const status of RULED) {
      const earlier = rows.find((o) => o.group === r.group && o.status === status);
      if (earlier) {
        out.set(r.claimId, earlier.claimId);
        break;
      }
    }
  }
  return out;
}
