// An age is a property of a person, not of an event: whose age a figure gives, and whether two ages
// describe one person. Reports of one death written days apart name different weekdays, actors and
// protagonists (the shooting, the vigil, the trial), but the victim's age is the same in all of them.
import type { ClaimForMatching, EntityMention, Quantity, Span } from './types';

const HOLDER = 'who:';

/** The holder of an age ("gr" for "16-year-old Kimani Gray"), or null when the sentence does not say. */
export function ageHolder(q: Quantity): string | null {
  if (q.unitClass !== 'age') return null;
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
    const m = mentions.find(
      (x) =>
        x.start >= sentence.start &&
        x.end <= sentence.end &&
        x.surface.split(/\s+/).some((w) => fold(w.replace(/'s$/, '')) === holder),
    );
    if (m && m.key.slice(2) !== holder)
      q.modifiers = q.modifiers.map((x) => (x === `${HOLDER}${holder}` ? `${HOLDER}${m.key.slice(2)}` : x));
  }
}

const people = (c: ClaimForMatching) => c.terms.filter((t) => t.startsWith('p:')).map((t) => t.slice(2));

/**
 * Whether two ages are one named person's: both name the same holder, or one names a holder that the
 * other's own sentence names as the only person in it ("41-year-old Raj Chohan" / "struck Raj Chohan,
 * a 59-year-old grandmother"). A sentence naming someone else too may give that other person's age.
 */
export function sameNamedPerson(a: ClaimForMatching, qa: Quantity, b: ClaimForMatching, qb: Quantity) {
  const ha = ageHolder(qa);
  const hb = ageHolder(qb);
  if (ha && hb) return ha === hb;
  // …and gives one age only: in "Jerry was 35 and had more drive than a 21-year-old" the 21 is nobody's.
  const onlyPerson = (holder: string, c: ClaimForMatching) => {
    const named = people(c);
    const ages = c.quantities.filter((q) => q.unitClass === 'age').length;
    return ages === 1 && c.terms.includes(`e:${holder}`) && named.every((p) => p === holder);
  };
  if (ha) return onlyPerson(ha, b);
  if (hb) return onlyPerson(hb, a);
  return false;
}

/** Whether the people named in or around two claims include one person: an unnamed age's likely holder. */
export function sharePersonAround(a: ClaimForMatching, b: ClaimForMatching): boolean {
  const around = (c: ClaimForMatching) =>
    new Set([...c.terms, ...c.contextTerms].filter((t) => t.startsWith('p:')));
  const pa = around(a);
  for (const t of around(b)) if (pa.has(t)) return true;
  return false;
}
