// The part an age's holder plays in the event a report tells: the one who did it (the suspect, the
// gunman, the driver who fled) or the one it was done to (the victim, the dead). Reports of one
// shooting give the suspect's age and the victim's; one outlet names the suspect ("Eric Allen
// Kirkpatrick, 61, opened fire") where another does not ("The suspect, a 61-year-old man, entered").
// The role says which two ages are one person's (compared, whatever names the sentences give) and
// which are two people's (never compared: the victim's 40 is no answer to the suspect's 61).
import type { Quantity, Span } from './types';
import { familyOf } from './unit-class';

export type AgeRole = 'did' | 'suffered';
const ROLE = 'role:';
/** A role its report gives two ages for: tells no one person, but still someone on that side. */
const SHARED_ROLE = 'shared-role:';

/** How far around an age its holder's role is read: the holder's phrase and the verb after it. */
const BEFORE = 90;
const AFTER = 70;

const NAME = "(?:[A-Z][\\w'.-]*\\s+){0,4}[A-Z][\\w'.-]*(?:\\s+(?:Jr|Sr|II|III)\\.?)?";
/** A name or a described person between the cue and the age: "killing Benjamin David Banky, 40". */
const HOLDER_GAP = `(?:${NAME}\\s*,\\s*|(?:the|a|an|his|her|their)\\s+(?:[\\w-]+\\s+){0,2})?`;

/** Words right before the holder that make it the one the event was done to. */
const SUFFERED_BEFORE = new RegExp(
  `\\b(?:kill(?:ing|ed|s)|murder(?:ing|ed|s)|shoot(?:ing|s)|shot|stabb(?:ing|ed)|strik(?:ing|es)|struck|hitting|injur(?:ing|ed)|wound(?:ing|ed)|slaying|slew|(?:death|killing|shooting|murder|stabbing|body|funeral|family) of|victims?|identified the (?:dead|deceased)(?: man| woman)? as)\\s*,?\\s+(?:as\\s+)?${HOLDER_GAP}$`,
  'i',
);
/** Words right before the holder that make it the one who did it. */
const DID_BEFORE = new RegExp(
  `\\b(?:suspect(?:ed)?|gunman|gunmen|shooter|attacker|assailant|killer|accused|defendant|murderer|robber|hijacker|bomber|arsonist|perpetrator|charged|arrested|arresting|allege[sd]?(?: that)?|identified the (?:suspect|gunman|shooter|driver) as)\\s*,?\\s+${HOLDER_GAP}$`,
  'i',
);
/** The holder's verb after it, in the passive or telling what befell them: "was gunned down", "died". */
const SUFFERED_AFTER =
  /^[^.;:]{0,60}?\b(?:(?:shot|killed|stabbed|struck|hit|attacked|murdered|gunned down|run over)\s+(?:\w+\s+)?by|(?:was|were|is|are|had been|has been|have been|got)\s+(?:(?:fatally|critically|seriously|badly|reportedly|allegedly|then|later)\s+)?(?:killed|shot|stabbed|struck|hit|murdered|slain|wounded|injured|run over|found dead|pronounced dead|gunned down|beaten|attacked|strangled|hurt|rescued|taken to)|died|dies|drowned|fell|falls|perished)\b/;
/** The holder's verb after it, in the active or telling what was done about them: "opened fire". */
const DID_AFTER =
  /^[^.;:]{0,60}?\b(?:opened fire|shot|kill(?:ed|s)|stabbed|attacked|fired|robbed|rammed|(?:was|were|is|are|has been|had been)\s+(?:charged|arrested|accused|suspected|convicted|sentenced|detained|held|booked)|(?:charged with|accused of|convicted of|suspected of)|faces|pleaded|surrendered|turned (?:himself|herself) in|allegedly)\b/;

/** The role right at the holder: what the sentence says its holder did or suffered, or null. */
function roleAt(text: string, span: Span, q: Quantity): AgeRole | null {
  const before = text.slice(Math.max(span.start, q.start - BEFORE), q.start);
  const after = text.slice(q.end, Math.min(span.end, q.end + AFTER));
  // The verb after the holder's phrase tells most directly; the passive is asked first ("was shot").
  if (SUFFERED_AFTER.test(after)) return 'suffered';
  if (DID_AFTER.test(after)) return 'did';
  if (SUFFERED_BEFORE.test(before)) return 'suffered';
  if (DID_BEFORE.test(before)) return 'did';
  return null;
}

/**
 * Marks each age of a sentence with its holder's role (`role:did`, `role:suffered`) where the words
 * around it say. Quantities are the sentence's; offsets are into the article's text.
 */
export function markAgeRoles(quantities: Quantity[], text: string, span: Span): void {
  let previous: { q: Quantity; role: AgeRole | null } | null = null;
  for (const q of quantities) {
    if (familyOf(q) !== 'age') continue;
    const role: AgeRole | null = roleAt(text, span, q) ?? listedRole(previous, q, text);
    if (role) q.modifiers = [...q.modifiers, `${ROLE}${role}`];
    previous = { q, role };
  }
}

/** The words between two listed holders: "a 47-year-old man *and a* 48-year-old man", "Smith, 40, and Jones, 38". */
const LIST_JOIN =
  /^\s*(?:[a-z][\w-]*\s*)?(?:,\s*(?:and\s+|or\s+)?|\s*\b(?:and|or)\s+)(?:(?:a|an|the)\s+|[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}\s*,\s*)?$/;

/**
 * Rule role-over-a-list: a holder listed right after another takes that holder's part, which the words
 * before the list gave ("identified the other victims as a 47-year-old man and a 48-year-old man").
 */
function listedRole(
  previous: { q: Quantity; role: AgeRole | null } | null,
  q: Quantity,
  text: string,
): AgeRole | null {
  if (!previous?.role) return null;
  return LIST_JOIN.test(text.slice(previous.q.end, q.start)) ? previous.role : null;
}

/**
 * A role tells one person only when the report gives one age for it: where an article gives the ages
 * of two victims, "the victim" is not one person. Marks the role of every age whose article gives
 * another age (another value) under the same role as shared: no longer one person's, but still the
 * doers' side or the victims' (opposed-roles).
 */
export function keepUniqueRoles(quantities: Quantity[]): void {
  const values = new Map<string, Set<number>>();
  for (const q of quantities) {
    const r = q.modifiers.find(isRoleMark);
    if (r) values.set(r, (values.get(r) ?? new Set()).add(q.value));
  }
  for (const q of quantities) {
    const r = q.modifiers.find(isRoleMark);
    if (r && values.get(r)!.size > 1)
      q.modifiers = q.modifiers.map((m) => (m === r ? SHARED_ROLE + r.slice(ROLE.length) : m));
  }
}

export const isRoleMark = (modifier: string) => modifier.startsWith(ROLE) || modifier.startsWith(SHARED_ROLE);

/** The role of an age's holder, or null when its sentence does not say (or its report has two). */
export function roleOf(q: Quantity): AgeRole | null {
  const m = q.modifiers.find((x) => x.startsWith(ROLE));
  return m ? (m.slice(ROLE.length) as AgeRole) : null;
}

/** The side an age's holder is on, the doers' or the victims', even where the report gives that side two ages. */
export function sideOf(q: Quantity): AgeRole | null {
  const m = q.modifiers.find(isRoleMark);
  return m ? (m.slice(m.indexOf(':') + 1) as AgeRole) : null;
}
