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
