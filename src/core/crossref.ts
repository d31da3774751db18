// Cross-referencing: find claims about the same thing through the blocking keys, then decide whether
// their numbers agree (intervals overlap) or conflict (they do not), and say why.
import { agesOfDifferentHolders, agesShareHolder, onePersonsAge } from './ages';
import { anchorFigure, contentStem, QUOTE_MIN_WORDS } from './claims';
import { foldName, oneEditApart } from './entities';
import { isOwnerMark, ownedAlike, ownerOf } from './owners';
import { WHOLE } from './quantities';
import type {
  ClaimForMatching,
  Explanation,
  LinkDraft,
  Quantity,
  QuantitySide,
  Quote,
  Relation,
  Severity,
  TermStats,
} from './types';
import { MONTHS, STOPWORDS } from './words';

/** Context similarity needed before two claims count as being about the same thing. */
const MIN_SCORE_ACROSS = 0.2;
/** Inside one article, neighbouring numbers are often different stages of one story: demand more. */
const MIN_SCORE_WITHIN = 0.6;
const CONTEXT_WEIGHT = 0.5;
/** Shared-term evidence (sum of idf) at which the score reaches 1 − 1/e. */
const EVIDENCE_SCALE = 4;
const ENTITY_BOOST = 1.5;
/** Coverage of the shorter claim's own terms, scaled so full coverage passes the threshold. */
const COVERAGE_WEIGHT = 0.8;
/** Marker terms (people, years, days, weekdays, months, speakers) that test identity but are not content. */
const MARKER = /^[pydwWAFPQRmtTs]:/;
/**
 * Article-level markers in a claim's context (`W:` `A:` `F:` `P:` `Q:` `R:` `T:`, i.e. /^[WAFPQRT]:/):
 * identity tests only, never similarity evidence. Tested by character codes: it runs once per context
 * term, and a stored claim has hundreds.
 */
function isArticleMarker(t: string): boolean {
  if (t.charCodeAt(1) !== 58) return false;
  switch (t.charCodeAt(0)) {
    case 87: // W
    case 65: // A
    case 70: // F
    case 80: // P
    case 81: // Q
    case 82: // R
    case 84: // T
      return true;
    default:
      return false;
  }
}
/** A key shared by more claims than this says little; skip it so one common key cannot blow up. */
const MAX_BLOCK_SIZE = 500;
/**
 * A name missing from the other report says something only when that report names enough others:
 * a two-line snippet leaves most names out.
 */
const MIN_NAMES_FOR_ABSENCE = 5;
/** Two figures further apart than this factor are not two reports of one figure. */
const MAX_CONFLICT_RATIO = 4;

export { oneEditApart } from './entities';

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
  const views = [...incoming, ...stored].map((c) => new ClaimView(c));
  const index = new Map<string, ClaimView[]>();
  for (const v of views) {
    for (const k of v.c.keys) {
      const list = index.get(k);
      if (list) list.push(v);
      else index.set(k, [v]);
    }
  }
  const incomingRefs = new Map(incoming.map((c, i) => [c.ref, i]));
  for (const v of views) v.incomingAt = incomingRefs.get(v.c.ref);
  // The pairs compared so far, as the refs b compared with each ref a.
  const seen = new Map<string, Set<string>>();
  const links: LinkDraft[] = [];
  const agreements: Agreement[] = [];
  const voices = new Map<LinkDraft, [string, string, string, string]>();
  const idf = idfFor(stats);
  for (let ai = 0; ai < incoming.length; ai++) {
    const a = views[ai]!;
    const ref = a.c.ref;
    let done = seen.get(ref);
    if (!done) {
      done = new Set();
      seen.set(ref, done);
    }
    for (const k of a.c.keys) {
      const block = index.get(k)!;
      if (block.length > MAX_BLOCK_SIZE) continue;
      for (const b of block) {
        const bi = b.incomingAt;
        if (b.c.ref === ref || (bi !== undefined && bi < ai) || done.has(b.c.ref)) continue;
        done.add(b.c.ref);
        const link = compareClaims(a, b, idf, names, agreements, voices);
        if (link) links.push(link);
      }
    }
  }
  return dropContradictedConflicts(links, agreements, voices);
}

/**
 * A conflict between a figure and one claim of another article is not a disagreement between the
 * articles when another claim of that article states the same figure for the same thing: the first
 * claim was about something else ("420 people hanged" against "4.4 million people live", when the
 * same article also says "the country of 4.4 million people").
 */
function dropContradictedConflicts(
  links: LinkDraft[],
  agreements: Agreement[],
  voices: Map<LinkDraft, [string, string, string, string]>,
) {
  // "claim|figure|article|voice": the figure is stated by a claim of that article, in that voice.
  const agreed = new Set(
    agreements.map((x) => `${x.claim}\u0000${x.text}\u0000${x.article}\u0000${x.voice}`),
  );
  return links.filter((l) => {
    const v = voices.get(l);
    if (l.relation !== 'conflict' || !v || !l.explanation.a || !l.explanation.b) return true;
    const { a, b } = l.explanation;
    // v: [voice of a, voice of b, article of a, article of b]. Dropped when a's figure is stated by a
    // claim of b's article in b's voice, or b's figure by a claim of a's article in a's voice.
    return !(
      agreed.has(`${a.claim}\u0000${a.text}\u0000${v[3]}\u0000${v[1]}`) ||
      agreed.has(`${b.claim}\u0000${b.text}\u0000${v[2]}\u0000${v[0]}`)
    );
  });
}

/** A figure of one claim matched by a claim of another article, in a given voice of that article. */
interface Agreement {
  claim: string;
  text: string;
  article: string;
  voice: string;
}

/**
 * The terms crossReference(incoming, stored) can ask `stats` for, so that a caller reading document
 * frequencies from storage reads only these (about 40 % of all the claims' terms): the own terms of
 * every claim (contextSimilarity's coverage), and the terms a pair shares, which are always an incoming
 * claim's terms or context terms, or the name an incoming maybe-name stands for (listed whether or not
 * the other claim spells it out: two claims opening with the same maybe-name share it). A context term that is
 * an article-level marker (isArticleMarker) is never weighed: contextSimilarity leaves those out (a
 * sixth of an article's distinct context terms). Keep it in step with idfFor's callers
 * (tests/core/weighted-terms.test.ts checks it against crossReference itself).
 */
