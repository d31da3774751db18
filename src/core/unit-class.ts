// Unit classes: what kind of thing a figure measures, as a structure (a family and what it is of), and
// the one function that writes it as the key quantities store and blocking keys use ("money:usd:offer").
// Readers build the structure; every other part of the core reads it with classOf, never the key.

import { comparedUnder } from './time-units';
import type { Quantity } from './types';

/** What happened to the people counted: a family of its own, since a list of groups may share it. */
export const FATES = ['death', 'injury', 'arrest', 'missing', 'displaced'] as const;
export type Fate = (typeof FATES)[number];

/** Units of physical measure and what they measure: a figure converts only within one dimension. */
const MEASURES = new Map<string, Dimension>([
  ['kilometer', 'length'],
  ['mile', 'length'],
  ['meter', 'length'],
  ['foot', 'length'],
  ['kilogram', 'mass'],
  ['pound', 'mass'],
  ['ton', 'mass'],
  ['magnitude', 'magnitude'],
  ['celsius', 'temperature'],
]);
export type Dimension = 'length' | 'mass' | 'magnitude' | 'temperature';

/**
 * What a figure measures. Only figures of one class are compared (and a bare percentage or sum of
 * money with a more specific one of its family: crossref/figure-rules.ts).
 */
export type UnitClass =
  /** "57 countries": what is counted, the head noun's synonym group (units.ts unitClassOf). */
  | { family: 'count'; counted: string }
  /** "20 people were killed": people counted by what happened to them. */
  | { family: 'fate'; fate: Fate }
  /** "58 km", "magnitude 6.1": a unit of physical measure. */
  | { family: 'measure'; unit: string; dimension: Dimension }
  /** "$988 million package": a currency, and what the sum pays for (null when the text says not). */
  | { family: 'money'; currency: string; paysFor: string | null }
  /** "42 percent of Americans": what it is a share of (null for a bare percentage). */
  | { family: 'percent'; of: string | null }
  | { family: 'percentage-point' }
  /** "a 20-year sentence": the time unit. */
  | { family: 'duration'; unit: string }
  /** "Smith, 32,": an age (its holder is a `who:` modifier). */
  | { family: 'age' }
  /** "in 2023", "in July": a year or a month. */
  | { family: 'date'; unit: string }
  /** "at 6:55 PM": a time of day. */
  | { family: 'time'; unit: string }
  /** "by two to one". */
  | { family: 'ratio' }
  /** "the 22nd package": the class of the thing ranked. */
  | { family: 'ordinal'; of: string }
  /** ".38 caliber". */
  | { family: 'caliber' }
  /** "Flight 370", "737 MAX 9": the number of a named thing, by the name's word (quantities/codes.ts). */
  | { family: 'code'; of: string }
  /** "twice as many homes as last year": a multiple of a base, by the base's words (quantities/multiples.ts). */
  | { family: 'multiple'; base: string };

export type UnitFamily = UnitClass['family'];

/**
 * The key of a unit class: what a quantity stores as `unitClass` and blocking keys begin with. The
 * grammar is `<counted>` for a count, a fate or a measure; `money:<currency>[:<pays for>]`;
 * `percent[:<of>]`; `percentage point`; `duration:<unit>`; `age`; `date:<unit>`; `time:<unit>`;
 * `ratio`; `ordinal:<of>`; `caliber`; `code:<name>`; `multiple:<base>`. (A count never takes a family's own name: it would read back
 * as that family, as it always has.)
 */
export function unitClassKey(u: UnitClass): string {
  switch (u.family) {
    case 'count':
      return u.counted;
    case 'fate':
      return u.fate;
    case 'measure':
      return u.unit;
    case 'money':
      return u.paysFor === null ? `money:${u.currency}` : `money:${u.currency}:${u.paysFor}`;
    case 'percent':
      return u.of === null ? 'percent' : `percent:${u.of}`;
    case 'percentage-point':
      return 'percentage point';
    case 'duration':
    case 'date':
    case 'time':
      return `${u.family}:${u.unit}`;
    case 'ordinal':
      return `ordinal:${u.of}`;
    case 'code':
      return `code:${u.of}`;
    case 'multiple':
      return `multiple:${u.base}`;
    default:
      return u.family;
  }
}

