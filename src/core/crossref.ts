// Cross-referencing: find claims about the same thing through the blocking keys, then decide whether
// their numbers agree (intervals overlap) or conflict (they do not), and say why.
import type {
  ClaimForMatching,
  Explanation,
  LinkDraft,
  Quantity,
  QuantitySide,
  Relation,
  Severity,
  TermStats,
} from './types';

/** Context similarity needed before two claims count as being about the same thing. */
const MIN_SCORE_ACROSS = 0.5;
/** Inside one article, neighbouring numbers are often different stages of one story: demand more. */
const MIN_SCORE_WITHIN = 0.6;
const CONTEXT_WEIGHT = 0.5;
/** Shared-term evidence (sum of idf) at which the score reaches 1 − 1/e. */
const EVIDENCE_SCALE = 4;
const ENTITY_BOOST = 1.5;
/** A key shared by more claims than this says little; skip it so one common key cannot blow up. */
const MAX_BLOCK_SIZE = 500;

/** Document frequencies from a set of claims: used when nothing is stored (stateless compare). */
export function termStatsFrom(claims: { terms: string[] }[]): TermStats {
  const df = new Map<string, number>();
  for (const c of claims) for (const t of new Set(c.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  return { total: claims.length, df: (t) => df.get(t) ?? 0 };
}

/**
 * Links between the incoming claims (among themselves, within and across articles) and between
 * incoming and stored claims. Stored claims are assumed already cross-referenced with each other.
 * `names` maps entity keys to display names for explanations.
 */
export function crossReference(
  incoming: ClaimForMatching[],
  stored: ClaimForMatching[],
  stats: TermStats,
  names: Map<string, string> = new Map(),
): LinkDraft[] {
  const index = new Map<string, ClaimForMatching[]>();
  for (const c of [...incoming, ...stored]) {
    for (const k of c.keys) {
      const list = index.get(k);
      if (list) list.push(c);
      else index.set(k, [c]);
    }
  }
  const incomingRefs = new Map(incoming.map((c, i) => [c.ref, i]));
  const seen = new Set<string>();
  const links: LinkDraft[] = [];
  const idf = idfFor(stats);
  incoming.forEach((a, ai) => {
    for (const k of a.keys) {
      const block = index.get(k)!;
      if (block.length > MAX_BLOCK_SIZE) continue;
      for (const b of block) {
        const bi = incomingRefs.get(b.ref);
        if (b.ref === a.ref || (bi !== undefined && bi < ai)) continue;
        const pair = `${a.ref}\u0000${b.ref}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const link = compareClaims(a, b, idf, names);
        if (link) links.push(link);
      }
    }
  });
  return links;
}

function idfFor(stats: TermStats) {
  const cache = new Map<string, number>();
  return (t: string) => {
    let w = cache.get(t);
    if (w === undefined) {
      w = Math.log(1 + stats.total / (1 + stats.df(t))) * (t.startsWith('e:') ? ENTITY_BOOST : 1);
      cache.set(t, w);
    }
    return w;
  };
}

/** How much two claims' contexts say they are about the same thing: 0..1, rarer shared terms count more. */
export function contextSimilarity(a: ClaimForMatching, b: ClaimForMatching, idf: (t: string) => number) {
  const weight = (c: ClaimForMatching) => {
    const w = new Map<string, number>();
    for (const t of c.contextTerms) w.set(t, CONTEXT_WEIGHT);
    for (const t of c.terms) w.set(t, 1);
    return w;
  };
  const wa = weight(a);
  const wb = weight(b);
  let shared = 0;
  const sharedTerms: [string, number][] = [];
  for (const [t, x] of wa) {
    const y = wb.get(t);
    if (y === undefined) continue;
    const s = Math.min(x, y) * idf(t);
    // Two context-only matches are weak evidence: both sentences may merely share an article's topic.
    shared += x < 1 && y < 1 ? s * 0.5 : s;
    sharedTerms.push([t, s]);
  }
  // Evidence saturates: a few rare shared terms make two sentences about the same thing, however long
  // they are (outlets word the same fact very differently).
  const score = 1 - Math.exp(-shared / EVIDENCE_SCALE);
  return { score, shared: sharedTerms.sort((x, y) => y[1] - x[1]).map(([t]) => t) };
}

/**
 * Claims about the same event name the same people, places or bodies in the sentence itself, not
 * only in the article around it: topic words ("life sentence", "earthquake") and an article's
 * topic entities are shared by different events of one kind. Different named people, or different
 * years, mean different subjects.
 */
export function sameSubject(a: ClaimForMatching, b: ClaimForMatching): boolean {
  const all = (c: ClaimForMatching) => new Set([...c.terms, ...c.contextTerms]);
  const allA = all(a);
  const allB = all(b);
  const own = (c: ClaimForMatching, prefix: string) => c.terms.filter((t) => t.startsWith(prefix));
  // Anchored: an entity named in one claim's own sentence appears around the other.
  const anchored = own(a, 'e:').some((t) => allB.has(t)) || own(b, 'e:').some((t) => allA.has(t));
  if (!anchored) return false;
  const disjoint = (x: string[], y: string[]) =>
    x.length > 0 && y.length > 0 && !x.some((t) => y.includes(t));
  const around = (set: Set<string>, prefix: string) => [...set].filter((t) => t.startsWith(prefix));
  if (disjoint(around(allA, 'p:'), around(allB, 'p:'))) return false;
  if (disjoint(around(allA, 'y:'), around(allB, 'y:'))) return false;
  if (disjoint(around(allA, 'd:'), around(allB, 'd:'))) return false;
  return true;
}

interface QuantityPair {
  qa: Quantity;
  qb: Quantity;
  overlap: boolean;
  difference: number;
}

/** Pairs of quantities that measure the same thing the same way. */
function comparableQuantities(a: ClaimForMatching, b: ClaimForMatching): QuantityPair[] {
  const pairs: QuantityPair[] = [];
  const sameArticle = a.article === b.article;
  for (const qb of b.quantities) {
    // One writer does not contradict themselves; inside one article only different voices can differ
    // (the narration against a quoted speaker, or two speakers).
    const options = a.quantities.filter(
      (qa) => sameMeasure(qa, qb) && (!sameArticle || voiceOf(a, qa) !== voiceOf(b, qb)),
    );
    if (options.length === 0) continue;
    // When any of a's quantities agrees with qb, qb is corroborated, whatever the others say.
    const agreeing = options.find((qa) => overlaps(qa, qb));
    if (agreeing) {
      if (!informativeAgreement(agreeing, qb)) continue;
      pairs.push({ qa: agreeing, qb, overlap: true, difference: 0 });
      continue;
    }
    const closest = options.reduce((best, qa) =>
      relativeDifference(qa, qb) < relativeDifference(best, qb) ? qa : best,
    );
    pairs.push({ qa: closest, qb, overlap: false, difference: relativeDifference(closest, qb) });
  }
  return pairs;
}

/** Who states a quantity: the speaker of the quote it sits in, or the article's own voice. */
function voiceOf(c: ClaimForMatching, q: Quantity): string {
  const quote = c.quotes.find((x) => x.start <= q.start && q.end <= x.end);
  return quote ? `quote:${quote.speaker ?? quote.speakerText ?? 'unattributed'}` : 'narration';
}

function sameMeasure(x: Quantity, y: Quantity): boolean {
  if (!x.unitClass || x.unitClass !== y.unitClass || x.rate !== y.rate) return false;
  // "Thirteen members of the group" is a part of the group, not its size.
  if (x.modifiers.includes('part-of') !== y.modifiers.includes('part-of')) return false;
  const mx = x.modifiers.filter((m) => m !== 'part-of');
  const my = y.modifiers.filter((m) => m !== 'part-of');
  // "North Korean troops" and "Russian troops" are different groups.
  if (mx.length > 0 && my.length > 0 && !mx.some((m) => my.includes(m))) return false;
  return true;
}

/**
 * Whether two intervals share a value. Touching bounds count as shared: "more than 2.5 years" and
 * "2.5 years" are the same figure rounded, not a disagreement worth a reviewer's time.
 */
export function overlaps(x: Quantity, y: Quantity): boolean {
  return !(x.high < y.low || y.high < x.low);
}

/** An open-ended bound ("more than a dozen") says too little to corroborate a far larger figure. */
function informativeAgreement(x: Quantity, y: Quantity): boolean {
  const open = (q: Quantity) => q.high === Number.POSITIVE_INFINITY || (q.low === 0 && q.value > 0);
  if (!open(x) && !open(y)) return true;
  const ratio = Math.max(x.value, y.value) / Math.max(1e-9, Math.min(x.value, y.value));
  return ratio <= 1.5;
}

function relativeDifference(x: Quantity, y: Quantity): number {
  const big = Math.max(Math.abs(x.value), Math.abs(y.value));
  return big === 0 ? 0 : Math.abs(x.value - y.value) / big;
}

function compareClaims(
  a: ClaimForMatching,
  b: ClaimForMatching,
  idf: (t: string) => number,
  names: Map<string, string>,
): LinkDraft | null {
  const pairs = comparableQuantities(a, b);
  const quote = pairs.length === 0 ? compareQuotes(a, b) : null;
  if (pairs.length === 0 && !quote) return null;
  const { score, shared } = contextSimilarity(a, b, idf);
  if (!sameSubject(a, b)) return null;
  const threshold = a.article === b.article ? MIN_SCORE_WITHIN : MIN_SCORE_ACROSS;
  if (score < threshold) return null;
  const sharedNames = shared
    .filter((t) => !/^[pyd]:/.test(t))
    .slice(0, 6)
    .map((t) => (t.startsWith('e:') ? (names.get(t) ?? t.slice(2)) : t));
  if (quote) {
    return {
      a: a.ref,
      b: b.ref,
      relation: 'quote_differs',
      score: round(score),
      severity: 'low',
      explanation: {
        summary: `Both quote ${quote.speaker} but with different words (${Math.round(quote.similarity * 100)}% of words shared).`,
        unitClass: null,
        a: null,
        b: null,
        sharedTerms: sharedNames,
        gap: null,
      },
    };
  }
  const conflict = pairs.filter((p) => !p.overlap).sort((x, y) => y.difference - x.difference)[0];
  const chosen = conflict ?? pairs[0]!;
  const relation: Relation = conflict ? 'conflict' : 'corroboration';
  const severity = conflict ? severityOf(conflict.difference, score) : 'low';
  const sideA = side(a.ref, chosen.qa);
  const sideB = side(b.ref, chosen.qb);
  const explanation: Explanation = {
    summary: summarize(relation, sideA, sideB, sharedNames, a.article === b.article),
    unitClass: chosen.qa.unitClass,
    a: sideA,
    b: sideB,
    sharedTerms: sharedNames,
    gap: round(chosen.difference),
  };
  return { a: a.ref, b: b.ref, relation, score: round(score), severity, explanation };
}

function severityOf(difference: number, score: number): Severity {
  if (difference >= 0.1 && score >= 0.75) return 'high';
  if (difference >= 0.1 || score >= 0.85) return 'medium';
  return 'low';
}

function side(claim: string, q: Quantity): QuantitySide {
  return {
    claim,
    text: q.text,
    low: q.low,
    high: q.high,
    lowInclusive: q.lowInclusive,
    highInclusive: q.highInclusive,
    unit: q.unit,
    hedge: q.hedge,
    rate: q.rate,
  };
}

/** An interval in words: "exactly 57", "45 to 55", "more than 1,250". */
export function describeInterval(
  s: Pick<QuantitySide, 'low' | 'high' | 'lowInclusive' | 'highInclusive'>,
): string {
  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (s.high === Number.POSITIVE_INFINITY || s.high === null)
    return `${s.lowInclusive ? 'at least' : 'more than'} ${f(s.low)}`;
  if (s.low === 0 && s.high > 0) return `${s.highInclusive ? 'at most' : 'less than'} ${f(s.high)}`;
  if (s.low === s.high) return `exactly ${f(s.low)}`;
  return `${f(s.low)} to ${f(s.high)}`;
}

function summarize(
  relation: Relation,
  a: QuantitySide,
  b: QuantitySide,
  shared: string[],
  sameArticle: boolean,
): string {
  const why = (s: QuantitySide) =>
    `"${s.text}" (${describeInterval(s)}${s.hedge ? `, hedged by "${s.hedge}"` : ''}${s.rate ? `, per ${s.rate}` : ''})`;
  const about = shared.length > 0 ? ` Both are about ${shared.slice(0, 4).join(', ')}.` : '';
  const where = sameArticle ? ' Both claims are in the same article.' : '';
  if (relation === 'conflict') {
    return `One source says ${why(a)}, the other ${why(b)}: the ranges do not overlap.${about}${where}`;
  }
  return `${why(a)} and ${why(b)} overlap, so the sources agree.${about}${where}`;
}

interface QuoteMatch {
  speaker: string;
  similarity: number;
}

/** The same speaker quoted with different words across sources. */
function compareQuotes(a: ClaimForMatching, b: ClaimForMatching): QuoteMatch | null {
  if (a.article === b.article) return null;
  for (const qa of a.quotes) {
    for (const qb of b.quotes) {
      if (!qa.speaker || qa.speaker !== qb.speaker) continue;
      const wa = new Set(qa.text.toLowerCase().match(/[a-z0-9']+/g) ?? []);
      const wb = new Set(qb.text.toLowerCase().match(/[a-z0-9']+/g) ?? []);
      const common = [...wa].filter((w) => wb.has(w)).length;
      const similarity = common / Math.max(1, Math.min(wa.size, wb.size));
      if (similarity >= 0.6 && similarity < 1) return { speaker: qa.speakerText ?? qa.speaker, similarity };
    }
  }
  return null;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
