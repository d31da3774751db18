// Rule described-person-named, what an article gives: the people it names with an age. Another report of
// the event may describe one of them by that age alone (crossref/described-person.ts).
import { ageHolder } from './ages';
import { term } from './terms';
import type { Quantity } from './types';

/** A report names a few people with their ages; more are a list (a jury, a team) no description picks from. */
const MAX_NAMED_AGES = 6;

/**
 * Rule described-person-named (what an article gives): the people it names with an age, as `named-age`
 * terms ("rt=36" for "36-year-old Duncan Rait died"), each given one age value only. Another report of
 * the event that describes a holder by that age alone ("A 36-year-old Australian climber is dead") may
 * mean that person (crossref/described-person.ts).
 */
export function namedAges(quantities: readonly Quantity[], persons: ReadonlySet<string>): string[] {
  const ages = new Map<string, Set<number>>();
  for (const q of quantities) {
    const h = ageHolder(q);
    if (h === null || q.low !== q.high || !persons.has(term('entity', h))) continue;
    const values = ages.get(h) ?? new Set<number>();
    values.add(q.value);
    ages.set(h, values);
  }
  const out: string[] = [];
  for (const [h, values] of ages)
    if (values.size === 1) out.push(term('named-age', `${h}=${[...values][0]}`));
  return out.length > MAX_NAMED_AGES ? [] : out;
}
