// Rule either-fate: a count told with two fates joined by "or" ("destroyed or damaged … in about 15
// villages", "20 people dead or missing", "killed or injured 50") counts everything that met either, a
// wider count than one of the fates alone: "flattening seven villages" (ECB+ 20_3ecbplus) and "destroyed
// or damaged … about 15 villages" (20_4ecbplus) can both be true. Such a pair is compared only when the
// single fate is counted above the union, which cannot be; two unions, or two single fates, are compared
// as before.
import type { Quantity } from '../types';
import { classOf } from '../unit-class';
import { figureIn } from './around-figure';

/** A word of what befell a thing or person: a participle or one of the usual adjectives. */
const FATE = '(?:[a-z]{3,}ed|dead|hurt|missing|lost|stolen|broken|sunk|shot|burnt|burned|torn down)';
/** "destroyed or damaged", "dead or missing", "killed or injured". */
const EITHER = new RegExp(`\\b${FATE}\\s+or\\s+${FATE}\\b`, 'i');
/** The figure's clause before it (back to a stop or a semicolon) and the words right after it. */
const CLAUSE_BEFORE = /[^.;:!?]*$/;
const BEFORE = 100;
const AFTER = /^[^.;:!?,]{0,40}/;

/** Whether a count is of things or people that met either of two fates. */
export function eitherFate(claimText: string, q: Quantity): boolean {
  const family = classOf(q).family;
  if (family !== 'count' && family !== 'fate') return false;
  const f = figureIn(claimText, q);
  if (!f) return false;
  const before = CLAUSE_BEFORE.exec(f.before(BEFORE))![0];
  const after = AFTER.exec(f.after())![0];
  return EITHER.test(before) || EITHER.test(after);
}

/** One count of either of two fates and one of a single fate no larger: both may hold. */
export function singleWithinEither(textA: string, qa: Quantity, textB: string, qb: Quantity): boolean {
  const ea = eitherFate(textA, qa);
  if (ea === eitherFate(textB, qb)) return false;
  const [single, union] = ea ? [qb, qa] : [qa, qb];
  return single.low <= union.high;
}
