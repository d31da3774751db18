// Text that is safe to store and show (issue 19): valid Unicode, no control characters, and in short
// labels (titles, outlets, names, notes) no invisible or bidirectional characters that can disguise
// one string as another ("Reu\u200Bters") or display it reversed (U+202E). Pure; used at the service
// boundary before anything is stored, and by normalizeText for article bodies.

/**
 * Lone UTF-16 surrogates become U+FFFD. They cannot be encoded as UTF-8, and SQLite's JSON functions
 * turn an escaped one ("\udfff") into bytes that are no UTF-8, which libSQL's client cannot read back.
 * `toWellFormed` is native on Node 20 and in workerd; the expression is the fallback.
 */
export function wellFormed(s: string): string {
  const native = (s as { toWellFormed?: () => string }).toWellFormed;
  return native ? native.call(s) : s.replace(LONE_SURROGATE, '\ufffd');
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Zero-width, bidirectional-control and other invisible formatting characters. */
export const INVISIBLE_CHARS =
  '\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb';
/** C0 and C1 controls and DEL, except tab, newline and carriage return. */
export const CONTROL_CHARS = '\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f';

const CONTROLS = new RegExp(`[${CONTROL_CHARS}]`, 'g');
const INVISIBLES = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');

/** Valid Unicode without control characters; line breaks as "\n", tabs kept. For longer free text. */
export function cleanText(s: string): string {
  return wellFormed(s).replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/**
 * cleanText without invisible and bidirectional characters, trimmed: what a title, an outlet, a name
 * or a note shows is all there is. Single-line labels (`multiline` false) get spaces for line breaks
 * and tabs.
 */
export function cleanLabel(s: string, multiline = false): string {
  const clean = cleanText(s).replace(INVISIBLES, '');
  return (multiline ? clean : clean.replace(/[\n\t]+/g, ' ')).trim();
}
