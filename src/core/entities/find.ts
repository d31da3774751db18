// Finding names: capitalised runs in a sentence, without a sentence-initial common word, the periods
// of initials or a descriptive suffix ("Los Angeles-area").

import { wordValue } from '../numbers';
import type { Span } from '../types';
import { STOPWORDS, startsUpper, type Token } from '../words';
import { CONNECTORS, DAY_AND_MONTH_WORDS } from './vocabulary';

export const isCap = (t: Token) => t.type === 'word' && startsUpper(t.text);
export const isAcronym = (t: Token) => t.type === 'word' && /^[A-Z]{2,6}s?$/.test(t.text);

export interface RawName {
  tokens: Token[];
  /** The tokens' words joined by spaces: the mention's surface and the memo key of its resolution. */
  surface: string;
  span: Span;
  /** The token before the name, if any. */
  before?: Token;
  /** The token right after the name, if any. */
  after?: Token;
}

/** Capitalised runs in one sentence, skipping a sentence-initial common word. */
export function findNames(tokens: Token[], knownNames: Set<string>): RawName[] {
  const names: RawName[] = [];
  const firstWord = tokens.find((t) => t.type === 'word');
  let i = 0;
  while (i < tokens.length) {
    if (!isCap(tokens[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j]!;
      // "Queens Friday", "GMT Friday": a day or month ends a name.
      if (DAY_AND_MONTH_WORDS.has(t.lower) || DAY_AND_MONTH_WORDS.has(tokens[j - 1]!.lower)) break;
      if (isCap(t) && tokens[j - 1]!.end + 1 >= t.start) j++;
      else if (
        (CONNECTORS.has(t.text) || t.text === '.') &&
        tokens[j + 1] &&
        isCap(tokens[j + 1]!) &&
        t.text !== 'and'
      )
        j++;
      else if (t.text === '.' && /^[A-Z]$/.test(tokens[j - 1]!.text)) j++;
      else break;
    }
    const words = trimDescriptiveSuffix(wordsOf(tokens, i, j));
    // The run is words[s, e): trimmed by moving its ends, never by slicing it again and again (a run of
    // thousands of stopwords, "A A A …", would copy it once per word).
    let s = 0;
    let e = words.length;
    // A sentence-initial word that also appears in lower case is not a name ("However", "Despite").
    // A sentence-initial word is a name only if the text also capitalises it mid-sentence.
    while (
      s < e &&
      // ("US" in capitals is the country, not the pronoun.)
      ((STOPWORDS.has(words[s]!.lower) && !/^[A-Z]{2,}$/.test(words[s]!.text)) ||
        (words[s] === firstWord &&
          e - s === 1 &&
          !knownNames.has(words[s]!.text) &&
          !possessive(tokens, i) &&
          !/^[A-Z]{2,6}s?$/.test(words[s]!.text)))
    ) {
      s++;
    }
    while (e > s && CONNECTORS.has(words[e - 1]!.lower)) e--;
    // Rule `interjection`: "'Oh, my God, there's three people shot!'" names nobody.
    if (e - s === 1 && exclamation(tokens, i, words[s]!)) s = e;
    if (e > s) {
      const run = s === 0 && e === words.length ? words : words.slice(s, e);
      // run[0] is a token of [i, j), or (trimmed of a suffix) a new one: then -1, as in a slice.
      // Looked for in [i, j) only: a search to the end of the sentence for a new token, once per
      // name, would be quadratic in a long sentence.
      let at = i - 1;
      for (let k = i; k < j; k++)
        if (tokens[k] === run[0]) {
          at = k;
          break;
        }
      names.push({
        tokens: run,
        surface: run.length === 1 ? run[0]!.text : run.map((t) => t.text).join(' '),
        span: { start: run[0]!.start, end: run[run.length - 1]!.end },
        before: tokens[at - 1],
        after: e === words.length ? tokens[j] : undefined,
      });
    }
    i = j;
  }
  return names;
}

/** The tokens from i to j without the periods of initials ("Lloyd J. Austin"). */
function wordsOf(tokens: Token[], i: number, j: number): Token[] {
  const run: Token[] = [];
  for (let k = i; k < j; k++) if (tokens[k]!.text !== '.') run.push(tokens[k]!);
  return run;
}

/**
 * "the Los Angeles-area fire", "a London-based firm", "the Saudi-led coalition": a lower-case part after
 * a hyphen describes something by the name; the name ends before it, so it meets "Los Angeles".
 * ("Atlanta Journal-Constitution" keeps its capitalised part.)
 */
function trimDescriptiveSuffix(run: Token[]): Token[] {
  for (let k = 0; k < run.length; k++) {
    const t = run[k]!;
    if (!t.text.includes('-')) continue;
    const cut = t.text.search(/-[a-z]/);
    if (cut <= 0) continue;
    // Rule `age-before-name`: "Sixty-year-old Sharron Diane Crawford Smith", "Two-time champion …": a
    // sentence opens with its number spelled out (news style), and a hyphenated number-word modifier
    // before a name describes the person; the name is the words after it.
    if (k === 0 && run.length > 1 && wordValue(t.text.slice(0, cut)) !== null)
      return trimDescriptiveSuffix(run.slice(1));
    const text = t.text.slice(0, cut);
    return [...run.slice(0, k), { ...t, text, lower: text.toLowerCase(), end: t.start + cut }];
  }
  return run;
}

/** "Spain's", "Spain 's": a common word at a sentence start rarely takes a possessive; a name does. */
function possessive(tokens: Token[], i: number): boolean {
  if (/'s$/.test(tokens[i]!.text)) return true;
  return (
    tokens[i + 1]?.text === "'" &&
    tokens[i + 2]?.lower === 's' &&
    tokens[i + 2]!.end === tokens[i + 2]!.start + 1
  );
}

/**
 * Rule `interjection`: a word that is a cry, not a name ("Oh", "Hey", "Wow", "Okay"), and "God" or "Lord"
 * in an oath ("Oh, my God", "Thank God"): a witness quoted crying out names no actor of the story.
 */
function exclamation(tokens: Token[], i: number, word: Token): boolean {
  if (INTERJECTIONS.has(word.lower)) return true;
  if (!OATH_NAMES.has(word.lower)) return false;
  const before = tokens[i - 1]?.lower;
  return before === 'my' || before === 'thank' || before === 'oh';
}
const INTERJECTIONS = new Set(
  'oh ah aw wow hey yeah yes okay ok gosh jeez whoa alas hooray hello thanks'.split(' '),
);
const OATH_NAMES = new Set(['god', 'lord', 'jesus']);
