// Rule `named-thing`: two to four capitalised words read as a first name and a surname may name a
// thing: a plan, a product, a shop, a team ("our Premium Plan", "The Gadget Store", "Smart Building
// Solutions"). English writes a person's name bare and refers back to the person by the surname alone
// ("Roberts said"); a thing's name takes a determiner of its own ("the Red Sox", "a Market Analysis
// Wizard") and ends in a common noun the text also writes in lower case ("pricing plans", "web
// maintenance services"). A name whose surname never stands alone in the article is a thing when
// either holds; the determiner must be the name's own at every mention (a name written bare somewhere
// is left a person: one report's "the Fifth Fleet" against another's bare "Fifth Fleet").

import type { Entity } from '../types';
import { STOPWORDS, type Token } from '../words';
import type { RawName } from './find';
import { lastWordKey, type ResolvedName } from './resolve';
import { TITLES } from './vocabulary';

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'our',
  'your',
  'their',
  'its',
  'this',
  'these',
  'those',
  'each',
  'every',
  'any',
]);

/**
 * The run stands after a determiner that is its own: not a title's ("the Rev. Larry Kroon"), and not
 * a noun's the name only modifies ("the Nick Hornby novel", "an Al Gore protagonist"): after the name
 * comes punctuation, a function word or a verb in the past ("The Gadget Store experienced").
 */
export function determinedName(raw: RawName): boolean {
  if (raw.before === undefined || !DETERMINERS.has(raw.before.lower)) return false;
  if (TITLES.has(raw.tokens[0]!.text.toLowerCase().replace(/\.$/, ''))) return false;
  // "the Red Sox", "the Nationals", "the Beatles": a plural name with its article is a team, a band or
  // a family, people who act, offer and sign.
  if (raw.tokens[raw.tokens.length - 1]!.text.endsWith('s')) return false;
  const next = raw.after;
  if (next === undefined || next.type === 'punct') return next?.text !== '/' && next?.text !== '-';
  if (next.type !== 'word') return false;
  return STOPWORDS.has(next.lower) || (next.text === next.lower && next.lower.endsWith('ed'));
}

/** Keys of one-word names: a surname standing alone ("Roberts said") says the name is a person's. */
export function aloneKeys(found: readonly (readonly { raw: RawName; r: ResolvedName | null }[])[]) {
  const keys = new Set<string>();
  for (const names of found)
    for (const { raw, r } of names) if (r && raw.tokens.length === 1) keys.add(r.key);
  return keys;
}

// Marks inside an address ("sarah.mitchell@xcelerate.com"): a word written with them is no common noun.
const ADDRESS_MARKS = new Set(['.', '@', '/', '_']);
const glued = (x: Token | undefined, y: Token | undefined) =>
  x !== undefined &&
  y !== undefined &&
  x.end === y.start &&
  (ADDRESS_MARKS.has(x.text) || ADDRESS_MARKS.has(y.text));

/** The words an article writes in lower case, function words and addresses left out. */
export function lowerCaseWords(sentences: readonly Token[][]): Set<string> {
  const words = new Set<string>();
  for (const tokens of sentences)
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.type !== 'word' || t.text !== t.lower || STOPWORDS.has(t.lower)) continue;
      if (glued(tokens[k - 1], t) || glued(t, tokens[k + 1])) continue;
      words.add(t.lower);
    }
  return words;
}

/** The name's last word is one the article writes in lower case, singular or plural ("plans"). */
export function commonHead(name: string, lower: ReadonlySet<string>): boolean {
  const last = name.slice(name.lastIndexOf(' ') + 1).toLowerCase();
  return lower.has(last) || lower.has(`${last}s`) || (last.endsWith('s') && lower.has(last.slice(0, -1)));
}

/**
 * Rule `modifier-key`: a named thing whose last word is a common noun of the text (commonHead: "our
 * Platinum Plan" beside "any subscription plan") is told apart from the text's other plans by the word
 * before that noun. It keeps its key (the noun's) and is also keyed as if the noun were not part of
 * the name, so it meets a text that writes the noun in lower case ("the Platinum plan", a name
 * "Platinum") as well as one that capitalises it. Adds to the sentences' keys of `headed` mentions
 * (walked in the order collectEntities made them) and to the entity list.
 */
export function addModifierKeys(
  found: readonly (readonly { r: ResolvedName | null }[])[],
  resolvedOf: (own: ResolvedName | null) => ResolvedName | null,
  headed: ReadonlySet<string>,
  perSentence: string[][],
  byKey: Map<string, Entity>,
): void {
  found.forEach((names, s) => {
    let keys: string[] | null = null;
    for (const { r: own } of names) {
      const r = resolvedOf(own);
      const space = r?.name.lastIndexOf(' ') ?? -1;
      if (!r || !headed.has(r.key) || space <= 0) continue;
      const key = lastWordKey(r.name.slice(0, space).split(' '));
      keys ??= [...perSentence[s]!];
      if (!keys.includes(key)) keys.push(key);
      const known = byKey.get(key);
      if (!known) byKey.set(key, { key, name: r.name, type: 'other', aliases: [r.name] });
      else if (!known.aliases.includes(r.name)) known.aliases.push(r.name);
    }
    if (keys) perSentence[s] = keys;
  });
}
