// An age is a property of a person, not of an event: whose age a figure gives, and whether two ages
// describe one person. Reports of one death written days apart name different weekdays, actors and
// protagonists (the shooting, the vigil, the trial), but the victim's age is the same in all of them.

import { roleOf, sideOf } from './age-roles';
import { figureIn } from './crossref/around-figure';
import { TITLES } from './entities/vocabulary';
import { isTerm, keyOf, keysOf, term } from './terms';
import type { ClaimForMatching, EntityMention, Quantity, Span } from './types';
import { familyOf } from './unit-class';
import { unitClassOf } from './units';
import { STOPWORDS, singular } from './words';

const HOLDER = 'who:';

const isAge = (q: Quantity) => familyOf(q) === 'age';

/** The holder of an age ("gr" for "16-year-old Kimani Gray"), or null when the sentence does not say. */
export function ageHolder(q: Quantity): string | null {
  if (!isAge(q)) return null;
  const m = q.modifiers.find((x) => x.startsWith(HOLDER));
  return m ? m.slice(HOLDER.length) : null;
}

/**
 * The quantities reader keys a holder by the one word it sees ("Kimani" in "Kimani (Kiki) Gray"); the
 * article's entities know that a first name alone is the person its surname keys. Rewrites each
 * holder to the key of the sentence's mention that contains that word.
 */
