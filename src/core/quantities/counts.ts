// Counts (family count): what a figure counts, read from the words after it ("12,000 North Korean
// troops", "a 20-year sentence", "35 of the 40 missiles"), or from a measure noun or a verb of fate
// before a bare number ("magnitude 6.1", "killed almost 600"). Calibres (".38 caliber") too. Stages
// of the amount reader, after percentages, money and ages.

import { classOf } from '../unit-class';
import { CURRENCY_WORDS, MEASURE_NOUNS, refinePersonClass, TIME_UNITS, unitClassOf } from '../units';
import { isPluralNoun, STOPWORDS, singular, type Token } from '../words';
import { afterModelName, CALIBRES, calibre, NP_STOP } from './counted-phrase';
import { verbBefore } from './fates';
import { PAID_FOR, paysForNothing } from './money';
import { partOfCountedWhole, readNounPhrase } from './noun-phrase';
import { percentOfWhatAt } from './percents';
import { type AmountReading, noPhrase } from './reading';

/**
 * The counted thing: "dozens of X", "$1.2 billion in X funds", "12,000 North Korean troops". False
 * when the figure is a multiple of another ("three times as many"): no amount at all.
 */
export function readCountedThing(r: AmountReading, tokens: Token[]): boolean {
  const { j, num, percent, currency } = r;
  r.np = noPhrase(j);
  if (r.unitClass !== null) return true;
  let k = j;
  if (tokens[k]?.lower === 'of' && (!num.numeral || num.scale > 1)) k++;
  if (currency && PAID_FOR.has(tokens[k]?.lower ?? '') && !percent) k++;
  if (percent && tokens[k]?.lower === 'of') k++;
  const percentHeadOk = !percent || percentOfWhatAt(tokens, k);
  // A hyphen glues a unit on: "6.1-magnitude", "11-member"; spaced too, "a 15 - year employee".
  const glued =
    tokens[k]?.text === '-' &&
    (tokens[k]!.start === tokens[k - 1]!.end || (num.numeral && spacedCompound(tokens, k)));
  if (glued) k++;
  let np = r.np;
  if (percentHeadOk) np = readNounPhrase(tokens, afterModelName(tokens, k));
  // "35 of the 40 missiles": a part of a counted whole counts the whole's things, marked as a part
  // (compared only with another part: "25 of the 40 missiles"). The whole is read on its own next.
  const whole = !np.head && !percent && !currency ? partOfCountedWhole(tokens, j) : null;
  if (whole) np = { ...whole, partitive: true };
  // "11 Yemeni nationals", "three British citizens": the nationality is what is counted, as in "11 Yemenis".
  const nationality = np.modifiers[np.modifiers.length - 1];
  if (CITIZEN_HEADS.has(np.head) && nationality && NATIONALITY.test(nationality))
    np = { ...np, head: nationality, modifiers: np.modifiers.slice(0, -1) };
  // "a 20-year sentence", "a 100-foot diameter", "the 50-mile-wide river": a measure glued to the
  // number is what the number counts. The noun after it is left out of the modifiers: "a 75-mile
  // wide river" and "the river is 50 miles wide" measure one thing.
  // A unit written onto the number measures too: "a 7.62mm rifle", "155mm howitzers" (not 155 howitzers).
  const stuck = !glued && tokens[k]?.type === 'word' && tokens[k]!.start === tokens[k - 1]?.end;
  const measure =
    (glued || stuck) && tokens[k]?.type === 'word' ? singular(tokens[k]!.lower.split('-')[0]!) : '';
  if (np.head && np.head !== measure && (TIME_UNITS.has(measure) || LENGTH_AND_WEIGHT.has(measure)))
    np = { ...np, head: measure, modifiers: [] };
  // Rule glued-count: any counted noun glued so ("a 100-RBI season", "a 40-point game", "an 11-member
  // panel") is what the number counts; the noun after it names what the figure describes, kept as a
  // modifier: a season of 100 RBIs is no count of seasons. A stretch ("an 11-game win streak") is a part
  // of a season, compared only with another part.
  else if (
    glued &&
    np.head &&
    measure &&
    np.head !== measure &&
    /^[a-z]{2,}$/.test(measure) &&
    !NOT_COUNTED.has(measure)
  )
    np = { ...np, head: measure, modifiers: STRETCHES.has(np.head) ? ['part-of', np.head] : [np.head] };
  // "three times as many", "five times the size": a multiple of another figure, not a count.
  if (np.head === 'time' && MULTIPLE_FOLLOWERS.test(tokens[np.end]?.lower ?? '')) return false;
  // What a sum pays for is never a period, a participle or a way of paying (money.ts).
  if (currency && paysForNothing(np.head)) np = { ...np, head: '', modifiers: [] };
  r.np = np;
  return true;
}

