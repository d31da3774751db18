// Resolving a name: a capitalised run becomes a canonical entity (a key and a type), titles stripped,
// organisations keyed by their initials, people by their surname.

import { term } from '../terms';
import type { Entity } from '../types';
import { isAcronym, type RawName } from './find';
import { foldName } from './fold';
import {
  CONNECTORS,
  NAME_PARTICLES,
  ORG_WORDS,
  PLACE_ABBREVIATIONS,
  PLACE_PREFIXES,
  PLACE_WORDS,
  SUFFIXES,
  TITLES,
} from './vocabulary';

export interface ResolvedName {
  key: string;
  name: string;
  type: Entity['type'];
}

/**
 * Turn a capitalised run into a canonical entity, stripping titles ("Defense Secretary Lloyd Austin").
 * `notPerson`: the surroundings say it is no person (a place cue before it, a title-case headline).
 */
export function resolveName(raw: RawName, notPerson = false): ResolvedName | null {
  // A pure function of the words (a name's tokens are all words) and the flag: one memo per flag, so
  // that the surface itself is the key, not a new string made of it.
  const memo = notPerson ? RESOLVED_NOT_PERSON : RESOLVED;
  let resolved = memo.get(raw.surface);
  if (resolved === undefined) {
    const r = resolveNameOf(raw, notPerson);
    resolved = r && Object.freeze(r);
    if (memo.size >= 10_000) memo.clear();
    memo.set(raw.surface, resolved);
  }
  return resolved;
}
// A name recurs through an article ("Austin" twenty times) and across the articles of one story, and
// resolving it takes a dozen regular expressions and arrays. Frozen: the answers are shared. Bounded,
// so that a long-lived process or isolate cannot grow without end.
const RESOLVED = new Map<string, Readonly<ResolvedName> | null>();
const ACRONYM = /^[A-Z]{2,6}s?$/;
const RESOLVED_NOT_PERSON = new Map<string, Readonly<ResolvedName> | null>();

function resolveNameOf(raw: RawName, notPerson: boolean): ResolvedName | null {
  // "Mt Cook" is "Mount Cook", "Ft Hood" "Fort Hood": one key for both spellings.
  let words = raw.tokens.map((t) => PLACE_ABBREVIATIONS.get(t.text) ?? t.text.replace(/'s$/, ''));
  const lower = words.map((w) => w.toLowerCase());
  const connector = lower.some((w) => CONNECTORS.has(w) && !NAME_PARTICLES.has(w));
  if (words.length === 1 && isAcronym(raw.tokens[0]!)) {
    // Only a lower-case s is a plural ("NGOs"): USGS, IRS and CBS keep theirs, so that "USGS" meets
    // "United States Geological Survey" (keyed usgs by its initials).
    return {
      key: term('entity', words[0]!.replace(/(?<=[A-Z])s$/, '').toLowerCase()),
      name: words[0]!,
      type: 'organization',
    };
  }
  // Each part of a hyphenated word counts: "Atlanta Journal-Constitution" is a newspaper.
  const parts = lower.flatMap((w) => w.split('-'));
  const org = parts.some((w) => ORG_WORDS.has(w));
  const place = !org && (parts.some((w) => PLACE_WORDS.has(w)) || PLACE_PREFIXES.has(lower[0]!));
  if (!org) {
    let lastTitle = -1;
    lower.forEach((w, k) => {
      if (TITLES.has(w.replace(/\.$/, ''))) lastTitle = k;
    });
    if (lastTitle >= 0) words = words.slice(lastTitle + 1);
  }
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!.toLowerCase().replace(/\.$/, '')))
    words = words.slice(0, -1);
  // Organisations are keyed by their initials so "UDCG" and its full name meet; a word in capitals
  // gives all its letters and the letters of "U.S." count ("US Geological Survey", "U.S. Geological
  // Survey", "United States Geological Survey" and "USGS" are all usgs).
  const initials = words.map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w[0]!).toLowerCase()).join('');
  words = words.filter((w) => !/^[A-Z]\.?$/.test(w) || words.length === 1);
  if (words.length === 0) return null;
  const name = words.join(' ');
  if (org && words.length >= 2) return { key: term('entity', initials), name, type: 'organization' };
  if (place || words.length === 1) {
    return { key: term('entity', foldName(words.join(''))), name, type: place ? 'place' : 'other' };
  }
  // Rule `ordinal-name`: no given name is an ordinal ("the U.S. Fifth Fleet", "the Second Circuit",
  // "Third Avenue"): a run opening with one names a unit, a court or a street, however it is written.
  // Rule `brand-word` (below): a coined brand names the thing and keys it, so "TechBridge Solutions" meets
  // the "TechBridge" of the next sentence.
  const brand = connector ? undefined : words.find(brandWord);
  if (brand) return { key: term('entity', foldName(brand)), name, type: 'other' };
  if (connector || notPerson || ORDINALS.has(words[0]!.toLowerCase()) || groupOfMembers(words))
    return { key: lastWordKey(words), name, type: 'other' };
  // Two to four capitalised words without an organisation word: a person, keyed by surname.
  return { key: lastWordKey(words), name, type: 'person' };
}

