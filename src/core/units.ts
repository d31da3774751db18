// Unit classes: which counted things are the same kind of thing, so their numbers may be compared.

import { COUNTED_NOUN_GROUPS as GROUPS } from './counted-noun-groups';
import { listedClass } from './counted-nouns';

const CLASS_OF = new Map<string, string>();
for (const [cls, words] of Object.entries(GROUPS)) for (const w of words) CLASS_OF.set(w, cls);

/** The class of a singular head noun (any inflection the stem finds in the table); an unknown noun is its own class. */
export function unitClassOf(head: string): string {
  return CLASS_OF.get(head) ?? listedClass(head) ?? head;
}

// Generic "people" counts take their meaning from the verb that follows ("20 people were killed").
const PERSON_VERBS: [RegExp, string][] = [
  [
    /^(killed|dead|died|die|perished|slain|murdered|drowned|executed|suffocated|asphyxiated|electrocuted)$/,
    'death',
  ],
  [/^(injured|wounded|hurt|hospitali[sz]ed|hospitalised|treated)$/, 'injury'],
  // "three people shot": hit by gunfire, killed or wounded, as casualties count them (rule shot-are-casualties).
  [/^(shot|gunned)$/, 'casualty'],
  [/^(arrested|detained|jailed|charged|held)$/, 'arrest'],
  [/^(missing|unaccounted)$/, 'missing'],
  [/^(evacuated|displaced|homeless|rescued|freed)$/, 'displaced'],
];

// The same fates as verbs before the count: "killing 10 people", "detained some 2,500 people".
const VERBS_BEFORE: [RegExp, string][] = [
  [/^(killed|killing|claimed|claiming)$/, 'death'],
  // "Russia lost roughly 900 soldiers a day": an army's losses are its casualties (killed, wounded,
  // captured), as "casualties" and "losses" count them.
  [/^(lost|losing)$/, 'casualty'],
  [/^(injured|injuring|wounded|wounding|hurt|hurting)$/, 'injury'],
  [/^(shot|shooting)$/, 'casualty'],
  [/^(arrested|arresting|detained|detaining|jailed|jailing)$/, 'arrest'],
  [/^(evacuated|evacuating|displaced|displacing|rescued|rescuing|freed|freeing)$/, 'displaced'],
];

/**
 * Classes of people whose count a verb of fate turns into deaths, injuries, arrests… People named by
 * what they do or where they were count the same way (rule fate-of-any-people): "killing two workers
 * and wounding two others" counts two deaths, as "killing two people" does. Combatants (pirates,
 * militants) are left out: a report counts them captured or seized as often as killed.
 */
export const PEOPLE_CLASSES = new Set([
  'person',
  'passenger',
  'child',
  'troop',
  'civilian',
  'police',
  ...'worker employee staffer co-worker coworker colleague officer guard miner tourist pilgrim worshipper protester demonstrator firefighter hostage bystander pedestrian shopper customer villager'.split(
    ' ',
  ),
]);

export function refinePersonClass(cls: string, following: string[], before: string | null = null): string {
  if (!PEOPLE_CLASSES.has(cls)) return cls;
  for (const [k, word] of following.entries()) {
    // "55 people and injured 170 more": a verb after "and" or a comma is another clause's.
    if (word === 'and' || word === ',') break;
    for (const [pattern, refined] of PERSON_VERBS)
      if (pattern.test(word)) return shotDead(refined, following.slice(k + 1));
  }
  if (before)
    for (const [pattern, refined] of VERBS_BEFORE)
      if (pattern.test(before)) return shotDead(refined, following);
  return cls;
}

/** "Shot dead", "shot and killed", "shot to death" count deaths; "shot and wounded" injuries. */
function shotDead(refined: string, next: string[]): string {
  if (refined !== 'casualty') return refined;
  const w = next[0] === 'and' || next[0] === 'to' ? next[1] : next[0];
  if (w === 'dead' || w === 'killed' || w === 'death') return 'death';
  if (w === 'wounded' || w === 'injured') return 'injury';
  return refined;
}

// Maps, not plain objects: a word like "constructor" must not find Object.prototype's members.
export const CURRENCY_SYMBOLS = new Map([
  ['$', 'usd'],
  ['€', 'eur'],
  ['£', 'gbp'],
  ['¥', 'jpy'],
]);
/** Letters glued to a dollar sign ("A$", "$US", "NZ$"), and country adjectives before "dollars". */
export const DOLLAR_COUNTRIES = new Map([
  ['us', 'usd'],
  ['a', 'aud'],
  ['au', 'aud'],
  ['aus', 'aud'],
  ['australian', 'aud'],
  ['c', 'cad'],
  ['ca', 'cad'],
  ['can', 'cad'],
  ['canadian', 'cad'],
  ['nz', 'nzd'],
  ['hk', 'hkd'],
  ['s', 'sgd'],
  ['sg', 'sgd'],
  ['singapore', 'sgd'],
  ['nt', 'twd'],
  ['taiwan', 'twd'],
  ['z', 'zwd'],
  ['zimbabwe', 'zwd'],
  ['zimbabwean', 'zwd'],
]);
export const CURRENCY_WORDS = new Map<string, string>([
  ['dollar', 'usd'],
  ['usd', 'usd'],
  // Informal dollars ("5 mln bucks", "ten bucks"), with the wire abbreviations (numbers.ts).
  ['buck', 'usd'],
  ['euro', 'eur'],
  ['eur', 'eur'],
  ['yen', 'jpy'],
  ['yuan', 'cny'],
  ['renminbi', 'cny'],
  ['rupee', 'inr'],
  ['ruble', 'rub'],
  ['rouble', 'rub'],
  ['hryvnia', 'uah'],
  ['peso', 'mxn'],
  ['franc', 'chf'],
  ['sterling', 'gbp'],
]);

export const TIME_UNITS = new Set([
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
  'decade',
  'century',
]);

/** Words that name what a bare number measures when it follows them: "magnitude 6.1", "a toll of 20". */
export const MEASURE_NOUNS = new Set([
  'magnitude',
  'toll',
  'total',
  'population',
  'turnout',
  'score',
  'temperature',
  'height',
  'depth',
  'age',
]);
