// Rule carried-subject: a sentence that opens with a pronoun takes its subject from the sentence
// before, as far as the pronoun can stand for it.

import { kindOf, retag } from './terms';

// Sentences that start with these take their subject from the sentence before.
const PRONOUN_LEAD = /^(it|this|that|they|these|those|he|she|its|their|the group|the coalition)\b/i;
/** Leads that stand for a thing, never a person: "It is a coalition of 57 countries". */
const THING_LEAD = /^(it|its|this|that|the group|the coalition)\b/i;
/** Leads that stand for a person: "He was 32". */
const PERSON_LEAD = /^(he|she)\b/i;

/**
 * A sentence that opens with a pronoun takes its subject from the sentence before (rule
 * `carried-subject`), as far as the pronoun can stand for it: "it" or "the group" for the things that
 * sentence names, never its people ("Austin and the Biden administration consider … the Ukraine
 * Defense Contact Group …. It is a coalition of 57 countries": the coalition, not Biden); "he" or
 * "she" for its people, never its places or bodies; "they" for either. Names the pronoun cannot stand
 * for would make the figure's sentence name actors it is not about.
 */
export function withCarriedSubject(
  terms: string[],
  sentenceText: string,
  previous: string[],
  persons: Set<string>,
): string[] {
  if (!PRONOUN_LEAD.test(sentenceText)) return terms;
  const isPerson = (t: string) => {
    const kind = kindOf(t);
    return kind === 'person' || (kind === 'entity' && persons.has(t));
  };
  const isName = (t: string) => {
    const kind = kindOf(t);
    return kind === 'entity' || kind === 'person';
  };
  let carried: string[];
  if (THING_LEAD.test(sentenceText)) {
    // Its two likeliest referents (as in Hobbs's search): the sentence before's subject, its first
    // name, and the nearest thing it names, its last name that is no person. Names between them are
    // not what "it" stands for ("Austin, and the broader Biden administration, consider … the Ukraine
    // Defense Contact Group …. It is a coalition of 57 countries").
    const names = previous.filter((t) => kindOf(t) === 'entity');
    const things = names.filter((t) => !persons.has(t));
    const referents = new Set([names[0], things[things.length - 1]]);
    const person = (t: string) => kindOf(t) === 'person' && referents.has(retag(t, 'entity'));
    carried = previous.filter((t) => (isName(t) ? referents.has(t) || person(t) : true));
  } else if (PERSON_LEAD.test(sentenceText)) {
    carried = previous.filter((t) => !isName(t) || isPerson(t));
  } else carried = previous;
  return [...new Set([...terms, ...carried])];
}
