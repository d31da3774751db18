// Sentence spans: Intl.Segmenter's rules (same in Node and workerd) plus repair of splits they get wrong.
import { sentenceEnds } from './sentence-breaks';
import type { Span } from './types';

// For lines with characters sentence-breaks does not class (other scripts, symbols): the same rules.
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// Words that end in a period without ending a sentence when followed by a name or number.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj pres st jr sr inc corp co ltd no vs ' +
    'jan feb mar apr aug sept sep oct nov dec fig approx est dept univ mt ft rev hon'
  ).split(' '),
);

function endsWithAbbreviation(segment: string): boolean {
  const word = lastWordBeforePeriod(segment);
  if (word === null || !/^(?:[A-Za-z]{1,5}|(?:[A-Za-z]\.)+[A-Za-z])$/.test(word)) return false;
  if (word.includes('.')) return true; // U.S., U.K., e.g.
  if (word.length === 1 && /[A-Z]/.test(word)) return true; // a middle initial: Lloyd J. Austin
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * The letters and periods before a segment's final period, when a space, bracket or quote (or the
 * segment's start) comes before them: what /(?:^|[\s("'])([A-Za-z.]*)\.\s*$/ would capture, found
 * from the end instead of by trying every position of the segment.
 */
function lastWordBeforePeriod(segment: string): string | null {
  const body = segment.trimEnd();
  if (!body.endsWith('.')) return null;
  let start = body.length - 1;
  while (start > 0 && /[A-Za-z.]/.test(body[start - 1]!)) start--;
  if (start > 0 && !/[\s("']/.test(body[start - 1]!)) return null;
  return body.slice(start, body.length - 1);
}

/** Split normalized text into sentence spans with offsets; never returns empty spans. */
export function splitSentences(text: string): Span[] {
  const raw: Span[] = [];
  // Paragraph breaks always end a sentence, whatever the segmenter thinks.
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const ends = sentenceEnds(line);
    if (ends === null) {
      for (const seg of segmenter.segment(line)) {
        raw.push({ start: lineStart + seg.index, end: lineStart + seg.index + seg.segment.length });
      }
    } else {
      let start = 0;
      for (const end of ends) {
        raw.push({ start: lineStart + start, end: lineStart + end });
        start = end;
      }
    }
    lineStart += line.length + 1;
  }
  const merged: Span[] = [];
  for (const span of raw) {
    const prev = merged[merged.length - 1];
    const body = text.slice(span.start, span.end);
    const sameLine = prev !== undefined && !text.slice(prev.end, span.start).includes('\n');
    if (prev && sameLine && shouldJoin(text.slice(prev.start, prev.end), body)) {
      prev.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged.map(trimSpan(text)).filter((s) => s.end > s.start);
}

function shouldJoin(previous: string, next: string): boolean {
  const trimmed = next.trimStart();
  // A continuation that starts in lower case ("... to Kiev. on Sunday night") or with a closing mark.
  if (/^[a-z,;:)]/.test(trimmed)) return true;
  return endsWithAbbreviation(previous) && /^[A-Z0-9"']/.test(trimmed);
}

function trimSpan(text: string) {
  return (span: Span): Span => {
    let { start, end } = span;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return { start, end };
  };
}
