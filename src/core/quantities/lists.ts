// Lists of groups that make one total: "two women and a man were killed" (three deaths), "12 Somali
// and 11 Yemeni pirates" (23 pirates). Outlets tell a toll either way; read as figures of their own,
// each group conflicted with the other outlet's total ("two women" against "three people"). These
// passes read the groups a list leaves implicit; crossref/sums.ts adds their total.

import type { Quantity } from '../types';
import { PEOPLE_CLASSES, refinePersonClass, unitClassOf } from '../units';
import { singular } from '../words';
import { exactQuantity } from './exact';

/** One person after a list's group: "and a man", "and one woman", "and a male co-worker". */
const SINGLE_AFTER =
  /^(\s*(?:,\s*and|,|and)\s+)((?:an?|one)\s+)([a-z][a-z-]*[a-z])(?:\s+([a-z][a-z-]*[a-z]))?/;
/** One person leading a list: "a man and two women", "one elderly woman and three children". */
const SINGLE_BEFORE = /\b((?:[Aa]n?|[Oo]ne)\s+)([a-z][a-z-]*[a-z])(?:\s+([a-z][a-z-]*[a-z]))?\s+and\s+$/;

/** The words after an offset, for the verb of fate a list's last group carries ("- were killed"). */
const wordsAfter = (text: string, at: number) =>
  text
    .slice(at, at + 60)
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
    .slice(0, 4);

/** A people's noun, one of two words ("man", "male co-worker"), and where it ends; or null. */
function personNoun(w1: string, w2: string | undefined): { head: string; words: number } | null {
  if (PEOPLE_CLASSES.has(unitClassOf(singular(w1)))) return { head: w1, words: 1 };
  if (w2 !== undefined && PEOPLE_CLASSES.has(unitClassOf(singular(w2)))) return { head: w2, words: 2 };
  return null;
}

/** A group of one person, from `start` (its determiner) to `end`. */
function single(text: string, start: number, end: number, head: string): Quantity {
  const unit = singular(head);
  return exactQuantity(
    text,
    start,
    end,
    1,
    unit,
    refinePersonClass(unitClassOf(unit), wordsAfter(text, end)),
  );
}

const isPeople = (q: Quantity) => PEOPLE_CLASSES.has(unitClassOf(q.unit));

/**
 * Rule listed-single: in a list of groups of people, "a man" or "one woman" is a group of one ("two
 * women and a man died", "a man and two women were killed"), which the amount reader leaves alone
 * elsewhere ("a man said"). Runs before shareFate, which gives a leading group the list's fate.
 */
export function readListedSingles(qs: Quantity[], text: string): void {
  for (let k = qs.length - 1; k >= 0; k--) {
    const q = qs[k]!;
    if (!isPeople(q)) continue;
    const after = SINGLE_AFTER.exec(text.slice(q.end, q.end + 60));
    const noun = after && personNoun(after[3]!, after[4]);
    if (after && noun) {
      const start = q.end + after[1]!.length;
      const words = noun.words === 1 ? after[3]! : `${after[3]} ${after[4]}`;
      const end = start + after[2]!.length + words.length;
      const next = qs[k + 1];
      const one = single(text, start, end, noun.head);
      // "killed two women and a man": the verb before the list is every group's.
      if (isPeople(one) && PEOPLE_CLASSES.has(one.unitClass) && !PEOPLE_CLASSES.has(q.unitClass))
        one.unitClass = q.unitClass;
      if (!next || next.start >= end) qs.splice(k + 1, 0, one);
    }
    const window = text.slice(Math.max(0, q.start - 40), q.start);
    const before = SINGLE_BEFORE.exec(window);
    const lead = before && personNoun(before[2]!, before[3]);
    // "a man and two women": the second word must be the noun when there is one ("an elderly woman").
    if (
      before &&
      lead &&
      (before[3] === undefined || lead.words === 2 || !personNoun(before[3], undefined))
    ) {
      const start = q.start - window.length + before.index;
      const words = lead.words === 1 ? before[2]! : `${before[2]} ${before[3]}`;
      const end = start + before[1]!.length + words.length;
      const prev = qs[k - 1];
      if (!prev || prev.end <= start) qs.splice(k, 0, single(text, start, end, lead.head));
    }
  }
}

/** A word written with a capital: a people's name ("Somali", "Yemeni") among lower-case nouns. */
const capitalised = (q: Quantity) => /\s[A-Z][\w-]*$/.test(q.text) && q.unit === lastWord(q.text);
const lastWord = (s: string) => s.slice(s.lastIndexOf(' ') + 1).toLowerCase();
/** "23 Somali *and Yemeni pirates*": a second people's name and the noun both count. */
const AND_NAME_NOUN = /^\s+and\s+[A-Z][\w-]*\s+([a-z][a-z-]*[a-z])\b/;

/**
 * Rule shared-head-noun: groups named by their people share the noun said once after the list. In
 * "12 Somali and 11 Yemeni pirates" the 12 are Somali pirates (a group of the list: crossref/sums.ts
 * adds the 23); in "23 Somali and Yemeni pirates" the 23 are pirates of both peoples.
 */
export function shareHeadNoun(qs: Quantity[], text: string): void {
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k]!;
    if (!capitalised(q)) continue;
    const next = qs[k + 1];
    if (next && /^\s*(?:,|and|, and)\s*$/.test(text.slice(q.end, next.start)) && next.modifiers.length > 0) {
      if (capitalised(next)) continue;
      q.modifiers = [q.unit];
      q.unit = next.unit;
      q.unitClass = next.unitClass;
      continue;
    }
    const both = AND_NAME_NOUN.exec(text.slice(q.end, q.end + 50));
    if (!both || (next && next.start < q.end + both[0].length)) continue;
    q.unit = singular(both[1]!);
    q.unitClass = unitClassOf(q.unit);
    q.end += both[0].length;
    q.text = text.slice(q.start, q.end);
  }
}
