// Wire copies: two articles that are one text (the same wire story with another headline, a trimmed
// end, an added paragraph). MinHash over word 5-shingles (Broder 1997), in its bottom-k form: an
// article's signature is the 128 smallest hashes of its shingles (one hash function, so signing is
// one hash per shingle), which estimates the Jaccard resemblance of two articles' shingle sets (exactly,
// for texts under 128 shingles), and with the sets' sizes the containment of the shorter in the
// longer, which is what survives trimming and additions.
// The threshold is measured on ECB+ reprints by `npm run eval:copies` (docs/detection.md).

/** Words per shingle: long enough that shared quotes and set phrases rarely make a copy. */
export const SHINGLE_WORDS = 5;
/** Hashes kept per signature: the standard error of an estimated resemblance is about √(J(1−J)/128). */
export const SIGNATURE_SIZE = 128;
/** Share of the shorter article's shingles found in the longer at which they are one text. */
export const MIN_CONTAINMENT = 0.5;
/** Below this many shingles (≈ 25 words) an estimate says little: such texts are never copies. */
export const MIN_SHINGLES = 20;
/**
 * A text under an eighth of the other's length is never taken for its copy: the sample the estimate
 * rests on (the shorter's hashes under the longer's sketch) would hold under 16 shingles.
 */
export const MAX_LENGTH_RATIO = 8;

export interface CopySignature {
  /** How many distinct shingles the text has. */
  shingles: number;
  /** The SIGNATURE_SIZE smallest shingle hashes (unsigned 32-bit), ascending; all of them if fewer. */
  minima: number[];
}

/** FNV-1a over a word's UTF-16 units, 32-bit. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads FNV's hash over all 32 bits, so the smallest are a fair sample. */
function mix(x: number): number {
  let h = x;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The signature of an article's text (its body; the headline is left out, since reprints change it). */
export function copySignature(text: string): CopySignature {
  const words = (text.toLowerCase().match(WORD) ?? []).map(fnv1a);
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    // FNV-1a again, over the five words' hashes: one pass per shingle, no strings built.
    let h = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE_WORDS; j++) h = Math.imul(h ^ words[j]!, 0x01000193);
    hashes.add(mix(h >>> 0));
  }
  const sorted = [...hashes].sort((a, b) => a - b);
  return { shingles: hashes.size, minima: sorted.slice(0, SIGNATURE_SIZE) };
}

export interface Resemblance {
  /** Estimated Jaccard resemblance of the two shingle sets. */
  jaccard: number;
  /** Estimated share of the smaller set inside the larger (1 when one text holds the other). */
  containment: number;
}

const last = (s: CopySignature) =>
  s.shingles > s.minima.length ? s.minima[s.minima.length - 1]! : Number.POSITIVE_INFINITY;

export function resemblance(a: CopySignature, b: CopySignature): Resemblance {
  if (a.shingles === 0 || b.shingles === 0) return { jaccard: 0, containment: 0 };
  // Jaccard: the smallest hashes of the union are a uniform sample of it; the share of them found in
  // both sketches estimates the share of the union in both sets.
  const k = Math.min(SIGNATURE_SIZE, a.shingles + b.shingles);
  let i = 0;
  let j = 0;
  let taken = 0;
  let both = 0;
  while (taken < k && (i < a.minima.length || j < b.minima.length)) {
    const x = a.minima[i] ?? Number.POSITIVE_INFINITY;
    const y = b.minima[j] ?? Number.POSITIVE_INFINITY;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    taken++;
  }
  return { jaccard: taken === 0 ? 0 : both / taken, containment: containment(a, b) };
}

/**
 * Containment of the smaller: its hashes below both sketches' ceilings are a uniform sample of it,
 * and for each the other sketch says whether the other text has it. Both minima ascend, so one merge
 * walk answers (no set built: wire-copy checks run for every stored article a batch is compared with).
 */
function containment(a: CopySignature, b: CopySignature): number {
  const [small, large] = a.shingles <= b.shingles ? [a, b] : [b, a];
  const ceiling = Math.min(last(small), last(large));
  const other = large.minima;
  let j = 0;
  let sample = 0;
  let found = 0;
  for (const h of small.minima) {
    if (h > ceiling) break;
    sample++;
    while (j < other.length && other[j]! < h) j++;
    if (j < other.length && other[j] === h) found++;
  }
  return sample === 0 ? 0 : found / sample;
}

/** Whether two articles are one text, by MIN_CONTAINMENT (both long enough to tell). */
export function isWireCopy(a: CopySignature, b: CopySignature, threshold = MIN_CONTAINMENT): boolean {
  if (!lengthsAllowCopy(a.shingles, b.shingles)) return false;
  return containment(a, b) >= threshold;
}

/** Whether texts of these shingle counts can be wire copies at all (both long enough, lengths close enough). */
export function lengthsAllowCopy(a: number, b: number): boolean {
  const shorter = Math.min(a, b);
  return !(shorter < MIN_SHINGLES || shorter * MAX_LENGTH_RATIO < Math.max(a, b));
}

/** The stored form: the shingle count, then the hashes as 8 hex digits each. */
export function encodeSignature(s: CopySignature): string {
  return `${s.shingles}:${s.minima.map((m) => m.toString(16).padStart(8, '0')).join('')}`;
}

/**
 * The stored form read back, or null when it is not one. Read a character at a time: an ingest decodes
 * the signature of every stored article its candidates come from (hundreds in a large archive), and a
 * regular expression with a substring and parseInt per hash made that a visible share of its CPU.
 */
export function decodeSignature(stored: string | null | undefined): CopySignature | null {
  const n = signatureShingles(stored);
  if (n === null) return null;
  const s = stored!;
  const from = s.indexOf(':') + 1;
  if (s.length - from !== Math.min(n, SIGNATURE_SIZE) * 8) return null;
  const minima: number[] = [];
  for (let at = from; at < s.length; at += 8) {
    let h = 0;
    for (let k = at; k < at + 8; k++) {
      const c = s.charCodeAt(k);
      // '0'–'9' and 'a'–'f' only, as encodeSignature writes them.
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
      if (d < 0) return null;
      h = h * 16 + d;
    }
    minima.push(h);
  }
  return { shingles: n, minima };
}

/** The shingle count of a stored signature (the digits before its colon), or null when it has none. */
export function signatureShingles(stored: string | null | undefined): number | null {
  if (!stored) return null;
  const colon = stored.indexOf(':');
  if (colon <= 0) return null;
  for (let k = 0; k < colon; k++) {
    const c = stored.charCodeAt(k);
    if (c < 48 || c > 57) return null;
  }
  return Number(stored.slice(0, colon));
}
