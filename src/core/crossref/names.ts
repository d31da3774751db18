// Whether a report mentions a name, and the names a claim's own figures count ("AK" of "7 AK-47 rifles").
import { foldName, oneEditApart } from '../entities';
import { keyOf, term } from '../terms';
import type { ClaimForMatching } from '../types';

/**
 * Whether `key` is among `names` (an article's article-name terms). Spelling variants of one name differ at the
 * end ("Korea"/"Korean", "Somali"/"Somalian"), so a name counts as mentioned when one key starts with
 * the other.
 */
export function mentionedIn(key: string, names: Set<string>): boolean {
  if (names.has(term('article-name', key))) return true;
  for (const t of names) {
    const k = keyOf(t);
    if (k.length >= 2 && (k.startsWith(key) || key.startsWith(k))) return true;
    // "Gulf" in "Persian Gulf"; transliterations one letter apart ("Salaluddin" / "Salahaddin").
    if (k.length >= 3 && key.length >= 3 && (k.endsWith(key) || key.endsWith(k))) return true;
    if (k.length >= 4 && key.length >= 4 && oneEditApart(k, key)) return true;
  }
  return false;
}

/** Entity keys a claim's capitalised words inside its figures could have: "AK" of "7 AK-47 rifles". */
export function countedNames(c: ClaimForMatching): Set<string> {
  const out = new Set<string>();
  for (const q of c.quantities) {
    for (const w of q.text.match(/[A-Z][A-Za-z]*/g) ?? []) {
      out.add(term('entity', foldName(w)));
      out.add(term('entity', w.toLowerCase().replace(/s$/, '')));
    }
  }
  return out;
}