export function resolveAgeHolders(
  quantities: Quantity[],
  sentence: Span,
  mentions: EntityMention[],
  fold: (word: string) => string,
): void {
  for (const q of quantities) {
    const holder = ageHolder(q);
    if (!holder) continue;
    const named = mentions.filter(
      (x) =>
        x.start >= sentence.start &&
        x.end <= sentence.end &&
        x.surface.split(/\s+/).some((w) => fold(w.replace(/'s$/, '')) === holder),
    );
    // The mention nearest before the age is its holder's ("Gray's older sister, Mahnefah Gray, 19").
    const m = named.filter((x) => x.start <= q.start).at(-1) ?? named[0];
    const key = m ? keyOf(m.key) : holder;
    if (key !== holder)
      q.modifiers = q.modifiers.map((x) => (x === `${HOLDER}${holder}` ? `${HOLDER}${key}` : x));
    // The given names the sentence writes (not the article's fullest name: "Ironically Nichols").
    const given = givenNames(m?.surface ?? '', key, fold);
    if (given.length > 0) q.modifiers = [...q.modifiers, `${GIVEN}${given.join('+')}`];
  }
}

const KIN = 'kin';
export const isKinMark = (modifier: string) => modifier === KIN;
const KIN_NOUN =
  '(?:sons?|daughters?|mother|father|mom|dad|wife|husband|widow|widower|brothers?|sisters?|siblings?|grand(?:son|daughter|mother|father|child)s?|nephews?|nieces?|uncle|aunt|cousins?|stepsons?|stepdaughters?|stepfather|stepmother|fianc[ée]e?|children|child|parents?)';
const OWNER = "(?:his|her|their|the\\s+[\\w-]+'s|[A-Z][\\w-]*'s)";
/** Kin named before the age: "Gray's older sister, Mahnefah Gray, 19", "his son, 17," (then the holder's name, if any). */
const KIN_BEFORE = new RegExp(
  `\\b${OWNER}\\s+(?:(?:older|younger|eldest|oldest|youngest|twin|only|late)\\s+)?${KIN_NOUN}\\s*,?\\s*(?:(?:[A-Z][\\w'.-]*\\s+){0,3}[A-Z][\\w'.-]*\\s*,\\s*)?$`,
);
/** Kin told after the holder: "17-year-old Jeremy Ortiz, one of the deputy's sons". */
const KIN_AFTER = new RegExp(
  `^(?:\\s+(?:[A-Z][\\w'.-]*\\s*){1,4})?\\s*,\\s*(?:one of\\s+)?${OWNER}\\s+(?:(?:older|younger|eldest|oldest|youngest|twin|only)\\s+)?${KIN_NOUN}\\b`,
);

/**
 * Marks an age whose holder is told as someone's kin ("said 17-year-old Jeremy Ortiz, one of the
 * deputy's sons"): a family shares its surname, so that holder is not the surname's other bearer.
 */
export function markKin(quantities: Quantity[], text: string, span: Span): void {
  for (const q of quantities) {
    if (!isAge(q)) continue;
    const before = text.slice(Math.max(span.start, q.start - 60), q.start);
    const after = text.slice(q.end, Math.min(span.end, q.end + 70));
    if (KIN_BEFORE.test(before) || KIN_AFTER.test(after)) q.modifiers = [...q.modifiers, KIN];
  }
}

/**
 * Rule kin-apart: two ages under one surname, one of them told as someone's kin and the other not
 * ("Ortiz, 35, was a 15-year member of the sheriff's department" / "17-year-old Jeremy Ortiz, one of
 * the deputy's sons"), are two members of a family.
 */
const kinApart = (qa: Quantity, qb: Quantity) => qa.modifiers.includes(KIN) !== qb.modifiers.includes(KIN);

const GIVEN = 'given:';
export const isGivenMark = (modifier: string) => modifier.startsWith(GIVEN);

/** The given names of a person's name ("jeremy" in "Jeremy Ortiz", "luis gerardo jerry" in "Deputy Luis Gerardo "Jerry" Ortiz"). */
function givenNames(surface: string, key: string, fold: (word: string) => string): string[] {
  const words = surface.split(/[\s"“”]+/).map((w) => w.replace(/[^\p{L}'-]/gu, ''));
  return words
    .filter(
      (w) =>
        w.length > 1 &&
        /^\p{Lu}/u.test(w) &&
        !TITLES.has(w.toLowerCase()) &&
        fold(w.replace(/'s$/, '')) !== key,
    )
    .map((w) => w.toLowerCase())
    .sort();
}

/**
 * Rule different-given-names: a surname keys its family too ("Gray's older sister, Mahnefah Gray, 19"
 * and "16-year-old Kimani Gray"). Two ages whose sentences give their holders' given names, none of
 * them alike, are two people's. Names alike share their first four letters, as a name and its short
 * form often do ("Alexandros" / "Alexis"; not "Jerry" / "Jeremy").
 */
function givenApart(qa: Quantity, qb: Quantity): boolean {
  const ga = qa.modifiers.find(isGivenMark)?.slice(GIVEN.length).split('+');
  const gb = qb.modifiers.find(isGivenMark)?.slice(GIVEN.length).split('+');
  const alike = (x: string, y: string) => x.slice(0, 4) === y.slice(0, 4);
  return ga !== undefined && gb !== undefined && !ga.some((x) => gb.some((y) => alike(x, y)));
}

/**
 * Rule described-protagonist: a report about one person describes them by what they are as often as by
 * name ("A 35-year-old sheriff's deputy … was killed" in a report about Deputy Ortiz). Where the
 * report's leading protagonist is a person given no age of their own, and the report gives one age
 * (one value, however often told) to a holder it does not name, that age is marked as likely the
 * protagonist's (`described:ortz`); `protagonist` is the entity key (`e:ortz`).
 */
export function describedProtagonist(quantities: Quantity[], protagonist: string | null): void {
  if (protagonist === null) return;
  const key = keyOf(protagonist);
  const ages = quantities.filter(isAge);
  if (ages.some((q) => ageHolder(q) === key)) return;
  const unnamed = ages.filter((q) => ageHolder(q) === null);
  if (unnamed.length === 0 || unnamed.some((q) => q.value !== unnamed[0]!.value)) return;
  for (const q of unnamed) q.modifiers = [...q.modifiers, `${DESCRIBED}${key}`];
}

const DESCRIBED = 'described:';
export const isDescribedMark = (modifier: string) => modifier.startsWith(DESCRIBED);
const describedAs = (q: Quantity) => q.modifiers.find(isDescribedMark)?.slice(DESCRIBED.length) ?? null;

/**
 * One age is named ("Ortiz, 35,") in a report about that name, the other describes its own report's
 * protagonist of that name ("A 35-year-old sheriff's deputy … was killed"). A name that is not its
 * report's protagonist may be a namesake: "17-year-old Jeremy Ortiz, one of the deputy's sons".
 */
function describedNamed(a: ClaimForMatching, qa: Quantity, b: ClaimForMatching, qb: Quantity): boolean {
  const named = (c: ClaimForMatching, q: Quantity, other: Quantity) => {
    const h = ageHolder(q);
    return h !== null && describedAs(other) === h && c.contextTerms.includes(term('protagonist', h));
  };
  return named(a, qa, qb) || named(b, qb, qa);
}

const people = (c: ClaimForMatching) => keysOf(c.terms, 'person');

/**
 * Whether two ages are one named person's: both name the same holder, or one names a holder that the
 * other's own sentence names as the only person in it ("41-year-old Raj Chohan" / "struck Raj Chohan,
 * a 59-year-old grandmother"). A sentence naming someone else too may give that other person's age.
 */
export function sameNamedPerson(a: ClaimForMatching, qa: Quantity, b: ClaimForMatching, qb: Quantity) {
  const ha = ageHolder(qa);
  const hb = ageHolder(qb);
  if (ha && hb) return ha === hb && !givenApart(qa, qb) && !kinApart(qa, qb);
  // …and gives one age only: in "Jerry was 35 and had more drive than a 21-year-old" the 21 is nobody's.
  // …and the age describes no noun of its own: "Orozco was charged with murdering the 35-year-old
  // *deputy*" gives the deputy's age, not Orozco's.
  const onlyPerson = (holder: string, c: ClaimForMatching, q: Quantity) => {
    const named = people(c);
    const ages = c.quantities.filter(isAge).length;
    return (
      ages === 1 &&
      holderNoun(c, q) === null &&
      c.terms.includes(term('entity', holder)) &&
      named.every((p) => p === holder)
    );
  };
  if (ha) return onlyPerson(ha, b, qb);
  if (hb) return onlyPerson(hb, a, qa);
  return false;
}

/** Whether the people named in or around two claims include one person: an unnamed age's likely holder. */
export function sharePersonAround(a: ClaimForMatching, b: ClaimForMatching): boolean {
  const around = (c: ClaimForMatching) =>
    new Set([...c.terms, ...c.contextTerms].filter((t) => isTerm(t, 'person')));
  const pa = around(a);
  for (const t of around(b)) if (pa.has(t)) return true;
  return false;
}

/**
 * Reports of one event written on different days name different weekdays (the shooting on Saturday,
 * the vigil on Wednesday): that alone does not make a person's age another figure. Actors and
 * protagonists the other report never names do: those are different events, maybe years apart, and
 * a person's age changes with the years ("the 32-year-old Klitschko" of one title fight, "the
 * 36-year-old champion" of another).
 */
const OTHER_DAY = 'different-weekdays';
/**
 * What may show one person at another time, when their age differs: other years, or actors the other
 * report never names, around the claims or in their own sentence (Klitschko at 32 against Rahman, at
 * 36 against Thompson). A month or year one report alone names, names in the sentence the other never
 * mentions, or no name in common do not: outlets tell one event with different details.
 */
/** Around two sentences that both give one named person's age, other people say little. */
const OTHER_PEOPLE_AROUND = 'different-people-around';
/**
 * Details one outlet alone gives (a month, names in the sentence, a central name, no name the other
 * sentence shares): one person's two ages are still compared past them, unless ANOTHER_TIME holds.
 */
const OTHER_DETAILS: ReadonlySet<string> = new Set([
  'time-never-named',
  'absent-central-actor',
  'absent-sentence-names',
  'no-shared-anchor',
]);
export const ANOTHER_TIME: ReadonlySet<string> = new Set([
  'different-years',
  'absent-actors',
  'absent-protagonists',
  'absent-own-actors',
]);

/**
 * An age is a property of a person, not of an event: two ages of one person reported on different
 * days are one figure. Two ages of one named person are compared across different weekdays and
 * different people around them; two unnamed ages whose claims name one person around them across
 * different weekdays only.
 */
export function onePersonsAge(
  a: ClaimForMatching,
  qa: Quantity,
  b: ClaimForMatching,
  qb: Quantity,
  why: string,
  anotherTime = false,
) {
  if (!isAge(qa) || !isAge(qb)) return false;
  if (sameNamedPerson(a, qa, b, qb))
    return why === OTHER_DAY || why === OTHER_PEOPLE_AROUND || (OTHER_DETAILS.has(why) && !anotherTime);
  return why === OTHER_DAY && (sharePersonAround(a, b) || shareProtagonist(a, b));
}

/**
 * The noun an age describes ("a 27-year-old *parolee*", "her 14-year-old *son*"): two different ones
 * are two people; an age without one ("the 16-year-old was") may be anyone's.
 */
function sameHolderNoun(a: ClaimForMatching, qa: Quantity, b: ClaimForMatching, qb: Quantity): boolean {
  const na = holderNoun(a, qa);
  const nb = holderNoun(b, qb);
  return na === null || nb === null || na === nb;
}

function holderNoun(c: ClaimForMatching, q: Quantity): string | null {
  const w = wordsAfterAge(c.text, q)?.[2].replace(/'s$/, '');
  // Any other word counts, a verb too ("the 26-year-old fired 11 shots"): two ages are taken for one
  // person only when a sentence names no other noun for its holder ("the 16-year-old was").
  return w && !STOPWORDS.has(w) ? unitClassOf(singular(w)) : null;
}

/** Both reports' protagonist is one person (named as a person around either claim). */
function shareProtagonistPerson(a: ClaimForMatching, b: ClaimForMatching): boolean {
  const person = (key: string) =>
    [a, b].some((c) => c.terms.includes(term('person', key)) || c.contextTerms.includes(term('person', key)));
  return a.contextTerms.some(
    (t) => isTerm(t, 'protagonist') && b.contextTerms.includes(t) && person(keyOf(t)),
  );
}

/** Both reports return most to one name: an unnamed age in each is likeliest that story's person. */
function shareProtagonist(a: ClaimForMatching, b: ClaimForMatching): boolean {
  return a.contextTerms.some((t) => isTerm(t, 'protagonist') && b.contextTerms.includes(t));
}

/**
 * Whether two ages share their holder, which is then their context whatever words surround them:
 * one named person ("11-year-old Kimani Gray was shot" / "a 16-year-old Kimani Gray"), or, for two
 * ages neither sentence gives a holder, the person both reports are about.
 */
export function agesShareHolder(
  a: ClaimForMatching,
  qa: Quantity,
  b: ClaimForMatching,
  qb: Quantity,
): boolean {
  if (!isAge(qa) || !isAge(qb)) return false;
  if (sameNamedPerson(a, qa, b, qb)) return true;
  if (nationalitiesApart(a, qa, b, qb)) return false;
  if (sameRole(qa, qb)) return true;
  if (opposedRoles(qa, qb)) return false;
  if (describedNamed(a, qa, b, qb)) return true;
  return !ageHolder(qa) && !ageHolder(qb) && shareProtagonistPerson(a, b) && sameHolderNoun(a, qa, b, qb);
}

/**
 * One age is a named person's ("Orozco, 27,") and the other describes a noun of its own ("the
 * 35-year-old deputy") in a sentence that does not make it that person's: two people, whatever words
 * surround the two figures.
 */
export function agesOfDifferentHolders(a: ClaimForMatching, qa: Quantity, b: ClaimForMatching, qb: Quantity) {
  if (!isAge(qa) || !isAge(qb) || sameNamedPerson(a, qa, b, qb)) return false;
  if (opposedRoles(qa, qb)) return true;
  if (nationalitiesApart(a, qa, b, qb)) return true;
  if (sameRole(qa, qb)) return false;
  const ha = ageHolder(qa);
  const hb = ageHolder(qb);
  if (ha && ha === hb) return givenApart(qa, qb) || kinApart(qa, qb);
  if (!ha && !hb) {
    const ca = description(a.text, qa).calling;
    const cb = description(b.text, qb).calling;
    if (ca !== null && cb !== null && ca !== cb) return true;
    return actsOnHolder(b.text, qb, ca) || actsOnHolder(a.text, qa, cb) || homesApart(a.text, qa, b.text, qb);
  }
  return (!!ha && !hb && holderNoun(b, qb) !== null) || (!!hb && !ha && holderNoun(a, qa) !== null);
}

/**
 * Rule described-apart: two ages neither sentence names a holder for, each describing its holder by
 * what they are: two different callings or kin ("a 27-year-old parolee" / "a 35-year-old sheriff's
 * deputy", "her 14-year-old son" / "the 30-year-old sergeant") or two nationalities ("a 32-year-old
 * British climber" / "a 36-year-old Australian man") are two people. Words any person is called
 * ("man", "resident", "teen") and verbs ("the 16-year-old shot by cops") describe no one in particular.
 * Read here: the capitalised words and the first lower-case word right after an age.
 */
function description(text: string, q: Quantity): { calling: string | null; nationality: string | null } {
  const m = wordsAfterAge(text, q);
  if (!m) return { calling: null, nationality: null };
  const nationality = m[1].split(/\s+/).find((w) => NATIONALITY.test(w)) ?? null;
  const w = singular(m[2].replace(/'s$/, ''));
  const calling = STOPWORDS.has(w) || ANYONE.has(w) || VERB_LIKE.test(w) || VERBS.has(w) ? null : w;
  return { calling, nationality };
}
/**
 * The words right after an age that describe its holder: [1] the capitalised words ("Australian", "Navy"),
 * [2] the first lower-case word ("climber", "son", or a verb: "was"); null when no lower-case word comes
 * within 60 characters. What holderNoun and description read.
 */
function wordsAfterAge(text: string, q: Quantity): [string, string, string] | null {
  const f = figureIn(text, q);
  return f && (AFTER_AGE.exec(f.after(60)) as [string, string, string] | null);
}
const AFTER_AGE = /^\s+((?:[A-Z][\w'-]*\s+)*)([a-z][a-z'-]+)/;
/**
 * Rule calling-acts-on-holder: a holder described by a calling ("the 36-year-old driver") is not the
 * holder of an age the other sentence gives someone that calling acted on ("the hit and run driver who
 * killed a 66-year-old woman"): the calling, then a verb and a determiner, no comma between (an
 * apposition, "the driver, a 36-year-old man", is the holder itself).
 */
function actsOnHolder(text: string, q: Quantity, calling: string | null): boolean {
  if (calling === null || !/^[a-z][a-z'-]*$/.test(calling)) return false;
  const f = figureIn(text, q);
  if (!f) return false;
  const m = ACTED_ON.exec(f.before(60));
  return m !== null && singular(m[1]!.toLowerCase()) === calling;
}
const ACTED_ON =
  /\b([a-z][a-z'-]*)\s+(?:(?:who|that)\s+)?(?:(?:allegedly|reportedly|then|later|fatally)\s+)?(?:[a-z]+ed|struck|hit|shot|hurt|slew|beat|ran\s+(?:over|down))\s+(?:an?|the|his|her|their)\s+$/i;

/**
 * Rule hometowns-apart: an unnamed holder described with the place they are from ("the 39-year-old Troy
 * man", "a 50-year-old man from Dexter, Michigan") is not the holder described from another place: two
 * people. The place is the capitalised words between the age and a person's noun (no nationality), or
 * the name after "from" right after that noun.
 */
function hometownOf(text: string, q: Quantity): string | null {
  const f = figureIn(text, q);
  const m = f && HOMETOWN.exec(f.after(80));
  if (!m) return null;
  const noun = singular(m[2]!.toLowerCase());
  if (!ANYONE.has(noun) && (STOPWORDS.has(noun) || VERB_LIKE.test(noun) || VERBS.has(noun))) return null;
  const before = m[1]!
    .trim()
    .split(/\s+/)
    .filter((w) => w && !NATIONALITY.test(w));
  const place = before.length > 0 ? before.join(' ') : (m[3] ?? null);
  return place?.toLowerCase() ?? null;
}
const HOMETOWN =
  /^\s+((?:[A-Z][\w'-]*\s+)*)([a-z][a-z'-]+)(?:\s+from\s+([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*))?/;

function homesApart(ta: string, qa: Quantity, tb: string, qb: Quantity): boolean {
  const x = hometownOf(ta, qa);
  const y = hometownOf(tb, qb);
  return x !== null && y !== null && !x.includes(y) && !y.includes(x);
}

/** The nationality an age's description gives its holder ("Australian" in "a 36-year-old Australian climber"), or null. */
export const describedNationality = (text: string, q: Quantity) => description(text, q).nationality;

/** Two unnamed holders of two nationalities are two people, even where both play one part (two climbers who fell). */
function nationalitiesApart(a: ClaimForMatching, qa: Quantity, b: ClaimForMatching, qb: Quantity): boolean {
  if (ageHolder(qa) || ageHolder(qb)) return false;
  const na = description(a.text, qa).nationality;
  const nb = description(b.text, qb).nationality;
  return na !== null && nb !== null && na !== nb;
}
/** A nationality: "British", "Australian", "Chinese", "Pakistani", "French". */
const NATIONALITY = /^[A-Z][a-z]+(?:an|ish|ese|i|ch)$/;
const VERB_LIKE = /(?:ed|ing)$/;
const VERBS = new Set(
  'shot hit fell died was is had has said told ran got left took gave made found'.split(' '),
);
/** What any person may be called. */
const ANYONE = new Set(
  'man woman person people boy girl child kid teen teenager youth adult male female resident local native individual victim guy lady gentleman'.split(
    ' ',
  ),
);

/**
 * Rule same-role-age: two ages whose holders play one part in the event, the one who did it or the one
 * it was done to, each the only age of that part in its report ("Eric Allen Kirkpatrick, 61, opened
 * fire" / "The suspect, a 61-year-old man, entered"), are one person's, named by one outlet or
 * neither. Two named holders are told apart by their names (sameNamedPerson).
 */
export function sameRole(qa: Quantity, qb: Quantity): boolean {
  const ra = roleOf(qa);
  if (ra === null || ra !== roleOf(qb)) return false;
  const ha = ageHolder(qa);
  const hb = ageHolder(qb);
  return !(ha && hb && ha !== hb);
}

/**
 * Rule opposed-roles: the suspect's age and the victim's are two people's, whatever else the sentences
 * share. Read on each age's side even where its report gives that side two ages ("The 30-year-old
 * sergeant and 26-year-old fired 11 shots" against "16-year-old shot by cops").
 */
export function opposedRoles(qa: Quantity, qb: Quantity): boolean {
  const ra = sideOf(qa);
  const rb = sideOf(qb);
  return ra !== null && rb !== null && ra !== rb;
}