/**
 * Rule `brand-word`: a word with a capital inside it after three small letters or more ("BoostStar",
 * "QuantumLeap", "SwiftHealthcare") is a coined brand, never a given name or a surname: names capitalise
 * inside only after a short prefix ("DeShawn", "McDonald", "LaToya") or one of the few long ones kept here
 * ("MacKenzie", "FitzGerald", "VanDyke", "DelVecchio"). The brand is what tells the thing apart:
 * it keys the name ("BoostStar Pro" and "BoostStar Basic" are BoostStar's).
 */
const brandWord = (w: string) => {
  const m = BRAND.exec(w);
  return m !== null && !NAME_PREFIXES.has(m[1]!.toLowerCase());
};
const BRAND = /^([A-Z][a-z]{2,})[A-Z]/;
const NAME_PREFIXES = new Set(['mac', 'fitz', 'van', 'von', 'del', 'dal', 'della', 'der', 'ten', 'ter']);

const ORDINALS = new Set(
  (
    'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth ' +
    'fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'
  ).split(' '),
);

/**
 * Rule `group-plural`: a run ending in the plural of a party's, a creed's or a nation's members
 * ("Congressional Democrats", "Senate Republicans", "American Muslims", "Young Australians") names a
 * group, not a person: keyed by that word, so it still meets a bare "Democrats". A person's surname may end
 * in s ("Roberts", "Evans", "Timmermans"), so the plural is read from a short table of member nouns, or
 * from the ending of a nation's or a region's people ("-ans" after three letters or more: Americans,
 * Koreans, Texans, Iranians; never "Evans", nor Dutch "-mans").
 */
function groupOfMembers(words: readonly string[]): boolean {
  const last = words[words.length - 1]!;
  if (!/^[A-Z][a-z]+s$/.test(last)) return false;
  const w = last.toLowerCase();
  return MEMBER_PLURALS.has(w) || (/^[a-z]{3,}ans$/.test(w) && !w.endsWith('mans'));
}
const MEMBER_PLURALS = new Set(
  (
    'democrats republicans conservatives liberals socialists communists tories libertarians progressives ' +
    'independents nationalists separatists loyalists unionists royalists monarchists islamists moderates ' +
    'evangelicals catholics protestants muslims jews sunnis shiites kurds arabs turks serbs croats brits ' +
    'scots israelis iraqis pakistanis somalis saudis yemenis afghans germans'
  ).split(' '),
);

/**
 * A name keyed by its last word: folded, or as the acronym alone is keyed when the word is one
 * (rule `acronym-head`): "Adjusted EBITDA" meets the "EBITDA" its document writes after a lower-case
 * "adjusted".
 */
export function lastWordKey(words: string[]): string {
  const last = words[words.length - 1]!;
  return term('entity', ACRONYM.test(last) ? last.replace(/(?<=[A-Z])s$/, '').toLowerCase() : foldName(last));
}
