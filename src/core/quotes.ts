// Quotations and who said them: pair the straight double quotes left by normalization, then look for
// a reporting verb next to the quote ("Austin told reporters", "said the official").
import type { Quote, Span } from './types';
import { isSpace } from './words';

const REPORTING =
  'said|says|told|added|noted|stated|explained|wrote|tweeted|argued|insisted|warned|declared|asked|recalled|continued';
const AFTER = new RegExp(
  `^[,.]?\\s*(?:(?:${REPORTING})\\s+)?((?:the\\s+)?[A-Za-z][\\w.'-]*(?:\\s+[A-Za-z][\\w.'-]*){0,4}?)\\s+(?:${REPORTING})\\b`,
);
const AFTER_VERB_FIRST = new RegExp(
  `^[,.]?\\s*(?:${REPORTING})\\s+((?:the\\s+)?[A-Za-z][\\w.'-]*(?:\\s+[A-Z][\\w.'-]*){0,4})`,
);
const BEFORE = new RegExp(
  `((?:the\\s+)?[A-Za-z][\\w.'-]*(?:\\s+[A-Za-z][\\w.'-]*){0,4}?)\\s+(?:${REPORTING})(?:\\s+\\w+){0,3}\\s*[,:]?\\s*$`,
);

// BEFORE is tried from each of the eighty characters before a quote, its words lazily; every match
// holds a reporting verb after a space, and most quotes have none before them: looked for first.
const BEFORE_VERB = new RegExp(`\\s(?:${REPORTING})`);

/** Spans of quoted passages of at least three words. */
export function findQuoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  let open = -1;
  // One pass over the character codes. (A loop of indexOf from one quote to the next, with an
  // indexOf for the next newline inside it, was quadratic on a text of thousands of quotes: once
  // V8 had optimised it, it took seconds per MB.)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A paragraph break closes nothing: a quote open before it is forgotten.
    if (c === NEWLINE) open = -1;
    if (c !== QUOTE) continue;
    if (open < 0) open = i;
    else {
      if (threeWordsOrMore(text, open + 1, i)) spans.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return spans;
}
const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Whether text.slice(from, to).trim().split(/\s+/) has three pieces or more: two runs of white space
 * inside the trimmed passage, counted in place.
 */
function threeWordsOrMore(text: string, from: number, to: number): boolean {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  let runs = 0;
  // text[from] is no space: every run inside starts after a character that is none.
  for (let k = from + 1; k < to; k++)
    if (isSpace(text.charCodeAt(k)) && !isSpace(text.charCodeAt(k - 1)) && ++runs >= 2) return true;
  return false;
}

/** Who a quote is attributed to, as written in the surrounding sentence text, or null. */
export function findSpeakerText(text: string, quote: Span, sentence: Span): string | null {
  const after = text.slice(quote.end, Math.min(sentence.end, quote.end + 80));
  const m = AFTER_VERB_FIRST.exec(after) ?? AFTER.exec(after) ?? speakerBefore(text, quote, sentence);
  if (!m) return null;
  const who = m[1]!.trim();
  if (/^(it|this|that|which|and|but)$/i.test(who)) return null;
  return who;
}

function speakerBefore(text: string, quote: Span, sentence: Span): RegExpExecArray | null {
  const before = text.slice(Math.max(sentence.start, quote.start - 80), quote.start);
  return BEFORE_VERB.test(before) ? BEFORE.exec(before) : null;
}

export function makeQuote(
  text: string,
  span: Span,
  speakerText: string | null,
  speaker: string | null,
): Quote {
  // Written out, not spread from the span: a spread object extended with more properties is slow in V8.
  return {
    start: span.start,
    end: span.end,
    text: text.slice(span.start + 1, span.end - 1).trim(),
    speakerText,
    speaker,
  };
}
