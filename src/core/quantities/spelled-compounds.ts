// Rule `spelled-compound`: an age spelled out and glued by hyphens ("a six-year-old boy", "Sixty-year-old
// Sharron Smith", "twenty-two-year-old") is one word to the tokenizer, so no reader saw a number in it;
// "6-year-old" is three tokens (6, -, year-old). The compound is split the same way here, for the
// quantity readers only (names and terms keep the word).
// Ages only: reading spelled-out lengths too ("an eight-year offer", "seven-year offers") found deal terms
// of different teams' offers, which no rule tells apart yet (ECB+ cross-incident 13 -> 15 of 2991,
// within-incident +5, all Teixeira offers; tests/eval-data/DIAGNOSIS.md).
import { isNumberWord } from '../number-words';
import type { Token } from '../words';

/** The age a number word is glued to: "-year-old", "-month-old", "-week-old", "-day-old". */
const UNIT = /^(?:year|month|week|day)s?-old$/;

/** The tokens, with every spelled-out age split into number word, hyphen and "year-old". */
export function splitSpelledCompounds(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const parts = splitAt(tokens[k]!);
    if (parts) {
      out ??= tokens.slice(0, k);
      out.push(...parts);
    } else out?.push(tokens[k]!);
  }
  return out ?? tokens;
}

function splitAt(t: Token): Token[] | null {
  if (t.type !== 'word' || !t.text.includes('-')) return null;
  // "twenty-two-year-old": the number may hold a hyphen of its own; try the longer number first.
  const first = t.lower.indexOf('-');
  const second = t.lower.indexOf('-', first + 1);
  for (const cut of second > 0 ? [second, first] : [first]) {
    const number = t.lower.slice(0, cut);
    const unit = t.lower.slice(cut + 1);
    if (!isNumberWord(number) || !UNIT.test(unit)) continue;
    const piece = (from: number, to: number, type: Token['type']): Token => ({
      text: t.text.slice(from, to),
      lower: t.lower.slice(from, to),
      start: t.start + from,
      end: t.start + to,
      type,
    });
    return [piece(0, cut, 'word'), piece(cut, cut + 1, 'punct'), piece(cut + 1, t.text.length, 'word')];
  }
  return null;
}
