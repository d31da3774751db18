// The pure core's public surface: extraction, cross-referencing and word diffs. No I/O anywhere below.
export { toMatchable } from './claims';
export { cleanLabel, cleanText, wellFormed } from './clean';
export {
  type CrossReferencePart,
  crossReference,
  crossReferenceExplained,
  crossReferencePart,
  describeInterval,
  explainPair,
  joinParts,
  type PairTrail,
  type TrailStep,
  termStatsFrom,
  weightedTerms,
} from './crossref';
export { type DiffPart, wordDiff } from './diff';
export { type NamingDifference, namingDifferences } from './entities';
export { entityNames, extractArticle } from './extract';
export { looksLikeHtml } from './text';
export type * from './types';
export type { UnitClass, UnitFamily } from './unit-class';
