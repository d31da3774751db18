// Normalization: one canonical text per article, so offsets, hashes and matching all agree.
import { Parser } from 'htmlparser2';
import { wellFormed } from './clean';

const QUOTES: Record<string, string> = {
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u2032': "'",
  '\u2013': '-',
  '\u2212': '-',
  '\u2014': ' - ',
  '\u2026': '...',
  '\u00a0': ' ',
};

// Zero-width and bidirectional control characters carry no meaning for claims and can hide text:
// dropped. Other C0/C1 controls except tab, newline and carriage return: a space. Typographic quotes,
// dashes and spaces: their plain forms. Each is one character for one, so the three are one pass.
const INVISIBLE = '\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad';
const CONTROL = '\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f';
const SPECIAL = new RegExp(`([${INVISIBLE}])|([${CONTROL}])|[${Object.keys(QUOTES).join('')}]`, 'g');
const plain = (c: string, invisible?: string, control?: string) =>
  invisible ? '' : control ? ' ' : QUOTES[c]!;

// Runs of blanks, each to become one space. A lone space is no match: it already is one, and replacing
// each of an article's thousand spaces with itself was most of the cost of this pass.
const BLANK_RUN = /[\t\f\v][ \t\f\v]*| [ \t\f\v]+/g;

// Spaces beside a newline: what / *\n */ replaces by a newline, without matching (and replacing by
// itself) every newline that has none, or trying a match from each of the article's spaces.
const SPACED_NEWLINE = / +\n *|\n +/g;

/** Canonical text: NFC, straight quotes, plain dashes, no invisible characters, tidy whitespace. */
export function normalizeText(input: string): string {
  // Well-formed first: a lone surrogate (U+FFFD after) must never reach the store (src/core/clean.ts).
  const plainText = wellFormed(input).normalize('NFC').replace(SPECIAL, plain);
  // Compacted before the whitespace passes, so that they too read one byte per character; only when
  // it fits Latin-1 already (else after them: trimming may drop the last character beyond it).
  const early = !BEYOND_LATIN1.test(plainText);
  const tidy = (early ? oneByte(plainText) : plainText)
    .replace(/\r\n?/g, '\n')
    .replace(BLANK_RUN, ' ')
    .replace(SPACED_NEWLINE, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return early ? tidy : compact(tidy);
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * The same text, held one byte per character when it fits. In Node 20's V8 a string that once held a
 * curly quote stays two bytes per character after the quote is replaced, and every slice, regular
 * expression and toLowerCase of it then takes the slower two-byte path (extraction ~15 % slower);
 * decoding UTF-8 yields the compact form again. workerd's newer V8 showed no difference either way
 * (the round trip costs it a few µs). Only without characters beyond Latin-1, so that no lone
 * surrogate is ever replaced.
 */
function compact(text: string): string {
  if (BEYOND_LATIN1.test(text)) return text;
  return oneByte(text);
}

/** The same text decoded afresh from its UTF-8: one byte per character when it fits Latin-1. */
const oneByte = (text: string) => utf8Decoder.decode(utf8Encoder.encode(text));

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'tr',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'figcaption',
  'pre',
  'hr',
  'dd',
  'dt',
  'title',
]);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'head',
  'nav',
  'form',
]);

/** Reduce HTML to its readable text; forgiving of broken markup, linear in its size. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIP.has(name)) skipDepth++;
        else if (BLOCK.has(name)) out.push('\n');
      },
      onclosetag(name, implied) {
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK.has(name) && !implied) out.push('\n');
      },
      ontext(text) {
        if (skipDepth === 0) out.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out.join('');
}

/** Pasted input counts as HTML only when it is wrapped in markup; a stray "<" in prose stays text. */
export function looksLikeHtml(raw: string): boolean {
  const t = raw.trim();
  return t.startsWith('<') && t.endsWith('>') && /<\/?[a-z][a-z0-9]*[\s>/]/i.test(t);
}
