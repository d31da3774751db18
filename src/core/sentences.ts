// Sentence spans: Intl.Segmenter's rules (same in Node and workerd) plus repair of splits they get wrong.
import { sentenceEnds } from './sentence-breaks';
import type { Span } from './types';
import { isSpace } from './words';

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
    // The spans of one line meet end to start; between lines lies a paragraph break.
    if (prev !== undefined && prev.end === span.start && shouldJoin(text, prev, span)) prev.end = span.end;
    else merged.push(span);
  }
  const out: Span[] = [];
  for (const whole of merged)
    for (const span of splitAtEllipsisAfterStop(text, whole)) {
      const trimmed = trimSpan(text, span);
      if (trimmed.end > trimmed.start) out.push(trimmed);
    }
  return out;
}

// A full stop, spaces, then an ellipsis: "worth roughly $22 million per season. … ok, so, the Sox have".
const STOP_THEN_ELLIPSIS = /(?<=[a-z0-9%)]\.)[ \t]+(?=…|\.\.\.)/g;

/**
 * Rule `stop-before-ellipsis`: a blog's aside that opens with an ellipsis after a full stop is a
 * sentence of its own, though it goes on in lower case (which the Unicode rules read as the
 * sentence going on, SB8). Without this the aside's names are read as the figure's own.
 */
function splitAtEllipsisAfterStop(text: string, span: Span): Span[] {
  const body = text.slice(span.start, span.end);
  if (!body.includes('…') && !body.includes('...')) return [span];
  const parts: Span[] = [];
  let start = span.start;
  for (const m of body.matchAll(STOP_THEN_ELLIPSIS)) {
    const at = span.start + m.index;
    if (endsWithAbbreviation(text.slice(start, at))) continue;
    parts.push({ start, end: at });
    start = at;
  }
  parts.push({ start, end: span.end });
  return parts;
}

/** Whether `next` continues the sentence `previous` (both of one line), read in place. */
function shouldJoin(text: string, previous: Span, next: Span): boolean {
  let k = next.start;
  while (k < next.end && isSpace(text.charCodeAt(k))) k++;
  if (k === next.end) return false;
  const c = text.charCodeAt(k);
  // A continuation that starts in lower case ("... to Kiev. on Sunday night") or with a closing mark.
  if ((c >= 97 && c <= 122) || c === 44 || c === 59 || c === 58 || c === 41) return true;
  // After an abbreviation, a name or a number: [A-Z0-9"'].
  const nameOrNumber = (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39;
  return nameOrNumber && endsWithAbbreviation(text.slice(previous.start, previous.end));
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}
