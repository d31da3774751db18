// What views render, as types: the shapes the services (and the core, for explanations and diffs)
// hand to routes, which pass them on to views. Type-only re-exports, so views depend on this file and
// never on a service, a query or the core itself (tests/dependency-rules.test.ts keeps it so).
// Where to declare a new one: beside the service that builds it; add it here for the view.

export type { ClaimSummary } from '../../db/queries/claims';
export type { FeedItemRow, FeedRow } from '../../db/queries/feeds';
export type { LinkWithClaims } from '../../db/queries/links';
export type { QueueEntry } from '../../db/queries/queue-facts';
export type { AccountRow, TokenRow } from '../../db/queries/users';
export type { DiffPart, Explanation, QuantitySide } from '../core';
export type { ArticleView, ClaimDetail } from '../services/articles';
export type { BulkItemResult } from '../services/bulk';
export type { CompareFact, ComparePair, CompareView } from '../services/compare-page';
export type { ComparedWith } from '../services/compared';
export type { ConflictDetail, ConflictQueue, UnfoldedFact } from '../services/conflicts';
export type { Figure } from '../services/fact-model';
export type { FactRow, FactView } from '../services/facts';
export type { ImportProgress, ImportSummary } from '../services/imports';
export type { OutletMatrix, OutletPair, StoryFact, StorySummary, StoryView } from '../services/stories';
export type { WebhookView } from '../services/webhooks';
