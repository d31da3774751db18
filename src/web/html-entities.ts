// HTML character references decoded from a name list instead of `entities`' trie, for the Worker bundle
// (the trie is 13 KiB gzip of its 250 KiB budget, this list 7 KiB). wrangler.toml aliases
// `entities/decode` here, so htmlparser2's tokenizer gets this EntityDecoder in the Worker; Node keeps
// `entities`. Both decode alike: tests/security/html-entities.test.ts compares them name by name, in
// text, attributes and XML, whole and written in pieces.
import { HTML_ENTITIES } from './html-entities.data';

/** As `entities`' DecodingMode: Legacy in text, Attribute in attribute values, Strict in XML. */
export const DecodingMode = { Legacy: 0, Strict: 1, Attribute: 2 } as const;
export type DecodingMode = (typeof DecodingMode)[keyof typeof DecodingMode];

/** Stand-ins for `entities`' trees: which table a decoder reads (XML knows five names). */
export const htmlDecodeTree = 'html';
export const xmlDecodeTree = 'xml';
type Tree = typeof htmlDecodeTree | typeof xmlDecodeTree;

const XML_NAMES = new Map([
  ['amp', '&'],
  ['apos', "'"],
  ['gt', '>'],
  ['lt', '<'],
  ['quot', '"'],
]);

let names: Map<string, string> | null = null;
let legacyNames: Set<string> | null = null;
/** The longest legacy name (they are matched as prefixes of a longer run of name characters). */
const LEGACY_MAX = 6;

/** The table, read from its packed form on first use (tests/tools/html-entities.ts writes it). */
function table(): Map<string, string> {
  if (names) return names;
  names = new Map();
  legacyNames = new Set();
  const [single = '', multi = ''] = HTML_ENTITIES.split('|');
  let point = 0;
  for (const m of single.matchAll(/(\d*)([A-Za-z][A-Za-z0-9]*)(\*?);/g)) {
    point += m[1] ? Number(m[1]) : 0;
    add(m[2]!, m[3]!, String.fromCodePoint(point));
  }
  for (const entry of multi.split(',')) {
    const [, name = '', star = '', hex = ''] = entry.match(/^([A-Za-z0-9]+)(\*?);(.*)$/) ?? [];
    add(name, star, String.fromCodePoint(...hex.split('.').map((h) => Number.parseInt(h, 16))));
  }
  return names;
}

function add(name: string, star: string, value: string) {
  names!.set(name, value);
  if (star) legacyNames!.add(name);
}

/** C1 controls in a numeric reference mean Windows-1252's characters (HTML spec); 0 = itself. */
const C1 = [
  8364, 0, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 0, 381, 0, 0, 8216, 8217, 8220, 8221,
  8226, 8211, 8212, 732, 8482, 353, 8250, 339, 0, 382, 376,
];

function numericCodePoint(n: number, xml: boolean): number {
  if (n === 0 || (n >= 0xd800 && n <= 0xdfff) || n > 0x10ffff) return 0xfffd;
  return !xml && n >= 128 && n <= 159 ? C1[n - 128] || n : n;
}

const isNameChar = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
const SEMI = 59;

const State = { Start: 0, NumericStart: 1, Decimal: 2, Hex: 3, Named: 4 } as const;

/**
 * `entities`' streaming EntityDecoder, as htmlparser2's tokenizer uses it: startEntity after an `&`,
 * then write() with the text after it (−1: needs more, else how many characters the reference took
 * with its `&`, 0 for none), end() when the input ends. Code points go to `emitCodePoint`.
 */
export class EntityDecoder {
  private mode: DecodingMode = DecodingMode.Strict;
  private state: number = State.Start;
  private consumed = 1;
  private value = 0;
  private name = '';
  private readonly xml: boolean;

  constructor(
    tree: Tree,
    private readonly emitCodePoint: (codePoint: number, consumed: number) => void,
  ) {
    this.xml = tree === xmlDecodeTree;
  }

