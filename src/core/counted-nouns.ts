// The class of a counted noun: which kind of thing a figure counts, whatever word and inflection an
// outlet uses for it. "troops", "soldiers" and "forces" are one class; "country", "countries" and
// "nations" another. Pure and memoised; the frame of a figure (its counted noun, holder and role)
// compares counted nouns through this function.

import { stemmer } from 'stemmer';
import { COUNTED_NOUN_GROUPS } from './counted-noun-groups';
import { singular } from './words';

const BY_WORD = new Map<string, string>();
const BY_STEM = new Map<string, string>();
for (const [cls, words] of Object.entries(COUNTED_NOUN_GROUPS)) {
  for (const w of words) {
    BY_WORD.set(w, cls);
    // Multi-word entries ("member state") and abbreviations ("km") are matched as written only.
    if (w.length > 3 && !w.includes(' ') && !BY_STEM.has(stemmer(w))) BY_STEM.set(stemmer(w), cls);
  }
}

/**
 * The class of a counted noun (a head noun, any inflection): the synonym class from the table in
 * counted-noun-groups.ts ("soldiers" → "troop", "nations" → "country"), else the word's Porter stem
 * ("deliveries" → "deliveri"), so that two inflections of an unlisted noun still share a class.
 * Lower-cased; a possessive "'s" is dropped. The empty string for a word without letters.
 */
export function countedNounClass(word: string): string {
  let cls = MEMO.get(word);
  if (cls === undefined) {
    cls = classOf(word);
    if (MEMO.size >= MAX_MEMO) MEMO.clear();
    MEMO.set(word, cls);
  }
  return cls;
}

const MAX_MEMO = 20_000;
const MEMO = new Map<string, string>();

function classOf(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/['\u2019]s?$/, '')
    .trim();
  if (!/[a-z]/.test(w)) return '';
  const exact = BY_WORD.get(w);
  if (exact) return exact;
  // "member states": the last word of a compound carries the plural.
  const space = w.lastIndexOf(' ');
  const one = w.slice(0, space + 1) + singular(w.slice(space + 1));
  const listed = BY_WORD.get(one);
  if (listed) return listed;
  const stem = stemmer(one);
  return BY_STEM.get(stem) ?? BY_STEM.get(stemmer(w)) ?? stem;
}
