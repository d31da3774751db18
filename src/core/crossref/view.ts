// What the pair tests read of one claim, derived once per crossReference call.
import { anchorFigure, contentStem } from '../claims';
import type { StoryItems } from '../story';
import {
  isArticleTerm,
  isContentWord,
  isMarker,
  isTerm,
  keyOf,
  keysOf,
  retag,
  term,
  termsOf,
} from '../terms';
import type { ClaimForMatching, Quantity } from '../types';
import { figureIn } from './around-figure';
import { namedAgesOf } from './described-person';
import { ownWith } from './markers';
import { countedNames, mentionedIn } from './names';
import { withRateTotals } from './rate-totals';
import { withSums } from './sums';

/** The weight of a context term against a claim's own terms in contextSimilarity. */
export const CONTEXT_WEIGHT = 0.5;

/**
 * What the pair tests read of one claim, derived once per crossReference call rather than once per
 * pair: a claim meets up to hundreds of others, and each test used to rebuild the same sets and
 * filtered lists from its terms every time. Every field fills on first use, so nothing reads a
 * claim's context terms before the test that needs them does (a stored claim's are parsed only when
 * read: db/queries/candidates.ts). A view is only valid while its claim does not change, which holds
 * inside one call. (Plain fields, not a keyed memo: those lookups showed up in profiles.)
 */
/**
 * Figures of one claim that are compared with another claim's (issue 19): every figure of one against
 * every figure of the other, so a "sentence" of thousands of figures (a table without full stops, or
 * "57 countries " repeated) made one pair of claims take minutes (64 KB: 35 s). A sentence of news
 * states a few; no claim of the eval corpora comes near this (the fingerprint is unchanged).
 */
export const MAX_FIGURES_PER_CLAIM = 64;

/** A relative clause on a past event, right before its figure: "that killed", "which had left at least". */
const IN_PASSING =
  /\b(?:that|which)\s+(?:(?:had|has|have)\s+)?(?:[a-z]+ed|left|hit|struck|shook|took|cost)\s+(?:(?:at least|more than|nearly|about|some|around)\s+)?$/;

export class ClaimView {
  readonly c: ClaimForMatching;
  /** Its index among crossReference's incoming claims (the last of that ref), or undefined. */
  incomingAt: number | undefined = undefined;
  constructor(c: ClaimForMatching) {
    this.c = c;
  }

