// An article's entities: every mention, and each key's fullest name and type once the whole article
// is known.

import { term } from '../terms';
import type { Entity, EntityMention } from '../types';
import { startsUpper, type Token } from '../words';
import { findNames, type RawName } from './find';
import { foldName } from './fold';
import { addModifierKeys, aloneKeys, commonHead, determinedName, lowerCaseWords } from './named-things';
import { lastWordKey, type ResolvedName, resolveName } from './resolve';
import { PLACE_CUES, PLACE_CUES_AFTER } from './vocabulary';

/** Mentions and the entity list for a whole article, merging each key's fullest name. */
export function collectEntities(sentences: Token[][], capitalisedMidSentence: Set<string>) {
  const mentions: EntityMention[] = [];
  const byKey = new Map<string, Entity>();
  const perSentence: string[][] = [];
  // Keys written somewhere with a place cue ("in Bloomington"): never people anywhere in the article.
  const placed = new Set<string>();
  // Keys of would-be people written after a determiner of their own, and written without (named-things.ts).
  const determined = new Set<string>();
  const bare = new Set<string>();
  const found = sentences.map((tokens) => {
    const names = findNames(tokens, capitalisedMidSentence);
    // Asked only of a sentence that names something: it reads every word, and only names use it.
    const headline = names.length > 0 && isTitleCase(tokens);
    return names.map((raw) => {
      const cue =
        (raw.before !== undefined && PLACE_CUES.has(raw.before.text)) ||
        (raw.after !== undefined && PLACE_CUES_AFTER.has(raw.after.lower)) ||
        fromPlace(tokens, raw);
      const r = resolveName(raw, headline || cue);
      if (r && cue) placed.add(r.key);
      if (r?.type === 'person') (determinedName(raw) ? determined : bare).add(r.key);
      return { raw, r };
    });
  });
  // A first name alone ("Kimani", after "Kimani Gray") is that person, keyed by the surname.
  const firstNames = new Map<string, ResolvedName>();
  const surnames = new Set<string>();
  for (const names of found)
    for (const { r } of names)
      if (r?.type === 'person') {
        firstNames.set(firstWordOf(r.name), r);
        surnames.add(r.key);
      }
  // …unless that word is itself a person's surname here: "Klitschko" after "Wladimir Klitschko" is
  // Klitschko, whatever run "Klitschko Ukrainian…" made of it a first name.
  for (const [first] of firstNames)
    if (surnames.has(term('entity', foldName(first)))) firstNames.delete(first);
  const resolvedOf = (own: ResolvedName | null) => {
    const person = own?.type === 'other' && !own.name.includes(' ') ? firstNames.get(own.name) : undefined;
    return person ? { ...person, name: own!.name } : own;
  };
  for (const names of found) {
    const keys: string[] = [];
    for (const { raw, r: own } of names) {
      const r = resolvedOf(own);
      if (!r) continue;
      keys.push(r.key);
      // Written out, not spread from the span: V8 builds an object spread and then extended in its
      // slow dictionary form, for every mention of every article.
      mentions.push({
        start: raw.span.start,
        end: raw.span.end,
        key: r.key,
        surface: raw.surface,
      });
      const known = byKey.get(r.key);
      if (!known) byKey.set(r.key, { key: r.key, name: r.name, type: r.type, aliases: [r.name] });
      else {
        if (!known.aliases.includes(r.name)) known.aliases.push(r.name);
        if (r.name.length > known.name.length && r.type !== 'other') {
          known.name = r.name;
          known.type = r.type;
        } else if (known.type === 'other' && r.type === 'person' && r.name === known.name) {
          // "Director Gary Ross" in a title-case headline says nothing; "writer-director Gary Ross"
          // in the body says a person.
          known.type = r.type;
        }
      }
    }
    perSentence.push(keys.length < 2 ? keys : [...new Set(keys)]);
  }
  // Rule `named-thing` (named-things.ts): asked once the article's people are known.
  let alone: Set<string> | undefined;
  let lower: Set<string> | undefined;
  const headed = new Set<string>();
  for (const e of byKey.values()) {
    if (e.type !== 'person') continue;
    if (placed.has(e.key)) e.type = 'place';
    else if (!personLike(e.name, placed) || ownedBySurname(e, surnames)) e.type = 'other';
    else {
      alone ??= aloneKeys(found);
      if (alone.has(e.key)) continue;
      if (determined.has(e.key) && !bare.has(e.key)) e.type = 'other';
      else {
        lower ??= lowerCaseWords(sentences);
        if (commonHead(e.name, lower)) e.type = 'other';
      }
    }
  }
  // Rule `modifier-key` (named-things.ts): things named by a modifier and a common noun.
  for (const e of byKey.values()) {
    if (e.type !== 'other' || !e.name.includes(' ') || e.key !== lastWordKey(e.name.split(' '))) continue;
    lower ??= lowerCaseWords(sentences);
    if (commonHead(e.name, lower)) headed.add(e.key);
  }
  if (headed.size > 0) addModifierKeys(found, resolvedOf, headed, perSentence, byKey);
  return { mentions, entities: [...byKey.values()], perSentence };
}

