// A quantity that states exactly one value over text[start, end): the shape several readers build.
import type { Quantity } from '../types';

export function exactQuantity(
  text: string,
  start: number,
  end: number,
  value: number,
  unit: string,
  unitClass: string,
  modifiers: string[] = [],
): Quantity {
  return {
    start,
    end,
    text: text.slice(start, end),
    value,
    low: value,
    high: value,
    lowInclusive: true,
    highInclusive: true,
    unit,
    unitClass,
    modifiers,
    rate: null,
    hedge: null,
  };
}
