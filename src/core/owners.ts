// Whose figure it is, when the text says so by layout: "the Orioles (seven years, $140-150 million)
// and Nationals (eight years, $160 million)". A list of parties each with its own figures is the
// commonest way one sentence states figures of different things with one unit.
import type { EntityMention, Quantity, Span } from './types';

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
    if (owner) q.modifiers = [...q.modifiers, `${OWNER}${owner.key.slice(2)}`];
  }
}

/** The party a figure belongs to, or null. */
export function ownerOf(q: Quantity): string | null {
  const m = q.modifiers.find((x) => x.startsWith(OWNER));
  return m ? m.slice(OWNER.length) : null;
}

/** Owner marks are not modifiers of the counted thing. */
export const isOwnerMark = (modifier: string) => modifier.startsWith(OWNER);
