// Named entities: capitalised names folded to one key across spellings, titles and acronyms.

import { term } from './terms';
import type { Entity, EntityMention, Span } from './types';
import { STOPWORDS, startsUpper, type Token } from './words';

const TITLES = new Set(
  (
    'president secretary minister prime chancellor senator sen rep representative governor gov mayor general gen ' +
    'colonel col lieutenant lt sergeant sgt admiral adm captain capt commander dr mr mrs ms miss judge justice chief ' +
    'director spokesman spokeswoman spokesperson king queen prince princess pope sheriff officer coach ceo chairman ' +
    'chairwoman ambassador envoy deputy vice foreign defense defence interior finance state attorney actor actress ' +
    'singer star rapper producer detective inspector professor prof pastor rev father sir lord lady pm'
  ).split(' '),
);

const ORG_WORDS = new Set(
  (
    'group department ministry union council organization organisation agency party university company inc corp ' +
    'bank committee commission force forces army navy court news times post association institute initiative ' +
    'administration office service services authority fund foundation league federation alliance coalition ' +
    'command corps police guard network center centre club team board bureau house senate congress parliament ' +
    // Heads of company, event and institution names, which otherwise read as a first name and surname.
    'ltd llc plc co church act press conference hospital school college academy theatre theater hotel ' +
    'films foods entertainment advisors financial recovery program programme division unit society survey ' +
    'series awards games playoffs courthouse museum stadium arena airport station reporter journal channel'
  ).split(' '),
);

const PLACE_WORDS = new Set(
  (
    'city county state province region river island islands sea ocean bay lake mountain mountains valley hill ' +
    'street road avenue square park beach coast gulf mount mt fort glacier village heights gardens boulevard blvd ' +
    'peninsula strait canal harbor harbour desert district hut lodge cabin campsite saddle'
  ).split(' '),
);

// Particles inside people's names; any other connector ("Gulf of Aden", "Defenders of Wildlife") makes
// the run a place or a body, never a person.
const NAME_PARTICLES = new Set(['de', 'al', 'bin', 'van', 'von', 'la', 'le', 'du']);

// Words before a name that make it a place: "in Bloomington", "near Dargahan".
const PLACE_CUES = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout']);

const DAY_AND_MONTH_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december'.split(
    ' ',
  ),
);

// First words of place names that would otherwise read as a person's first name: "North Korea".
const PLACE_PREFIXES = new Set([
  'north',
  'south',
  'east',
  'west',
  'new',
  'united',
  'saudi',
  'san',
  'los',
  'las',
  'sri',
  'hong',
]);

const PLACE_ABBREVIATIONS = new Map([
  ['Mt', 'Mount'],
  ['Ft', 'Fort'],
]);

const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'de', 'al', 'bin', 'van', 'von', 'la', 'le', 'du']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Fold spelling variants of one name together: Kyiv/Kiev, Zelensky/Zelenskiy/Zelenskyy. */
export function foldName(name: string): string {
  let key = FOLDED.get(name);
  if (key === undefined) {
    key = foldNameOf(name);
    // Bounded, so that a long-lived process or isolate cannot grow without end.
    if (FOLDED.size >= 20_000) FOLDED.clear();
    FOLDED.set(name, key);
  }
  return key;
}
// Folding runs four regular expressions and a Unicode normalisation for every capitalised word and
// name candidate; a name recurs many times in an article, and across the articles of one story.
const FOLDED = new Map<string, string>();

function foldNameOf(name: string): string {
  const w = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
  if (w.length < 4) return w;
  // Consonant skeleton: transliterations differ mostly in vowels and y/i.
  const skeleton =
    w[0] +
    w
      .slice(1)
      .replace(/[aeiouy]/g, '')
      .replace(/(.)\1+/g, '$1');
  return skeleton.length >= 2 ? skeleton : w;
}

const isCap = (t: Token) => t.type === 'word' && startsUpper(t.text);
const isAcronym = (t: Token) => t.type === 'word' && /^[A-Z]{2,6}s?$/.test(t.text);

