// The audit log as layers above the database read it: one entry per review action, newest first, and
// who gave a target's current verdict (the review rules and the review box both ask).

/** What the audit log is about: a claim's verdict or a conflict (link) resolution. */
export type TargetType = 'claim' | 'link';

export interface HistoryEntry {
  id: number;
  /** 'article': an editor deleted that article (the only log row about articles). */
  targetType: TargetType | 'article';
  targetId: number;
  /** The login the audit log recorded. */
  reviewer: string;
  /** The account's display name when the login still has an account. */
  displayName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  evidence: string[];
  createdAt: number;
}

const SETS_STATUS = /^(mark|resolve|approve)_|^reopen$/;

/**
 * Who gave the current verdict, from a history (newest first): the latest entry that set the status
 * to what it is now. The review box reads it too, to offer only the buttons the rules allow.
 */
export function verdictGiver(history: readonly HistoryEntry[], status: string): HistoryEntry | null {
  return history.find((h) => SETS_STATUS.test(h.action) && h.toStatus === status) ?? null;
}