export function weightedTerms(incoming: ClaimForMatching[], stored: ClaimForMatching[]): string[] {
  const out = new Set<string>();
  const maybeNames = new Set<string>();
  for (const c of incoming) {
    for (const t of c.terms) {
      out.add(t);
      if (t.startsWith('m:')) {
        // Weighed as the name it may be (ClaimView.readContext), also when the other claim's
        // maybe-name is the same word and neither spells the name out.
        out.add(`e:${t.slice(2)}`);
        maybeNames.add(`e:${t.slice(2)}`);
      }
    }
    for (const t of c.contextTerms) if (!isArticleMarker(t)) out.add(t);
  }
  for (const c of stored) {
    for (const t of c.terms) out.add(t);
    for (const t of c.contextTerms) if (maybeNames.has(t)) out.add(t);
  }
  return [...out];
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

/**
 * What the pair tests read of one claim, derived once per crossReference call rather than once per
 * pair: a claim meets up to hundreds of others, and each test used to rebuild the same sets and
 * filtered lists from its terms every time. Every field fills on first use, so nothing reads a
 * claim's context terms before the test that needs them does (a stored claim's are parsed only when
 * read: db/queries/candidates.ts). A view is only valid while its claim does not change, which holds
 * inside one call. (Plain fields, not a keyed memo: those lookups showed up in profiles.)
 */
class ClaimView {
  readonly c: ClaimForMatching;
  /** Its index among crossReference's incoming claims (the last of that ref), or undefined. */
  incomingAt: number | undefined = undefined;
  constructor(c: ClaimForMatching) {
    this.c = c;
  }

  private _termSet: Set<string> | undefined = undefined;
  /** The claim's own terms as a set: is `s:x` (x only cited) among them? */
  get termSet() {
    this._termSet ??= new Set(this.c.terms);
    return this._termSet;
  }
  private _all: Set<string> | undefined = undefined;
  /** Its terms and context terms. */
  get all() {
    if (this._all === undefined) this.readContext();
    return this._all!;
  }
  private _names: Set<string> | undefined = undefined;
  /** Every name its article mentions (up to a limit), as `A:` keys. */
  get names() {
    if (this._names === undefined) this.readContext();
    return this._names!;
  }
  private _counted: Set<string> | undefined = undefined;
  get counted() {
    this._counted ??= countedNames(this.c);
    return this._counted;
  }
  private _ownNames: string[] | undefined = undefined;
  /** Its own terms starting with `e:` (names). */
  get ownNames() {
    this._ownNames ??= ownWith(this.c, 'e:');
    return this._ownNames;
  }
  private _ownPeople: string[] | undefined = undefined;
  /** Its own terms starting with `p:` (people). */
  get ownPeople() {
    this._ownPeople ??= ownWith(this.c, 'p:');
    return this._ownPeople;
  }
  private _anchors: string[] | undefined = undefined;
  private _anchorsWhole: string[] | undefined = undefined;
  /** Its names and the names its maybe-names may be, less the names counted by its figures when `whole`. */
  anchors(whole: boolean) {
    this._anchors ??= [...this.ownNames, ...ownWith(this.c, 'm:').map((t) => `e:${t.slice(2)}`)];
    const all = this._anchors;
    if (!whole) return all;
    this._anchorsWhole ??= all.filter((t) => !this.counted.has(t));
    return this._anchorsWhole;
  }
  /** People none of whose names is only cited (`s:`) in the sentence: there is one. */
  hasUncited(people: string[]) {
    return people.some((t) => !this.termSet.has(`s:${t.slice(2)}`));
  }
  private aroundOwn: { 'p:'?: string[]; 'y:'?: string[]; 'd:'?: string[] } = {};
  private aroundAll: { 'p:'?: string[]; 'y:'?: string[]; 'd:'?: string[] } = {};
  /** Its terms and context terms with a prefix (`retold`: its own terms only). */
  around(retold: boolean, prefix: 'p:' | 'y:' | 'd:') {
    const known = retold ? this.aroundOwn : this.aroundAll;
    let list = known[prefix];
    if (list === undefined) {
      // A loop, not [...set].filter: the set of all terms holds hundreds, asked for three prefixes.
      list = [];
      for (const t of retold ? this.termSet : this.all) if (t.startsWith(prefix)) list.push(t);
      known[prefix] = list;
    }
    return list;
  }
  private _day: string[] | undefined = undefined;
  /** The weekdays of its event: its own, else its lede's, else its article's. */
  get day() {
    this._day ??= this.weekdays();
    return this._day;
  }
  private weekdays() {
    if (this.ownDay.length > 0) return this.ownDay;
    const lede = this.c.contextTerms.filter((t) => t.startsWith('w:'));
    if (lede.length > 0) return lede;
    return this.c.contextTerms.filter((t) => t.startsWith('W:')).map((t) => `w:${t.slice(2)}`);
  }
  private _ownDay: string[] | undefined = undefined;
  get ownDay() {
    this._ownDay ??= ownWith(this.c, 'w:');
    return this._ownDay;
  }
  private _times: string[] | undefined = undefined;
  /** The months and years its own sentence dates it to (a calendar day by its month). */
  get times() {
    this._times ??= this.c.terms.flatMap((t) =>
      /^[ty]:/.test(t) ? [t.slice(2)] : t.startsWith('d:') ? [t.slice(2, 5)] : [],
    );
    return this._times;
  }
  private _timesNamed: Set<string> | undefined = undefined;
  /** The months and years its article names anywhere (`T:` keys, without the prefix). */
  get timesNamed() {
    this._timesNamed ??= new Set(
      this.c.contextTerms.filter((t) => t.startsWith('T:')).map((t) => t.slice(2)),
    );
    return this._timesNamed;
  }
  private _actors: string[] | undefined = undefined;
  /** Its actors: people around it not only cited, and own names its article keeps returning to. */
  get actors() {
    this._actors ??= [
      ...this.around(false, 'p:').filter((t) => !this.termSet.has(`s:${t.slice(2)}`)),
      ...this.c.terms.filter((t) => t.startsWith('e:') && this.all.has(`F:${t.slice(2)}`)),
    ];
    return this._actors;
  }
  private _protagonists: string[] | undefined = undefined;
  private _central: string[] | undefined = undefined;
  /** Context terms with a prefix: `P:` protagonists, `Q:` central actors. */
  contextWith(prefix: 'P:' | 'Q:') {
    if (prefix === 'P:') {
      this._protagonists ??= this.c.contextTerms.filter((t) => t.startsWith(prefix));
      return this._protagonists;
    }
    this._central ??= this.c.contextTerms.filter((t) => t.startsWith(prefix));
    return this._central;
  }
  private _noProtagonist: boolean | undefined = undefined;
  get noProtagonist() {
    this._noProtagonist ??= !this.c.contextTerms.some((t) => t.startsWith('P:') || t.startsWith('R:'));
    return this._noProtagonist;
  }
  private _ownActors: string[] | undefined = undefined;
  /** Own names its article keeps returning to, not only cited. */
  get ownActors() {
    this._ownActors ??= this.c.terms.filter(
      (t) => t.startsWith('e:') && this.all.has(`F:${t.slice(2)}`) && !this.termSet.has(`s:${t.slice(2)}`),
    );
    return this._ownActors;
  }
  private _sentenceNames: string[] | undefined = undefined;
  /** Own names neither counted by its figures nor only cited. */
  get sentenceNames() {
    this._sentenceNames ??= this.c.terms.filter(
      (t) => t.startsWith('e:') && !this.counted.has(t) && !this.termSet.has(`s:${t.slice(2)}`),
    );
    return this._sentenceNames;
  }
  private mentioned: Map<string, boolean> | undefined = undefined;
  /** Whether this claim's article mentions `key` (see mentionedIn), remembered per key. */
  mentions(key: string) {
    this.mentioned ??= new Map();
    let m = this.mentioned.get(key);
    if (m === undefined) {
      m = mentionedIn(key, this.names);
      this.mentioned.set(key, m);
    }
    return m;
  }
  /** Whether its article never mentions one of these keys (`X:key`, any one-letter prefix). */
  missesAny(keys: string[]) {
    for (const t of keys) if (!this.mentions(t.slice(2))) return true;
    return false;
  }
  /** How many of these keys its article never mentions. */
  missing(keys: string[]) {
    let n = 0;
    for (const t of keys) if (!this.mentions(t.slice(2))) n++;
    return n;
  }
  private _weights: Map<string, number> | undefined = undefined;
  /** Weights of its terms for contextSimilarity: own terms 1, context terms CONTEXT_WEIGHT. */
  get weights() {
    if (this._weights === undefined) this.readContext();
    return this._weights!;
  }
  /**
   * `all`, `names` and `weights` in one pass over the context terms (a stored claim has hundreds):
   * a pair that needs one of them needs all three (contextSimilarity, then differentSubject).
   */
  private readContext() {
    const c = this.c;
    const all = new Set(c.terms);
    const names = new Set<string>();
    const w = new Map<string, number>();
    for (const t of c.contextTerms) {
      all.add(t);
      if (!isArticleMarker(t)) w.set(t, CONTEXT_WEIGHT);
      else if (t.startsWith('A:')) names.add(t);
    }
    this._all = all;
    this._names = names;
    this._weights = w;
    for (const t of c.terms) w.set(t, 1);
    // A maybe-name (a capitalised first word) weighs as the name it may be.
    for (const t of c.terms) if (t.startsWith('m:')) w.set(`e:${t.slice(2)}`, 1);
  }
  private _contentTerms: string[] | undefined = undefined;
  /** Its own terms that are no markers, in order and with repeats (they are summed in that order). */
  get contentTerms() {
    this._contentTerms ??= this.c.terms.filter((t) => !MARKER.test(t));
    return this._contentTerms;
  }
  private ownIdfOf: ((t: string) => number) | undefined = undefined;
  private ownIdfSum = 0;
  /** The idf its content terms sum to. */
  ownIdf(idf: (t: string) => number) {
    if (this.ownIdfOf !== idf) {
      this.ownIdfSum = this.contentTerms.reduce((n, t) => n + idf(t), 0);
      this.ownIdfOf = idf;
    }
    return this.ownIdfSum;
  }
  private _sums: Quantity[] | undefined = undefined;
  /** Its quantities with the totals withSums adds. */
  get sums() {
    this._sums ??= withSums(this.c);
    return this._sums;
  }
  private _units: Set<string> | undefined = undefined;
  /** Its figures' units and their words: never content words of wordingShare. */
  get units() {
    if (this._units === undefined) {
      const units = new Set<string>();
      for (const q of this.c.quantities) {
        units.add(q.unit);
        for (const w of q.unit.split(' ')) units.add(w);
      }
      this._units = units;
    }
    return this._units;
  }
  private _words: string[] | undefined = undefined;
  private _stems: Set<string> | undefined = undefined;
  /** Its plain words (no key, no digit) that are none of its own units. */
  get words() {
    this._words ??= this.c.terms.filter((t) => !t.includes(':') && !this.units.has(t) && !/\d/.test(t));
    return this._words;
  }
  /** Its content stems beside `other` (none of either claim's units): wordingShare's `content`. */
  contentBeside(other: ClaimView): Set<string> {
    const words = this.words;
    if (words.some((t) => other.units.has(t)))
      return new Set(words.filter((t) => !other.units.has(t)).map(contentStem));
    this._stems ??= new Set(words.map(contentStem));
    return this._stems;
  }
  private _anchorQuantities: Quantity[] | undefined = undefined;
  get anchorQuantities() {
    this._anchorQuantities ??= this.c.quantities.filter(anchorFigure);
    return this._anchorQuantities;
  }
  private voices: Map<Quantity, string> | undefined = undefined;
  /** voiceOf(claim, q), remembered per quantity. */
  voice(q: Quantity) {
    this.voices ??= new Map();
    let v = this.voices.get(q);
    if (v === undefined) {
      v = voiceOf(this.c, q);
      this.voices.set(q, v);
    }
    return v;
  }
}

const ownWith = (c: ClaimForMatching, prefix: string) => c.terms.filter((t) => t.startsWith(prefix));

/** How much two claims' contexts say they are about the same thing: 0..1, rarer shared terms count more. */
export function contextSimilarity(a: ClaimForMatching, b: ClaimForMatching, idf: (t: string) => number) {
  const { score, shared } = similarity(new ClaimView(a), new ClaimView(b), idf);
  return { score, shared: byWeight(shared) };
}

/** contextSimilarity's score, and its shared terms with their weights unsorted: few pairs need them. */
function similarity(a: ClaimView, b: ClaimView, idf: (t: string) => number) {
  const wa = a.weights;
  const wb = b.weights;
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
  const evidence = 1 - Math.exp(-shared / EVIDENCE_SCALE);
  // Coverage: how much of the shorter sentence the other one shares. In a small comparison (two
  // documents) idf cannot tell rare from common words, and a short restatement ("X has 31 member
  // states") shares all it says with the longer report.
  let sharedOwn = 0;
  for (const t of a.contentTerms) {
    const y = wb.get(t);
    if (y !== undefined) sharedOwn += idf(t) * Math.min(1, y * 1.5);
  }
  const coverage = sharedOwn / Math.max(1e-9, Math.min(a.ownIdf(idf), b.ownIdf(idf)));
  const score = Math.max(evidence, Math.min(1, coverage) * COVERAGE_WEIGHT);
  return { score, shared: sharedTerms };
}

/** Shared terms, the heaviest first (a stable sort: equal weights keep their order). */
function byWeight(shared: [string, number][]): string[] {
  return shared.sort((x, y) => y[1] - x[1]).map(([t]) => t);
}

/**
 * Claims about the same event name the same people, places or bodies in the sentence itself, not
 * only in the article around it: topic words ("life sentence", "earthquake") and an article's
 * topic entities are shared by different events of one kind. Different named people, or different
 * years, mean different subjects.
 */
export function sameSubject(a: ClaimForMatching, b: ClaimForMatching): boolean {
  return differentSubject(a, b) === null;
}

/** Why two claims are about different things (for tests and debugging), or null when they are not. */
export function differentSubject(a: ClaimForMatching, b: ClaimForMatching): string | null {
  return subjectDifference(new ClaimView(a), new ClaimView(b));
}

/** Both lists say something, and nothing in common. */
const disjoint = (x: string[], y: string[]) => x.length > 0 && y.length > 0 && !x.some((t) => y.includes(t));

function subjectDifference(a: ClaimView, b: ClaimView): string | null {
  const allA = a.all;
  const allB = b.all;
  // Anchored: an entity named in one claim's own sentence appears around the other. Without one, the
  // two sentences themselves must say mostly the same thing (two content words beyond the counted
  // noun, covering half of the shorter sentence): "Authorities seize 6,700 pounds of marijuana" and
  // "8,710 pounds of marijuana had been seized".
  // A maybe-name (a capitalised first word) anchors only against a name of the other claim.
  // A name inside a figure's own words is what is counted ("7 AK-47 rifles", "26 Somali pirates"), the
  // same in every incident of one kind: between two whole reports it does not anchor. (Between two
  // snippets it may be all they name: "87 percent of Americans" and "61 percent of Americans".)
  const whole = a.names.size >= MIN_NAMES_FOR_ABSENCE && b.names.size >= MIN_NAMES_FOR_ABSENCE;
  // sameWording and restated weigh the same shared wording: worked out once.
  let share: WordingShare | undefined;
  let anchored = a.anchors(whole).some((t) => allB.has(t)) || b.anchors(whole).some((t) => allA.has(t));
  if (!anchored) {
    share = wordingShare(a, b);
    anchored = sameWording(share) || sameFigure(a, b);
  }
  if (!anchored) return 'no shared name or wording';
  // The helpers below are module functions, not closures made per call: with keepNames (wrangler's
  // default, and tsx) every named closure made costs a defineProperty, ~15 % of a profile here.
  // The people each sentence itself names come first: "X has spent 19 seasons" and "Y played 11
  // seasons" are about different people even when both articles mention both.
  // A person the sentence only cites ("…, Nambiar said") is its source, not its subject: two outlets
  // cite different officials for one fact. Such a name still counts when both name it.
  if (differentPeople(a, a.ownPeople, b, b.ownPeople)) return 'different people in the sentences';
  // One sentence told twice is one fact: only what the two sentences themselves say can set them apart,
  // not the days, names and dates around them (reports written on different days, of one event).
  const retold = restated(a, b, share ?? wordingShare(a, b));
  if (differentPeople(a, a.around(retold, 'p:'), b, b.around(retold, 'p:'))) return 'different people around';
  if (disjoint(a.around(retold, 'y:'), b.around(retold, 'y:'))) return 'different years';
  if (disjoint(a.around(retold, 'd:'), b.around(retold, 'd:'))) return 'different calendar days';
  // Different weekdays of the event: the claim's own, else the article's lede's.
  if (retold ? disjoint(a.ownDay, b.ownDay) : disjoint(a.day, b.day)) return 'different weekdays';
  if (retold) return null;
  if (undated(a, b) || undated(b, a)) return 'dated to a time the other report never names';
  // Each claim's neighbourhood names an actor (a person, or a name its own article keeps returning to)
  // that the other report never mentions: two different events.
  if (foreign(a, b) && foreign(b, a)) return 'each names an actor the other report never mentions';
  // Likewise when each report's protagonists (the names it returns to most) include one the other
  // report never mentions: the INS Mysore's capture against the INS Sukanya's.
  if (strangers(a, b) && strangers(b, a)) return "each report's protagonist is unknown to the other";
  // A report that returns to no name at all (a few lines naming each thing once) has no protagonist of
  // its own to compare; one that never names the other report's central actor (named in three
  // sentences or more: the INS Sukanya) is about another event.
  if ((a.noProtagonist && centralUnknown(b, a)) || (b.noProtagonist && centralUnknown(a, b)))
    return "the other report's protagonist is unknown to a report without one";
  if (ownActorsUnknown(a, b) || ownActorsUnknown(b, a)) return 'own actors unknown to the other report';
  if (whole && (strangerSentence(a, b) || strangerSentence(b, a)))
    return 'every name of the sentence unknown to the other report';
  return null;
}

/** Both name people, none in common, and each names one it does not only cite. */
function differentPeople(a: ClaimView, x: string[], b: ClaimView, y: string[]): boolean {
  return disjoint(x, y) && a.hasUncited(x) && b.hasUncited(y);
}

/**
 * A figure its own sentence dates to a month or a year ("in February", "in 2003") belongs to that
 * time: a report that dates its figure to no time and never names that month or year anywhere, while
 * naming enough else to be a whole report, is about another event (the background quake of
 * February against this Sunday's).
 * A calendar day ("June 24, 2005") counts by its month: the other report may leave the year out.
 */
function undated(c: ClaimView, other: ClaimView): boolean {
  const own = c.times;
  if (own.length === 0 || other.times.length > 0) return false;
  if (other.names.size < MIN_NAMES_FOR_ABSENCE) return false;
  const named = other.timesNamed;
  return !own.some((t) => named.has(t));
}

/** The other report names enough to say what it leaves out. */
const namesEnough = (other: ClaimView) => other.names.size >= MIN_NAMES_FOR_ABSENCE;

function foreign(c: ClaimView, other: ClaimView): boolean {
  return namesEnough(other) && other.missesAny(c.actors);
}

function strangers(c: ClaimView, other: ClaimView): boolean {
  return namesEnough(other) && other.missesAny(c.contextWith('P:'));
}

function centralUnknown(c: ClaimView, other: ClaimView): boolean {
  return namesEnough(other) && other.missesAny(c.contextWith('Q:'));
}

/**
 * One side alone is enough when the actor is named in the claim's own sentence and its article keeps
 * coming back to it: "INS Sukanya … nabbed 26 pirates" against a report that never names the ship.
 */
function ownActorsUnknown(c: ClaimView, other: ClaimView): boolean {
  if (!namesEnough(other)) return false;
  const own = c.ownActors;
  return own.length > 0 && other.missing(own) >= own.length / 2;
}

/**
 * Between two whole reports, every name a figure's own sentence gives is one the other report never
 * mentions: "a masked bandit made off with $136M of diamonds from the Carlton Intercontinental Hotel
 * in Cannes", told as background in a report on another raid, against a report that never names
 * Cannes or the hotel. (A snippet names too little to say what it leaves out: the caller asks only
 * between whole reports.)
 */
function strangerSentence(c: ClaimView, other: ClaimView): boolean {
  const own = c.sentenceNames;
  return own.length > 0 && other.missing(own) === own.length;
}

/**
 * Whether `key` is among `names` (an article's `A:` keys). Spelling variants of one name differ at the
 * end ("Korea"/"Korean", "Somali"/"Somalian"), so a name counts as mentioned when one key starts with
 * the other.
 */
function mentionedIn(key: string, names: Set<string>): boolean {
  if (names.has(`A:${key}`)) return true;
  for (const t of names) {
    const k = t.slice(2);
    if (k.length >= 2 && (k.startsWith(key) || key.startsWith(k))) return true;
    // "Gulf" in "Persian Gulf"; transliterations one letter apart ("Salaluddin" / "Salahaddin").
    if (k.length >= 3 && key.length >= 3 && (k.endsWith(key) || key.endsWith(k))) return true;
    if (k.length >= 4 && key.length >= 4 && oneEditApart(k, key)) return true;
  }
  return false;
}

/** Entity keys a claim's capitalised words inside its figures could have: "AK" of "7 AK-47 rifles". */
export function countedNames(c: ClaimForMatching): Set<string> {
  const out = new Set<string>();
  for (const q of c.quantities) {
    for (const w of q.text.match(/[A-Z][A-Za-z]*/g) ?? []) {
      out.add(`e:${foldName(w)}`);
      out.add(`e:${w.toLowerCase().replace(/s$/, '')}`);
    }
  }
  return out;
}

/**
 * Both sentences state one more figure the same way ("for the 125 seats", "for 125 parliamentary
 * seats"): an exact count of one thing, more than a handful, that both carry is a shared subject.
 */
function sameFigure(a: ClaimView, b: ClaimView): boolean {
  return a.anchorQuantities.some((qa) =>
    b.anchorQuantities.some((qb) => qb.unitClass === qa.unitClass && qb.value === qa.value),
  );
}

interface WordingShare {
  shared: number;
  shorter: number;
  sizes: readonly [number, number];
}

/** Content stems the two own sentences share beyond the counted nouns, and how many the shorter has. */
function wordingShare(a: ClaimView, b: ClaimView): WordingShare {
  const ca = a.contentBeside(b);
  const cb = b.contentBeside(a);
  let shared = 0;
  for (const t of ca) if (cb.has(t)) shared++;
  return { shared, shorter: Math.min(ca.size, cb.size), sizes: [ca.size, cb.size] as const };
}

/**
 * One sentence told twice (wire copy, a quote both outlets carry): at least five content words, and
 * nearly all of the shorter sentence, shared. The sentence's other figures are part of what it says:
 * "six AK 47 rifles, 12 magazines and about 300 rounds of ammunition were found" has four content
 * words beyond its counted nouns, and two figures the retelling states alike.
 */
function restated(a: ClaimView, b: ClaimView, { shared, sizes }: WordingShare): boolean {
  const qa = a.c.quantities;
  const qb = b.c.quantities;
  // Two more exact counts stated alike ("31 magazines and 923 rounds") are one account of one haul.
  const exact = a.anchorQuantities.filter((q) =>
    qb.some((o) => o.unitClass === q.unitClass && o.value === q.value),
  ).length;
  if (exact >= 2) return true;
  const figures = Math.min(statedAlike(qa, qb), statedAlike(qb, qa));
  // The figure in dispute is no difference of wording: a retelling that changes it is still a retelling.
  const size = Math.min(sizes[0] + qa.length, sizes[1] + qb.length) - 1;
  return shared + figures >= 5 && shared + figures >= 0.8 * size;
}

/** How many of `mine` `theirs` states alike: same unit class and interval. */
function statedAlike(mine: Quantity[], theirs: Quantity[]): number {
  return mine.filter((q) =>
    theirs.some((o) => o.unitClass === q.unitClass && o.low === q.low && o.high === q.high),
  ).length;
}

function sameWording({ shared, shorter }: WordingShare): boolean {
  // A short restatement ("11 bodies have been identified") says only a word or two beyond its figure:
  // it matches when the other sentence shares all of them.
  if (shorter <= 2 && shared === shorter && shared >= 1) return true;
  return shared >= 2 && shared >= 0.5 * shorter;
}

interface QuantityPair {
  qa: Quantity;
  qb: Quantity;
  overlap: boolean;
  difference: number;
}

const LOCAL_WINDOW = 40;
/**
 * A whole word: letters glued to digits ("76ers", "AK-47s") are part of a name or code, not a word of
 * their own, so "ers" of "76ers" never makes two figures' surroundings look alike.
 */
const WORD = /(?<![A-Za-z0-9'-])[A-Za-z][A-Za-z'-]+(?![A-Za-z0-9])/g;

/**
 * The words around one figure in its sentence (about six words either side), as stems, without the
 * figure's own unit and number words: "spent 19 seasons with the club" → spent, club. A word the
 * window cuts in half ("ording" of "according") is left out, not read as a word of its own.
 */
export function localContext(claimText: string, q: Quantity): Set<string> {
  // Asked again for every figure it is compared with: remembered per quantity object (and text).
  const known = LOCAL.get(q);
  if (known && known[0] === claimText && known[1] === q.text) return known[2];
  const words = localContextOf(claimText, q);
  LOCAL.set(q, [claimText, q.text, words]);
  return words;
}
const LOCAL = new WeakMap<Quantity, [string, string, Set<string>]>();

function localContextOf(claimText: string, q: Quantity): Set<string> {
  const at = claimText.indexOf(q.text);
  if (at < 0) return new Set();
  let from = Math.max(0, at - LOCAL_WINDOW);
  let to = Math.min(claimText.length, at + q.text.length + LOCAL_WINDOW);
  const inWord = /[A-Za-z0-9'-]/;
  while (from > 0 && from < at && inWord.test(claimText[from - 1]!)) from++;
  while (to < claimText.length && to > at + q.text.length && inWord.test(claimText[to]!)) to--;
  const window = claimText.slice(from, to);
  const own = new Set(q.text.toLowerCase().match(WORD) ?? []);
  const out = new Set<string>();
  for (const m of window.matchAll(WORD)) {
    const w = m[0].toLowerCase().replace(/'s$/, '');
    if (w.length < 3 || STOPWORDS.has(w) || own.has(w)) continue;
    out.add(contentStem(w));
  }
  return out;
}

/**
 * Generic measures (durations, seasons, ages, percentages) say nothing by their unit: "four years" may be a
 * contract, a career or a sentence. Such figures are compared only when their own surroundings share
 * a word, whatever the rest of the two sentences share.
 */
function sameLocalContext(a: ClaimForMatching, qa: Quantity, b: ClaimForMatching, qb: Quantity): boolean {
  if (!GENERIC.test(qa.unitClass)) return true;
  // An age's holder is its context (ages.ts).
  if (agesShareHolder(a, qa, b, qb)) return true;
  if (agesOfDifferentHolders(a, qa, b, qb)) return false;
  const la = localContext(a.text, qa);
  for (const w of localContext(b.text, qb)) if (la.has(w) && !SAYS_NOTHING_MEASURED.has(w)) return true;
  return false;
}

/**
 * Words around a generic figure that say how or when it was measured, never what: "Unemployment *rose*
 * to 5.2 percent *in March*" and "Inflation *rose* to 8.5 percent *in March*" are about different things.
 * Such words (as stems) never make two surroundings alike on their own.
 */
const SAYS_NOTHING_MEASURED = new Set(
  [
    ...'rose rise rising risen fell fall falling fallen climbed jumped dropped declined increased decreased'.split(
      ' ',
    ),
    ...'grew grown gained lost reached stood hit edged slipped surged soared slumped plunged totaled totalled'.split(
      ' ',
    ),
    ...'percent per cent point points rate from compared about roughly nearly almost'.split(' '),
    ...'monday tuesday wednesday thursday friday saturday sunday week month quarter year today yesterday'.split(
      ' ',
    ),
    ...MONTHS,
  ].map(contentStem),
);
// Seasons are a sports duration: "19 seasons with the club" may be a career, a contract or a coaching spell.
const GENERIC = /^(duration:|age$|percent|season$)/;

const MONTH_NAMES = 'January|February|March|April|June|July|August|September|October|November|December';
const PERIOD = new RegExp(
  `\\b(?:(?:in|during|for|since|by) (${MONTH_NAMES})(?! \\d)|(this|last|next|the past|the previous) (year|month|week|season|quarter|decade)|(so far this year|year to date|to date|so far))\\b`,
);

/**
 * The period a figure covers, when the words around it say: "in September", "this year", "so far".
 * Or null. Two figures for different periods are related, not in disagreement.
 */
export function periodOf(claimText: string, q: Quantity): string | null {
  const at = claimText.indexOf(q.text);
  if (at < 0) return null;
  const m = PERIOD.exec(claimText.slice(Math.max(0, at - LOCAL_WINDOW), at + q.text.length + LOCAL_WINDOW));
  if (!m) return null;
  if (m[1]) return m[1];
  if (m[2]) return `${m[2].replace(/^the /, '')} ${m[3]}`;
  return 'to date';
}

/** Pairs of quantities that measure the same thing the same way. */
function comparableQuantities(va: ClaimView, vb: ClaimView): QuantityPair[] {
  const a = va.c;
  const b = vb.c;
  const pairs: QuantityPair[] = [];
  const sameArticle = a.article === b.article;
  const qsA = va.sums;
  const qsB = vb.sums;
  for (const qb of qsB) {
    // One writer does not contradict themselves; inside one article only different voices can differ
    // (the narration against a quoted speaker, or two speakers).
    const options = qsA.filter(
      (qa) =>
        sameMeasure(qa, qb) &&
        // ownedAlike holds for two figures no party owns, and it builds two named closures a call (see
        // subjectDifference): asked only when one is owned.
        ((!ownerOf(qa) && !ownerOf(qb)) || ownedAlike(a, qa, b, qb)) &&
        (!sameArticle || va.voice(qa) !== vb.voice(qb)) &&
        sameLocalContext(a, qa, b, qb),
    );
    if (options.length === 0) continue;
    // When any of a's quantities agrees with qb, qb is corroborated, whatever the others say.
    const agreeing = options.find((qa) => overlaps(qa, qb));
    if (agreeing) {
      if (!informativeAgreement(agreeing, qb)) continue;
      pairs.push({ qa: agreeing, qb, overlap: true, difference: 0 });
      continue;
    }
    // A figure of a that another figure of b agrees with is spoken for: "5.35 % against the label's
    // 5.5 %" and "8.02 % against the label's 5.5 %" differ on 5.35 against 8.02, not 5.5 against 8.02.
    const free = options.filter((qa) => !qsB.some((other) => other !== qb && overlaps(qa, other)));
    const closest = (free.length > 0 ? free : options).reduce((best, qa) =>
      relativeDifference(qa, qb) < relativeDifference(best, qb) ? qa : best,
    );
    // Outlets that disagree on a figure disagree by a margin; one figure several times the other is a
    // different quantity (a part and its whole, one day and a season, another incident).
    if (ratioOf(closest, qb) > MAX_CONFLICT_RATIO) continue;
    pairs.push({ qa: closest, qb, overlap: false, difference: relativeDifference(closest, qb) });
  }
  return pairs;
}

/** What happened to people, said once for a list of groups: "11 militants and six soldiers were killed". */
const FATE = /^(death|injury|arrest|missing|displaced)$/;
/** Marks a total made by withSums. */
const SUM = 'sum';

/**
 * The claim's quantities, plus the total of groups listed together whose fate the sentence states once
 * ("11 militants and six soldiers were killed" also says 17 deaths). A total is compared like any
 * figure, so "17 people were killed" agrees with it instead of conflicting with one of its parts.
 */
export function withSums(c: ClaimForMatching): Quantity[] {
  const qs = c.quantities;
  const out = [...qs];
  for (let i = 0; i < qs.length; i++) {
    let j = i;
    while (j + 1 < qs.length && listable(qs[j]!) && listable(qs[j + 1]!)) {
      const from = c.text.indexOf(qs[j]!.text) + qs[j]!.text.length;
      const to = c.text.indexOf(qs[j + 1]!.text);
      if (from < qs[j]!.text.length || to < from || !/^\s*(,|and|, and)\s*$/.test(c.text.slice(from, to)))
        break;
      j++;
    }
    const last = qs[j]!;
    if (j === i || !FATE.test(last.unitClass)) continue;
    const parts = qs.slice(i, j + 1);
    const start = c.text.indexOf(parts[0]!.text);
    out.push({
      ...last,
      text: c.text.slice(start, c.text.indexOf(last.text) + last.text.length),
      start: parts[0]!.start,
      value: parts.reduce((n, q) => n + q.value, 0),
      low: parts.reduce((n, q) => n + q.low, 0),
      high: parts.reduce((n, q) => n + q.high, 0),
      modifiers: [SUM],
      hedge: parts.find((q) => q.hedge)?.hedge ?? null,
    });
    i = j;
  }
  return out;
}

/**
 * A count that can be one of a list of groups summed by withSums: finite, no rate, no part, and no
 * money, share, duration or age. (A module function, not a closure: see subjectDifference.)
 */
function listable(q: Quantity): boolean {
  return (
    Number.isFinite(q.high) &&
    q.rate === null &&
    !q.modifiers.includes('part-of') &&
    !/^(money|percent|duration|age)/.test(q.unitClass)
  );
}

/** Who states a quantity: the speaker of the quote it sits in, or the article's own voice. */
function voiceOf(c: ClaimForMatching, q: Quantity): string {
  const quote = c.quotes.find((x) => x.start <= q.start && q.end <= x.end);
  return quote ? `quote:${quote.speaker ?? quote.speakerText ?? 'unattributed'}` : 'narration';
}

/** A bare percentage ("42 percent think") may be a share of anything the other names ("of Americans"). */
function sameClass(x: string, y: string): boolean {
  if (x === y) return true;
  return generalOf(x, y) || generalOf(y, x);
}

/** Likewise a bare sum of money ("$500,000") may be what the other says it pays for ("$375,000 fine"). */
function generalOf(g: string, s: string): boolean {
  return (g === 'percent' || /^money:[a-z]+$/.test(g)) && s.startsWith(`${g}:`);
}

/** Modifiers that say which group is counted ("North Korean"): not its part, total, owner or whole. */
const kept = (m: string) => m !== 'part-of' && m !== SUM && !isOwnerMark(m) && !m.startsWith(WHOLE);

const wholeOf = (q: Quantity) => q.modifiers.find((m) => m.startsWith(WHOLE)) ?? null;

function sameMeasure(x: Quantity, y: Quantity): boolean {
  if (!x.unitClass || !sameClass(x.unitClass, y.unitClass) || x.rate !== y.rate) return false;
  // "Thirteen members of the group" is a part of the group, not its size.
  if (x.modifiers.includes('part-of') !== y.modifiers.includes('part-of')) return false;
  // "35 of the 40 missiles" is compared with another part of 40 only: not with "two other bullets"
  // (the rest of a group) nor with a part of another whole.
  if (wholeOf(x) !== wholeOf(y)) return false;
  const mx = x.modifiers.filter(kept);
  const my = y.modifiers.filter(kept);
  // "North Korean troops" and "Russian troops" are different groups.
  if (mx.length > 0 && my.length > 0 && !mx.some((m) => my.includes(m))) return false;
  return true;
}

/**
 * Whether two intervals share a value. Touching bounds count as shared: "more than 2.5 years" and
 * "2.5 years" are the same figure rounded, not a disagreement worth a reviewer's time.
 */
export function overlaps(x: Quantity, y: Quantity): boolean {
  if (x.high < y.low || y.high < x.low) return false;
  // Except a rounded figure's top: "$3 million" is what rounds to it, [2.5, 3.5) million, and never
  // meets "$2 million", [1.5, 2.5); "$1.2 billion" never meets "$1.3 billion".
  return !((x.high === y.low && roundedTop(x)) || (y.high === x.low && roundedTop(y)));
}
/** An upper bound left out of a figure's interval that is no "fewer than" (those start at 0). */
const roundedTop = (q: Quantity) => !q.highInclusive && q.low > 0 && Number.isFinite(q.high);

/** An open-ended bound: "more than 50", "at least 50", "fewer than 50". */
const open = (q: Quantity) => q.high === Number.POSITIVE_INFINITY || (q.low === 0 && q.value > 0);

/** An open-ended bound ("more than a dozen") says too little to corroborate a far larger figure. */
function informativeAgreement(x: Quantity, y: Quantity): boolean {
  if (!open(x) && !open(y)) return true;
  const ratio = Math.max(x.value, y.value) / Math.max(1e-9, Math.min(x.value, y.value));
  return ratio <= 1.5;
}

function ratioOf(x: Quantity, y: Quantity): number {
  const a = Math.abs(x.value);
  const b = Math.abs(y.value);
  return Math.max(a, b) / Math.max(1e-9, Math.min(a, b));
}

function relativeDifference(x: Quantity, y: Quantity): number {
  const big = Math.max(Math.abs(x.value), Math.abs(y.value));
  return big === 0 ? 0 : Math.abs(x.value - y.value) / big;
}

function compareClaims(
  va: ClaimView,
  vb: ClaimView,
  idf: (t: string) => number,
  names: Map<string, string>,
  agreements: Agreement[] = [],
  voices: Map<LinkDraft, [string, string, string, string]> = new Map(),
): LinkDraft | null {
  const a = va.c;
  const b = vb.c;
  let pairs = comparableQuantities(va, vb);
  const quote = pairs.length === 0 ? compareQuotes(a, b) : null;
  if (pairs.length === 0 && !quote) return null;
  const { score, shared } = similarity(va, vb, idf);
  // One quote under two names: the people differ by construction, so no subject test applies.
  if (quote?.otherSpeaker) return misattributedQuote(a, b, quote, score);
  // Too little in common is no link whatever the subject test says: asked first, as it is cheaper.
  const threshold = a.article === b.article ? MIN_SCORE_WITHIN : MIN_SCORE_ACROSS;
  if (score < threshold) return null;
  const why = subjectDifference(va, vb);
  if (why !== null) {
    // Two claims about different events may still give one person's age (see onePersonsAge).
    pairs = pairs.filter((p) => onePersonsAge(a, p.qa, b, p.qb, why));
    if (pairs.length === 0) return null;
  }
  const sharedNames = byWeight(shared)
    .filter((t) => !MARKER.test(t))
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
  for (const p of pairs) {
    // Only a figure stated as a closed interval answers a conflict: "at least $160 million" admits
    // "$208 million" without saying it ("over $2.6 million" against "$3.9m").
    if (!p.overlap || open(p.qa) || open(p.qb)) continue;
    agreements.push({
      claim: a.ref,
      text: p.qa.text,
      article: b.article,
      voice: vb.voice(p.qb),
    });
    agreements.push({
      claim: b.ref,
      text: p.qb.text,
      article: a.article,
      voice: va.voice(p.qa),
    });
  }
  // A total conflicts only where nothing else of the two claims agrees: "45 police" against "100
  // Iranians, 45 police" is one agreeing figure, not a disagreement with the total.
  const isSum = (p: QuantityPair) => p.qa.modifiers.includes(SUM) || p.qb.modifiers.includes(SUM);
  const anyAgreement = pairs.some((p) => p.overlap);
  const conflict = pairs
    .filter((p) => !p.overlap && !(anyAgreement && isSum(p)))
    .sort((x, y) => y.difference - x.difference)[0];
  const chosen = conflict ?? pairs[0]!;
  // Different periods ("in September" against "this year"): related figures, not a disagreement.
  const scopes = conflict ? [periodOf(a.text, conflict.qa), periodOf(b.text, conflict.qb)] : [null, null];
  const scoped = scopes[0] !== null && scopes[1] !== null && scopes[0] !== scopes[1];
  const relation: Relation = conflict ? (scoped ? 'different_scope' : 'conflict') : 'corroboration';
  const severity = conflict && !scoped ? severityOf(conflict.difference, score) : 'low';
  const sideA = side(a.ref, chosen.qa);
  const sideB = side(b.ref, chosen.qb);
  const explanation: Explanation = {
    summary: scoped
      ? `One source says "${sideA.text}" for ${scopes[0]}, the other "${sideB.text}" for ${scopes[1]}: different periods, so not compared as a disagreement.`
      : summarize(relation, sideA, sideB, sharedNames, a.article === b.article),
    unitClass: chosen.qa.unitClass,
    a: sideA,
    b: sideB,
    sharedTerms: sharedNames,
    gap: round(chosen.difference),
  };
  const link: LinkDraft = { a: a.ref, b: b.ref, relation, score: round(score), severity, explanation };
  voices.set(link, [va.voice(chosen.qa), vb.voice(chosen.qb), a.article, b.article]);
  return link;
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

/** toLocaleString with options builds a NumberFormat per call: one, made once, formats the same. */
const FIGURES = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** An interval in words: "exactly 57", "45 to 55", "more than 1,250". */
export function describeInterval(
  s: Pick<QuantitySide, 'low' | 'high' | 'lowInclusive' | 'highInclusive'>,
): string {
  if (s.high === Number.POSITIVE_INFINITY || s.high === null)
    return `${s.lowInclusive ? 'at least' : 'more than'} ${FIGURES.format(s.low)}`;
  if (s.low === 0 && s.high > 0)
    return `${s.highInclusive ? 'at most' : 'less than'} ${FIGURES.format(s.high)}`;
  if (s.low === s.high) return `exactly ${FIGURES.format(s.low)}`;
  return `${FIGURES.format(s.low)} to ${FIGURES.format(s.high)}`;
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
  /** Set when the same words are attributed to someone else in the other source. */
  otherSpeaker?: string;
  similarity: number;
}

/**
 * The same speaker quoted with different words across sources, or the same words (at least
 * QUOTE_MIN_WORDS, 80 % shared) attributed to two different speakers.
 */
function compareQuotes(a: ClaimForMatching, b: ClaimForMatching): QuoteMatch | null {
  if (a.article === b.article) return null;
  for (const qa of a.quotes) {
    for (const qb of b.quotes) {
      if (!qa.speaker || !qb.speaker) continue;
      const wa = new Set(qa.text.toLowerCase().match(/[a-z0-9']+/g) ?? []);
      const wb = new Set(qb.text.toLowerCase().match(/[a-z0-9']+/g) ?? []);
      const common = [...wa].filter((w) => wb.has(w)).length;
      const similarity = common / Math.max(1, Math.min(wa.size, wb.size));
      if (qa.speaker !== qb.speaker) {
        if (
          similarity >= 0.8 &&
          Math.min(wa.size, wb.size) >= QUOTE_MIN_WORDS &&
          twoDifferentSpeakers(a, qa, b, qb)
        )
          return {
            speaker: qa.speakerText ?? qa.speaker,
            otherSpeaker: qb.speakerText ?? qb.speaker,
            similarity,
          };
        continue;
      }
      if (similarity >= 0.6 && similarity < 1) return { speaker: qa.speakerText ?? qa.speaker, similarity };
    }
  }
  return null;
}

/**
 * Whether two quotes' speakers are surely two people: both named (not "she"), sharing no word of their
 * names ("Zadan" / "Zadan and Meron", one "DeGeneres" keyed two ways), and neither named around the
 * other quote ("said ABC Entertainment Group president Paul Lee" may be parsed as either speaker).
 */
function twoDifferentSpeakers(a: ClaimForMatching, qa: Quote, b: ClaimForMatching, qb: Quote): boolean {
  const words = (q: Quote) => new Set((q.speakerText ?? '').toLowerCase().match(/[a-z]+/g) ?? []);
  if (!/^[A-Z]/.test(qa.speakerText ?? '') || !/^[A-Z]/.test(qb.speakerText ?? '')) return false;
  const wa = words(qa);
  for (const w of words(qb)) if (wa.has(w)) return false;
  const named = (c: ClaimForMatching, speaker: string) => {
    const key = speaker.replace(/^[a-z]:/, '');
    return [...c.terms, ...c.contextTerms].some((t) => t.slice(t.indexOf(':') + 1) === key);
  };
  return !named(a, qb.speaker!) && !named(b, qa.speaker!);
}

function misattributedQuote(
  a: ClaimForMatching,
  b: ClaimForMatching,
  quote: QuoteMatch,
  score: number,
): LinkDraft {
  return {
    a: a.ref,
    b: b.ref,
    relation: 'quote_differs',
    score: round(Math.max(score, quote.similarity)),
    severity: 'medium',
    explanation: {
      summary: `The same words (${Math.round(quote.similarity * 100)}% shared) are attributed to ${quote.speaker} in one source and to ${quote.otherSpeaker} in the other.`,
      unitClass: null,
      a: null,
      b: null,
      sharedTerms: [],
      gap: null,
    },
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