interface RawName {
  tokens: Token[];
  /** The tokens' words joined by spaces: the mention's surface and the memo key of its resolution. */
  surface: string;
  span: Span;
  /** The token before the name, if any. */
  before?: Token;
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

export interface ResolvedName {
  key: string;
  name: string;
  type: Entity['type'];
}

/**
 * Turn a capitalised run into a canonical entity, stripping titles ("Defense Secretary Lloyd Austin").
 * `notPerson`: the surroundings say it is no person (a place cue before it, a title-case headline).
 */
export function resolveName(raw: RawName, notPerson = false): ResolvedName | null {
  // A pure function of the words (a name's tokens are all words) and the flag: one memo per flag, so
  // that the surface itself is the key, not a new string made of it.
  const memo = notPerson ? RESOLVED_NOT_PERSON : RESOLVED;
  let resolved = memo.get(raw.surface);
  if (resolved === undefined) {
    const r = resolveNameOf(raw, notPerson);
    resolved = r && Object.freeze(r);
    if (memo.size >= 10_000) memo.clear();
    memo.set(raw.surface, resolved);
  }
  return resolved;
}
// A name recurs through an article ("Austin" twenty times) and across the articles of one story, and
// resolving it takes a dozen regular expressions and arrays. Frozen: the answers are shared. Bounded,
// so that a long-lived process or isolate cannot grow without end.
const RESOLVED = new Map<string, Readonly<ResolvedName> | null>();
const RESOLVED_NOT_PERSON = new Map<string, Readonly<ResolvedName> | null>();

function resolveNameOf(raw: RawName, notPerson: boolean): ResolvedName | null {
  // "Mt Cook" is "Mount Cook", "Ft Hood" "Fort Hood": one key for both spellings.
  let words = raw.tokens.map((t) => PLACE_ABBREVIATIONS.get(t.text) ?? t.text.replace(/'s$/, ''));
  const lower = words.map((w) => w.toLowerCase());
  const connector = lower.some((w) => CONNECTORS.has(w) && !NAME_PARTICLES.has(w));
  if (words.length === 1 && isAcronym(raw.tokens[0]!)) {
    // Only a lower-case s is a plural ("NGOs"): USGS, IRS and CBS keep theirs, so that "USGS" meets
    // "United States Geological Survey" (keyed usgs by its initials).
    return {
      key: term('entity', words[0]!.replace(/(?<=[A-Z])s$/, '').toLowerCase()),
      name: words[0]!,
      type: 'organization',
    };
  }
  // Each part of a hyphenated word counts: "Atlanta Journal-Constitution" is a newspaper.
  const parts = lower.flatMap((w) => w.split('-'));
  const org = parts.some((w) => ORG_WORDS.has(w));
  const place = !org && (parts.some((w) => PLACE_WORDS.has(w)) || PLACE_PREFIXES.has(lower[0]!));
  if (!org) {
    let lastTitle = -1;
    lower.forEach((w, k) => {
      if (TITLES.has(w.replace(/\.$/, ''))) lastTitle = k;
    });
    if (lastTitle >= 0) words = words.slice(lastTitle + 1);
  }
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!.toLowerCase().replace(/\.$/, '')))
    words = words.slice(0, -1);
  // Organisations are keyed by their initials so "UDCG" and its full name meet; a word in capitals
  // gives all its letters and the letters of "U.S." count ("US Geological Survey", "U.S. Geological
  // Survey", "United States Geological Survey" and "USGS" are all usgs).
  const initials = words.map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w[0]!).toLowerCase()).join('');
  words = words.filter((w) => !/^[A-Z]\.?$/.test(w) || words.length === 1);
  if (words.length === 0) return null;
  const name = words.join(' ');
  if (org && words.length >= 2) return { key: term('entity', initials), name, type: 'organization' };
  if (place || words.length === 1) {
    return { key: term('entity', foldName(words.join(''))), name, type: place ? 'place' : 'other' };
  }
  if (connector || notPerson)
    return { key: term('entity', foldName(words[words.length - 1]!)), name, type: 'other' };
  // Two to four capitalised words without an organisation word: a person, keyed by surname.
  return { key: term('entity', foldName(words[words.length - 1]!)), name, type: 'person' };
}

/** Mentions and the entity list for a whole article, merging each key's fullest name. */
export function collectEntities(sentences: Token[][], capitalisedMidSentence: Set<string>) {
  const mentions: EntityMention[] = [];
  const byKey = new Map<string, Entity>();
  const perSentence: string[][] = [];
  // Keys written somewhere with a place cue ("in Bloomington"): never people anywhere in the article.
  const placed = new Set<string>();
  const found = sentences.map((tokens) => {
    const names = findNames(tokens, capitalisedMidSentence);
    // Asked only of a sentence that names something: it reads every word, and only names use it.
    const headline = names.length > 0 && isTitleCase(tokens);
    return names.map((raw) => {
      const cue = raw.before !== undefined && PLACE_CUES.has(raw.before.text);
      const r = resolveName(raw, headline || cue);
      if (r && cue) placed.add(r.key);
      return { raw, r };
    });
  });
  // A first name alone ("Kimani", after "Kimani Gray") is that person, keyed by the surname.
  const firstNames = new Map<string, ResolvedName>();
  const surnames = new Set<string>();
  for (const names of found)
    for (const { r } of names)
      if (r?.type === 'person') {
        firstNames.set(firstWordOf(r.name), r);
        surnames.add(r.key);
      }
  // …unless that word is itself a person's surname here: "Klitschko" after "Wladimir Klitschko" is
  // Klitschko, whatever run "Klitschko Ukrainian…" made of it a first name.
  for (const [first] of firstNames)
    if (surnames.has(term('entity', foldName(first)))) firstNames.delete(first);
  for (const names of found) {
    const keys: string[] = [];
    for (const { raw, r: own } of names) {
      const person = own?.type === 'other' && !own.name.includes(' ') ? firstNames.get(own.name) : undefined;
      const r = person ? { ...person, name: own!.name } : own;
      if (!r) continue;
      keys.push(r.key);
      // Written out, not spread from the span: V8 builds an object spread and then extended in its
      // slow dictionary form, for every mention of every article.
      mentions.push({
        start: raw.span.start,
        end: raw.span.end,
        key: r.key,
        surface: raw.surface,
      });
      const known = byKey.get(r.key);
      if (!known) byKey.set(r.key, { key: r.key, name: r.name, type: r.type, aliases: [r.name] });
      else {
        if (!known.aliases.includes(r.name)) known.aliases.push(r.name);
        if (r.name.length > known.name.length && r.type !== 'other') {
          known.name = r.name;
          known.type = r.type;
        } else if (known.type === 'other' && r.type === 'person' && r.name === known.name) {
          // "Director Gary Ross" in a title-case headline says nothing; "writer-director Gary Ross"
          // in the body says a person.
          known.type = r.type;
        }
      }
    }
    perSentence.push(keys.length < 2 ? keys : [...new Set(keys)]);
  }
  for (const e of byKey.values()) {
    if (e.type !== 'person') continue;
    if (placed.has(e.key)) e.type = 'place';
    else if (!personLike(e.name, placed)) e.type = 'other';
  }
  return { mentions, entities: [...byKey.values()], perSentence };
}

