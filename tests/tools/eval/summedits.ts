// SummEdits dev (Laban et al. 2023, non-news domains): a source document against a summary. On
// `figure_edited` pairs the summary's figure was changed and annotators judged it inconsistent, so a
// conflict should be flagged; on `consistent` pairs any conflict is a false alarm. Scored as balanced
// accuracy, overall and per domain, through the same compare path as POST /api/compare.
import { conflictsAcross, ratio } from './common';

export interface SummEditsRecord {
  domain: string;
  id: string;
  kind: 'figure_edited' | 'consistent';
  doc: string;
  original_summary: string;
  summary: string;
  edit_types: string[];
}

export interface SummEditsTally {
  figureEdited: number;
  found: number;
  consistent: number;
  falseAlarms: number;
  recall: number;
  falseAlarmRate: number;
  balancedAccuracy: number;
}

const tally = (): SummEditsTally => ({
  figureEdited: 0,
  found: 0,
  consistent: 0,
  falseAlarms: 0,
  recall: 0,
  falseAlarmRate: 0,
  balancedAccuracy: 0,
});
const finish = (t: SummEditsTally) => {
  t.recall = ratio(t.found, t.figureEdited);
  t.falseAlarmRate = ratio(t.falseAlarms, t.consistent);
  t.balancedAccuracy = (t.recall + 1 - t.falseAlarmRate) / 2;
  return t;
};

/** The deterministic --quick subset: every fourth record of each domain and kind, in file order. */
export function quickSubset(records: SummEditsRecord[]): SummEditsRecord[] {
  const seen = new Map<string, number>();
  return records.filter((r) => {
    const key = `${r.domain}/${r.kind}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n % 4 === 0;
  });
}

export function scoreSummEdits(records: SummEditsRecord[]) {
  const all = tally();
  const byDomain: Record<string, SummEditsTally> = {};
  const missedCases: { id: string; domain: string; summary: string }[] = [];
  const falseAlarmCases: { id: string; domain: string; summary: string; why: string }[] = [];
  for (const r of records) {
    const links = conflictsAcross({ id: 'doc', text: r.doc }, { id: 'summary', text: r.summary });
    byDomain[r.domain] ??= tally();
    const rows = [all, byDomain[r.domain]!];
    for (const t of rows) {
      if (r.kind === 'figure_edited') {
        t.figureEdited++;
        if (links.length > 0) t.found++;
      } else {
        t.consistent++;
        if (links.length > 0) t.falseAlarms++;
      }
    }
    if (r.kind === 'figure_edited' && links.length === 0)
      missedCases.push({ id: r.id, domain: r.domain, summary: r.summary });
    if (r.kind === 'consistent' && links.length > 0)
      falseAlarmCases.push({
        id: r.id,
        domain: r.domain,
        summary: r.summary,
        why: links[0]!.explanation.summary,
      });
  }
  for (const t of Object.values(byDomain)) finish(t);
  return { pairs: records.length, ...finish(all), byDomain, missedCases, falseAlarmCases };
}

export type SummEditsScore = ReturnType<typeof scoreSummEdits>;
