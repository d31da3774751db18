// Folding a name to its key: spelling variants of one name meet (Kyiv/Kiev, Zelensky/Zelenskiy).

/** Fold spelling variants of one name together: Kyiv/Kiev, Zelensky/Zelenskiy/Zelenskyy. */
export function foldName(name: string): string {
  let key = FOLDED.get(name);
  if (key === undefined) {
    key = foldNameOf(name);
    // Bounded, so that a long-lived process or isolate cannot grow without end.
    if (FOLDED.size >= 20_000) FOLDED.clear();
    FOLDED.set(name, key);
  }
  return key;
}
// Folding runs four regular expressions and a Unicode normalisation for every capitalised word and
// name candidate; a name recurs many times in an article, and across the articles of one story.
const FOLDED = new Map<string, string>();

function foldNameOf(name: string): string {
  const w = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
  if (w.length < 4) return w;
  // Consonant skeleton: transliterations differ mostly in vowels and y/i.
  const skeleton =
    w[0] +
    w
      .slice(1)
      .replace(/[aeiouy]/g, '')
      .replace(/(.)\1+/g, '$1');
  return skeleton.length >= 2 ? skeleton : w;
}
