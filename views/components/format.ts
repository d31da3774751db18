// Small display helpers shared by components: numbers, intervals, safe link targets, labels.
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '∞';
  if (Math.abs(n) >= 1e9) return `${numberFormat.format(n / 1e9)} billion`;
  if (Math.abs(n) >= 1e6) return `${numberFormat.format(n / 1e6)} million`;
  return numberFormat.format(n);
}

export interface IntervalLike {
  low: number;
  high: number | null;
  lowInclusive: boolean;
  highInclusive: boolean;
}

/** "57", "45 – 55", "more than 1,250", "at least 50", in words a reviewer reads at a glance. */
export function formatInterval(q: IntervalLike): string {
  const high = q.high ?? Number.POSITIVE_INFINITY;
  if (!Number.isFinite(high)) return `${q.lowInclusive ? 'at least' : 'more than'} ${formatNumber(q.low)}`;
  if (q.low === high) return formatNumber(q.low);
  if (q.low === 0 && !q.lowInclusive) return `${q.highInclusive ? 'up to' : 'under'} ${formatNumber(high)}`;
  return `${q.lowInclusive ? '[' : '('}${formatNumber(q.low)} – ${formatNumber(high)}${q.highInclusive ? ']' : ')'}`;
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text or dropped. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const LABELS: Record<string, string> = {
  unreviewed: 'Unreviewed',
  verified: 'Verified',
  disputed: 'Disputed',
  false: 'False',
  unverifiable: 'Unverifiable',
  open: 'Open',
  a_holds: 'A holds',
  b_holds: 'B holds',
  neither: 'Neither holds',
  dismissed: 'Not a real conflict',
  conflict: 'Conflict',
  corroboration: 'Agrees',
  different_scope: 'Different scope',
  quote_differs: 'Quote differs',
};

export const label = (value: string): string => LABELS[value] ?? value.replace(/_/g, ' ');

export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * An article's published time as reviewers read it: a date alone as given ("2026-12-04"), a time in
 * UTC like the other times on the pages ("2026-12-04 21:30 UTC"), anything unreadable as stored.
 */
export function formatPublished(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : `${formatDate(ms)} UTC`;
}

/** The label of a figure's source: the outlet, or the speaker it quotes. */
export function sourceLabel(r: { outlet: string; speaker?: string | null }): string {
  return r.speaker ? `${r.speaker}, quoted by ${r.outlet}` : r.outlet;
}
