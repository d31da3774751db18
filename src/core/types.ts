// The shapes the pure core produces and consumes; everything outside core depends on these only.

/** A half-open character range [start, end) into the article's normalized text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A term a claim is matched on: a content word, or a prefixed term of one of the kinds in terms.ts
 * (`term`, `isTerm`, `keyOf` make and read them).
 */
export type Term = string;

/**
 * What kind of thing a quantity measures, as the key of its `UnitClass` (unit-class.ts: `unitClassKey`
 * writes it, `classOf` reads it): "country", "money:usd:offer", "duration:year". Stored as it is.
 */
export type UnitClassKey = string;

export interface Quantity extends Span {
  /** The words that produced it, e.g. "some 50 partners". */
  text: string;
  /** The number as written, after scaling ("$1.2 billion" → 1_200_000_000). */
  value: number;
  /** The interval the writer would accept; `high` may be Infinity for "more than". */
  low: number;
  high: number;
  lowInclusive: boolean;
  highInclusive: boolean;
  /** Head noun of the counted thing, singular and lower case: "country", "partner", "dollar". */
  unit: string;
  /** Synonym group of the unit: "country" for countries ≈ nations ≈ partners ≈ members. */
  unitClass: UnitClassKey;
  /** Modifiers of the counted thing ("north korean" in "12,000 North Korean troops"). */
  modifiers: string[];
  /** Period of a rate ("day" for "per day"), or null for a plain amount. */
  rate: string | null;
  /** The hedge word(s) that widened the interval ("some", "more than"), or null. */
  hedge: string | null;
}

export interface Quote extends Span {
  text: string;
  /** Canonical entity key of the speaker, or null when unattributed. */
  speaker: string | null;
  /** The speaker as written near the quote. */
  speakerText: string | null;
}

export interface EntityMention extends Span {
  /** Canonical key shared by all spellings: "kyiv" for Kyiv/Kiev. */
  key: string;
  surface: string;
}

export interface Entity {
  key: string;
  /** The fullest name seen, for display. */
  name: string;
  type: 'person' | 'place' | 'organization' | 'other';
  aliases: string[];
}

export type ClaimKind = 'quantity' | 'quote' | 'statement';

export interface Claim extends Span {
  /** Index of the claim within its article, in reading order. */
  position: number;
  text: string;
  kind: ClaimKind;
  /** 0..1: how worth checking it looks (numbers, named sources, quotes raise it). */
  checkworthiness: number;
  quantities: Quantity[];
  quotes: Quote[];
  /** Canonical entity keys mentioned in the claim's sentence. */
  entities: string[];
  /** Salient terms (lemmatised content words and entity keys) of the claim's own sentence. */
  terms: Term[];
  /** Salient terms of the neighbouring sentences, weighted lower when matching. */
  contextTerms: Term[];
  /** Blocking keys (unit class + salient term) under which candidates are looked up. */
  keys: string[];
  /** Span of the sentence before, for showing context; null for the first sentence. */
  previous: Span | null;
}

export interface ExtractedArticle {
  /** The normalized text all offsets point into. */
  text: string;
  sentences: Span[];
  claims: Claim[];
  entities: Entity[];
  mentions: EntityMention[];
}

export interface ExtractOptions {
  /** Treat the input as HTML and reduce it to text first. */
  html?: boolean;
}

/** A claim as the cross-referencer sees it: new claims and stored candidates alike. */
export interface ClaimForMatching {
  /** Any stable identifier: a database id, or "doc:position" in stateless compare. */
  ref: string;
  /** The article (or document) the claim belongs to. */
  article: string;
  kind: ClaimKind;
  text: string;
  quantities: Quantity[];
  quotes: Quote[];
  entities: string[];
  terms: Term[];
  contextTerms: Term[];
  /** Blocking keys; two claims are compared only when they share one. */
  keys: string[];
}

/** Document frequencies for weighting shared terms: rarer terms count more. */
export interface TermStats {
  /** Number of claims seen in all. */
  total: number;
  /** Number of claims whose terms include `term`. */
  df(term: string): number;
}

export type Relation = 'conflict' | 'corroboration' | 'different_scope' | 'quote_differs';
export type Severity = 'high' | 'medium' | 'low';

export interface QuantitySide {
  claim: string;
  text: string;
  low: number;
  high: number;
  lowInclusive: boolean;
  highInclusive: boolean;
  unit: string;
  hedge: string | null;
  rate: string | null;
}

/** Why two claims were linked, in terms a reviewer can check. */
export interface Explanation {
  /** One or two plain sentences. */
  summary: string;
  unitClass: UnitClassKey | null;
  a: QuantitySide | null;
  b: QuantitySide | null;
  sharedTerms: string[];
  /** How far apart the intervals are, relative to the larger value (0 when they overlap). */
  gap: number | null;
}

export interface LinkDraft {
  a: string;
  b: string;
  relation: Relation;
  /** 0..1: how sure we are the two claims are about the same thing. */
  score: number;
  severity: Severity;
  explanation: Explanation;
}
