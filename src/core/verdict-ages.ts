// A person's age is told at the time of the telling: a report of the trial gives the accused's age a
// year or two after the report of the shooting did ("Orozco, 27, was found hiding" / "the jury found
// Jose Luis Orozco, 29, guilty"). Both are right; they are two times, not two values of one fact.
import type { Quantity, Span } from './types';
import { familyOf } from './unit-class';

const AT_VERDICT = 'told-at:verdict';
export const isVerdictMark = (modifier: string) => modifier === AT_VERDICT;

/** A court's outcome: the verdict or sentence, not the charge or the arrest (those come with the event). */
const VERDICT =
  /\b(?:convicted|convicts|convict|f(?:ound|inds?)\s+(?:\S+\s+){0,8}?guilty|pleaded\s+guilty|pleads\s+guilty|sentenced|sentences|acquitted|verdict)\b/i;

/** How many years a trial's report may give the accused beyond the event's report: trials come years later. */
const MAX_YEARS_SINCE = 3;

/**
 * Marks the ages a report tells at a verdict or sentence: every age of a report whose headline or
 * first sentence tells one, and any age in a sentence that does.
 */
export function markAgesAtVerdict(perSentence: Quantity[][], sentences: Span[], text: string): void {
  const told = (span: Span) => VERDICT.test(text.slice(span.start, span.end));
  const courtReport = sentences.slice(0, 2).some(told);
  perSentence.forEach((quantities, i) => {
    if (!courtReport && !told(sentences[i]!)) return;
    for (const q of quantities) if (familyOf(q) === 'age') q.modifiers = [...q.modifiers, AT_VERDICT];
  });
}

/**
 * Rule age-at-the-verdict: one age told at a verdict and the other not, the verdict's one to three
 * years older: the same person at two times ("the 39-year-old Troy man", in a report of the verdict,
 * against "Anthony LaCalamita III, 38," on the day of the shooting).
 */
export function agedByTheVerdict(qa: Quantity, qb: Quantity): boolean {
  const ma = qa.modifiers.includes(AT_VERDICT);
  if (ma === qb.modifiers.includes(AT_VERDICT) || familyOf(qa) !== 'age' || familyOf(qb) !== 'age')
    return false;
  const years = ma ? qa.value - qb.value : qb.value - qa.value;
  return years >= 1 && years <= MAX_YEARS_SINCE;
}
