// Rule described-person-named: one outlet names a person ("On Friday, 36-year-old Duncan Rait died after
// slipping and falling about 60m"), another describes the same person by age alone ("A 36-year-old
// Australian climber is dead after falling about 150 metres"). The subject rules read names, so the
// second report never mentions Rait and every fact of his fall stayed apart (absent-own-actors,
// absent-sentence-names, no-shared-anchor). Between the two, the described holder is taken for the
// person the other report names with that age: the sentence is judged as naming them.
import { ageHolder, describedNationality } from '../ages';
import { foldName } from '../entities';
import { keyOf, termsOf } from '../terms';
import type { Quantity } from '../types';
import { familyOf } from '../unit-class';
import type { ClaimView } from './view';

/** The people an article names with an age (`named-age` terms, ages.ts), by age. */
export function namedAgesOf(v: ClaimView): ReadonlyMap<number, string[]> {
  const out = new Map<number, string[]>();
  for (const t of termsOf(v.c.contextTerms, 'named-age')) {
    const k = keyOf(t);
    const at = k.lastIndexOf('=');
    const age = Number(k.slice(at + 1));
    const list = out.get(age);
    if (list) list.push(k.slice(0, at));
    else out.set(age, [k.slice(0, at)]);
  }
  return out;
}

const unnamedAge = (q: Quantity) => familyOf(q) === 'age' && q.low === q.high && ageHolder(q) === null;

/**
 * The people `c`'s own sentence describes by age alone whom `other`'s report names with that age: one
 * person of that age there, nobody of that age named in `c`'s own report (it would be theirs), the
 * person not named in `c`'s report already, and a nationality the description gives ("Australian") one
 * the other report mentions too. Nothing else is asked of the two events: the person is the same
 * whichever event each report tells (Klitschko at 36 in two fights), and the rules that tell events
 * apart still read every other name.
 */
export function describedPeople(c: ClaimView, other: ClaimView): string[] {
  if (!c.c.quantities.some(unnamedAge)) return [];
  const out: string[] = [];
  for (const q of c.c.quantities) {
    if (!unnamedAge(q)) continue;
    const named = other.namedAges.get(q.value);
    if (named?.length !== 1 || c.namedAges.has(q.value)) continue;
    const person = named[0]!;
    if (c.mentions(person) || out.includes(person)) continue;
    const nationality = describedNationality(c.c.text, q);
    if (nationality !== null && !other.mentions(foldName(nationality))) continue;
    out.push(person);
  }
  return out;
}
