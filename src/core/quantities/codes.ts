// Rule `named-number` (how a code is read): a number that completes the name before it, an identifier
// ("Flight 370", "Route 66", "Toby 3632") or a model code after an acronym ("737 MAX 9 aircraft"), is
// no amount (not-an-amount.ts) but it is a figure a report can get wrong: a summary's "737 MAX 8" for
// its document's "737 MAX 9", one outlet's "Flight 3407" for another's "Flight 3047". Read after the
// other readers, as a quantity of class `code:<name>` stating exactly that number, compared only with
// the same name's numbers (a report naming both "Apollo 11" and "Apollo 13" answers either one).

import type { Quantity } from '../types';
import { type UnitClass, unitClassKey } from '../unit-class';
import { MONTHS, type Token } from '../words';
import { exactQuantity } from './exact';
import { isNamedNumber } from './not-an-amount';

/**
 * Codes of the sentence, added to the quantities other readers found (none of which starts at the
 * number); whether any was added.
 */
export function addCodes(tokens: Token[], text: string, out: Quantity[]): boolean {
  let added = false;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'num' || !/^\d{1,5}$/.test(t.text)) continue;
    const name = tokens[i - 1]!;
    // Spaced from its name ("F-16", "76ers" are other shapes), not glued to letters after it, no month.
    if (name.type !== 'word' || name.end === t.start || MONTHS.has(name.lower)) continue;
    const next = tokens[i + 1];
    if (next && next.start === t.end && next.type === 'word') continue;
    // A year-like number after a name is an edition or a date ("Expo 2020", "Christmas 2019").
    if (/^(?:19|20)\d\d$/.test(t.text)) continue;
    if (!isNamedNumber(tokens, { from: i, to: i + 1, value: 0, decimals: 0, scale: 1, numeral: true }))
      continue;
    if (out.some((q) => q.start === t.start)) continue;
    const cls: UnitClass = { family: 'code', of: name.lower };
    out.push(exactQuantity(text, name.start, t.end, Number(t.text), name.lower, unitClassKey(cls)));
    added = true;
  }
  return added;
}

/**
 * Rule `street-block`: "the 12200 block of 223rd Street" is an address, not a count of blocks, and an
 * address is never rounded: "the 12000 block" is the numbers 12000 to 12099, so a report's "12000 block"
 * against another's "12200 block" of one street places one shooting on two blocks (ECB+ 16_1ecbplus /
 * 16_5ecbplus), where the count's rounding read them as one. Read as a code of the block, exactly.
 */
export function readStreetBlocks(qs: Quantity[], text: string): void {
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k]!;
    // One block, numbered in hundreds ("three blocks of Main Street" is a count).
    if (q.unit !== 'block' || !/\bblock$/i.test(q.text) || q.value < 100 || q.value % 100 !== 0) continue;
    if (q.rate !== null || !/^\s+of\s/.test(text.slice(q.end, q.end + 5))) continue;
    qs[k] = exactQuantity(
      text,
      q.start,
      q.end,
      q.value,
      'block',
      unitClassKey({ family: 'code', of: 'block' }),
    );
  }
}