/**
 * Rule spaced-hyphen-measure: a tokenised source (ECB+) or a wire spaces the hyphen of a compound
 * after a number, "a 15 - year employee", "a 12 - gauge pump - action shotgun", "The 6.1 - magnitude
 * quake", "in the 300 - seat Parliament". Read as the glued compound is when a lower-case singular word
 * follows the hyphen and another word follows that one (the compound describes it): a dash before an
 * aside ("Four people - one with broken bones") or a plural ("20 - women and children") is no compound.
 * Only a hyphen spaced on both sides, as a tokeniser leaves it, and after digits: a spelled-out number
 * glued so ("an eight-year offer") is one word that only the age reader splits (spelled-compounds.ts),
 * and its spaced form is read the same way. Not a time unit ("a 90 - day stint"): read, it set ECB+
 * 1_13ecbplus's 90-day court-ordered stint against 1_20ecbplus's 30-day program, its first part, and
 * no rule yet tells a span begun from a span completed (tests/eval-data/DIAGNOSIS.md, session 18).
 */
function spacedCompound(tokens: Token[], k: number): boolean {
  const w = tokens[k + 1];
  return (
    tokens[k]!.start > tokens[k - 1]!.end &&
    w?.type === 'word' &&
    w.start > tokens[k]!.end &&
    /^[a-z]+$/.test(w.text) &&
    !NP_STOP.has(w.lower) &&
    !isPluralNoun(w.text) &&
    !TIME_UNITS.has(w.lower) &&
    tokens[k + 2]?.type === 'word'
  );
}

/** ".38 caliber", "a 357-caliber": a calibre is a decimal of an inch, however the point is written. */
export function readCalibre(r: AmountReading): void {
  const { np } = r;
  if (r.percent || r.currency || r.unitClass !== null) return;
  if (!CALIBRES.has(np.head) && !CALIBRES.has(np.modifiers[0] ?? '')) return;
  r.found.num = { ...r.found.num, value: calibre(r.found.num) };
  r.unit = 'caliber';
  r.unitClass = { family: 'caliber' };
  r.modifiers = [];
}

/**
 * The class of a count: its head noun's class; for a bare number, a measure noun before it or what
 * happened to people. False when a bare number says nothing of what it counts: no amount.
 */
export function classifyCount(r: AmountReading, tokens: Token[]): boolean {
  const { np } = r;
  if (np.head && CURRENCY_WORDS.has(np.head)) {
    r.unit = CURRENCY_WORDS.get(np.head)!;
    r.unitClass = { family: 'money', currency: r.unit, paysFor: null };
  } else if (np.model) {
    // model-counted (noun-phrase.ts): the unit stays the noun written ("rifle"), the class is the model.
    r.unit = np.head;
    r.unitClass = { family: 'count', counted: np.model };
    r.modifiers = np.modifiers;
  } else if (np.head) {
    r.unit = np.head;
    r.unitClass = classOf(membersOfAGroup(tokens, np.end) ? 'person' : unitClassOf(np.head));
    r.modifiers = np.modifiers;
  } else {
    // A bare number takes its meaning from a measure noun just before it: "magnitude 6.1", or
    // from what happened to people: "at least 17 are dead", "killed almost 600".
    const from = r.found.hedge?.from ?? r.i;
    const before = measureBefore(tokens, from);
    const fate = before
      ? null
      : refinePersonClass(
          'person',
          // "Two of the wounded" is a part of a group, not a count of its own.
          tokens[r.j]?.lower === 'of' ? [] : tokens.slice(r.j, r.j + 3).map((x) => x.lower),
          verbBefore(tokens, from),
        );
    if (before) {
      r.unit = before;
      r.unitClass = classOf(unitClassOf(before));
    } else if (fate && fate !== 'person') {
      r.unit = 'people';
      r.unitClass = classOf(fate);
    } else return false;
  }
  return true;
}