/** name.split(' ')[0], without splitting all of it. */
function firstWordOf(name: string): string {
  const space = name.indexOf(' ');
  return space < 0 ? name : name.slice(0, space);
}

/**
 * Whether a two-to-four-word name still reads as a person's once the whole article is known: not when
 * it starts with a place the article writes with a place cue ("Brooklyn South Anti Crime" after "in
 * Brooklyn"), ends in an acronym ("NYPD KKK") or in a plural of inhabitants ("RussiaToday Brooklynites").
 */
function personLike(name: string, placed: Set<string>): boolean {
  // The first and last words, without splitting the name.
  const space = name.indexOf(' ');
  const last = name.slice(name.lastIndexOf(' ') + 1);
  if (space >= 0 && placed.size > 0 && placed.has(term('entity', foldName(name.slice(0, space)))))
    return false;
  return !/^[A-Z]{2,}$/.test(last) && !/[a-z]ites$/.test(last);
}

/**
 * A headline written in title case ("Woman Killed In Queens Hit And Run") capitalises every word, so
 * its capitalised runs say nothing about who is a person.
 */
export function isTitleCase(tokens: Token[]): boolean {
  // Counted, not filtered into arrays: asked of every sentence.
  let words = 0;
  let capitalised = 0;
  for (const t of tokens) {
    if (t.type !== 'word' || t.text.length <= 3) continue;
    words++;
    if (startsUpper(t.text)) capitalised++;
  }
  return words >= 3 && capitalised >= 0.9 * words;
}

/** One entity written differently by two articles: information for a reviewer, never a conflict. */
export interface NamingDifference {
  key: string;
  /** The spellings each article uses, most frequent first. */
  a: string[];
  b: string[];
}

/**
 * Names the two articles share under different spellings: transliterations (Kyiv/Kiev), acronyms
 * against full names (UDCG / Ukraine Defense Contact Group), a surname against a full name. Compared
 * on letters only, so case and punctuation ("U.S." / "US") are not differences.
 */
export function namingDifferences(a: EntityMention[], b: EntityMention[]): NamingDifference[] {
  const forms = (mentions: EntityMention[]) => {
    const byKey = new Map<string, Map<string, number>>();
    for (const m of mentions) {
      const counts = byKey.get(m.key) ?? new Map<string, number>();
      counts.set(m.surface, (counts.get(m.surface) ?? 0) + 1);
      byKey.set(m.key, counts);
    }
    return byKey;
  };
  const letters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const fa = forms(a);
  const fb = forms(b);
  const out: NamingDifference[] = [];
  for (const [key, ca] of fa) {
    const cb = fb.get(key);
    if (!cb) continue;
    const la = new Set([...ca.keys()].map(letters));
    const lb = new Set([...cb.keys()].map(letters));
    // Only when the articles have no spelling in common.
    if ([...la].some((x) => lb.has(x))) continue;
    const sorted = (c: Map<string, number>) => [...c.entries()].sort((x, y) => y[1] - x[1]).map(([s]) => s);
    out.push({ key, a: sorted(ca), b: sorted(cb) });
  }
  return out.sort((x, y) => x.key.localeCompare(y.key));
}

/** Whether two strings differ by at most one inserted, deleted or replaced letter. */
export function oneEditApart(x: string, y: string): boolean {
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i === x.length && i === y.length) return true;
  return x.slice(i + 1) === y.slice(i + 1) || x.slice(i) === y.slice(i + 1) || x.slice(i + 1) === y.slice(i);
}