/**
 * Rule `surname-first`: a run that opens with the surname of another person the article names is that
 * person's thing, not a second person: "Red Sox - Teixeira Rumor" in an article on Mark Teixeira, "the
 * Obama Administration", "the Clinton Campaign".
 */
function ownedBySurname(e: Entity, surnames: Set<string>): boolean {
  const space = e.name.indexOf(' ');
  if (space < 0) return false;
  const first = term('entity', foldName(e.name.slice(0, space)));
  return first !== e.key && surnames.has(first);
}

/**
 * Rule `person-from-place`: a person "from" a name comes from a place: "The man, from Hampton East, fell",
 * "a climber from Christchurch". Only after a noun for a person: "a call from Obama" names a caller.
 */
function fromPlace(tokens: Token[], raw: RawName): boolean {
  if (raw.before?.lower !== 'from') return false;
  let k = tokens.indexOf(raw.tokens[0]!) - 2;
  if (tokens[k]?.text === ',') k--;
  const noun = tokens[k];
  return noun !== undefined && PEOPLE_FROM.has(noun.lower);
}
const PEOPLE_FROM = new Set(
  'man woman men women boy girl boys girls person people family couple climber climbers hiker tourist tourists teen teenager student students resident driver victim victims'.split(
    ' ',
  ),
);

/** name.split(' ')[0], without splitting all of it. */
function firstWordOf(name: string): string {
  const space = name.indexOf(' ');
  return space < 0 ? name : name.slice(0, space);
}

/**
 * Whether a two-to-four-word name still reads as a person's once the whole article is known: not when
 * it starts with a place the article writes with a place cue ("Brooklyn South Anti Crime" after "in
 * Brooklyn"), ends in an acronym ("NYPD KKK") or in a plural of inhabitants ("RussiaToday Brooklynites").
 */
function personLike(name: string, placed: Set<string>): boolean {
  // The first and last words, without splitting the name.
  const space = name.indexOf(' ');
  const last = name.slice(name.lastIndexOf(' ') + 1);
  if (space >= 0 && placed.size > 0 && placed.has(term('entity', foldName(name.slice(0, space)))))
    return false;
  return !/^[A-Z]{2,}$/.test(last) && !/[a-z]ites$/.test(last);
}

/**
 * A headline written in title case ("Woman Killed In Queens Hit And Run") capitalises every word, so
 * its capitalised runs say nothing about who is a person.
 */
export function isTitleCase(tokens: Token[]): boolean {
  // Counted, not filtered into arrays: asked of every sentence.
  let words = 0;
  let capitalised = 0;
  for (const t of tokens) {
    if (t.type !== 'word' || t.text.length <= 3) continue;
    words++;
    if (startsUpper(t.text)) capitalised++;
  }
  return words >= 3 && capitalised >= 0.9 * words;
}