const FATE_SET = new Set<string>(FATES);

/** Reads a key back into its class; unitClassKey(parseUnitClass(k)) is k for every key. */
export function parseUnitClass(key: string): UnitClass {
  const colon = key.indexOf(':');
  const head = colon < 0 ? key : key.slice(0, colon);
  const rest = colon < 0 ? null : key.slice(colon + 1);
  if (rest !== null) {
    switch (head) {
      case 'money': {
        const c = rest.indexOf(':');
        return c < 0
          ? { family: 'money', currency: rest, paysFor: null }
          : { family: 'money', currency: rest.slice(0, c), paysFor: rest.slice(c + 1) };
      }
      case 'percent':
        return { family: 'percent', of: rest };
      case 'duration':
      case 'date':
      case 'time':
        return { family: head, unit: rest };
      case 'ordinal':
        return { family: 'ordinal', of: rest };
      case 'code':
        return { family: 'code', of: rest };
      case 'multiple':
        return { family: 'multiple', base: rest };
    }
    return { family: 'count', counted: key };
  }
  switch (key) {
    case 'percent':
      return { family: 'percent', of: null };
    case 'percentage point':
      return { family: 'percentage-point' };
    case 'age':
    case 'ratio':
    case 'caliber':
      return { family: key };
  }
  if (FATE_SET.has(key)) return { family: 'fate', fate: key as Fate };
  const dimension = MEASURES.get(key);
  if (dimension) return { family: 'measure', unit: key, dimension };
  return { family: 'count', counted: key };
}

// Keys read back once each: the classes of a corpus are few, and a figure's class is read in every
// comparison. Bounded, so a long-lived process reading unbounded vocabularies stays small.
const PARSED = new Map<string, UnitClass>();
const PARSED_LIMIT = 20_000;

/** The class of a quantity (or of a key). */
export function classOf(q: Quantity | string): UnitClass {
  const key = typeof q === 'string' ? q : q.unitClass;
  let u = PARSED.get(key);
  if (u === undefined) {
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
    u = parseUnitClass(key);
    PARSED.set(key, u);
  }
  return u;
}

export const familyOf = (q: Quantity | string): UnitFamily => classOf(q).family;

/** A year, a month or a time of day: compared only within their family. */
export const isDateFamily = (q: Quantity | string) => {
  const f = familyOf(q);
  return f === 'date' || f === 'time';
};

/**
 * The class a more specific one also meets: a bare percentage for a share of something, a bare sum
 * in the currency for a sum paying for something, years for a duration in months (time-units.ts:
 * "18 months" meets "two years"); null when there is none.
 */
export function generalClass(u: UnitClass): UnitClass | null {
  if (u.family === 'percent' && u.of !== null) return { family: 'percent', of: null };
  if (u.family === 'money' && u.paysFor !== null)
    return { family: 'money', currency: u.currency, paysFor: null };
  if (u.family === 'duration') {
    const under = comparedUnder(u.unit);
    if (under !== null) return { family: 'duration', unit: under };
  }
  return null;
}

/**
 * A generic measure (a duration, an age, a share, a date, a count of seasons, percentages or
 * percentiles) says nothing by its unit: "four years" may be a contract, a career or a sentence. Nor
 * does a code's name: "AM 830" and "AM 570" are two radio stations two reports cite, not one.
 */
export function isGenericMeasure(u: UnitClass): boolean {
  switch (u.family) {
    case 'duration':
    case 'age':
    case 'percent':
    case 'percentage-point':
    case 'date':
    case 'time':
    case 'code':
    case 'multiple':
      return true;
    case 'count':
      return u.counted === 'season' || u.counted.startsWith('percent');
    default:
      return false;
  }
}
