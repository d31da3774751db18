// What the pair tests read of one claim, derived once per crossReference call.
import { anchorFigure, contentStem } from '../claims';
import type { ClaimForMatching, Quantity } from '../types';
import { isArticleMarker, MARKER, ownWith } from './markers';
import { countedNames, mentionedIn } from './names';
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
export class ClaimView {
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

/** Who states a quantity: the speaker of the quote it sits in, or the article's own voice. */
function voiceOf(c: ClaimForMatching, q: Quantity): string {
  const quote = c.quotes.find((x) => x.start <= q.start && q.end <= x.end);
  return quote ? `quote:${quote.speaker ?? quote.speakerText ?? 'unattributed'}` : 'narration';
}