  private _termSet: Set<string> | undefined = undefined;
  /** The claim's own terms as a set: is x only cited (a speaker term) among them? */
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
  /** The given names of the people its article names in full (given-name terms' keys), if any. */
  private _given: Set<string> | undefined = undefined;
  /** Every name its article mentions (up to a limit), as article-name terms. */
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
  /** Its own entity terms (names). */
  get ownNames() {
    this._ownNames ??= ownWith(this.c, 'entity');
    return this._ownNames;
  }
  private _ownPeople: string[] | undefined = undefined;
  /** Its own person terms (people). */
  get ownPeople() {
    this._ownPeople ??= ownWith(this.c, 'person');
    return this._ownPeople;
  }
  private _anchors: string[] | undefined = undefined;
  private _anchorsWhole: string[] | undefined = undefined;
  /** Its names and the names its maybe-names may be, less the names counted by its figures when `whole`. */
  anchors(whole: boolean) {
    this._anchors ??= [...this.ownNames, ...ownWith(this.c, 'maybe-name').map((t) => retag(t, 'entity'))];
    const all = this._anchors;
    if (!whole) return all;
    this._anchorsWhole ??= all.filter((t) => !this.counted.has(t));
    return this._anchorsWhole;
  }
  /** People none of whose names is only cited (a speaker term) in the sentence: there is one. */
  hasUncited(people: string[]) {
    return people.some((t) => !this.termSet.has(retag(t, 'speaker')));
  }
  private aroundOwn: { person?: string[]; year?: string[]; date?: string[] } = {};
  private aroundAll: { person?: string[]; year?: string[]; date?: string[] } = {};
  /** Its terms and context terms with a prefix (`retold`: its own terms only). */
  around(retold: boolean, kind: 'person' | 'year' | 'date') {
    const known = retold ? this.aroundOwn : this.aroundAll;
    let list = known[kind];
    if (list === undefined) {
      // A loop, not [...set].filter: the set of all terms holds hundreds, asked for three prefixes.
      list = [];
      for (const t of retold ? this.termSet : this.all) if (isTerm(t, kind)) list.push(t);
      known[kind] = list;
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
    const lede = termsOf(this.c.contextTerms, 'weekday');
    if (lede.length > 0) return lede;
    return termsOf(this.c.contextTerms, 'article-weekday').map((t) => retag(t, 'weekday'));
  }
  private _inPassing: boolean | undefined = undefined;
  /**
   * Every figure of it is told in passing, in a relative clause on what happened before: "survivors
   * of a powerful earthquake on a Gulf island that killed 10 people" (a report of Monday's aid).
   */
  get inPassing() {
    if (this._inPassing === undefined) {
      const text = this.c.text;
      this._inPassing =
        this.c.quantities.length > 0 &&
        this.c.quantities.every((q) => {
          const f = figureIn(text, q);
          return f !== null && f.at > 0 && IN_PASSING.test(f.before(40));
        });
    }
    return this._inPassing;
  }
  private _ownDay: string[] | undefined = undefined;
  get ownDay() {
    this._ownDay ??= ownWith(this.c, 'weekday');
    return this._ownDay;
  }
  private _times: string[] | undefined = undefined;
  /** The months and years its own sentence dates it to (a calendar day by its month). */
  get times() {
    this._times ??= this.c.terms.flatMap((t) =>
      isTerm(t, 'month') || isTerm(t, 'year') ? [keyOf(t)] : isTerm(t, 'date') ? [keyOf(t).slice(0, 3)] : [],
    );
    return this._times;
  }
  private _timesNamed: Set<string> | undefined = undefined;
  /** The months and years its article names anywhere (article-time keys). */
  get timesNamed() {
    this._timesNamed ??= new Set(keysOf(this.c.contextTerms, 'article-time'));
    return this._timesNamed;
  }
  private _actors: string[] | undefined = undefined;
  /** Its actors: people around it not only cited, and own names its article keeps returning to. */
  get actors() {
    this._actors ??= [
      ...this.around(false, 'person').filter((t) => !this.termSet.has(retag(t, 'speaker'))),
      ...this.c.terms.filter((t) => isTerm(t, 'entity') && this.all.has(retag(t, 'frequent-name'))),
    ];
    return this._actors;
  }
  private _protagonists: string[] | undefined = undefined;
  private _central: string[] | undefined = undefined;
  /** Its article's protagonists or central actors (context terms of that kind). */
  contextWith(kind: 'protagonist' | 'central-actor') {
    if (kind === 'protagonist') {
      this._protagonists ??= termsOf(this.c.contextTerms, kind);
      return this._protagonists;
    }
    this._central ??= termsOf(this.c.contextTerms, kind);
    return this._central;
  }
  private _noProtagonist: boolean | undefined = undefined;
  get noProtagonist() {
    this._noProtagonist ??= !this.c.contextTerms.some(
      (t) => isTerm(t, 'protagonist') || isTerm(t, 'speaking-name'),
    );
    return this._noProtagonist;
  }
  private _ownActors: string[] | undefined = undefined;
  /** Own names its article keeps returning to, not only cited. */
  get ownActors() {
    this._ownActors ??= this.c.terms.filter(
      (t) =>
        isTerm(t, 'entity') &&
        this.all.has(retag(t, 'frequent-name')) &&
        !this.termSet.has(retag(t, 'speaker')),
    );
    return this._ownActors;
  }
  private _sentenceNames: string[] | undefined = undefined;
  /** Own names neither counted by its figures nor only cited. */
  get sentenceNames() {
    this._sentenceNames ??= this.c.terms.filter(
      (t) => isTerm(t, 'entity') && !this.counted.has(t) && !this.termSet.has(retag(t, 'speaker')),
    );
    return this._sentenceNames;
  }
  private mentioned: Map<string, boolean> | undefined = undefined;
  /** Whether this claim's article mentions `key` (see mentionedIn), remembered per key. */
  mentions(key: string) {
    this.mentioned ??= new Map();
    let m = this.mentioned.get(key);
    if (m === undefined) {
      // Rule given-name-alone: a lone given name is the person this article names in full.
      m = mentionedIn(key, this.names) || (this._given?.has(key) ?? false);
      this.mentioned.set(key, m);
    }
    return m;
  }
  /** Whether its article never mentions one of these terms' keys (terms of any kind). */
  missesAny(keys: string[]) {
    for (const t of keys) if (!this.mentions(keyOf(t))) return true;
    return false;
  }
  /** How many of these keys its article never mentions. */
  missing(keys: string[]) {
    let n = 0;
    for (const t of keys) if (!this.mentions(keyOf(t))) n++;
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
      if (!isArticleTerm(t)) w.set(t, CONTEXT_WEIGHT);
      else if (isTerm(t, 'article-name')) names.add(t);
      else if (isTerm(t, 'given-name')) {
        this._given ??= new Set();
        this._given.add(keyOf(t));
      }
    }
    this._all = all;
    this._names = names;
    this._weights = w;
    for (const t of c.terms) w.set(t, 1);
    // A maybe-name (a capitalised first word) weighs as the name it may be.
    for (const t of c.terms) if (isTerm(t, 'maybe-name')) w.set(retag(t, 'entity'), 1);
  }
  private _contentTerms: string[] | undefined = undefined;
  /** Its own terms that are no markers, in order and with repeats (they are summed in that order). */
  get contentTerms() {
    this._contentTerms ??= this.c.terms.filter((t) => !isMarker(t));
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
  private _story: StoryItems | undefined = undefined;
  /** The names its whole article mentions and the figures it states (story.ts). */
  get story() {
    this._story ??= { names: this.names, figures: new Set(termsOf(this.c.contextTerms, 'story-figure')) };
    return this._story;
  }
  private _carriedGiver: string | null | undefined = undefined;
  /** Who gives the offer its sentence speaks of only as "the deal", told by the sentence before, or null. */
  get carriedGiver() {
    if (this._carriedGiver === undefined) {
      const t = this.c.contextTerms.find((x) => isTerm(x, 'carried-giver'));
      this._carriedGiver = t ? keyOf(t).replace(/_/g, ' ') : null;
    }
    return this._carriedGiver;
  }
  private _namedAges: ReadonlyMap<number, string[]> | undefined = undefined;
  /** The people its article names with an age, by age (`named-age` terms). */
  get namedAges() {
    this._namedAges ??= namedAgesOf(this);
    return this._namedAges;
  }
  /**
   * The claim as if its sentence named these people too (rule described-person-named: its "36-year-old
   * climber" is the other report's Duncan Rait), for the subject rules of one pair.
   */
  naming(people: string[]): ClaimView {
    const c = this.c;
    const v = new ClaimView({
      ...c,
      terms: [...c.terms, ...people.flatMap((k) => [term('entity', k), term('person', k)])],
      contextTerms: [...c.contextTerms, ...people.map((k) => term('article-name', k))],
    });
    v.incomingAt = this.incomingAt;
    return v;
  }
  private _sums: Quantity[] | undefined = undefined;
  /** Its quantities (the first MAX_FIGURES_PER_CLAIM) with the totals withSums and withRateTotals add. */
  get sums() {
    const c = this.c;
    this._sums ??= withRateTotals(
      c,
      withSums(
        c.quantities.length > MAX_FIGURES_PER_CLAIM
          ? { ...c, quantities: c.quantities.slice(0, MAX_FIGURES_PER_CLAIM) }
          : c,
      ),
    );
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
    this._words ??= this.c.terms.filter((t) => isContentWord(t) && !this.units.has(t) && !/\d/.test(t));
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
  private _sources: string[] | undefined = undefined;
  /** The sources the claim's sentence cites (speaker terms: "…, Nambiar said", "according to Newsday"). */
  get sources() {
    this._sources ??= termsOf(this.c.terms, 'speaker');
    return this._sources;
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

/** Who states a quantity: the speaker of the quote it sits in, or the article's own voice. */
function voiceOf(c: ClaimForMatching, q: Quantity): string {
  const quote = c.quotes.find((x) => x.start <= q.start && q.end <= x.end);
  return quote ? `quote:${quote.speaker ?? quote.speakerText ?? 'unattributed'}` : 'narration';
}
