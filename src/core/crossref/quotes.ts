// Quotes across sources: one speaker quoted with different words, or the same words under two speakers.
import { QUOTE_MIN_WORDS } from '../claims';
import { keyOf, kindOf } from '../terms';
import type { ClaimForMatching, LinkDraft, Quote } from '../types';
import { round } from './explain';

export interface QuoteMatch {
  speaker: string;
  /** Set when the same words are attributed to someone else in the other source. */
  otherSpeaker?: string;
  similarity: number;
}

/**
 * The same speaker quoted with different words across sources, or the same words (at least
 * QUOTE_MIN_WORDS, 80 % shared) attributed to two different speakers.
 */
export function compareQuotes(a: ClaimForMatching, b: ClaimForMatching): QuoteMatch | null {
  if (a.article === b.article) return null;
  for (const qa of a.quotes) {
    for (const qb of b.quotes) {
      if (!qa.speaker || !qb.speaker) continue;
      const wa = new Set(qa.text.toLowerCase().match(/[a-z0-9']+/g) ?? []);
      const wb = new Set(qb.text.toLowerCase().match(/[a-z0-9']+/g) ?? []);
      const common = [...wa].filter((w) => wb.has(w)).length;
      const similarity = common / Math.max(1, Math.min(wa.size, wb.size));
      if (qa.speaker !== qb.speaker) {
        if (
          similarity >= 0.8 &&
          Math.min(wa.size, wb.size) >= QUOTE_MIN_WORDS &&
          twoDifferentSpeakers(a, qa, b, qb)
        )
          return {
            speaker: qa.speakerText ?? qa.speaker,
            otherSpeaker: qb.speakerText ?? qb.speaker,
            similarity,
          };
        continue;
      }
      if (similarity >= 0.6 && similarity < 1) return { speaker: qa.speakerText ?? qa.speaker, similarity };
    }
  }
  return null;
}

/**
 * Whether two quotes' speakers are surely two people: both named (not "she"), sharing no word of their
 * names ("Zadan" / "Zadan and Meron", one "DeGeneres" keyed two ways), and neither named around the
 * other quote ("said ABC Entertainment Group president Paul Lee" may be parsed as either speaker).
 */
function twoDifferentSpeakers(a: ClaimForMatching, qa: Quote, b: ClaimForMatching, qb: Quote): boolean {
  const words = (q: Quote) => new Set((q.speakerText ?? '').toLowerCase().match(/[a-z]+/g) ?? []);
  if (!/^[A-Z]/.test(qa.speakerText ?? '') || !/^[A-Z]/.test(qb.speakerText ?? '')) return false;
  const wa = words(qa);
  for (const w of words(qb)) if (wa.has(w)) return false;
  const named = (c: ClaimForMatching, speaker: string) => {
    const key = keyOf(speaker);
    return [...c.terms, ...c.contextTerms].some((t) => (kindOf(t) === null ? t : keyOf(t)) === key);
  };
  return !named(a, qb.speaker!) && !named(b, qa.speaker!);
}

export function misattributedQuote(
  a: ClaimForMatching,
  b: ClaimForMatching,
  quote: QuoteMatch,
  score: number,
): LinkDraft {
  return {
    a: a.ref,
    b: b.ref,
    relation: 'quote_differs',
    score: round(Math.max(score, quote.similarity)),
    severity: 'medium',
    explanation: {
      summary: `The same words (${Math.round(quote.similarity * 100)}% shared) are attributed to ${quote.speaker} in one source and to ${quote.otherSpeaker} in the other.`,
      unitClass: null,
      a: null,
      b: null,
      sharedTerms: [],
      gap: null,
    },
  };
}