const MULTIPLE_FOLLOWERS =
  /^(as|more|less|fewer|higher|lower|larger|smaller|greater|bigger|faster|slower|longer|the|that|what)$/;

/** Nouns of a stretch of a series: "an 11-game win streak", "a five-game skid". */
const STRETCHES = new Set(['streak', 'stretch', 'run', 'skid', 'slump', 'span']);

/** Words glued to a number that count nothing of their own: "a 5-for-5 night", "the 1-2 punch". */
const NOT_COUNTED = new Set(['for', 'of', 'to', 'and', 'or', 'point-five', 'plus']);

// Units of length and weight that a hyphen glues to a number before what they measure ("100-foot").
const LENGTH_AND_WEIGHT = new Set(
  'foot feet inch yard mile meter metre kilometer kilometre km mm cm millimeter millimetre centimeter centimetre pound ton tonne kilogram kg gram gallon liter litre acre hectare'.split(
    ' ',
  ),
);

/** Nouns that a nationality before them makes a count of that nationality: "11 Yemeni nationals". */
const CITIZEN_HEADS = new Set(['national', 'citizen', 'passport holder']);
const NATIONALITY = /^[a-z]+(?:an|ese|ish|i)$/;

/**
 * "nine crew members", "five family members", "12 gang members": members of a group named by a
 * lower-case noun are people (and may die, be hurt or arrested), not member states ("27 EU members",
 * "the alliance's 32 members").
 */
function membersOfAGroup(tokens: Token[], end: number): boolean {
  const head = tokens[end - 1];
  const before = tokens[end - 2];
  return (
    !!head &&
    /^members?$/.test(head.lower) &&
    before?.type === 'word' &&
    /^[a-z]+$/.test(before.text) &&
    // "1,000 suspected members", "elected members": a participle says how, not which group.
    !/ed$/.test(before.text) &&
    !STOPWORDS.has(before.lower)
  );
}

function measureBefore(tokens: Token[], i: number): string | null {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const w = tokens[k]!.lower;
    if (MEASURE_NOUNS.has(w)) return w;
    if (tokens[k]!.type !== 'word') return null;
  }
  return null;
}

/** Words that may follow a companion noun: a preposition or an auxiliary ("and crew were"). */
const COMPANION_ENDS = new Set(
  'after before on in at from to of for with aboard onboard were was had have are is who from during'.split(
    ' ',
  ),
);

/** Words after "and" that start no companion noun: a determiner, a pronoun, a number word. */
const NOT_COMPANION = new Set(
  'the a an his her its their our my your this that these those them him it he she they we one two three four five six seven eight nine ten then also'.split(
    ' ',
  ),
);

/**
 * Rule counted-with-companions: "some 420 passengers and crew" counts passengers and crew together, a
 * group of its own, not the passengers ("246 passengers"). The class becomes `passenger+crew`, so two
 * outlets' "passengers and crew" meet and neither meets passengers alone. A count whose people met a
 * fate ("killed 20 soldiers and civilians") is a toll of both and keeps its class, as does a list of
 * figures ("five soldiers and two police") or a clause ("10 people and injured 20").
 */
export function readCompanion(r: AmountReading, tokens: Token[]): void {
  const u = r.unitClass;
  if (u?.family !== 'count' || !r.np.head || tokens[r.np.end]?.lower !== 'and') return;
  const w = tokens[r.np.end + 1];
  if (w?.type !== 'word' || !/^[a-z]+$/.test(w.text) || NOT_COMPANION.has(w.lower) || NP_STOP.has(w.lower))
    return;
  if (/(?:ed|ing|ly)$/.test(w.lower)) return;
  // One word, ending the phrase: "passengers and crew after", "passengers and crew." A verb there
  // ("20 member states and enjoys the", "23 games and wound up") is the sentence going on.
  const after = tokens[r.np.end + 2];
  if (after?.type === 'word' && !COMPANION_ENDS.has(after.lower)) return;
  r.unitClass = { family: 'count', counted: `${u.counted}+${singular(w.lower)}` };
  r.np = { ...r.np, end: r.np.end + 2 };
}