  startEntity(mode: DecodingMode): void {
    this.mode = mode;
    this.state = State.Start;
    this.consumed = 1;
    this.value = 0;
    this.name = '';
  }

  write(input: string, offset: number): number {
    let i = offset;
    if (this.state === State.Start) {
      if (i >= input.length) return -1;
      if (input.charCodeAt(i) === 35 /* # */) {
        this.state = State.NumericStart;
        this.consumed++;
        i++;
      } else this.state = State.Named;
    }
    if (this.state === State.NumericStart) {
      if (i >= input.length) return -1;
      if ((input.charCodeAt(i) | 32) === 120 /* x */) {
        this.state = State.Hex;
        this.consumed++;
        i++;
      } else this.state = State.Decimal;
    }
    if (this.state === State.Named) {
      const start = i;
      while (i < input.length && isNameChar(input.charCodeAt(i))) i++;
      this.name += input.slice(start, i);
      return i < input.length ? this.endNamed(input.charCodeAt(i)) : -1;
    }
    const hex = this.state === State.Hex;
    for (; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (!(hex ? isHex(c) : isDigit(c))) return this.endNumeric(c);
      this.value = this.value * (hex ? 16 : 10) + (isDigit(c) ? c - 48 : (c | 32) - 87);
      this.consumed++;
    }
    return -1;
  }

  end(): number {
    if (this.state === State.Named) return this.endNamed(-1);
    if (this.state === State.Decimal || this.state === State.Hex) return this.endNumeric(-1);
    return 0;
  }

  /** After a run of digits: at least one, and a semicolon unless the mode forgives it. */
  private endNumeric(next: number): number {
    if (this.consumed <= (this.state === State.Hex ? 3 : 2)) return 0;
    if (next === SEMI) this.consumed++;
    else if (this.mode === DecodingMode.Strict) return 0;
    this.emitCodePoint(numericCodePoint(this.value, this.xml), this.consumed);
    return this.consumed;
  }

  /**
   * After the run of name characters (`next` the character that ended it, −1 at the end): the whole
   * run with a semicolon, else (not in XML) the longest legacy name it starts with; in an attribute
   * only when that is the whole run and no `=` follows (HTML spec, "named character reference state").
   */
  private endNamed(next: number): number {
    const run = this.name;
    const known = this.xml ? XML_NAMES : table();
    const whole = next === SEMI ? known.get(run) : undefined;
    if (whole !== undefined) return this.emit(whole, run.length + 2);
    if (this.mode === DecodingMode.Strict || this.xml) return 0;
    for (let length = Math.min(run.length, LEGACY_MAX); length > 0; length--) {
      const name = run.slice(0, length);
      if (!legacyNames!.has(name)) continue;
      if (this.mode === DecodingMode.Attribute && (length < run.length || next === 61) /* = */) return 0;
      return this.emit(known.get(name)!, length + 1);
    }
    return 0;
  }

  private emit(value: string, consumed: number): number {
    for (const c of value) this.emitCodePoint(c.codePointAt(0)!, consumed);
    return consumed;
  }
}

/** Text with its character references decoded, as `entities`' decodeHTML (`Legacy` by default). */
export function decodeHTML(text: string, mode: DecodingMode = DecodingMode.Legacy): string {
  let at = text.indexOf('&');
  if (at < 0) return text;
  let out = '';
  let from = 0;
  const decoder = new EntityDecoder(htmlDecodeTree, (cp) => {
    out += String.fromCodePoint(cp);
  });
  while (at >= 0) {
    out += text.slice(from, at);
    decoder.startEntity(mode);
    let used = decoder.write(text, at + 1);
    if (used < 0) used = decoder.end();
    if (used <= 0) {
      out += '&';
      from = at + 1;
    } else from = at + used;
    at = text.indexOf('&', from);
  }
  return out + text.slice(from);
}
