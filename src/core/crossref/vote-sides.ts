// Rule different-vote-sides: a count of votes or voters is tied to what they voted for. "the nine voting
// to put Nichols to death" and "three voting for life without parole" count the two sides of one jury,
// not two reports of one count.
import { stemmer } from 'stemmer';
import type { Quantity } from '../types';
import { STOPWORDS } from '../words';
import { figureIn } from './around-figure';

/** What the words right after a count of votes say it was cast for: "to …", "for …", "against …". */
const SIDE = /^\s*(?:to|for|against|in favou?r of)\s+([^,.;:()]{1,60})/i;
/** Words that name no side: the verbs of voting and the nouns of a vote itself. */
const NO_SIDE = new Set(['vote', 'voted', 'votes', 'voting', 'ballot', 'put', 'send', 'sentence']);

/** The stems of the side a count of votes was cast for, or null when its words name none. */
export function voteSide(claimText: string, q: Quantity): Set<string> | null {
  if (q.unitClass !== 'vote') return null;
  const f = figureIn(claimText, q);
  if (!f) return null;
  const m = SIDE.exec(f.after(80));
  if (!m) return null;
  const words = m[1]!
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => /^[a-z]{3,}$/.test(w) && !STOPWORDS.has(w) && !NO_SIDE.has(w));
  return words.length > 0 ? new Set(words.map((w) => stemmer(w))) : null;
}

/** Both counts say what they were cast for, and the two sides share no word. */
export function differentVoteSides(ta: string, qa: Quantity, tb: string, qb: Quantity): boolean {
  const a = voteSide(ta, qa);
  const b = a && voteSide(tb, qb);
  return a !== null && b !== null && ![...a].some((w) => b.has(w));
}
