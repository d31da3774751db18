// Rule temperature: "38C", "100F", "41°C", "38 degrees Celsius" are temperatures, read in degrees
// Celsius (Fahrenheit converted), so one outlet's "38C" meets another's "100F" and not its "41C". A stage
// of the amount reader (amount.ts), before the counted thing.
import { startsUpper, type Token } from '../words';
import type { AmountReading } from './reading';

const SCALES = new Map([
  ['c', 'celsius'],
  ['celsius', 'celsius'],
  ['centigrade', 'celsius'],
  ['f', 'fahrenheit'],
  ['fahrenheit', 'fahrenheit'],
]);

/** Nouns a glued letter after the number makes a code of: "seat 14C", "flat 3F". */
const CODE_NOUNS = new Set(
  'seat row gate room apartment flat unit platform terminal page floor level suite bay block'.split(' '),
);

/** The scale written at k ("C", "F", "Celsius", "Fahrenheit"; a single letter only in capitals), or null. */
function scaleAt(tokens: Token[], k: number): string | null {
  const t = tokens[k];
  if (t?.type !== 'word') return null;
  if (t.text.length === 1 && t.text !== t.text.toUpperCase()) return null;
  return SCALES.get(t.lower) ?? null;
}

/**
 * The temperature after the figure: a capital C or F glued to it ("38C"), a degree sign and a scale
 * ("41°C", "41 °F"), or "degrees" and a scale ("38 degrees Celsius"). "Degrees" alone may be an angle
 * and stays what it was; a figure after "minus" or a dash is left unread (the sign is not in the number).
 * False when the figure is no amount: a code ("seat 14C"), or a temperature below zero written with
 * its glued scale ("minus 5C"). A whole degree stands for half a degree either side of it, so 100F (37.5–38.1C) meets 38C.
 */
export function readTemperature(r: AmountReading, tokens: Token[]): boolean {
  if (r.percent || r.currency || r.unitClass !== null) return true;
  // A range of temperatures ("38-40C") is left unread, as digits glued to a letter were before.
  const glued = tokens[r.j]?.start === tokens[r.j - 1]?.end && /^[CF]$/.test(tokens[r.j]?.text ?? '');
  if (r.found.rangeEnd) return !glued;
  const j = r.j;
  const t = tokens[j];
  if (!t) return true;
  let scale: string | null = null;
  let end = j + 1;
  if (t.text === '°' || t.lower === 'degrees' || t.lower === 'degree') {
    scale = scaleAt(tokens, j + 1);
    end = j + 2;
  } else if (t.start === tokens[j - 1]!.end && t.text.length === 1) scale = scaleAt(tokens, j);
  if (!scale) return true;
  const before = tokens[(r.found.hedge?.from ?? r.i) - 1];
  // A glued letter after a place's name or noun is a code ("Seat 14C", "Apartment 3F", "Row 12F"): no amount.
  const code =
    end === j + 1 &&
    before !== undefined &&
    (before.type !== 'word' || startsUpper(before.text) || CODE_NOUNS.has(before.lower));
  if (code || before?.lower === 'minus' || before?.text === '-') return end > j + 1;
  const toC = scale === 'fahrenheit' ? (f: number) => ((f - 32) * 5) / 9 : (c: number) => c;
  const num = r.found.num;
  const half = num.decimals > 0 ? 0.5 * 10 ** -num.decimals : 0.5;
  const round = (x: number) => Math.round(x * 100) / 100;
  r.found = {
    ...r.found,
    num: {
      ...num,
      value: round(toC(num.value)),
      low: round(toC((num.low ?? num.value) - half)),
      high: round(toC((num.high ?? num.value) + half)),
    },
  };
  r.unit = scale;
  r.unitClass = { family: 'measure', unit: 'celsius', dimension: 'temperature' };
  r.j = end;
  return true;
}
