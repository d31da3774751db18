// The view models pages render (src/shared/view-models.ts declares where each comes from), and the
// shared shapes views read.

export type { HistoryEntry } from '../src/shared/history';
export type { QueueQuery } from '../src/shared/read-queries';
export type * from '../src/shared/view-models';
