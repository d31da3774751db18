// Rule different-tenures: a length of years, seasons or months told with the post, body or place it
// was spent in is that tenure: "played for the Sixers for 11 seasons" against "seven seasons as an
// assistant coach" (ECB+ 5_10ecbplus / 5_1ecbplus), "10 seasons in West Germany" against "19 seasons
// with the 76ers" (5_10ecb / 5_13ecb), "served with the Los Angeles County Sheriff's Department for 15
// years" against "working with the gang enforcement team for the last five years" (16_3ecbplus /
// 16_4ecbplus). A career has many tenures, and a profile tells several: two lengths whose scopes are
// both told and share no word are different tenures, not one length told two ways. A length with no
// scope, or one side's only, is compared as before.
import { contentStem } from '../claims';
import type { Quantity } from '../types';
import { classOf } from '../unit-class';
import { STOPWORDS } from '../words';
import { figureIn } from './around-figure';

/** Tenures are counted in these units; hours, days and weeks are stays, trials and deliberations. */
const TENURE_UNITS = new Set(['year', 'season', 'month']);

/** The scope right after the length: "as an assistant coach", "with the 76ers", "in West Germany". */
const SCOPE_AFTER =
  /^\s+(?:(as|with)\s+((?:the|an?|his|her|their)\s+)?([\w'.-]+(?:\s+[\w'.-]+){0,5})|(?:in|at)\s+(?:the\s+)?([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,4}))/;
/** The scope right before "for" and the length: "played for the Sixers for 11 seasons", "with the gang team for the last five years". */
const SCOPE_BEFORE =
  /\b(as|with|for)\s+((?:the|an?|his|her|their)\s+)?([\w'.-]+(?:\s+[\w'.-]+){0,5}?)\s+for\s+(?:(?:the|his|her|their)\s+)?(?:(?:last|past|first|next)\s+)?(?:(?:about|some|nearly|almost|around|roughly|more|than|over|at|least)\s+){0,3}$/i;

/** Words that end a scope: the next clause or figure. */
const SCOPE_END =
  /\b(?:and|but|when|after|before|since|until|while|who|which|that|for|to|in|at|on|from|by)\b/i;

/** The content words of a length's tenure scope, or null when its words tell none. */
export function tenureScope(claimText: string, q: Quantity): Set<string> | null {
  const u = classOf(q);
  const unit = u.family === 'duration' ? u.unit : u.family === 'count' ? u.counted : null;
  if (unit === null || !TENURE_UNITS.has(unit)) return null;
  const f = figureIn(claimText, q);
  if (!f) return null;
  const after = SCOPE_AFTER.exec(f.after(80));
  const before = after ? null : SCOPE_BEFORE.exec(f.before(80));
  const phrase = after ? (after[3] ?? after[4]) : before?.[3];
  if (!phrase) return null;
  const told = phrase
    .split(SCOPE_END)[0]!
    .replace(/[\s.,;:]+$/, '')
    .trim();
  // "played for 11 seasons with the team": one lower-case noun after a determiner points back to a body
  // named elsewhere ("the Sixers"), so it says no scope of its own. A role ("as coach") does.
  const [preposition, determiner] = after ? [after[1], after[2]] : [before?.[1], before?.[2]];
  if (preposition?.toLowerCase() !== 'as' && determiner && /^[a-z][\w'-]*$/.test(told)) return null;
  const words = new Set<string>();
  for (const w of told.split(/[\s,;:()]+/)) {
    const word = w.toLowerCase().replace(/'s$|[.']+$/, '');
    if (word.length < 2 || STOPWORDS.has(word) || /^[\d-]+$/.test(word)) continue;
    words.add(contentStem(word));
  }
  return words.size > 0 ? words : null;
}

/** Two lengths whose tenure scopes are both told and share no word. */
export function differentTenures(textA: string, qa: Quantity, textB: string, qb: Quantity): boolean {
  const a = tenureScope(textA, qa);
  if (a === null) return false;
  const b = tenureScope(textB, qb);
  return b !== null && ![...a].some((w) => b.has(w));
}
