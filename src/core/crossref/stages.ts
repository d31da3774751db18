// Rule different-stages: news counts one thing at the stages of an event, each with its own verb:
// "five boats were seen approaching the vessels" and "captured three boats of the pirates" (ECB+
// 12_1ecbplus / 12_2ecbplus), "seven bullets entered Gray's body" and "Gray's gun was loaded with four
// bullets" (19_3ecbplus / 19_8ecbplus). Two counts at different stages are different facts. Read only
// from a verb of a small table right at the count, so that two verbs of one stage ("seized seven AK-47
// rifles" / "recovered 12 AK 47 guns") and counts with no such verb are compared as before.
import type { Quantity } from '../types';
import { classOf } from '../unit-class';
import { figureIn } from './around-figure';

type Stage = 'seen' | 'taken' | 'fired' | 'loaded';

/** Verbs by stage, as written right before the count ("spotted a group of five") or after it ("five boats were seen"). */
const STAGE_VERBS: Record<Stage, string> = {
  seen: 'spotted|sighted|seen|saw|detected|noticed|observed|approaching|closing in',
  taken: 'captured|seized|confiscated|impounded|sunk|sank|recovered|intercepted|shot down|destroyed',
  // "hit" and "struck" only with "by" before the count (BY_BEFORE): "five villages had been badly hit" is no bullet's.
  fired: 'fired|entered',
  loaded: 'loaded with|carrying|containing|contained|holding|packed with',
};
const STAGES = Object.entries(STAGE_VERBS) as [Stage, string][];

/** The verb right before the count, past an article and a group word: "spotted a group of five suspicious boats". */
const BEFORE = new RegExp(
  `\\b(${STAGES.map(([, v]) => v).join('|')})\\s+(?:(?:a|an|the|some|another|all|at least)\\s+)?(?:(?:group|fleet|total|cache|number)\\s+of\\s+)?$`,
  'i',
);
/** The verb right after the counted thing: "five boats were seen approaching", "seven bullets entered". */
const AFTER = new RegExp(
  `^\\s+(?:[\\w-]+\\s+){0,3}?(?:(?:were|was|had been|have been|been)\\s+)?(${STAGES.map(([, v]) => v).join('|')})\\b`,
  'i',
);
/** By: "hit by seven bullets", "struck by three bullets". */
const BY_BEFORE = /\b(hit|struck)\s+by\s+$/i;

const stageOfVerb = (verb: string): Stage | null => {
  const v = verb.toLowerCase().replace(/\s+/g, ' ');
  for (const [stage, verbs] of STAGES) if (verbs.split('|').includes(v)) return stage;
  return null;
};

/** The stage a count is told at, or null when no verb of the table is right at it. */
export function stageOf(claimText: string, q: Quantity): Stage | null {
  if (classOf(q).family !== 'count') return null;
  const f = figureIn(claimText, q);
  if (!f) return null;
  const before = f.before(40);
  const by = BY_BEFORE.exec(before);
  if (by) return 'fired';
  const m = BEFORE.exec(before) ?? AFTER.exec(f.after(50));
  return m ? stageOfVerb(m[1]!) : null;
}
