// The term vocabulary: every kind of term a claim is matched on, its prefix and what it means. Terms
// stay plain strings ("e:austin", "w:tue") because they are stored and counted as such; this module is
// the only place that knows a prefix. A term without a prefix is a content word (a lemma).

/** Each kind of term: its prefix, where it appears, and what it says. */
export const TERM_KINDS = [
  {
    kind: 'entity',
    prefix: 'e:',
    where: 'own, context',
    meaning: 'a name (person, place, organisation) in the sentence',
  },
  {
    kind: 'maybe-name',
    prefix: 'm:',
    where: 'own',
    meaning: 'a capitalised first word that may be a name the other text gives ("Milken was…")',
  },
  {
    kind: 'person',
    prefix: 'p:',
    where: 'own, context',
    meaning: 'a name typed as a person: tells different people apart',
  },
  {
    kind: 'speaker',
    prefix: 's:',
    where: 'own',
    meaning: 'a person the sentence only cites ("…, Nambiar said"): a source, not a subject',
  },
  { kind: 'year', prefix: 'y:', where: 'own, context', meaning: 'a calendar year ("2009", "\'09")' },
  { kind: 'date', prefix: 'd:', where: 'own, context', meaning: 'a calendar day, as month-day ("dec-13")' },
  {
    kind: 'weekday',
    prefix: 'w:',
    where: 'own, context',
    meaning: 'a weekday named as the day something happened ("tue")',
  },
  {
    kind: 'month',
    prefix: 't:',
    where: 'own, context',
    meaning: 'a month named on its own ("in February": "feb")',
  },
  {
    kind: 'article-weekday',
    prefix: 'W:',
    where: 'article',
    meaning: 'a weekday the article names anywhere',
  },
  {
    kind: 'article-name',
    prefix: 'A:',
    where: 'article',
    meaning: 'a name the article mentions (up to a limit)',
  },
  {
    kind: 'frequent-name',
    prefix: 'F:',
    where: 'article',
    meaning: 'a name of the sentence the article returns to (two sentences or more): an actor',
  },
  {
    kind: 'protagonist',
    prefix: 'P:',
    where: 'article',
    meaning: 'a name the article returns to most, places left out',
  },
  {
    kind: 'central-actor',
    prefix: 'Q:',
    where: 'article',
    meaning: 'a protagonist named in three sentences or more',
  },
  {
    kind: 'speaking-name',
    prefix: 'R:',
    where: 'article',
    meaning: 'the recurring speaker of a report that returns to no other name ("Austin said…")',
  },
  {
    kind: 'carried-giver',
    prefix: 'G:',
    where: 'article',
    meaning:
      'who gives "the offer" a sentence speaks of, told by the sentence before ("the Angels have made an offer")',
  },
  {
    kind: 'article-time',
    prefix: 'T:',
    where: 'article',
    meaning: 'a month or year the article names anywhere',
  },
  {
    kind: 'named-age',
    prefix: 'H:',
    where: 'article',
    meaning: 'a person the article names with an age, as key and age ("rt=36"): described-person-named',
  },
  {
    kind: 'given-name',
    prefix: 'B:',
    where: 'article',
    meaning:
      'the given name of a person the article names in full ("chl" of "Chela Ortiz"): given-name-alone',
  },
  {
    kind: 'story-figure',
    prefix: 'N:',
    where: 'article',
    meaning:
      'a figure the article states, as its kind and value ("percent=19"; no dates, no small counts; up to a limit)',
  },
] as const;

export type TermKind = (typeof TERM_KINDS)[number]['kind'];

const PREFIX = Object.fromEntries(TERM_KINDS.map((k) => [k.kind, k.prefix])) as Record<TermKind, string>;
const KIND_OF_PREFIX = new Map<string, TermKind>(TERM_KINDS.map((k) => [k.prefix, k.kind]));

/** The prefix of a kind (for the few SQL statements that read stored terms). */
export const prefixOf = (kind: TermKind): string => PREFIX[kind];

/** A term of a kind: term('entity', 'austin') is "e:austin". */
export const term = (kind: TermKind, key: string): string => PREFIX[kind] + key;

