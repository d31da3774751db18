// The counted thing after a figure: "12,000 North Korean troops" → head troop, modifiers [north,
// korean]; "35 of the 40 missiles" → a part of a whole of 40; "the 20 other languages" → a remainder.

import { readNumber } from '../numbers';
import { isPluralNoun, singular, type Token } from '../words';
import { modelCodeAt, NP_STOP } from './counted-phrase';
import type { NounPhrase } from './reading';

// Modifiers that say nothing about which things are counted.
const VAGUE_MODIFIERS = new Set(
  'new more other additional separate further extra total some many various different several such own whole entire full estimated reported'.split(
    ' ',
  ),
);

/**
 * Prefixes that are never a word of their own (rule spaced-prefix): a tokenised source (ECB+) or a
 * transcript spaces the hyphen after one, "three co - workers", where an outlet prints "co-workers".
 */
const BOUND_PREFIX = new Set(['co', 'ex', 'non', 'anti', 'semi', 'multi']);

const REMAINDER = new Set(['other', 'another', 'additional', 'remaining', 'further', 'more', 'extra']);

/** Marks a part with the size of its whole: "35 of the 40 missiles" → `whole:40`. */
export const WHOLE = 'whole:';

export function partOfCountedWhole(tokens: Token[], j: number) {
  if (tokens[j]?.lower !== 'of' || !/^(the|its|their|these|those)$/.test(tokens[j + 1]?.lower ?? ''))
    return null;
  const wholeNumber = readNumber(tokens, j + 2);
  if (!wholeNumber) return null;
  const np = readNounPhrase(tokens, wholeNumber.to);
  // The part ends at its own number: the whole ("40 missiles") stays a figure of its own.
  return np.head
    ? { head: np.head, modifiers: [...np.modifiers, `${WHOLE}${wholeNumber.value}`], end: j }
    : null;
}

export function readNounPhrase(tokens: Token[], k: number): NounPhrase {
  const words: Token[] = [];
  // Where each word (with a model code after it) ends.
  const ends: number[] = [];
  // The model code among the words, and the index of its word.
  let model: { key: string; at: number } | null = null;
  let end = k;
  while (end < tokens.length && words.length < 5) {
    const t = tokens[end]!;
    if (t.type !== 'word' || NP_STOP.has(t.lower)) break;
    // Rule spaced-prefix: "co - workers" is read as "co-workers" is, its head the word after the hyphen.
    if (BOUND_PREFIX.has(t.lower) && tokens[end + 1]?.text === '-' && tokens[end + 2]?.type === 'word') {
      end += 2;
      continue;
    }
    // "injured 160 north of Baghdad": a direction in lower case starts a place, not what is counted.
    if (/^(north|south|east|west|north-?east|north-?west|south-?east|south-?west)$/.test(t.text)) break;
    if (/ly$/.test(t.lower) && t.lower.length > 4 && !/^(family|ally|supply|rally|italy)$/.test(t.lower)) {
      const step = lyWordInPhrase(tokens, end);
      if (step === 'end') break;
      if (step === 'adverb') {
        end++;
        continue;
      }
    }
    words.push(t);
    end++;
    // A model code: "AK-47 rifles", "AK 47 rifles", "F-16 jets". The digits name the model; what is
    // counted comes after them.
    const code = modelCodeAt(tokens, end - 1);
    if (code > end) {
      model ??= { key: modelKey(tokens, end - 1, code), at: words.length - 1 };
      end = code;
    }
    ends.push(end);
  }
  if (words.length === 0) return { head: '', modifiers: [] as string[], end: k, partitive: false };
  // The head is the first lower-case plural noun ("North Korean troops"), else the first capitalised
  // plural after the number ("30 House Democrats"), else the last word. Words after a plural head are
  // the verb ("people participate", "Democrats say"), not part of the counted thing.
  let headIdx = words.findIndex((w) => /^[a-z]/.test(w.text) && isPluralNoun(w.text));
  if (headIdx < 0) headIdx = words.findIndex((w) => /^[A-Z][a-z]{2,}s$/.test(w.text) && isPluralNoun(w.text));
  if (headIdx < 0) {
    headIdx = words.length - 1;
    // Skip a trailing participle: "package approved", "partners committed".
    while (headIdx > 0 && /(ed|ing)$/.test(words[headIdx]!.lower)) headIdx--;
  }
  const head = singular(
    words[headIdx]!.lower.replace(/^.*-/, (p) => (words[headIdx]!.lower.endsWith('-old') ? p : '')),
  );
  const modifiers = words
    .slice(0, headIdx)
    .map((w) => w.lower)
    .filter((w) => !VAGUE_MODIFIERS.has(w));
  // "the 20 other languages", "five more people": a remainder beside some already counted, never the
  // total. Marked like a part so it is not compared with a whole.
  if (
    words.slice(0, headIdx).some((w) => REMAINDER.has(w.lower)) ||
    REMAINDER.has(tokens[k - 1]?.lower ?? '')
  )
    modifiers.push('part-of');
  const phraseEnd = ends[headIdx]!;
  // "35 missiles out of 40 launched": a part of the 40.
  const outOf =
    tokens[phraseEnd]?.lower === 'out' && tokens[phraseEnd + 1]?.lower === 'of'
      ? readNumber(tokens, phraseEnd + 2)
      : null;
  if (outOf) modifiers.push(`${WHOLE}${outOf.value}`);
  const partitive =
    !!outOf ||
    (tokens[phraseEnd]?.lower === 'of' &&
      /^(the|its|their|these|those|them|our|his|her|whom|which)$/.test(tokens[phraseEnd + 1]?.lower ?? ''));
  // Rule model-counted: things of one model are counted as that model, whatever noun follows the code
  // ("seven AK-47s", "12 AK 47 guns", "seven AK-47 rifles"): outlets name the weapon or the aircraft
  // type by its code and pick the noun freely, and two models of one noun are different things.
  if (model && model.at <= headIdx)
    return {
      head,
      modifiers: modifiers.filter((m) => m !== words[model!.at]!.lower),
      end: phraseEnd,
      partitive,
      model: model.key,
    };
  return { head, modifiers, end: phraseEnd, partitive };
}

/**
 * Rule `adverb-in-phrase`: a word in -ly after a figure ends what is counted ("killed 12 instantly",
 * "arrested 12 early Monday"), unless a lower-case plural noun follows it: right after, it is an
 * adjective of the thing ("10 elderly residents", "five daily flights"); one word later, an adverb of
 * that word ("13 fully loaded magazines", "12 heavily armed guards", "five badly burned children"),
 * which says how, not which things, and is left out of the modifiers ("13 loaded magazines" is the
 * same count).
 */
function lyWordInPhrase(tokens: Token[], i: number): 'end' | 'adjective' | 'adverb' {
  const lowerWord = (t: Token | undefined) =>
    t?.type === 'word' && /^[a-z]/.test(t.text) && !NP_STOP.has(t.lower);
  const next = tokens[i + 1];
  if (!lowerWord(next)) return 'end';
  if (isPluralNoun(next!.text)) return 'adjective';
  const after = tokens[i + 2];
  return lowerWord(after) && isPluralNoun(after!.text) && !/ly$/.test(next!.lower) ? 'adverb' : 'end';
}

/** A model code as one key, letters and digits: "AK-47", "AK 47", "AK-47s" → `ak-47`. */
function modelKey(tokens: Token[], i: number, end: number): string {
  const digits = tokens.slice(i + 1, end).find((t) => t.type === 'num');
  return `${tokens[i]!.lower}-${digits?.text ?? ''}`;
}
