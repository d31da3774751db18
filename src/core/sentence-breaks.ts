// Sentence boundaries of a line by the Unicode rules (UAX #29) that Intl.Segmenter's ICU applies, for
// lines written only in characters whose sentence-break class is known here: plain ASCII and the
// Latin-1 letters, which is nearly every line of an English article. Intl.Segmenter costs a few µs
// per sentence (each segment is an object with its own substring): about a tenth of an article's
// extraction. A line with any other character is left to the segmenter (null).

// Sentence_Break classes (UAX #29) of the characters read here; 0: not read here.
const SP = 1;
const LOWER = 2;
const UPPER = 3;
const NUMERIC = 4;
const ATERM = 5;
const STERM = 6;
const CLOSE = 7;
const SCONTINUE = 8;
const OTHER = 9;

const CLASS = new Uint8Array(256);
const mark = (chars: string, cls: number) => {
  for (let k = 0; k < chars.length; k++) CLASS[chars.charCodeAt(k)] = cls;
};
for (let c = 0x21; c <= 0x7e; c++) CLASS[c] = OTHER;
for (let c = 0xc0; c <= 0xde; c++) CLASS[c] = UPPER;
for (let c = 0xdf; c <= 0xff; c++) CLASS[c] = LOWER;
mark('×÷', OTHER);
mark('abcdefghijklmnopqrstuvwxyz', LOWER);
mark('ABCDEFGHIJKLMNOPQRSTUVWXYZ', UPPER);
mark('0123456789', NUMERIC);
mark(' ', SP);
mark('.', ATERM);
mark('!?', STERM);
mark('"\'()[]{}', CLOSE);
mark(',-:;', SCONTINUE);

const classAt = (line: string, k: number) => {
  const c = line.charCodeAt(k);
  return c < 256 ? CLASS[c]! : 0;
};

/**
 * Where each sentence of `line` ends (offsets, the last one the line's length), as Intl.Segmenter
 * ('en', sentence) splits it, or null when the line holds a character not classed here. A break
 * comes only after a terminator (., !, ?), its closing marks and spaces (SB9–SB11), except before a
 * digit after a period (SB6, "3.5"), before a capital after a letter and a period (SB7, "U.S"),
 * before a continuation or another terminator (SB8a), and after a period when a lower-case letter
 * follows any non-letters (SB8, "etc. and").
 */
export function sentenceEnds(line: string): number[] | null {
  const n = line.length;
  const ends: number[] = [];
  let i = 0;
  // Every character is read here, or in a run of closing marks and spaces: one pass both checks the
  // line is classed here and finds its breaks.
  while (i < n) {
    const c = classAt(line, i);
    if (c === 0) return null;
    if (c !== ATERM && c !== STERM) {
      i++;
      continue;
    }
    if (c === ATERM && i + 1 < n) {
      const next = classAt(line, i + 1);
      if (next === NUMERIC) {
        i++;
        continue;
      }
      if (next === UPPER && i > 0 && (classAt(line, i - 1) === UPPER || classAt(line, i - 1) === LOWER)) {
        i++;
        continue;
      }
    }
    let k = i + 1;
    while (k < n && classAt(line, k) === CLOSE) k++;
    while (k < n && classAt(line, k) === SP) k++;
    if (k >= n) break;
    const next = classAt(line, k);
    if (next === SCONTINUE || next === ATERM || next === STERM) {
      i = k;
      continue;
    }
    if (c === ATERM && lowerFollows(line, k)) {
      i = k;
      continue;
    }
    ends.push(k);
    i = k;
  }
  if (n > 0) ends.push(n);
  return ends;
}

/** SB8: whether the first letter or terminator from `k` on is a lower-case letter. */
function lowerFollows(line: string, k: number): boolean {
  for (; k < line.length; k++) {
    const c = classAt(line, k);
    if (c === LOWER) return true;
    if (c === UPPER || c === ATERM || c === STERM) return false;
  }
  return false;
}
