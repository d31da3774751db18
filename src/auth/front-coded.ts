// A sorted word list written with front coding: each word after the first starts with one capital
// letter (A = 1 … Z = 26) saying how many leading characters it shares with the word before it, then
// the rest; no capital = nothing shared. Lists of lower-cased passwords hold no ASCII capitals, so the
// mark is unambiguous. Sorted and front-coded, src/auth/common-passwords.data.ts is 0.9 KiB smaller
// gzip in the Worker bundle than the lists by frequency (docs/performance.md, session 18).

const MAX_SHARED = 26;

/** `words` sorted and front-coded, one a line (tests/tools/common-passwords.ts writes the data file). */
export function frontCode(words: readonly string[]): string {
  let previous = '';
  return [...words]
    .sort()
    .map((word) => {
      if (/[A-Z]/.test(word)) throw new Error(`front coding needs words without capitals: ${word}`);
      let shared = 0;
      while (shared < MAX_SHARED && shared < previous.length && word[shared] === previous[shared]) shared++;
      previous = word;
      return (shared ? String.fromCharCode(64 + shared) : '') + word.slice(shared);
    })
    .join('\n');
}

/** The words of a front-coded list, in sorted order. */
export function frontDecode(packed: string): string[] {
  let previous = '';
  return packed.split('\n').map((line) => {
    const mark = line.charCodeAt(0);
    const shared = mark >= 65 && mark <= 90 ? mark - 64 : 0;
    previous = previous.slice(0, shared) + line.slice(shared ? 1 : 0);
    return previous;
  });
}
