// What happened to the people counted: "20 people were killed" counts deaths, "detained some 2,500
// people" arrests (units.ts refinePersonClass). The last stage of the amount reader, and a pass over
// a sentence's figures: a list of groups shares the fate said once after it.

import type { Quantity } from '../types';
import { classOf } from '../unit-class';
import { PEOPLE_CLASSES, refinePersonClass } from '../units';
import type { Token } from '../words';
import { exactQuantity } from './exact';
import type { AmountReading } from './reading';

/** The word right before a number (or its hedge), when it is a verb ending in -ed/-ing: "killing 10". */
export function verbBefore(tokens: Token[], i: number): string | null {
  // "rescued another five people": "another" stands between the verb and its count.
  const t = tokens[i - 1]?.lower === 'another' ? tokens[i - 2] : tokens[i - 1];
  return t && t.type === 'word' && (/(ed|ing)$/.test(t.lower) || t.lower === 'lost' || t.lower === 'shot')
    ? t.lower
    : null;
}

/** A count of people becomes a count of their fate, from the verb after ("were killed") or before. */
export function readFate(r: AmountReading, tokens: Token[]): void {
  const u = r.unitClass;
  if (u?.family !== 'count' || !PEOPLE_CLASSES.has(u.counted)) return;
  // "the two wounded men": a fate's participle before the noun says what befell them, as a verb does.
  const described = r.modifiers.find((m) => FATE_OF_WORD[m] !== undefined);
  if (described !== undefined) {
    r.unitClass = classOf(FATE_OF_WORD[described]!);
    r.modifiers = r.modifiers.filter((m) => m !== described);
    return;
  }
  const refined = refinePersonClass(
    u.counted,
    afterAside(tokens, r.np.end).map((x) => x.lower),
    verbBefore(tokens, r.found.hedge?.from ?? r.i),
  );
  if (refined !== u.counted) r.unitClass = classOf(refined);
}

/**
 * The four words after a count of people, past an aside between dashes: "Four people - one with
 * broken bones, 3 with inspiratory problems - are treated in nearby hospitals" (rule fate-past-aside).
 */
function afterAside(tokens: Token[], end: number): Token[] {
  let from = end;
  if (tokens[from]?.text === '-' || tokens[from]?.text === '--' || tokens[from]?.text === '—') {
    const close = tokens.slice(from + 1, from + 25).findIndex((t) => t.text === tokens[from]!.text);
    if (close > 0) from += close + 2;
  }
  return tokens.slice(from, from + 4);
}

/** Buildings and places that a disaster damages or destroys. */
const PROPERTY = new Set(
  'village home house building shop store car vehicle structure school church apartment dwelling business office hut'.split(
    ' ',
  ),
);
const DESTROYED = new Set(
  'destroyed destroying flattened flattening razed razing levelled leveled levelling leveling demolished collapsed gutted torched burned burnt'.split(
    ' ',
  ),
);
const DAMAGED = new Set(['damaged', 'damaging', 'damage', 'cracked']);
/** Words between a counted thing and its verb: "homes in five villages *had been* damaged". */
const AUXILIARY = new Set(
  'were was had have has been are is being either or completely partially partly badly totally seriously suffering suffered serious heavy'.split(
    ' ',
  ),
);
const PROPERTY_FATE = 'fate:';

function propertyFate(word: string | undefined): string | null {
  if (word === undefined) return null;
  if (DESTROYED.has(word)) return 'destroyed';
  if (DAMAGED.has(word)) return 'damaged';
  return null;
}

/**
 * Rule property-fate: buildings and villages counted after a disaster are counted by what befell them,
 * as people are: "flattening seven villages", "four villages had been destroyed" count destroyed
 * villages, "homes in five villages had been damaged", "355 damaged shops" damaged ones. A `fate:`
 * modifier (different-groups then keeps a damaged count from a destroyed one); the describing word
 * ("damaged") gives way to it so that "355 damaged shops" and "565 shops suffering serious damage"
 * stay one group.
 */
export function readPropertyFate(r: AmountReading, tokens: Token[]): void {
  const u = r.unitClass;
  if (u?.family !== 'count' || !PROPERTY.has(u.counted)) return;
  let fate = propertyFate(verbBefore(tokens, r.found.hedge?.from ?? r.i) ?? undefined);
  for (const m of r.modifiers) fate ??= propertyFate(m);
  for (let k = r.np.end; fate === null && k < r.np.end + 5; k++) {
    const w = tokens[k];
    if (w?.type !== 'word') break;
    fate = propertyFate(w.lower);
    if (fate === null && !AUXILIARY.has(w.lower)) break;
  }
  if (fate === null) return;
  r.modifiers = [...r.modifiers.filter((m) => propertyFate(m) === null), `${PROPERTY_FATE}${fate}`];
}

/** A count of one of the groups of people a verb of fate turns into deaths, injuries, arrests… */
const isPeople = (q: Quantity) => {
  const u = classOf(q);
  return u.family === 'count' && PEOPLE_CLASSES.has(u.counted);
};

/**
 * In a list of groups the verb comes once, after the last: "52 people and four bombers were killed",
 * "17 women and six children among the dead". The last group's fate is every listed group's.
 */
export function shareFate(qs: Quantity[], text: string): void {
  for (let k = qs.length - 2; k >= 0; k--) {
    const q = qs[k]!;
    const next = qs[k + 1]!;
    if (classOf(next).family !== 'fate' || !isPeople(q)) continue;
    if (!/^\s*(,|and|, and)\s*$/.test(text.slice(q.end, next.start))) continue;
    q.unitClass = next.unitClass;
  }
}

/** "… killed and another wounded": "another" and a fate's participle, with no number (rule another-of-a-fate). */
const ANOTHER_OF_FATE =
  /^[^.;:\d]{0,40}?\b(?:and|,)\s+(another\s+(killed|dead|wounded|injured|hurt))(?=\s*(?:[.,;:)!"]|$|(?:in|at|by|when|after|as|on|during|and|while|with|from|before)\b))/;
const FATE_OF_WORD: Record<string, string> = {
  killed: 'death',
  dead: 'death',
  wounded: 'injury',
  injured: 'injury',
  hurt: 'injury',
};

/**
 * Rule another-of-a-fate: after a count of a fate, "another" with a fate's participle and no number
 * counts one person: "two people have been killed and another wounded" states one injury, as "and one
 * wounded" would. Only after a count of deaths or injuries, so "another injured player" elsewhere is
 * left alone.
 */
export function readAnotherOfFate(qs: Quantity[], text: string): void {
  for (let k = qs.length - 1; k >= 0; k--) {
    const q = qs[k]!;
    const u = classOf(q);
    if (u.family !== 'fate' || (u.fate !== 'death' && u.fate !== 'injury')) continue;
    const m = ANOTHER_OF_FATE.exec(text.slice(q.end, q.end + 80));
    if (!m) continue;
    const start = q.end + m.index + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    const next = qs[k + 1];
    if (next && next.start < end) continue;
    qs.splice(k + 1, 0, exactQuantity(text, start, end, 1, 'person', FATE_OF_WORD[m[2]!]!));
  }
}
