// npm run eval's EQUATE scorer: the conflicts flagged between the two sentences of each pair, by label.
import { conflictsBetween, docOf } from './common';

// EQUATE: entailed pairs agree by construction, so any conflict flagged between them is a false alarm.
export interface EquatePair {
  id: string;
  premise: string;
  hypothesis: string;
  label: string;
}
/** False alarms on EQUATE's dev pairs (`quick`: every fifth). */
export function equate(all: EquatePair[], quick: boolean) {
  const pairs = quick ? all.filter((_, i) => i % 5 === 0) : all;
  const byLabel: Record<string, { pairs: number; flagged: number }> = {};
  const falseAlarms: { id: string; premise: string; hypothesis: string; why: string }[] = [];
  for (const p of pairs) {
    const links = conflictsBetween([
      { id: 'premise', text: p.premise },
      { id: 'hypothesis', text: p.hypothesis },
    ]).filter((l) => docOf(l.a) !== docOf(l.b));
    byLabel[p.label] ??= { pairs: 0, flagged: 0 };
    const row = byLabel[p.label]!;
    row.pairs++;
    if (links.length > 0) {
      row.flagged++;
      if (p.label === 'entailment')
        falseAlarms.push({
          id: p.id,
          premise: p.premise,
          hypothesis: p.hypothesis,
          why: links[0]!.explanation.summary,
        });
    }
  }
  const ent = byLabel.entailment ?? { pairs: 0, flagged: 0 };
  return {
    pairs: pairs.length,
    byLabel,
    falseAlarmRate: ent.pairs ? ent.flagged / ent.pairs : 0,
    falseAlarms,
  };
}
