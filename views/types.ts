// The view models pages render: type-only re-exports of what the services return.

export type { ClaimSummary } from '../db/queries/claims';
export type { LinkWithClaims } from '../db/queries/links';
export type { HistoryEntry } from '../db/queries/reviews';
export type { ArticleView, ClaimView } from '../src/services/articles';
export type { CompareFact, ComparePair, CompareView } from '../src/services/compare-page';
export type { ComparedWith } from '../src/services/compared';
export type { ConflictDetail, ConflictQueue } from '../src/services/conflicts';
export type { QueueQuery } from '../src/services/queries';
export type { OutletPair, StoryFact, StorySummary, StoryView } from '../src/services/stories';