/** Whether a term is of a kind. */
export const isTerm = (t: string, kind: TermKind): boolean => t.startsWith(PREFIX[kind]);

/** A prefixed term's key: keyOf("e:austin") is "austin". */
export const keyOf = (t: string): string => t.slice(2);

/** The same key as a term of another kind: retag("p:austin", "speaker") is "s:austin". */
export const retag = (t: string, kind: TermKind): string => PREFIX[kind] + t.slice(2);

/** The kind of a term, or null for a content word (no prefix). */
export function kindOf(t: string): TermKind | null {
  return t.length > 1 && t.charCodeAt(1) === COLON ? (KIND_OF_PREFIX.get(t.slice(0, 2)) ?? null) : null;
}
const COLON = 58;

/** A content word: a lemma, no kind. */
export const isContentWord = (t: string): boolean => !t.includes(':');

/** The keys of the terms of a kind among `terms`, in order. */
export function keysOf(terms: readonly string[], kind: TermKind): string[] {
  const prefix = PREFIX[kind];
  const out: string[] = [];
  for (const t of terms) if (t.startsWith(prefix)) out.push(t.slice(2));
  return out;
}

/** The terms of a kind among `terms`, in order. */
export function termsOf(terms: readonly string[], kind: TermKind): string[] {
  const prefix = PREFIX[kind];
  return terms.filter((t) => t.startsWith(prefix));
}

/** Kinds that test identity but are no content: never similarity evidence of a claim's own terms. */
const MARKER_KINDS = new Set<TermKind>([
  'person',
  'year',
  'date',
  'weekday',
  'article-weekday',
  'article-name',
  'frequent-name',
  'protagonist',
  'central-actor',
  'speaking-name',
  'maybe-name',
  'month',
  'article-time',
  'speaker',
  'carried-giver',
  'story-figure',
  'named-age',
  'given-name',
]);
const MARKER_PREFIXES = new Set<string>(
  TERM_KINDS.filter((k) => MARKER_KINDS.has(k.kind)).map((k) => k.prefix),
);
/** A marker term: people, years, days, weekdays, months, speakers and article-level keys. */
export const isMarker = (t: string): boolean =>
  t.length > 1 && t.charCodeAt(1) === COLON && MARKER_PREFIXES.has(t.slice(0, 2));

/**
 * An article-level term (W: A: F: P: Q: R: T:): identity tests only, never similarity evidence. By
 * character codes, from the table: it runs once per context term, and a stored claim has hundreds.
 */
const ARTICLE_CODES = new Uint8Array(128);
for (const k of TERM_KINDS) if (k.where === 'article') ARTICLE_CODES[k.prefix.charCodeAt(0)] = 1;
export function isArticleTerm(t: string): boolean {
  if (t.charCodeAt(1) !== COLON) return false;
  const c = t.charCodeAt(0);
  return c < 128 && ARTICLE_CODES[c] === 1;
}

/**
 * Blocking keys: a unit class and what the figure is about, `class|part`. The part is a term (a name),
 * or one of these parts, whose prefixes are their own (they never meet a term).
 */
export const KEY_PARTS = [
  { part: 'stem', prefix: 'w:', meaning: 'a content stem of the sentence ("seize")' },
  { part: 'quote', prefix: 't:', meaning: "a quote's three longest words, sorted" },
  { part: 'figure', prefix: 'f:', meaning: 'an exact figure the sentence states ("seat=125")' },
] as const;
export type KeyPart = (typeof KEY_PARTS)[number]['part'];
const KEY_PREFIX = Object.fromEntries(KEY_PARTS.map((k) => [k.part, k.prefix])) as Record<KeyPart, string>;

/** A blocking key: blockKey('country', 'e:udcg'), or blockKey('seat', 'figure', 'seat=125'). */
export function blockKey(unitClass: string, partOrTerm: string, value?: string): string {
  return value === undefined
    ? `${unitClass}|${partOrTerm}`
    : `${unitClass}|${KEY_PREFIX[partOrTerm as KeyPart]}${value}`;
}
