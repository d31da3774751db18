// Whose figure it is, when the text says so by layout: "the Orioles (seven years, $140-150 million)
// and Nationals (eight years, $160 million)". A list of parties each with its own figures is the
// commonest way one sentence states figures of different things with one unit.
import { oneEditApart } from './entities';
import { keyOf, keysOf } from './terms';
import type { ClaimForMatching, EntityMention, Quantity, Span } from './types';

const OWNER = 'of:';
const PAREN = '('.charCodeAt(0);

/**
 * Marks each quantity written inside parentheses that open right after a name with that name's key
 * (`of:ntnls`). Mentions are the sentence's, in reading order.
 */
export function markOwners(
  quantities: Quantity[],
  text: string,
  sentence: Span,
  mentions: EntityMention[],
): void {
  if (quantities.length === 0 || mentions.length === 0) return;
  markPlacePopulations(quantities, text, sentence, mentions);
  // Most sentences have no parenthesis: one bounded look, not a search back through the article.
  let open = false;
  for (let k = sentence.start; k < sentence.end && !open; k++) open = text.charCodeAt(k) === PAREN;
  if (!open) return;
  for (const q of quantities) {
    const open = text.lastIndexOf('(', q.start);
    if (open < sentence.start || text.lastIndexOf(')', q.start) > open) continue;
    const owner = mentions.find((m) => m.end <= open && /^\s*$/.test(text.slice(m.end, open)));
    if (owner) q.modifiers = [...q.modifiers, `${OWNER}${keyOf(owner.key)}`];
  }
}

/**
 * Rule population-of-a-place: a count of people in an apposition to a place's name is that place's
 * population ("Bandar Abbas, a city of 500, 000 people", "Qeshm Island, home to 200, 000 people"):
 * two places' populations are two figures, not one told two ways. Marked `home:` with the place's key,
 * not as an owner: a population told of "the island" names no place and is still compared.
 */
const POPULATION_BEFORE =
  /,\s+(?:(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:city|town|village|island|port|country|nation|province|region|state|district|county|community|municipality|suburb|metropolis)\s+of|(?:which\s+is\s+)?home\s+to)\s+(?:(?:about|some|around|nearly|almost|roughly|approximately|over|under|more\s+than|fewer\s+than|less\s+than)\s+)?$/i;
const POPULATION_WINDOW = 60;
const PEOPLE = new Set(['person', 'resident', 'inhabitant']);

function markPlacePopulations(
  quantities: Quantity[],
  text: string,
  sentence: Span,
  mentions: EntityMention[],
): void {
  for (const q of quantities) {
    if (!PEOPLE.has(q.unitClass)) continue;
    const from = Math.max(sentence.start, q.start - POPULATION_WINDOW);
    const m = POPULATION_BEFORE.exec(text.slice(from, q.start));
    if (!m) continue;
    const comma = from + m.index;
    const place = mentions.find((x) => x.end <= comma && /^\s*$/.test(text.slice(x.end, comma)));
    if (place) q.modifiers = [...q.modifiers, `${HOME}${keyOf(place.key)}`];
  }
}
const HOME = 'home:';

/** The place whose population a count is ("qshm"), or null. */
export function populationOf(q: Quantity): string | null {
  const m = q.modifiers.find((x) => x.startsWith(HOME));
  return m ? m.slice(HOME.length) : null;
}

/** Population marks are not modifiers of the counted thing. */
export const isHomeMark = (modifier: string) => modifier.startsWith(HOME);

/** Two places one of which names the other ("Qeshm", "Qeshm Island"). */
export const samePlaceKey = (x: string, y: string) => x.includes(y) || y.includes(x);

/** The party a figure belongs to, or null. */
export function ownerOf(q: Quantity): string | null {
  const m = q.modifiers.find((x) => x.startsWith(OWNER));
  return m ? m.slice(OWNER.length) : null;
}

/** Owner marks are not modifiers of the counted thing. */
export const isOwnerMark = (modifier: string) => modifier.startsWith(OWNER);

/**
 * A figure that belongs to a party ("Nationals (eight years, $160 million)") is compared only with a
 * figure of that party: one with the same owner, or one whose own sentence names it ("the Nationals
 * have bid $208 million"). The Red Sox's $184 million is no report of the Nationals' offer.
 */
export function ownedAlike(a: ClaimForMatching, qa: Quantity, b: ClaimForMatching, qb: Quantity): boolean {
  const oa = ownerOf(qa);
  const ob = ownerOf(qb);
  if (oa && ob) return oa === ob;
  const names = (c: ClaimForMatching) => keysOf(c.terms, 'entity');
  // Spelled one letter apart or in another order of its letters ("Klitchsko"), still the party.
  const alike = (x: string, y: string) => x === y || oneEditApart(x, y) || sameLetters(x, y);
  if (oa) return names(b).some((n) => alike(n, oa));
  if (ob) return names(a).some((n) => alike(n, ob));
  return true;
}

/** Two keys of at least four letters with the same letters: transposed letters of one name. */
function sameLetters(x: string, y: string): boolean {
  return x.length >= 4 && x.length === y.length && [...x].sort().join('') === [...y].sort().join('');
}
