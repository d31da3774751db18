// Durations (family duration, one class per time unit): "four years", "a 20-year sentence", "90
// minutes". A stage of the amount reader: a figure whose unit is a time unit, unless it is an age.

import { TIME_UNITS } from '../units';
import type { AmountReading } from './reading';

export function readDuration(r: AmountReading): void {
  if (TIME_UNITS.has(r.unit) && r.unitClass?.family !== 'age')
    r.unitClass = { family: 'duration', unit: r.unit };
}
