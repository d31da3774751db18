// How much a conflict matters: the gap between the figures and how sure the match is.
import type { Severity } from '../types';

export function severityOf(difference: number, score: number): Severity {
  if (difference >= 0.1 && score >= 0.75) return 'high';
  if (difference >= 0.1 || score >= 0.85) return 'medium';
  return 'low';
}
