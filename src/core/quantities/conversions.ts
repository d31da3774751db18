// Conversions in parentheses (rule converted-figure): "58km (36 miles)", "85 million euros ($ 108
// million)", "a euro110 billion ($141 billion) loan". The figure in parentheses is the writer's
// conversion of the one before it into another unit or currency: it is no claim of its own, and
// another outlet's conversion of the same original ("$144 billion", "35 miles") differs by the rate
// and the rounding each used. It is compared through the original: it keeps its value but spans
// CONVERSION_TOLERANCE either side (exchange rates move between outlets and days; unit conversions
// are rounded), and is marked with the hedge "converted". A pass over a sentence's figures once read (index.ts).

import type { Quantity } from '../types';
import { classOf, unitClassKey } from '../unit-class';

/** Relative width of a converted figure: exchange rates of different days and outlets, rounding. */
export const CONVERSION_TOLERANCE = 0.05;

/** A currency written before or after the number just before "(": "euro110 billion", "85 million euros", "€110bn". */
const CURRENCY_FIGURE =
  /(?:(?:euros?|eur|€|£|¥|yen|yuan|rupees?|pounds?|rubles?|roubles?|francs?)\s*\d[\d.,]*\s*(?:trillion|billion|million|bn|mn|m)?|\d[\d.,]*\s*(?:trillion|billion|million|bn|mn|m)?\s*(?:euros?|pounds?|yen|yuan|rupees?|rubles?|roubles?|francs?|dollars?))\s*$/i;

/** What a figure converts within: money, or a measure's length or mass (unit classes of one dimension). */
function dimension(q: Quantity): string | undefined {
  const u = classOf(q);
  if (u.family === 'money') return 'money';
  return u.family === 'measure' && u.dimension !== 'magnitude' ? u.dimension : undefined;
}

/** Marks, in place, each figure in parentheses that converts the figure right before it. */
export function markConversions(qs: Quantity[], text: string): void {
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k]!;
    // The character after the figure, past spaces: ")" closes the parentheses, ";" or "," goes on to
    // another conversion of the same sum ("2m euros (£1.7m ; $2.6m)").
    let close = q.end;
    while (close < q.end + 3 && text[close] === ' ') close++;
    if (text[close] !== ')' && text[close] !== ';' && text[close] !== ',') continue;
    // The "(" right before the figure, across spaces only: a bounded look back, never the whole text.
    let open = q.start - 1;
    // A country's letters glued to its dollar sign ("(US$1.1 billion)") are part of the figure.
    while (open > 0 && open > q.start - 3 && /[A-Z]/.test(text[open]!)) open--;
    while (open > 0 && open > q.start - 6 && text[open] === ' ') open--;
    const dim = dimension(q);
    if (!dim) continue;
    // Rule listed-conversions: a figure after a conversion and a ";" or "," converts the same sum.
    const listedAfter = qs[k - 1];
    if (
      (text[open] === ';' || text[open] === ',') &&
      listedAfter?.hedge === 'converted' &&
      dimension(listedAfter) === dim &&
      listedAfter.unit !== q.unit &&
      text.slice(listedAfter.end, open).trim() === ''
    ) {
      widen(q);
      continue;
    }
    if (text[open] !== '(') continue;
    const before = text.slice(Math.max(0, open - 40), open);
    const prev = qs[k - 1];
    const original =
      prev && standsRightBefore(prev, open, text)
        ? dimension(prev) === dim && prev.unit !== q.unit
        : dim === 'money' && CURRENCY_FIGURE.test(before) && !sameCurrency(before, q.unit);
    if (!original) {
      if (prev && ownDollar(prev, q, text, open)) {
        q.unit = OWN_DOLLAR;
        q.unitClass = unitClassKey({ family: 'money', currency: OWN_DOLLAR, paysFor: null });
      }
      continue;
    }
    widen(q);
    // Rule dollar-is-the-conversion: "$2.6 million (two million Euros)": a dollar sum told with
    // the sum in another currency is the writer's conversion of it, at a rate of the day.
    if (prev && prev.unit === 'usd' && dimension(prev) === 'money' && standsRightBefore(prev, open, text))
      widen(prev);
  }
}

/** The figure stands right before the "(" at `open`, nothing but spaces between. */
const standsRightBefore = (q: Quantity, open: number, text: string) =>
  q.end <= open && text.slice(q.end, open).trim() === '';

function widen(q: Quantity): void {
  q.low = Math.min(q.low, tidy(q.value * (1 - CONVERSION_TOLERANCE)));
  q.high = Math.max(q.high, tidy(q.value * (1 + CONVERSION_TOLERANCE)));
  q.lowInclusive = true;
  q.highInclusive = true;
  q.hedge = 'converted';
}

/** A dollar of a country the text does not name: the outlet's own (Australian, Canadian …). */
export const OWN_DOLLAR = 'own-dollar';

/**
 * Rule own-dollar: "$US1 million ($1.52 million)": a bare dollar sum in parentheses after one the text
 * marks as US dollars is the same sum in the outlet's own dollar, not a second US figure.
 */
const ownDollar = (prev: Quantity, q: Quantity, text: string, open: number) =>
  prev.unit === 'usd' &&
  q.unit === 'usd' &&
  standsRightBefore(prev, open, text) &&
  /US\s*\$|\$\s*US/.test(text.slice(Math.max(0, prev.start - 3), prev.start + 4)) &&
  text[q.start] === '$';

/** "… 110 dollars (" before a dollar figure is no conversion. */
const sameCurrency = (before: string, unit: string) => unit === 'usd' && /dollars?\s*$/i.test(before);

/** 36 × 0.95 is 34.2, not 34.199999999999996. */
const tidy = (n: number) => Number(n.toPrecision(12));
