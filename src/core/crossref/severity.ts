// How much a conflict matters: the gap between the figures and how sure the match is. A soft conflict
// (bounds.ts: the literal intervals overlap, only the pragmatic readings do not) is always low.
import type { Severity } from '../types';

export function severityOf(difference: number, score: number, soft = false): Severity {
  if (soft) return 'low';
  if (difference >= 0.1 && score >= 0.75) return 'high';
  if (difference >= 0.1 || score >= 0.85) return 'medium';
  return 'low';
}
