// The words right around a figure: what generic measures (durations, ages, percentages) are compared
// by, and the period a figure covers ("in September", "this year").
import { agesOfDifferentHolders, agesShareHolder } from '../ages';
import { contentStem } from '../claims';
import { foldName } from '../entities';
import type { ClaimForMatching, Quantity } from '../types';
import { classOf, isGenericMeasure } from '../unit-class';
import { MONTHS, STOPWORDS } from '../words';
import { figureIn } from './around-figure';
import { periodsApart, periodsOf, quarterOf } from './frame';

const LOCAL_WINDOW = 40;
/**
 * A whole word: letters glued to digits ("76ers", "AK-47s") are part of a name or code, not a word of
 * their own, so "ers" of "76ers" never makes two figures' surroundings look alike.
 */
const WORD = /(?<![A-Za-z0-9'-])[A-Za-z][A-Za-z'-]+(?![A-Za-z0-9])/g;

/**
 * The words around one figure in its sentence (about six words either side), as stems, without the
 * figure's own unit and number words: "spent 19 seasons with the club" → spent, club. A word the
 * window cuts in half ("ording" of "according") is left out, not read as a word of its own.
 */
export function localContext(claimText: string, q: Quantity): Set<string> {
  // Asked again for every figure it is compared with: remembered per quantity object (and text).
  const known = LOCAL.get(q);
  if (known && known[0] === claimText && known[1] === q.text) return known[2];
  const words = localContextOf(claimText, q);
  LOCAL.set(q, [claimText, q.text, words]);
  return words;
}
const LOCAL = new WeakMap<Quantity, [string, string, Set<string>]>();

function localContextOf(text: string, q: Quantity): Set<string> {
  const claimText = ownSentence(text, q);
  const at = claimText.indexOf(q.text);
  if (at < 0) return new Set();
  let from = Math.max(0, at - LOCAL_WINDOW);
  let to = Math.min(claimText.length, at + q.text.length + LOCAL_WINDOW);
  const inWord = /[A-Za-z0-9'-]/;
  while (from > 0 && from < at && inWord.test(claimText[from - 1]!)) from++;
  while (to < claimText.length && to > at + q.text.length && inWord.test(claimText[to]!)) to--;
  const window = claimText.slice(from, to);
  const own = ownWords(q);
  const out = new Set<string>();
  for (const m of window.matchAll(WORD)) {
    const w = m[0].toLowerCase().replace(/'s$/, '');
    if (w.length < 3 || STOPWORDS.has(w) || own.has(w)) continue;
    out.add(contentStem(w));
  }
  return out;
}

/**
 * The words of a figure's own text that say nothing about what it measures: its hedge, number and unit.
 * Rule glued-noun-phrase: the words after its unit ("30-Day *Risk-Free Trial*", "a 20-year *sentence*",
 * "42 percent *of Americans*") name what the figure measures, and stay in its surroundings: "30-Day
 * Risk-Free Trial" and "15-day risk-free trial" are one trial told with two lengths.
 */
function ownWords(q: Quantity): Set<string> {
  // Asked by each reading of the figure's surroundings (local, clause, sentence): read once per quantity.
  const known = OWN_WORDS.get(q);
  if (known && known[0] === q.text) return known[1];
  const words = readOwnWords(q);
  OWN_WORDS.set(q, [q.text, words]);
  return words;
}
const OWN_WORDS = new WeakMap<Quantity, [string, Set<string>]>();

function readOwnWords(q: Quantity): Set<string> {
  const text = q.text.toLowerCase();
  const unit = q.unit.toLowerCase().split(' ').at(-1) ?? '';
  // The unit as written, glued to the number or not ("30-Day", "20-year", "four years", "42 percent").
  // Where /unit[a-z]*/ first matches is where the unit's letters first stand: no RegExp built per figure.
  const at = /^[a-z]+$/.test(unit) ? text.indexOf(unit) : -1;
  const head = at < 0 ? text : text.slice(0, text.indexOf(' ', at) < 0 ? text.length : text.indexOf(' ', at));
  return new Set(head.match(WORD) ?? []).add(unit);
}

/**
 * Generic measures (durations, seasons, ages, percentages) say nothing by their unit: "four years" may be a
 * contract, a career or a sentence. Such figures are compared only when their own surroundings share
 * a word, whatever the rest of the two sentences share.
 */
export function sameLocalContext(
  a: ClaimForMatching,
  qa: Quantity,
  b: ClaimForMatching,
  qb: Quantity,
  protagonists: () => readonly string[] = NO_PROTAGONISTS,
): boolean {
  if (!isGenericMeasure(classOf(qa))) return true;
  // Rule quarter-of-a-year: a year named with its quarter measures that quarter: "Q3 2019" and "the
  // third quarter of 2020" are one quarter's years, "Q4 2019" and "Q3 2020" two quarters'.
  const quarters = [quarterOf(a.text, qa), quarterOf(b.text, qb)];
  if (quarters[0] !== null && quarters[1] !== null) return quarters[0] === quarters[1];
  // An age's holder is its context (ages.ts).
  if (agesShareHolder(a, qa, b, qb)) return true;
  if (agesOfDifferentHolders(a, qa, b, qb)) return false;
  const la = localContext(a.text, qa);
  // Rule event-of-a-date: a year or month is the date of the event its own words tell ("met Page in
  // 1954", "divorced in 1947"); the name of a report's protagonist ("Page") is the story's, not the
  // event's. Other names do tell the event ("floored Lennox Lewis in 2001", "a Tony Award in 2004").
  // Worked out only when a shared word is to be weighed: most pairs share none.
  let names: ReadonlySet<string> | undefined;
  for (const w of localContext(b.text, qb)) {
    if (!la.has(w) || SAYS_NOTHING_MEASURED.has(w)) continue;
    names ??= protagonistNames(a, qa, b, protagonists);
    if (!names.has(w)) return true;
  }
  if (classOf(qa).family === 'time' && sameMoment(a, qa, b, qb)) return true;
  // Rule measured-clause: the thing measured may stand further back in the figure's clause ("the
  // allowance for credit losses as a percentage of loans outstanding was unchanged from June 30 at
  // 1.62%"), or in the clause a change is told of ("earnings per share of $2.79, an increase of 207%").
  const ca = clauseContext(a.text, qa);
  let n = 0;
  for (const w of clauseContext(b.text, qb)) {
    if (!ca.has(w)) continue;
    names ??= protagonistNames(a, qa, b, protagonists);
    if (!names.has(w) && ++n >= CLAUSE_SHARED) return true;
  }
  return false;
}

const NO_PROTAGONISTS = (): readonly string[] => [];

/** The protagonists' names both sentences write, for a date (event-of-a-date); none otherwise. */
function protagonistNames(
  a: ClaimForMatching,
  qa: Quantity,
  b: ClaimForMatching,
  protagonists: () => readonly string[],
): ReadonlySet<string> {
  if (classOf(qa).family !== 'date') return NO_NAMES;
  const keys = protagonists();
  return keys.length > 0 ? namesInBoth(a.text, b.text, keys) : NO_NAMES;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * The stems of protagonists' names both sentences write, only as names: capitalised wherever they
 * stand past a sentence's first word ("Page" in "who met Page in 1954" and "Page continued her
 * modeling"). A word one of them writes in lower case is a common word.
 */
function namesInBoth(x: string, y: string, protagonists: readonly string[]): Set<string> {
  const cx = casedStems(x);
  const cy = casedStems(y);
  const out = new Set<string>();
  for (const [mine, theirs] of [
    [cx, cy],
    [cy, cx],
  ] as const)
    for (const [stem, always] of mine.stems)
      if (
        always &&
        theirs.stems.get(stem) !== false &&
        protagonists.includes(foldName(stem)) &&
        cx.lower.includes(stem) &&
        cy.lower.includes(stem)
      )
        out.add(stem);
  return out;
}

/**
 * A sentence's word stems past its first word, each with whether it is capitalised wherever it stands,
 * and the sentence in lower case: read once per sentence (a claim meets many others), not per pair.
 */
function casedStems(text: string): { stems: Map<string, boolean>; lower: string } {
  const known = CASED.get(text);
  if (known) return known;
  const stems = new Map<string, boolean>();
  for (const m of text.matchAll(WORD)) {
    if (m.index === 0) continue;
    const w = m[0].replace(/'s$/, '');
    const stem = contentStem(w.toLowerCase());
    stems.set(stem, (stems.get(stem) ?? true) && /^[A-Z]/.test(w));
  }
  const read = { stems, lower: text.toLowerCase() };
  if (CASED.size >= CASED_LIMIT) CASED.clear();
  CASED.set(text, read);
  return read;
}
const CASED = new Map<string, { stems: Map<string, boolean>; lower: string }>();
/** Sentences remembered at most (a bulk ingest reads thousands; the map is cleared when full). */
const CASED_LIMIT = 4096;

/**
 * Two figures' own words say they measure one thing: two stems of the words right around them, or
 * three of their clauses (measured-clause), shared; words that say only how or when do not count.
 */
export function measuredAlike(a: ClaimForMatching, qa: Quantity, b: ClaimForMatching, qb: Quantity): boolean {
  const la = localContext(a.text, qa);
  let n = 0;
  for (const w of localContext(b.text, qb))
    if (la.has(w) && !SAYS_NOTHING_MEASURED.has(w) && ++n >= 2) return true;
  const ca = clauseContext(a.text, qa);
  n = 0;
  for (const w of clauseContext(b.text, qb)) if (ca.has(w) && ++n >= CLAUSE_SHARED) return true;
  return false;
}

/**
 * Rule time-of-the-telling: a time of day is when the sentence's own doing happened, wherever in the
 * sentence it stands ("The woman was walking in a crosswalk outside the Sam's Club … around 7 p.m.
 * when she was hit" / "Johnson and her husband were walking out of the store about 7 p.m."): two times
 * of day are compared when their whole sentences share a verb, what was being done. A noun shared is
 * the story's, not the moment's: "Investigators were at the scene by 10 a.m. … the cause of the fire"
 * and "The fire was extinguished by 7 a.m." are two moments of one fire.
 */
function sameMoment(a: ClaimForMatching, qa: Quantity, b: ClaimForMatching, qb: Quantity): boolean {
  const wa = sentenceStems(a.text, qa);
  for (const w of sentenceStems(b.text, qb)) if (wa.has(w)) return true;
  return false;
}

function sentenceStems(text: string, q: Quantity): Set<string> {
  const own = ownWords(q);
  const out = new Set<string>();
  for (const m of ownSentence(text, q).matchAll(WORD)) {
    const w = m[0].toLowerCase().replace(/'s$/, '');
    if (w.length < 3 || STOPWORDS.has(w) || own.has(w) || /^[A-Z]/.test(m[0])) continue;
    if (!/(?:ing|ed)$/.test(w) && !PAST_FORMS.has(w)) continue;
    const stem = contentStem(w);
    if (!SAYS_NOTHING_MEASURED.has(stem) && !CLOCK_WORDS.has(w)) out.add(stem);
  }
  return out;
}
/**
 * Rule sentence-after-the-clock: "a.m." and "p.m." end a sentence as often as they abbreviate, and the
 * sentence splitter reads on ("when the gunman entered about 4 p.m. Police locked down the neighborhood
 * and Kirkpatrick gave up about two hours later"). A capitalised word after them that is no weekday,
 * month or zone opens the next sentence, whose doings are not the time's.
 */
function ownSentence(text: string, q: Quantity): string {
  if (!CLOCK_ABBREVIATION.test(text)) return text;
  const at = text.indexOf(q.text);
  if (at < 0) return text;
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(AFTER_THE_CLOCK)) {
    if (DATE_WORD.test(m[1]!)) continue;
    const cut = m.index + m[0].length - m[1]!.length;
    if (cut <= at) from = cut;
    else if (cut > at + q.text.length) {
      to = cut;
      break;
    }
  }
  return text.slice(from, to);
}
const CLOCK_ABBREVIATION = /[ap]\.\s?m\.\s/;
const AFTER_THE_CLOCK = /\b[ap]\.\s?m\.\s+([A-Z][a-z]+)/g;
const DATE_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Eastern|Pacific|Central|Mountain|Local)$/;

/** Irregular past forms of verbs that tell what happened at a moment. */
const PAST_FORMS = new Set(
  'hit struck shot fell died ran left began broke took came went found fled drove rode sank blew shook stole caught'.split(
    ' ',
  ),
);
const CLOCK_WORDS = new Set([
  'a.m',
  'p.m',
  'am',
  'pm',
  'gmt',
  'local',
  'time',
  'night',
  'morning',
  'evening',
  'afternoon',
  'around',
  'approximately',
  'said',
  'told',
  'police',
  'reported',
]);

/** The clause is wider than the words right around the figure: it must share more of them. */
const CLAUSE_SHARED = 3;
const CLAUSE_BACK = 110;
const CLAUSE_AHEAD = 50;
const CLAUSE_END = /[,;:()]/;
/** A clause that tells a change of the figure before it: ", an increase of 207%", ", up 12%". */
const CHANGE_CLAUSE =
  /^\s*(?:(?:an?|the)\s+)?(?:increase|decrease|rise|drop|decline|gain|fall|jump|growth|up|down)\b/i;

/** Punctuation or a word that opens a clause ("that the new contract runs for four years"). */
const CLAUSE_OPENS = /[,;:()]|\b(?:that|which|who|whom|whose|while|whereas|because|when|where|and|but)\b/gi;

/** Where the clause holding text[to] starts: after the last clause opening between floor and to. */
function clauseStart(text: string, floor: number, to: number): number {
  let start = floor;
  for (const m of text.slice(floor, to).matchAll(CLAUSE_OPENS)) start = floor + m.index + m[0].length;
  return start;
}

/**
 * The words of a figure's clause that say what it measures: back to the punctuation that opens it (and
 * past it once more when the clause only tells a change of the figure before it), ahead to the next,
 * within bounds, as stems, less the words that say only how or when it was measured.
 */
function clauseContext(text: string, q: Quantity): Set<string> {
  const known = CLAUSES.get(q);
  if (known && known[0] === text) return known[1];
  const out = new Set<string>();
  const sentence = ownSentence(text, q);
  const at = sentence.indexOf(q.text);
  if (at >= 0) {
    const floor = Math.max(0, at - CLAUSE_BACK);
    let from = clauseStart(sentence, floor, at);
    if (from > floor && CHANGE_CLAUSE.test(sentence.slice(from, at)))
      from = clauseStart(sentence, floor, from - 1);
    let to = at + q.text.length;
    const ceiling = Math.min(sentence.length, to + CLAUSE_AHEAD);
    while (to < ceiling && !CLAUSE_END.test(sentence[to]!) && sentence[to] !== '.') to++;
    const own = ownWords(q);
    for (const m of sentence.slice(from, to).matchAll(WORD)) {
      const w = m[0].toLowerCase().replace(/'s$/, '');
      if (w.length < 3 || STOPWORDS.has(w) || own.has(w)) continue;
      const stem = contentStem(w);
      if (!SAYS_NOTHING_MEASURED.has(stem)) out.add(stem);
    }
  }
  CLAUSES.set(q, [text, out]);
  return out;
}
const CLAUSES = new WeakMap<Quantity, [string, Set<string>]>();

/**
 * How closely two figures' own surroundings match: the number of word stems the words right around
 * one share with the words right around the other ("earnings from continuing operations of $132.4
 * million" and "earnings from continuing operations were $130.4 million": 3). The sentence around
 * may be about many things; these words are about the figure.
 */
export function frameCloseness(a: ClaimForMatching, qa: Quantity, b: ClaimForMatching, qb: Quantity): number {
  // Figures dated to different years, quarters or a quarter and the year ("$1.51 in the third quarter
  // 2020", "$1.30 to $1.40 for Q4 2020")
  // are two periods' figures, whatever words they share: no frame in common.
  if (periodsApart(periodsOf(a.text, qa), periodsOf(b.text, qb))) return -1;
  const la = localContext(a.text, qa);
  let n = 0;
  for (const w of localContext(b.text, qb)) if (la.has(w)) n++;
  return n;
}

/**
 * Words around a generic figure that say how or when it was measured, never what: "Unemployment *rose*
 * to 5.2 percent *in March*" and "Inflation *rose* to 8.5 percent *in March*" are about different things.
 * Such words (as stems) never make two surroundings alike on their own.
 */
const SAYS_NOTHING_MEASURED = new Set(
  [
    ...'rose rise rising risen fell fall falling fallen climbed jumped dropped declined increased decreased'.split(
      ' ',
    ),
    ...'grew grown gained lost reached stood hit edged slipped surged soared slumped plunged totaled totalled'.split(
      ' ',
    ),
    ...'percent per cent point points rate from compared about roughly nearly almost'.split(' '),
    ...'monday tuesday wednesday thursday friday saturday sunday week month quarter year today yesterday'.split(
      ' ',
    ),
    ...MONTHS,
  ].map(contentStem),
);
// Seasons are a sports duration: "19 seasons with the club" may be a career, a contract or a coaching spell.
// Dates, years and times of day too: "in 2021" may date a margin, a launch or a ruling.

const MONTH_NAMES = 'January|February|March|April|June|July|August|September|October|November|December';
const PERIOD = new RegExp(
  `\\b(?:(?:in|during|for|since|by) (${MONTH_NAMES})(?! \\d)|(this|last|next|the past|the previous) (year|month|week|season|quarter|decade)|(so far this year|year to date|to date|so far))\\b`,
);

/**
 * The period a figure covers, when the words around it say: "in September", "this year", "so far".
 * Or null. Two figures for different periods are related, not in disagreement.
 */
export function periodOf(claimText: string, q: Quantity): string | null {
  const f = figureIn(claimText, q);
  if (!f) return null;
  const m = PERIOD.exec(f.around(LOCAL_WINDOW, LOCAL_WINDOW));
  if (!m) return null;
  if (m[1]) return m[1];
  if (m[2]) return `${m[2].replace(/^the /, '')} ${m[3]}`;
  return 'to date';
}
